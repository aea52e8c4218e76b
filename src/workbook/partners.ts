/**
 * The optional Partners sheet (合作伙伴) and the Partner column of Clients and Deals: reads the
 * sheet once (cells, duplicate IDs, an agreement that ends before it starts), and checks that
 * every Partner typed in Clients or Deals names a partner of the sheet. A workbook without the
 * sheet reads no partners and raises no issue; a Partner that names no partner is reported and
 * counts as direct (the row itself is kept: its other figures are sound).
 */
import { formatIsoDate } from "../core/dates";
import { msg } from "../i18n";
import type { WorkbookPort } from "../ports";
import { isBlank } from "./cells";
import { isStopError, type ActionName, type DataIssue } from "./issues";
import { readTable, type ReadContext, type SheetMap, type TableRead } from "./read";
import type { PartnerRow } from "./rows";

export interface PartnerBook {
  /** The sheet's name as found. */
  readonly sheet: string;
  /** The readable partners. */
  readonly rows: readonly PartnerRow[];
  /** Partner IDs whose rows could not be read (a reference to them is reported as such). */
  readonly dropped: ReadonlySet<string>;
}

/**
 * Reads the Partners sheet; null when the workbook has none, or when its header row lacks
 * Partner ID or Name (an empty sheet included): then one issue on row 1 names the missing
 * headers and the sheet is not used (an optional sheet never stops an action).
 */
export function readPartners(
  port: WorkbookPort,
  sheets: SheetMap,
  ctx: ReadContext,
  issues: DataIssue[],
): PartnerBook | null {
  const name = sheets.get("partners");
  if (name === undefined) return null;
  let table: TableRead<"partners">;
  try {
    table = readTable(port, sheets, "partners", ctx, issues);
  } catch (error) {
    if (!isStopError(error) || error.problem.key !== "stop.missingColumn") throw error;
    issues.push({
      action: ctx.action,
      sheet: name,
      row: 1,
      column: null,
      value: "",
      problem: msg("partners.issue.missingHeader", { columns: String(error.problem.params?.columns ?? "") }),
    });
    return null;
  }
  const sheet = table.sheet as string;
  const endColumn = table.header.text.get("agreementEnd") ?? "Agreement end";
  for (const p of table.rows) {
    if (p.agreementStart === null || p.agreementEnd === null || p.agreementEnd >= p.agreementStart) continue;
    issues.push({
      action: ctx.action,
      sheet,
      row: p.row,
      column: endColumn,
      value: formatIsoDate(p.agreementEnd),
      problem: msg("partners.issue.endBeforeStart", {
        start: formatIsoDate(p.agreementStart),
        end: formatIsoDate(p.agreementEnd),
      }),
    });
  }
  return { sheet, rows: table.rows, dropped: droppedPartnerIds(table) };
}

function droppedPartnerIds(table: TableRead<"partners">): Set<string> {
  const kept = new Set(table.rows.map((p) => p.partnerId));
  const at = table.header.index.get("partnerId");
  const out = new Set<string>();
  if (at === undefined) return out;
  for (const r of table.unkept) {
    const cell = table.values[r][at];
    if (isBlank(cell)) continue;
    const id = typeof cell === "string" ? cell.trim() : String(cell);
    if (!kept.has(id)) out.add(id);
  }
  return out;
}

/** A table whose rows may carry a Partner (Clients, Deals). */
type WithPartner = Pick<TableRead<"clients"> | TableRead<"deals">, "sheet" | "header"> & {
  readonly rows: readonly { readonly row: number; readonly partner?: string | null }[];
};

/** Issues for every Partner in the tables that names no readable partner of the book. */
export function partnerReferenceIssues(
  book: PartnerBook,
  tables: readonly WithPartner[],
  action: ActionName,
): DataIssue[] {
  const known = new Set(book.rows.map((p) => p.partnerId));
  const issues: DataIssue[] = [];
  for (const table of tables) {
    if (table.sheet === null || !table.header.index.has("partner")) continue;
    const column = table.header.text.get("partner") ?? "Partner";
    for (const row of table.rows) {
      const id = row.partner ?? null;
      if (id === null || known.has(id)) continue;
      issues.push({
        action,
        sheet: table.sheet,
        row: row.row,
        column,
        value: id,
        problem: book.dropped.has(id)
          ? msg("partners.issue.droppedPartner", { sheet: book.sheet })
          : msg("partners.issue.unknownPartner", { sheet: book.sheet }),
      });
    }
  }
  return issues;
}
