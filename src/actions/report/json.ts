/**
 * The report as JSON (the command line's --json): the figures of rules.md §3 as before, plus
 * the topics as the renderers read them, amounts in yuan, rates as fractions, dates as
 * YYYY-MM-DD, a missing value null.
 */
import { formatIsoDate } from "../../core/dates";
import { fromCents } from "../../core/money";
import { reportJson, type ReportModel } from "../../core/report";
import type { ChangesSince } from "./context";
import type { ColumnKind, Topic, TopicValue } from "./topic";

function jsonValue(value: TopicValue | undefined, kind: ColumnKind): TopicValue {
  if (value === null || value === undefined || typeof value === "string") return value ?? null;
  if (kind === "money") return fromCents(value);
  if (kind === "date") return formatIsoDate(value);
  return value;
}

export function topicJson(topic: Topic) {
  const table = topic.table;
  return {
    id: topic.id,
    title: topic.title,
    figures: topic.figures.map((f) => ({
      label: f.label,
      kind: f.kind,
      value: jsonValue(f.value, f.kind),
      ...(f.target !== undefined ? { target: jsonValue(f.target, f.kind) } : {}),
      ...(f.change !== undefined ? { change: f.change.value } : {}),
    })),
    table: table
      ? {
          columns: table.columns.map((c) => ({ label: c.label, kind: c.kind })),
          rows: table.rows.map((r) => table.columns.map((c, i) => jsonValue(r.cells[i], c.kind))),
          ...(table.total ? { total: table.columns.map((c, i) => jsonValue(table.total?.[i], c.kind)) } : {}),
        }
      : null,
    chart: topic.chart ?? null,
    notes: [...topic.notes],
  };
}

/** The --json figures: rules.md §3's names, the restatements, and the topics. */
export function reportDocument(
  model: ReportModel,
  currency: string,
  topics: readonly Topic[],
  changes: ChangesSince | null,
) {
  return {
    ...reportJson(model, currency),
    restatements: changes
      ? {
          comparedWith: changes.month,
          revision: changes.revision,
          lines: changes.restatements.map((r) => ({
            month: r.month,
            owner: r.owner,
            figure: r.figure,
            reported: r.reported === null ? null : fromCents(r.reported),
            now: r.now === null ? null : fromCents(r.now),
            difference: fromCents(r.difference),
          })),
        }
      : null,
    topics: topics.map(topicJson),
  };
}

export type ReportDocument = ReturnType<typeof reportDocument>;
