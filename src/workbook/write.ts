/**
 * Writing the tool's own cells: computed columns of input tables (one block per run of
 * adjacent columns, every other cell of the block written back as it was read), output
 * sheets replaced in one write, appended logs, and the Data issues sheet. User cells outside
 * the tool's columns are never part of a write.
 */
import { render, type Language } from "../i18n";
import type { Cell, SheetFormat, WorkbookPort } from "../ports";
import { parseDate, type DateOrder } from "./cells";
import type { ActionName, DataIssue } from "./issues";
import { normalizeName } from "./names";
import type { HeaderMap, SheetMap } from "./read";
import { headerName, sheetName, TABLES, type TableKey } from "./schema";

/** Muted header colour of the tool's own columns, and the highlight colours of output rows. */
export const COLORS = {
  computedHeader: "#e8eaed",
  header: "#d2e3fc",
  overdue: "#fce8e6",
  due: "#fef7e0",
  ok: "#e6f4ea",
  title: "#1a73e8",
} as const;

/**
 * Writes computed columns of a table. `updates` maps a spreadsheet row to the new values of
 * that row's computed cells; rows not in it keep what they had, except that a date column's
 * text that reads as a date (in the workbook's `dateOrder`) becomes a date cell. Missing columns
 * are added after the last column (header in the workbook language).
 */
export function writeComputedColumns(
  port: WorkbookPort,
  sheet: string,
  table: TableKey,
  header: HeaderMap,
  values: readonly (readonly Cell[])[],
  columns: readonly string[],
  updates: ReadonlyMap<number, Readonly<Record<string, Cell>>>,
  language: Language,
  dateOrder: DateOrder,
): void {
  const index = new Map(header.index);
  const missing = columns.filter((key) => !index.has(key));
  if (missing.length > 0) {
    const defs = TABLES[table].columns;
    const start = Math.max(header.width, lastNonBlank(values[0] ?? []) + 1);
    const titles = missing.map((key, i) => {
      index.set(key, start + i);
      const def = defs.find((c) => c.key === key);
      return def ? headerName(def, language) : key;
    });
    port.writeBlock(sheet, 1, start + 1, [titles]);
    port.format(sheet, computedHeaderFormat(table, index, start + missing.length, language));
  }
  let lastRow = values.length;
  for (const row of updates.keys()) if (row > lastRow) lastRow = row;
  if (lastRow < 2) return;
  const positions = columns.map((key) => index.get(key) as number).sort((a, b) => a - b);
  const keyAt = new Map(columns.map((key) => [index.get(key) as number, key] as const));
  const dateKeys = new Set(TABLES[table].columns.filter((c) => c.type === "date").map((c) => c.key));
  // One block per run of adjacent columns.
  let runStart = 0;
  for (let i = 1; i <= positions.length; i++) {
    if (i < positions.length && positions[i] === positions[i - 1] + 1) continue;
    const from = positions[runStart];
    const to = positions[i - 1];
    const block: Cell[][] = [];
    for (let row = 2; row <= lastRow; row++) {
      const update = updates.get(row);
      const line: Cell[] = [];
      for (let c = from; c <= to; c++) {
        const key = keyAt.get(c) as string;
        const cell = update && key in update ? update[key] : (values[row - 1]?.[c] ?? null);
        line.push(dateKeys.has(key) ? asDateCell(cell, dateOrder) : cell);
      }
      block.push(line);
    }
    port.writeBlock(sheet, 2, from + 1, block);
    runStart = i;
  }
}

/**
 * Writes scattered cells of a sheet in one write: `cells` maps "row:column" (0-based) to the new
 * value; the block spans only those rows and columns, and every other cell inside it is written
 * back as read (`values`). Nothing is written when `cells` is empty.
 */
export function writeCells(
  port: WorkbookPort,
  sheet: string,
  values: readonly (readonly Cell[])[],
  cells: ReadonlyMap<string, Cell>,
): void {
  if (cells.size === 0) return;
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const place of cells.keys()) {
    const [r, c] = place.split(":").map(Number);
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, c);
    right = Math.max(right, c);
  }
  const block: Cell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line: Cell[] = [];
    for (let c = left; c <= right; c++) {
      const place = `${r}:${c}`;
      line.push(cells.has(place) ? (cells.get(place) as Cell) : (values[r]?.[c] ?? null));
    }
    block.push(line);
  }
  port.writeBlock(sheet, top + 1, left + 1, block);
}

/** A cell of a date column: text that reads as a date becomes a date cell; anything else stays. */
function asDateCell(cell: Cell, dateOrder: DateOrder): Cell {
  if (typeof cell !== "string") return cell;
  const parsed = parseDate(cell, dateOrder);
  return parsed.ok ? { date: parsed.value } : cell;
}

function lastNonBlank(row: readonly Cell[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== null && row[i] !== "") return i;
  return -1;
}

/** Header notes and muted colour for the computed columns of a table. */
export function computedHeaderFormat(
  table: TableKey,
  index: ReadonlyMap<string, number>,
  width: number,
  language: Language,
): SheetFormat {
  const notes: (string | null)[] = new Array(width).fill(null);
  const colors: (string | null)[] = new Array(width).fill(null);
  for (const column of TABLES[table].columns) {
    const at = index.get(column.key);
    if (at === undefined || !column.computed) continue;
    notes[at] = render(language, { key: "setup.computedNote" });
    colors[at] = COLORS.computedHeader;
  }
  return { headerNotes: notes, headerBackgrounds: colors };
}

/** The name an output sheet has, or gets: an existing sheet in either language wins. */
export function outputSheetName(sheets: SheetMap, table: TableKey, language: Language): string {
  return sheets.get(table) ?? sheetName(table, language);
}

/** The header row of a table in the workbook language. */
export function headerRow(table: TableKey, language: Language): string[] {
  return TABLES[table].columns.map((c) => headerName(c, language));
}

/** Replaces an output sheet with a header row and the given rows, in one write. */
export function replaceOutputSheet(
  port: WorkbookPort,
  sheets: SheetMap,
  table: TableKey,
  language: Language,
  rows: readonly (readonly Cell[])[],
  format: SheetFormat = {},
): string {
  const name = outputSheetName(sheets, table, language);
  const header = headerRow(table, language);
  port.replaceSheet(name, [header, ...rows], {
    frozenRows: 1,
    boldHeaderColumns: header.length,
    headerBackgrounds: header.map(() => COLORS.header),
    ...format,
  });
  return name;
}

/**
 * Appends rows to an appended log (Tier history, Send log), creating the sheet with its header
 * when missing. One write for the rows (plus one for a new sheet's header).
 */
export function appendOutputRows(
  port: WorkbookPort,
  sheets: SheetMap,
  table: TableKey,
  language: Language,
  rows: readonly (readonly Cell[])[],
): string {
  const existing = sheets.get(table);
  const name = existing ?? sheetName(table, language);
  if (existing === undefined && !port.sheetNames().includes(name)) {
    const header = headerRow(table, language);
    port.replaceSheet(name, [header], {
      frozenRows: 1,
      boldHeaderColumns: header.length,
      headerBackgrounds: header.map(() => COLORS.header),
    });
  }
  if (rows.length > 0) port.appendRows(name, rows);
  return name;
}

/** What writing the Data issues sheet left in it. */
export interface DataIssuesWritten {
  readonly sheet: string;
  /** Rows of the sheet, every action's. */
  readonly total: number;
}

/**
 * Writes an action's latest issues to the Data issues sheet, keeping every other action's rows:
 * one read of the sheet, one write. `foundAt` is the run's time in the workbook's zone. A row
 * belongs to an action by its Action cell (the action's name in either language); rows of an
 * earlier layout are carried over into the current columns.
 */
export function writeDataIssues(
  port: WorkbookPort,
  sheets: SheetMap,
  action: ActionName,
  issues: readonly DataIssue[],
  foundAt: string,
  language: Language,
): DataIssuesWritten {
  const name = outputSheetName(sheets, "dataIssues", language);
  const kept = sheets.has("dataIssues") ? otherActionsRows(port.readSheet(name) ?? [], action) : [];
  const rows = issues.map((issue) => [
    render(language, { key: `action.${issue.action}` as "action.check" }),
    issue.sheet,
    issue.row === null ? "" : issue.row,
    issue.column ?? "",
    issue.value,
    render(language, issue.problem),
    foundAt,
  ]);
  const all = [...kept, ...rows];
  replaceOutputSheet(port, sheets, "dataIssues", language, all, {
    columnWidths: [90, 110, 50, 140, 200, 420, 120],
  });
  return { sheet: name, total: all.length };
}

/** The rows of the Data issues sheet that belong to other actions, in the current column order. */
function otherActionsRows(values: readonly (readonly Cell[])[], action: ActionName): Cell[][] {
  if (values.length < 2) return [];
  const keys = TABLES.dataIssues.columns.map((c) => c.key);
  const byTitle = new Map<string, number>();
  TABLES.dataIssues.columns.forEach((c, i) => {
    byTitle.set(normalizeName(c.en), i);
    byTitle.set(normalizeName(c.zh), i);
  });
  // Where each current column is in the sheet as found (-1: not there).
  const from = keys.map(() => -1);
  values[0].forEach((title, at) => {
    const i = byTitle.get(normalizeName(String(title ?? "")));
    if (i !== undefined && from[i] < 0) from[i] = at;
  });
  const actionAt = from[keys.indexOf("action")];
  const own = new Set(
    [
      action,
      render("en", { key: `action.${action}` as "action.check" }),
      render("zh-CN", { key: `action.${action}` as "action.check" }),
    ].map(normalizeName),
  );
  const rows: Cell[][] = [];
  for (const line of values.slice(1)) {
    if (line.every((cell) => cell === null || cell === "")) continue;
    if (actionAt >= 0 && own.has(normalizeName(String(line[actionAt] ?? "")))) continue;
    rows.push(from.map((at) => (at < 0 ? "" : (line[at] ?? ""))));
  }
  return rows;
}
