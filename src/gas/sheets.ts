/**
 * The Apps Script adapter of WorkbookPort. One getValues per table read, one setValues per
 * block written (with its number formats, so that no text changes type: see sheetCells.ts), an
 * output sheet replaced with one clear and one write, formatting in a constant number of calls. Sheets date cells are midnight in the spreadsheet's time zone;
 * they become CalDates here, and CalDates become such dates on the way back.
 */
import { formatIsoDate, type CalDate } from "../core/dates";
import { numberPattern } from "../workbook/formats";
import { AUTOMATIC, cellPattern, sheetText } from "./sheetCells";
import {
  isDateCell,
  type Cell,
  type CellRange,
  type ColumnProtection,
  type ChartSpec,
  type SheetFormat,
  type WorkbookPort,
} from "../ports";
import { calendarDateOf } from "./clock";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type RawValue = string | number | boolean | Date | null;

export class SheetsWorkbook implements WorkbookPort {
  private readonly zone: string;
  private readonly toCal = new Map<number, CalDate>();
  private readonly toDate = new Map<CalDate, Date>();

  constructor(private readonly spreadsheet: Spreadsheet) {
    this.zone = spreadsheet.getSpreadsheetTimeZone();
  }

  sheetNames(): string[] {
    return this.spreadsheet.getSheets().map((s) => s.getName());
  }

  private sheet(name: string): Sheet {
    const found = this.spreadsheet.getSheetByName(name);
    if (!found) throw new Error(`No sheet named "${name}"`);
    return found;
  }

  readSheet(name: string): Cell[][] | null {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) return null;
    const values = sheet.getDataRange().getValues() as RawValue[][];
    if (values.length === 1 && values[0].length === 1 && values[0][0] === "") return [];
    for (const row of values) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v instanceof Date) row[c] = this.cellOfDate(v) as unknown as RawValue;
      }
    }
    return values as unknown as Cell[][];
  }

  readHeaderRow(name: string): Cell[] | null {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) return null;
    const width = sheet.getLastColumn();
    if (width < 1) return [];
    const row = sheet.getRange(1, 1, 1, width).getValues()[0] as RawValue[];
    return row.map((v) => (v instanceof Date ? this.cellOfDate(v) : (v as Cell)));
  }

  private cellOfDate(value: Date): Cell {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return "";
    let date = this.toCal.get(ms);
    if (date === undefined) {
      date = calendarDateOf(value, this.zone, "cell");
      this.toCal.set(ms, date);
    }
    return { date };
  }

  private dateOfCal(date: CalDate): Date {
    let value = this.toDate.get(date);
    if (value === undefined) {
      value = Utilities.parseDate(formatIsoDate(date), this.zone, "yyyy-MM-dd");
      this.toDate.set(date, value);
    }
    return value;
  }

  private toRaw(values: readonly (readonly Cell[])[]): RawValue[][] {
    return values.map((line) =>
      line.map((v): RawValue => {
        if (v === null) return "";
        if (typeof v === "string") return sheetText(v);
        if (isDateCell(v)) return this.dateOfCal(v.date);
        return v;
      }),
    );
  }

  addSheet(name: string): void {
    this.insertKeepingActive(name);
  }

  /** Inserts a sheet at the end; Sheets activates a new sheet, so the user's sheet is re-activated. */
  private insertKeepingActive(name: string): Sheet {
    const active = this.spreadsheet.getActiveSheet();
    const sheet = this.spreadsheet.insertSheet(name, this.spreadsheet.getSheets().length);
    if (active) this.spreadsheet.setActiveSheet(active);
    return sheet;
  }

  writeBlock(name: string, row: number, column: number, values: readonly (readonly Cell[])[]): void {
    if (values.length === 0 || values[0].length === 0) return;
    const sheet = this.sheet(name);
    makeRoom(sheet, row + values.length - 1, column + values[0].length - 1);
    const range = sheet.getRange(row, column, values.length, values[0].length);
    const current = range.getNumberFormats();
    this.setCells(range, values, (i, j) => current[i][j]);
  }

  /** Number formats first (one call), then the values (one call): the formats decide how Sheets reads them. */
  private setCells(
    range: Range,
    values: readonly (readonly Cell[])[],
    current: (row: number, column: number) => string,
  ): void {
    range.setNumberFormats(values.map((line, i) => line.map((v, j) => cellPattern(v, current(i, j)))));
    range.setValues(this.toRaw(values));
  }

  appendRows(name: string, values: readonly (readonly Cell[])[]): void {
    if (values.length === 0) return;
    const sheet = this.sheet(name);
    const width = widest(values);
    const padded = values.map((line) => [...line, ...new Array<Cell>(width - line.length).fill("")]);
    const first = sheet.getLastRow() + 1;
    makeRoom(sheet, first + padded.length - 1, width);
    const range = sheet.getRange(first, 1, padded.length, width);
    const current = range.getNumberFormats();
    this.setCells(range, padded, (i, j) => current[i][j]);
  }

  replaceSheet(name: string, values: readonly (readonly Cell[])[], format?: SheetFormat): void {
    let sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) {
      sheet = this.insertKeepingActive(name);
    } else {
      sheet.clear();
      const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
      all.clearDataValidations();
      all.breakApart();
      for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    }
    const width = widest(values);
    const extent = format ? formatExtent(format) : { rows: 0, columns: 0 };
    const needed = Math.max(values.length, extent.rows);
    const grid = makeRoom(sheet, needed, Math.max(width, extent.columns));
    const written = values.length > 0 && width > 0 ? { rows: values.length, columns: width } : null;
    if (written) {
      const padded = values.map((line) => [...line, ...new Array<Cell>(width - line.length).fill("")]);
      const column = columnPatterns(format);
      this.setCells(sheet.getRange(1, 1, padded.length, width), padded, (i, j) => column(i + 1, j + 1));
    }
    trimRows(sheet, grid.rows, needed);
    if (format) this.applyFormat(sheet, format, written);
  }

  format(name: string, format: SheetFormat): void {
    const sheet = this.sheet(name);
    const extent = formatExtent(format);
    makeRoom(sheet, extent.rows, extent.columns);
    this.applyFormat(sheet, format);
  }

  /** `written`: a block at A1 whose number formats setCells already set (column formats apply below it). */
  private applyFormat(sheet: Sheet, format: SheetFormat, written: BlockSize | null = null): void {
    if (format.frozenRows !== undefined) sheet.setFrozenRows(format.frozenRows);
    if (format.headerNotes && format.headerNotes.length > 0) {
      const range = sheet.getRange(1, 1, 1, format.headerNotes.length);
      const current = range.getNotes()[0];
      range.setNotes([format.headerNotes.map((note, i) => note ?? current[i])]);
    }
    if (format.headerBackgrounds && format.headerBackgrounds.length > 0) {
      const range = sheet.getRange(1, 1, 1, format.headerBackgrounds.length);
      const current = range.getBackgrounds()[0];
      range.setBackgrounds([format.headerBackgrounds.map((color, i) => color ?? current[i])]);
    }
    if (format.boldHeaderColumns) sheet.getRange(1, 1, 1, format.boldHeaderColumns).setFontWeight("bold");
    const maxRows = Math.max(sheet.getMaxRows(), 2);
    for (const validation of format.validations ?? []) {
      const last = validation.toRow ?? maxRows;
      if (last < validation.fromRow) continue;
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInList([...validation.values], true)
        .setAllowInvalid(true)
        .build();
      sheet
        .getRange(validation.fromRow, validation.column, last - validation.fromRow + 1, 1)
        .setDataValidation(rule);
    }
    for (const protection of format.protections ?? []) protectColumn(sheet, protection, maxRows);
    for (const numberFormat of format.numberFormats ?? []) {
      const last = numberFormat.toRow ?? maxRows;
      const inBlock = written !== null && numberFormat.column <= written.columns;
      const first = inBlock ? Math.max(numberFormat.fromRow, written.rows + 1) : numberFormat.fromRow;
      if (last < first) continue;
      sheet
        .getRange(first, numberFormat.column, last - first + 1, 1)
        .setNumberFormat(numberPattern(numberFormat.kind, numberFormat.currency));
    }
    if (format.backgrounds && format.backgrounds.colors.length > 0) {
      const { row, column, colors } = format.backgrounds;
      sheet
        .getRange(row, column, colors.length, colors[0].length)
        .setBackgrounds(colors.map((line) => line.map((c) => c ?? "#ffffff")));
    }
    if (format.boldRows && format.boldRows.length > 0) {
      const width = Math.max(sheet.getLastColumn(), 1);
      for (const row of format.boldRows) sheet.getRange(row, 1, 1, width).setFontWeight("bold");
    }
    (format.columnWidths ?? []).forEach((width, i) => sheet.setColumnWidth(i + 1, width));
    applyLayout(sheet, format);
  }

  addCharts(name: string, charts: readonly ChartSpec[]): void {
    const sheet = this.sheet(name);
    for (const spec of charts) {
      const lines = spec.lineSeries ?? [];
      // Columns with some series as lines (won against target) are a combo chart in Sheets.
      const combo = lines.length > 0 && (spec.kind === "column" || spec.kind === "bar");
      const type = combo
        ? Charts.ChartType.COMBO
        : spec.kind === "line"
          ? Charts.ChartType.LINE
          : spec.kind === "bar"
            ? Charts.ChartType.BAR
            : spec.kind === "pie"
              ? Charts.ChartType.PIE
              : Charts.ChartType.COLUMN;
      let builder = sheet
        .newChart()
        .setChartType(type)
        .addRange(sheet.getRange(spec.row, spec.column, spec.rows, spec.columns))
        .setNumHeaders(1)
        .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
        .setOption("title", spec.title)
        .setOption("width", spec.width ?? 520)
        .setOption("height", spec.height ?? 300);
      if (combo) {
        const series: Record<number, { type: string }> = {};
        for (const index of lines) series[index] = { type: "line" };
        builder = builder.setOption("seriesType", "bars").setOption("series", series);
      }
      sheet.insertChart(builder.build());
    }
  }

  sheetLink(name: string): string | null {
    const sheet = this.spreadsheet.getSheetByName(name);
    return sheet ? `${this.spreadsheet.getUrl()}#gid=${sheet.getSheetId()}` : null;
  }

  timeZone(): string | null {
    return this.zone;
  }
}

interface BlockSize {
  readonly rows: number;
  readonly columns: number;
}

/**
 * The number format each cell of a new sheet's block gets from the format's column formats
 * (row and column 1-based); Automatic where none applies. Built once, looked up per cell.
 */
function columnPatterns(format: SheetFormat | undefined): (row: number, column: number) => string {
  const byColumn = new Map<number, { from: number; to: number; pattern: string }[]>();
  for (const f of format?.numberFormats ?? []) {
    const list = byColumn.get(f.column) ?? [];
    list.push({ from: f.fromRow, to: f.toRow ?? Infinity, pattern: numberPattern(f.kind, f.currency) });
    byColumn.set(f.column, list);
  }
  return (row, column) => {
    const list = byColumn.get(column);
    if (!list) return AUTOMATIC;
    let pattern = AUTOMATIC;
    for (const f of list) if (row >= f.from && row <= f.to) pattern = f.pattern;
    return pattern;
  };
}

/** A new sheet's rows in Sheets: replaceSheet never trims an output sheet below it. */
export const NEW_SHEET_ROWS = 1000;
/** Empty rows replaceSheet keeps below the content when it trims a sheet a longer write had grown. */
export const SPARE_ROWS = 20;

/**
 * Makes the grid at least lastRow × lastColumn before a write (Sheets throws for a range past
 * the grid; a new sheet is 1,000 × 26): one insert for the rows, one for the columns, when
 * short. Returns the grid's size after.
 */
function makeRoom(sheet: Sheet, lastRow: number, lastColumn: number): { rows: number; columns: number } {
  let rows = sheet.getMaxRows();
  if (lastRow > rows) {
    sheet.insertRowsAfter(rows, lastRow - rows);
    rows = lastRow;
  }
  let columns = sheet.getMaxColumns();
  if (lastColumn > columns) {
    sheet.insertColumnsAfter(columns, lastColumn - columns);
    columns = lastColumn;
  }
  return { rows, columns };
}

/**
 * Deletes the surplus rows of an output sheet that an earlier, longer write had grown, in one
 * call: the sheet keeps its content, SPARE_ROWS empty rows and at least a new sheet's 1,000
 * rows (so drop-downs and formats down to the last row still cover a usual sheet).
 */
function trimRows(sheet: Sheet, rows: number, needed: number): void {
  const keep = Math.max(needed + SPARE_ROWS, NEW_SHEET_ROWS);
  if (rows > keep) sheet.deleteRows(keep + 1, rows - keep);
}

/** The rows and columns a format reaches (1-based, inclusive), so that the grid can hold it first. */
export function formatExtent(format: SheetFormat): { rows: number; columns: number } {
  let rows = format.frozenRows !== undefined && format.frozenRows > 0 ? format.frozenRows + 1 : 0;
  let columns = 0;
  const reach = (row: number, column: number) => {
    if (row > rows) rows = row;
    if (column > columns) columns = column;
  };
  if (format.headerNotes && format.headerNotes.length > 0) reach(1, format.headerNotes.length);
  if (format.headerBackgrounds && format.headerBackgrounds.length > 0)
    reach(1, format.headerBackgrounds.length);
  if (format.boldHeaderColumns) reach(1, format.boldHeaderColumns);
  for (const v of format.validations ?? []) reach(v.toRow ?? v.fromRow, v.column);
  for (const n of format.numberFormats ?? []) reach(n.toRow ?? n.fromRow, n.column);
  if (format.backgrounds && format.backgrounds.colors.length > 0) {
    const { row, column, colors } = format.backgrounds;
    reach(row + colors.length - 1, column + widest(colors) - 1);
  }
  for (const row of format.boldRows ?? []) reach(row, 1);
  if (format.columnWidths && format.columnWidths.length > 0) reach(0, format.columnWidths.length);
  const ranges = [
    ...(format.alignments ?? []).map((a) => a.range),
    ...(format.wraps ?? []),
    ...(format.fontSizes ?? []).map((f) => f.range),
    ...(format.fontColors ?? []).map((f) => f.range),
    ...(format.merges ?? []),
  ];
  for (const r of ranges) reach(r.row + r.rows - 1, r.column + r.columns - 1);
  return { rows, columns };
}

function widest(values: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const line of values) if (line.length > width) width = line.length;
  return width;
}

/**
 * The layout fields of a format (alignment, wrapping, font sizes and colours) as one 2-D call
 * each over the block they reach, and one call per merge (a report has a fixed handful): the
 * calls never follow the rows or the data.
 */
function applyLayout(sheet: Sheet, format: SheetFormat): void {
  const alignments = format.alignments ?? [];
  const wraps = format.wraps ?? [];
  const sizes = format.fontSizes ?? [];
  const colors = format.fontColors ?? [];
  const all = [
    ...alignments.map((a) => a.range),
    ...wraps,
    ...sizes.map((f) => f.range),
    ...colors.map((f) => f.range),
  ];
  if (all.length > 0) {
    const rows = Math.max(...all.map((r) => r.row + r.rows - 1));
    const columns = Math.max(...all.map((r) => r.column + r.columns - 1));
    const block = sheet.getRange(1, 1, rows, columns);
    if (alignments.length > 0)
      block.setHorizontalAlignments(
        paint<Alignment | null, (typeof alignments)[number]>(rows, columns, null, alignments, (a) => a.align),
      );
    if (wraps.length > 0)
      block.setWraps(
        paint(
          rows,
          columns,
          false,
          wraps.map((range) => ({ range })),
          () => true,
        ),
      );
    if (sizes.length > 0) block.setFontSizes(paint(rows, columns, DEFAULT_FONT_SIZE, sizes, (f) => f.size));
    if (colors.length > 0)
      block.setFontColors(
        paint<string | null, (typeof colors)[number]>(rows, columns, null, colors, (f) => f.color),
      );
  }
  for (const range of format.merges ?? [])
    sheet.getRange(range.row, range.column, range.rows, range.columns).merge();
}

/** The alignments SheetFormat gives. */
type Alignment = "left" | "center" | "right";

/** Sheets' default font size, for the cells a size does not cover. */
const DEFAULT_FONT_SIZE = 10;

/** A rows × columns grid of `empty`, with each item's value painted over its range (later items win). */
function paint<V, T extends { readonly range: CellRange }>(
  rows: number,
  columns: number,
  empty: V,
  items: readonly T[],
  value: (item: T) => V,
): V[][] {
  const grid = Array.from({ length: rows }, () => new Array<V>(columns).fill(empty));
  for (const item of items) {
    const v = value(item);
    const { row, column } = item.range;
    for (let r = row; r < row + item.range.rows; r++)
      for (let c = column; c < column + item.range.columns; c++) grid[r - 1][c - 1] = v;
  }
  return grid;
}

/**
 * Protects a column range so that only the given editors (and the spreadsheet's owner and the
 * person running the action, whom Sheets never removes) can edit it; the protection of an
 * earlier run with the same description is replaced. A failure (no right to protect) leaves the
 * column unprotected and is logged: the data is written either way.
 */
function protectColumn(sheet: Sheet, spec: ColumnProtection, maxRows: number): void {
  try {
    for (const old of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE))
      if (old.getDescription() === spec.description) old.remove();
    const last = spec.toRow ?? maxRows;
    if (last < spec.fromRow) return;
    const protection = sheet
      .getRange(spec.fromRow, spec.column, last - spec.fromRow + 1, 1)
      .protect()
      .setDescription(spec.description);
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    if (spec.editors.length > 0) protection.addEditors([...spec.editors]);
  } catch (error) {
    console.warn(
      `Column ${spec.column} left unprotected: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
