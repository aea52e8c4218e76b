/**
 * The one reader of Tier history (分级记录), the sheet the tier action appends to: the monthly
 * report counts a month's changes from it, the client card lists a client's. One read of the
 * sheet; a row whose Date, Client ID (required), To or From cannot be read is a data issue
 * (sheet, row, column) and is left out; a blank From is a first assignment.
 */
import type { CalDate } from "../core/dates";
import type { Cell, WorkbookPort } from "../ports";
import { msg } from "../i18n";
import { MAX_ID_LENGTH, displayCell, isBlank, parseCode, parseDate, parseText, type Parsed } from "./cells";
import { TIERS, type Tier } from "./codes";
import type { DataIssue } from "./issues";
import { mapHeaders, type ReadContext, type SheetMap } from "./read";

export interface TierHistoryRow {
  readonly date: CalDate;
  readonly clientId: string;
  /** null: a first assignment. */
  readonly from: Tier | null;
  readonly to: Tier;
  readonly reason: string | null;
  readonly by: string | null;
  /** The row's number in the sheet (2 = the first row under the header). */
  readonly row: number;
}

export interface TierHistoryOptions extends ReadContext {
  /** Only this client's rows (others are neither parsed nor reported). */
  readonly clientId?: string;
}

/** The rows of Tier history in sheet order (one read); [] when the sheet or a key column is missing. */
export function readTierHistory(
  workbook: Pick<WorkbookPort, "readSheet">,
  sheets: SheetMap,
  options: TierHistoryOptions,
  issues: DataIssue[],
): TierHistoryRow[] {
  const sheet = sheets.get("tierHistory");
  if (sheet === undefined) return [];
  const values = workbook.readSheet(sheet) ?? [];
  if (values.length < 2) return [];
  const header = mapHeaders(
    "tierHistory",
    values[0],
    sheet,
    { action: options.action, dateOrder: options.dateOrder },
    issues,
  );
  const at = (key: string) => header.index.get(key);
  const dateAt = at("date");
  const clientAt = at("clientId");
  const toAt = at("to");
  if (dateAt === undefined || clientAt === undefined || toAt === undefined) return [];
  const fromAt = at("from");
  const reasonAt = at("reason");
  const byAt = at("by");
  const out: TierHistoryRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    const cellAt = (index: number | undefined): Cell => (index === undefined ? null : (line[index] ?? null));
    const clientCell = cellAt(clientAt);
    const clientId: Parsed<string> = isBlank(clientCell)
      ? { ok: false, problem: msg("issue.requiredValue") }
      : parseText(clientCell, MAX_ID_LENGTH);
    if (options.clientId !== undefined && (!clientId.ok || clientId.value !== options.clientId)) continue;
    if (line.every((cell) => isBlank(cell))) continue;
    const date = parseDate(cellAt(dateAt), options.dateOrder);
    const to = parseCode(cellAt(toAt), TIERS);
    const fromCell = cellAt(fromAt);
    const from = isBlank(fromCell) ? null : parseCode(fromCell, TIERS);
    const checks: [number, Parsed<unknown>][] = [
      [dateAt, date],
      [clientAt, clientId],
      [toAt, to],
    ];
    if (from !== null) checks.push([fromAt as number, from]);
    const bad = checks.find(([, parsed]) => !parsed.ok);
    if (bad !== undefined) {
      const [index, parsed] = bad;
      issues.push({
        action: options.action,
        sheet,
        row: r + 1,
        column: String(values[0][index] ?? ""),
        value: displayCell(cellAt(index)),
        problem: (parsed as { problem: DataIssue["problem"] }).problem,
      });
      continue;
    }
    const textAt = (index: number | undefined): string | null => {
      const cell = cellAt(index);
      return isBlank(cell) ? null : String(cell);
    };
    out.push({
      date: (date as { value: CalDate }).value,
      clientId: (clientId as { value: string }).value,
      from: from === null ? null : (from as { value: Tier }).value,
      to: (to as { value: Tier }).value,
      reason: textAt(reasonAt),
      by: textAt(byAt),
      row: r + 1,
    });
  }
  return out;
}
