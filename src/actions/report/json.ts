/**
 * The report as JSON (the command line's --json): the figures of rules.md §3 as before, plus
 * the lead funnel, the stale deals and win / loss by competitor, the topics as the renderers
 * read them, amounts in yuan, rates as fractions, dates as
 * YYYY-MM-DD, a missing value null.
 */
import { formatIsoDate } from "../../core/dates";
import { fromCents } from "../../core/money";
import { funnelJson, staleDealJson } from "../../core/funnel";
import type { PartnerModel } from "../../core/partners";
import { reportJson } from "../../core/report";
import { winLossJson } from "../../core/winLoss";
import type { ReportContext } from "./context";
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
export function reportDocument(context: ReportContext, topics: readonly Topic[]) {
  const { model, currency, changes, partners } = context;
  return {
    ...reportJson(model, currency),
    funnel: funnelJson(context.funnel),
    staleDeals: context.funnel.stale.map(staleDealJson),
    winLoss: winLossJson(context.winLoss),
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
    // Only with a Partners sheet: a workbook without one gets the document it got before.
    ...(partners === null ? {} : { partners: partnersJson(partners) }),
    topics: topics.map(topicJson),
  };
}

const iso = (date: number | null) => (date === null ? null : formatIsoDate(date));

/** Partner effectiveness (null without a Partners sheet): amounts in yuan, rates as fractions. */
function partnersJson(model: PartnerModel) {
  const channel = (f: PartnerModel["direct"]) => ({
    leads: f.leads,
    won: fromCents(f.won),
    wonCount: f.wonCount,
    lostCount: f.lostCount,
    winRate: f.winRate,
    medianDaysToClose: f.medianDaysToClose,
  });
  return {
    windowStart: iso(model.windowStart),
    reviewSince: iso(model.reviewSince),
    endingBy: iso(model.endingBy),
    commissionDue: fromCents(model.commissionDue),
    partners: model.partners.map((p) => ({
      partnerId: p.partner.partnerId,
      name: p.partner.name,
      type: p.partner.type,
      commissionRate: p.partner.commissionRate,
      agreementStart: iso(p.partner.agreementStart),
      agreementEnd: iso(p.partner.agreementEnd),
      ...channel(p),
      wonThisMonth: fromCents(p.wonThisMonth),
      commissionDue: p.commissionDue === null ? null : fromCents(p.commissionDue),
      lastDealCreated: iso(p.lastDealCreated),
      endingSoon: p.endingSoon,
      forReview: p.forReview,
    })),
    direct: channel(model.direct),
    all: channel(model.all),
  };
}

export type ReportDocument = ReturnType<typeof reportDocument>;
