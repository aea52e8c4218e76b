/**
 * The .xlsx adapter of the command line. `loadXlsx` reads a file with exceljs into a
 * MemoryWorkbook (the WorkbookPort the actions run on) and keeps the exceljs workbook;
 * `saveXlsx` writes back only what the actions changed: sheets an action replaced or created
 * are rewritten whole (with their formats), and in every other sheet only the cells the
 * actions wrote and the formats they pushed, so the user's other cells, styles, notes,
 * formulas and merged ranges stay exactly as exceljs loaded them.
 *
 * exceljs cannot write everything a user's file may hold (charts, shapes, pivot tables, …).
 * `unkeptParts` names those parts from the zip itself, so the command line can warn before
 * writing a copy and refuse to overwrite the original.
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { calDateFromUtc, utcMidnight } from "../core/dates";
import { isDateCell, type Cell, type SheetFormat } from "../ports";
import { DATE_PATTERN, numberPattern } from "../workbook/formats";
import { MemoryWorkbook, usedRange, type MemorySheet } from "../workbook/memory";
import { zipEntries, zipEntryData } from "./zip";

/** An .xlsx file loaded for an action. */
export interface XlsxFile {
  /** What the actions read and write. */
  readonly memory: MemoryWorkbook;
  /** The file as exceljs loaded it; `saveXlsx` applies the actions' changes to it. */
  readonly excel: ExcelJS.Workbook;
  /** Parts of the file that exceljs does not write back, in words ("2 charts"); empty when none. */
  readonly unkept: readonly string[];
}

/** What a save did beyond writing cells. */
export interface SaveReport {
  /** Native charts the actions asked for, which exceljs cannot create. */
  readonly chartsSkipped: number;
  readonly sheetsRewritten: readonly string[];
  readonly cellsWritten: number;
}

/**
 * Rows a drop-down covers when an action asks for "down to the sheet's last row": the used
 * rows, but at least as many as a new Google Sheets grid, so rows typed later get it too.
 */
export const VALIDATION_GRID_ROWS = 1000;

/** Reads an .xlsx file. Throws when the file cannot be read or is not an .xlsx workbook. */
export async function loadXlsx(file: string): Promise<XlsxFile> {
  return loadXlsxBuffer(await readFile(file));
}

export async function loadXlsxBuffer(buffer: Buffer): Promise<XlsxFile> {
  const unkept = unkeptParts(buffer);
  const excel = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer type; a Node Buffer is what it reads.
  await excel.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return { memory: memoryFromExcel(excel), excel, unkept };
}

/** The values of every worksheet, in workbook order, as the actions see them. */
export function memoryFromExcel(excel: ExcelJS.Workbook): MemoryWorkbook {
  const memory = new MemoryWorkbook({}, null);
  for (const ws of excel.worksheets) {
    const cells: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const line: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        // A merged range shows its value once, in its top-left cell (as Sheets reads it).
        const value = cell.type === ExcelJS.ValueType.Merge ? "" : cellOf(cell.value);
        while (line.length < columnNumber - 1) line.push("");
        line[columnNumber - 1] = value;
      });
      while (cells.length < rowNumber - 1) cells.push([]);
      cells[rowNumber - 1] = line;
    });
    const sheet: MemorySheet = {
      name: ws.name,
      cells,
      formats: [],
      charts: [],
      replaced: false,
      written: new Set(),
      created: false,
    };
    memory.sheets.push(sheet);
  }
  return memory;
}

/**
 * One exceljs cell value as a Cell: rich text and hyperlinks become their text, a formula its
 * cached result, an error value its code (`#N/A`), a date its UTC calendar day, empty "".
 */
export function cellOf(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? "" : { date: calDateFromUtc(value) };
  }
  if (typeof value !== "object") return "";
  const v = value as unknown as Record<string, unknown>;
  if ("error" in v) return typeof v.error === "string" ? v.error : "";
  if ("richText" in v && Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[])
      .map((run) => (typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  if ("formula" in v || "sharedFormula" in v) return cellOf(v.result as ExcelJS.CellValue | undefined);
  if ("text" in v) return cellOf(v.text as ExcelJS.CellValue | undefined);
  return "";
}

/**
 * Applies the actions' changes to the exceljs workbook and writes it to `file` (through a
 * temporary file, so a failed write leaves no half-written file).
 */
export async function saveXlsx(
  memory: MemoryWorkbook,
  excel: ExcelJS.Workbook,
  file: string,
): Promise<SaveReport> {
  const report = applyChanges(memory, excel);
  const data = await excel.xlsx.writeBuffer();
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, Buffer.from(data as ArrayBuffer));
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return report;
}

/** Puts what the actions changed in `memory` into `excel` (no I/O). */
export function applyChanges(memory: MemoryWorkbook, excel: ExcelJS.Workbook): SaveReport {
  let chartsSkipped = 0;
  let cellsWritten = 0;
  const sheetsRewritten: string[] = [];
  const byName = new Map(excel.worksheets.map((ws) => [ws.name, ws] as const));
  for (const sheet of memory.sheets) {
    chartsSkipped += sheet.charts.length;
    const existing = byName.get(sheet.name);
    const values = usedRange(sheet.cells);
    if (existing === undefined || sheet.created || sheet.replaced) {
      const ws = rewriteSheet(excel, existing, sheet.name);
      cellsWritten += writeAll(ws, values);
      for (const format of sheet.formats) applyFormat(ws, format, values.length);
      sheetsRewritten.push(sheet.name);
      continue;
    }
    for (const key of sheet.written) {
      const [row, column] = key.split(":").map(Number);
      setCell(existing.getCell(row, column), sheet.cells[row - 1]?.[column - 1] ?? "");
      cellsWritten++;
    }
    for (const format of sheet.formats) applyFormat(existing, format, values.length);
  }
  for (const ws of excel.worksheets) compactValidations(ws);
  return { chartsSkipped, sheetsRewritten, cellsWritten };
}

interface Ordered {
  orderNo: number;
}

/** A fresh worksheet in place of `existing` (same position), or a new one at the end. */
function rewriteSheet(
  excel: ExcelJS.Workbook,
  existing: ExcelJS.Worksheet | undefined,
  name: string,
): ExcelJS.Worksheet {
  if (existing === undefined) return excel.addWorksheet(name);
  // exceljs orders worksheets by `orderNo`, which its typings do not declare.
  const orderNo = (existing as unknown as Ordered).orderNo;
  excel.removeWorksheet(existing.id);
  const ws = excel.addWorksheet(name);
  (ws as unknown as Ordered).orderNo = orderNo;
  return ws;
}

function writeAll(ws: ExcelJS.Worksheet, values: readonly (readonly Cell[])[]): number {
  let count = 0;
  values.forEach((line, r) => {
    const row = ws.getRow(r + 1);
    line.forEach((value, c) => {
      if (value === "" || value === null) return;
      setCell(row.getCell(c + 1), value);
      count++;
    });
  });
  return count;
}

/** Writes one value: text stays literal text, a date becomes a UTC-midnight date shown as a date. */
function setCell(cell: ExcelJS.Cell, value: Cell): void {
  if (value === null || value === "") {
    cell.value = null;
    return;
  }
  if (isDateCell(value)) {
    cell.value = utcMidnight(value.date);
    if (!isDateFormat(cell.numFmt)) restyle(cell, { numFmt: DATE_PATTERN });
    return;
  }
  // A string is stored as a shared string, never parsed as a formula, whatever it starts with.
  cell.value = value;
}

function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[yd]/i.test(bare);
}

/**
 * Replaces a cell's style with a patched copy. exceljs shares one style object among every
 * cell loaded with the same style, so mutating it in place would restyle them all.
 */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

/** Applies a SheetFormat; `lastRow` is the sheet's last used row. */
function applyFormat(ws: ExcelJS.Worksheet, format: SheetFormat, lastRow: number): void {
  if (format.frozenRows !== undefined) {
    const current = (ws.views ?? [])[0] as Partial<ExcelJS.WorksheetView> | undefined;
    const xSplit =
      current && current.state === "frozen" ? ((current as ExcelJS.WorksheetViewFrozen).xSplit ?? 0) : 0;
    const view = {
      ...(current ?? {}),
      state: "frozen",
      xSplit,
      ySplit: format.frozenRows,
      topLeftCell: undefined,
    } as ExcelJS.WorksheetViewFrozen;
    ws.views = [view];
  }
  const header = ws.getRow(1);
  format.headerNotes?.forEach((note, i) => {
    if (note !== null) header.getCell(i + 1).note = note;
  });
  format.headerBackgrounds?.forEach((color, i) => {
    if (color !== null) restyle(header.getCell(i + 1), { fill: solidFill(color) });
  });
  for (let c = 1; c <= (format.boldHeaderColumns ?? 0); c++) bold(header.getCell(c));
  const gridRows = Math.max(lastRow, VALIDATION_GRID_ROWS);
  for (const validation of format.validations ?? []) {
    const last = validation.toRow ?? gridRows;
    if (last < validation.fromRow) continue;
    addListValidation(ws, validation.column, validation.fromRow, last, validation.values);
  }
  for (const numberFormat of format.numberFormats ?? []) {
    const pattern = numberPattern(numberFormat.kind, numberFormat.currency);
    const last = numberFormat.toRow ?? lastRow;
    for (let r = numberFormat.fromRow; r <= last; r++)
      restyle(ws.getCell(r, numberFormat.column), { numFmt: pattern });
    if (numberFormat.toRow === null) {
      // Rows typed later in the column get the format too (the column's default style).
      const column = ws.getColumn(numberFormat.column);
      column.style = { ...column.style, numFmt: pattern };
    }
  }
  if (format.backgrounds) {
    const { row, column, colors } = format.backgrounds;
    colors.forEach((line, i) =>
      line.forEach((color, j) => {
        if (color !== null) restyle(ws.getCell(row + i, column + j), { fill: solidFill(color) });
      }),
    );
  }
  if (format.boldRows && format.boldRows.length > 0) {
    const width = Math.max(ws.columnCount, 1);
    for (const r of format.boldRows) for (let c = 1; c <= width; c++) bold(ws.getCell(r, c));
  }
  format.columnWidths?.forEach((pixels, i) => {
    // Excel widths count characters of the default font, about 7 pixels each.
    ws.getColumn(i + 1).width = Math.round((pixels / 7) * 100) / 100;
  });
}

function bold(cell: ExcelJS.Cell): void {
  restyle(cell, { font: { ...(cell.font ?? {}), bold: true } });
}

function solidFill(color: string): ExcelJS.Fill {
  return {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: `FF${color.replace(/^#/, "").toUpperCase()}` },
  };
}

/** exceljs keeps a worksheet's validations as a map from address or range to validation (not in its typings). */
interface ValidationModel {
  model: Record<string, ExcelJS.DataValidation | undefined>;
}

function validationsOf(ws: ExcelJS.Worksheet): ValidationModel {
  return (ws as unknown as { dataValidations: ValidationModel }).dataValidations;
}

/**
 * A drop-down list over one column's rows that warns on other values (as in Sheets). Earlier
 * validations of those cells are removed first, so no two validations overlap.
 */
function addListValidation(
  ws: ExcelJS.Worksheet,
  column: number,
  fromRow: number,
  toRow: number,
  values: readonly string[],
): void {
  const store = validationsOf(ws);
  for (const address of Object.keys(store.model)) {
    const range = decodeRange(address);
    if (
      range &&
      range.left === column &&
      range.right === column &&
      range.top >= fromRow &&
      range.bottom <= toRow
    ) {
      delete store.model[address];
    }
  }
  const letter = columnLetter(column);
  store.model[`${letter}${fromRow}:${letter}${toRow}`] = {
    type: "list",
    allowBlank: true,
    formulae: [`"${values.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "warning",
  };
}

/**
 * exceljs expands every validation range it reads into one entry per cell and, when writing,
 * joins them back into ranges that may overlap (rows sorted as text: A10 before A2), which
 * Excel reports as a damaged file. This joins the cells of each validation as read back into
 * non-overlapping rectangles (one validation object per range it read).
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const store = validationsOf(ws);
  const kept: Record<string, ExcelJS.DataValidation> = {};
  const cellsOf = new Map<ExcelJS.DataValidation, Map<number, number[]>>();
  for (const [address, validation] of Object.entries(store.model)) {
    if (!validation) continue;
    const range = decodeRange(address);
    if (!range || range.top !== range.bottom || range.left !== range.right) {
      kept[address] = validation;
      continue;
    }
    let columns = cellsOf.get(validation);
    if (!columns) cellsOf.set(validation, (columns = new Map()));
    const rows = columns.get(range.left);
    if (rows) rows.push(range.top);
    else columns.set(range.left, [range.top]);
  }
  for (const [validation, columns] of cellsOf) {
    // Runs of rows per column, then equal runs in adjacent columns joined into rectangles.
    const runs = new Map<string, number[]>();
    for (const [column, rows] of columns) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
        const key = `${start}:${rows[i - 1]}`;
        const list = runs.get(key);
        if (list) list.push(column);
        else runs.set(key, [column]);
        start = rows[i];
      }
    }
    for (const [key, list] of runs) {
      const [top, bottom] = key.split(":").map(Number);
      list.sort((a, b) => a - b);
      let first = list[0];
      for (let i = 1; i <= list.length; i++) {
        if (i < list.length && list[i] === list[i - 1] + 1) continue;
        const last = list[i - 1];
        const from = `${columnLetter(first)}${top}`;
        const to = `${columnLetter(last)}${bottom}`;
        kept[from === to ? from : `${from}:${to}`] = validation;
        first = list[i];
      }
    }
  }
  store.model = kept;
}

interface RangeBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function decodeRange(address: string): RangeBox | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(address);
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

// ---------------------------------------------------------------------------------------
// What exceljs does not write back

interface EntryRule {
  readonly pattern: RegExp;
  /** Words for the part; `{n}` is the number of entries. */
  readonly words: (n: number) => string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Zip entries exceljs neither reads nor writes. */
const ENTRY_RULES: readonly EntryRule[] = [
  { pattern: /^xl\/charts\/chart\d+\.xml$/i, words: (n) => plural(n, "chart", "charts") },
  { pattern: /^xl\/chartsheets\/sheet\d+\.xml$/i, words: (n) => plural(n, "chart sheet", "chart sheets") },
  {
    pattern: /^xl\/pivotTables\/pivotTable\d+\.xml$/i,
    words: (n) => plural(n, "pivot table", "pivot tables"),
  },
  { pattern: /^xl\/slicers\/[^/]+\.xml$/i, words: () => "slicers" },
  { pattern: /^xl\/timelines\/[^/]+\.xml$/i, words: () => "timelines" },
  { pattern: /^xl\/vbaProject\.bin$/i, words: () => "macros (VBA)" },
  {
    pattern: /^xl\/threadedComments\/[^/]+\.xml$/i,
    words: () => "threaded comments (replies; plain notes are kept)",
  },
  {
    pattern: /^xl\/externalLinks\/[^/]+\.xml$/i,
    words: (n) => plural(n, "link to another workbook", "links to other workbooks"),
  },
  {
    pattern: /^xl\/(connections\.xml|queryTables\/[^/]+\.xml)$/i,
    words: () => "data connections or queries",
  },
  { pattern: /^xl\/embeddings\/[^/]+$/i, words: (n) => plural(n, "embedded object", "embedded objects") },
  { pattern: /^xl\/ctrlProps\/[^/]+\.xml$/i, words: (n) => plural(n, "form control", "form controls") },
  {
    pattern: /^docProps\/custom\.xml$/i,
    words: () => "custom document properties (e.g. sensitivity labels)",
  },
];

/** Markers in a drawing part: shapes and SmartArt are dropped. */
const SHAPE = /<(?:\w+:)?(?:sp|cxnSp|grpSp)[\s>]/g;
const DIAGRAM = /schemas\.openxmlformats\.org\/drawingml\/2006\/diagram/g;
/** A picture's element; exceljs writes each picture back from a plain template (position and link only). */
const PICTURE_BLOCK = /<(\w+:)?pic[\s>][\s\S]*?<\/\1?pic>/g;
/** What that template loses: alt text, cropping, effects, outline, rotation or flipping. */
const PICTURE_FORMATTING =
  /\bdescr="[^"]+"|\btitle="[^"]+"|<(?:\w+:)?srcRect\s+\w|<(?:\w+:)?effectLst>|<(?:\w+:)?ln[\s>]|\brot="-?[1-9]|\bflip[HV]="(?:1|true)"/;

/** Markers in a worksheet part, in its extension list. */
const SHEET_MARKERS: readonly { readonly pattern: RegExp; readonly words: string }[] = [
  { pattern: /<(?:\w+:)?sparklineGroups[\s>]/, words: "sparklines" },
  { pattern: /<x14:dataValidations[\s>]/, words: "data validations that refer to other sheets" },
];

/**
 * What of an .xlsx file exceljs would not write back, in words, e.g. ["1 chart", "2 shapes or
 * text boxes"]. Empty when everything would be kept (or the bytes are not a zip archive, in
 * which case loading fails anyway).
 */
export function unkeptParts(buffer: Uint8Array): string[] {
  const entries = zipEntries(buffer);
  if (entries === null) return [];
  const out: string[] = [];
  for (const rule of ENTRY_RULES) {
    const n = entries.filter((e) => rule.pattern.test(e.name)).length;
    if (n > 0) out.push(rule.words(n));
  }
  let shapes = 0;
  let pictures = 0;
  let diagrams = 0;
  const sheetWords = new Set<string>();
  for (const entry of entries) {
    const isDrawing = /^xl\/drawings\/drawing\d+\.xml$/i.test(entry.name);
    const isSheet = /^xl\/worksheets\/sheet\d+\.xml$/i.test(entry.name);
    if (!isDrawing && !isSheet) continue;
    const data = zipEntryData(buffer, entry);
    if (data === null) continue;
    const xml = data.toString("utf8");
    if (isDrawing) {
      shapes += count(xml, SHAPE);
      for (const block of xml.match(PICTURE_BLOCK) ?? []) if (PICTURE_FORMATTING.test(block)) pictures++;
      diagrams += count(xml, DIAGRAM) > 0 ? 1 : 0;
    } else {
      // The extension list comes last; the rest of a big sheet is cell data.
      const tail = xml.slice(Math.max(0, xml.lastIndexOf("</sheetData>")));
      for (const marker of SHEET_MARKERS) if (marker.pattern.test(tail)) sheetWords.add(marker.words);
    }
  }
  if (shapes > 0) out.push(plural(shapes, "shape or text box", "shapes or text boxes"));
  if (diagrams > 0) out.push("SmartArt");
  if (pictures > 0) {
    out.push(
      `the alt text, cropping or effects of ${plural(pictures, "picture", "pictures")} (the pictures stay)`,
    );
  }
  out.push(...sheetWords);
  return out;
}

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}
