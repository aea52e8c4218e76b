/**
 * The decision stamp (审批记录): when someone sets a Status cell of the Approvals sheet, the
 * installable edit trigger records who (as far as Apps Script can tell; otherwise "unknown") and
 * when in the row's Decided by and Decided at cells. Approved or rejected stamps the row; back to
 * pending (or blank) clears the stamp. One read of Settings and one of the sheet, one write.
 */
import { msg, render } from "../i18n";
import type { Cell, Env } from "../ports";
import { isBlank, parseCode } from "../workbook/cells";
import { APPROVAL_STATUSES } from "../workbook/codes";
import { locateSheets, mapHeaders } from "../workbook/read";
import { normalizeName } from "../workbook/names";
import { TABLES } from "../workbook/schema";
import { formatTimestamp } from "./mail";
import { readWorkbookSettings } from "./run";

/** The block an edit changed (1-based), as the edit event's range gives it. */
export interface CellEdit {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** True when the sheet is the Approvals sheet (either language): the trigger's cheap first test. */
export function isApprovalsSheet(name: string): boolean {
  const text = normalizeName(name);
  return text === normalizeName(TABLES.approvals.en) || text === normalizeName(TABLES.approvals.zh);
}

/**
 * Stamps the decisions of an edit; returns how many rows were stamped or cleared. `who` is the
 * editor's address, or null when Apps Script cannot tell.
 */
export function stampDecisions(env: Env, edit: CellEdit, who: string | null): number {
  if (!isApprovalsSheet(edit.sheet)) return 0;
  const read = readWorkbookSettings(env.workbook, env.defaultTimeZone, "approvals");
  const sheet = locateSheets(env.workbook.sheetNames()).get("approvals");
  if (sheet === undefined) return 0;
  const values = env.workbook.readSheet(sheet) ?? [];
  const ctx = { action: "approvals" as const, dateOrder: read.settings.dateOrder };
  const header = mapHeaders("approvals", values[0] ?? [], sheet, ctx, []);
  const statusAt = header.index.get("status");
  const atAt = header.index.get("decidedAt");
  const byAt = header.index.get("decidedBy");
  if (statusAt === undefined || atAt === undefined || byAt === undefined) return 0;
  if (statusAt + 1 < edit.column || statusAt + 1 > edit.column + edit.columns - 1) return 0;
  const first = Math.max(edit.row, 2);
  const last = Math.min(edit.row + edit.rows - 1, values.length);
  if (last < first) return 0;
  const when = formatTimestamp(env.clock.now(), read.settings.timeZone);
  const name = who ?? render(read.settings.language, msg("approvals.unknownUser"));
  const [left, right] = atAt < byAt ? [atAt, byAt] : [byAt, atAt];
  const block: Cell[][] = [];
  let stamped = 0;
  for (let r = first; r <= last; r++) {
    const line = values[r - 1];
    const status = statusOf(line[statusAt] ?? null);
    const out: Cell[] = line.slice(left, right + 1).map((c) => c ?? "");
    while (out.length < right - left + 1) out.push("");
    if (status !== undefined) {
      const decided = status === "approved" || status === "rejected";
      out[atAt - left] = decided ? when : "";
      out[byAt - left] = decided ? name : "";
      stamped++;
    }
    block.push(out);
  }
  if (stamped > 0) env.workbook.writeBlock(sheet, first, left + 1, block);
  return stamped;
}

/** The status a cell says; null for blank (pending); undefined for text that is no status. */
function statusOf(cell: Cell): string | null | undefined {
  if (isBlank(cell)) return null;
  const parsed = parseCode(cell, APPROVAL_STATUSES);
  return parsed.ok ? parsed.value : undefined;
}
