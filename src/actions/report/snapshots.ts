/**
 * The Report snapshots sheet (月报快照): append-only. When a finished month's report is
 * generated, its headline figures per owner and for the team are appended once; a forced
 * regenerate appends a new revision, never rewriting an earlier one. The next report reads the
 * frozen figures of the previous report from here (one read) to find restatements.
 */
import type { CalDate } from "../../core/dates";
import { fromCents, toCents } from "../../core/money";
import type { ReportModel } from "../../core/report";
import { latestRevision, snapshotLines, TEAM, type SnapshotLine } from "../../core/restatements";
import type { Cell } from "../../ports";
import { isBlank } from "../../workbook/cells";
import { normalizeName } from "../../workbook/names";
import { TABLES } from "../../workbook/schema";
import { appendOutputRows } from "../../workbook/write";
import type { Run } from "../run";

/** Every readable line of the sheet (a line that cannot be read is skipped: the sheet is the tool's own). */
export function readSnapshots(run: Run): SnapshotLine[] {
  const sheet = run.sheets.get("reportSnapshots");
  if (sheet === undefined) return [];
  const values = run.env.workbook.readSheet(sheet) ?? [];
  if (values.length < 2) return [];
  const header = values[0].map((h) => (typeof h === "string" ? normalizeName(h) : ""));
  const at = new Map<string, number>();
  for (const column of TABLES.reportSnapshots.columns) {
    const index = header.findIndex((h) => h === normalizeName(column.en) || h === normalizeName(column.zh));
    if (index >= 0) at.set(column.key, index);
  }
  const cell = (line: readonly Cell[], key: string): Cell => {
    const index = at.get(key);
    return index === undefined ? null : (line[index] ?? null);
  };
  const amount = (value: Cell): number | null =>
    typeof value === "number" && Number.isFinite(value) ? toCents(value) : null;
  const out: SnapshotLine[] = [];
  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    const month = cell(line, "month");
    const owner = cell(line, "owner");
    const revision = Number(cell(line, "revision"));
    const won = amount(cell(line, "won"));
    if (isBlank(month) || isBlank(owner) || !Number.isInteger(revision) || won === null) continue;
    out.push({
      month: String(month).trim(),
      revision,
      owner: String(owner).trim().toLowerCase() === "all" ? TEAM : String(owner).trim().toLowerCase(),
      won,
      wonCount: Number(cell(line, "wonCount")) || 0,
      target: amount(cell(line, "target")),
      collected: amount(cell(line, "collected")),
    });
  }
  return out;
}

/** The month of the last report before `month` that has a snapshot, or null. */
export function previousReportMonth(lines: readonly SnapshotLine[], month: string): string | null {
  let found: string | null = null;
  for (const line of lines)
    if (line.month < month && (found === null || line.month > found)) found = line.month;
  return found;
}

/**
 * Appends the month's snapshot when the month is over and it has none yet (or when forced):
 * one write. Returns the revision appended, or null.
 */
export function appendSnapshot(
  run: Run,
  model: ReportModel,
  existing: readonly SnapshotLine[],
  generated: CalDate,
  force: boolean,
): { sheet: string; revision: number } | null {
  if (model.monthEnd >= run.asOf) return null;
  const current = latestRevision(existing, model.month);
  if (current.length > 0 && !force) return null;
  const revision = (current[0]?.revision ?? 0) + 1;
  const rows = snapshotLines(model, revision).map((line) => [
    line.month,
    line.revision,
    { date: generated },
    line.owner,
    fromCents(line.won),
    line.wonCount,
    line.target === null ? "" : fromCents(line.target),
    line.collected === null ? "" : fromCents(line.collected),
  ]);
  const sheet = appendOutputRows(run.env.workbook, run.sheets, "reportSnapshots", run.language, rows);
  return { sheet, revision };
}
