/**
 * Writing worksheet XML. A sheet an action creates or replaces is generated whole from its
 * values and layout; an existing sheet an action wrote cells into is rewritten as a stream in
 * which every row and cell the action did not touch keeps its original XML, byte for byte.
 */
import { isDateCell, type Cell } from "../../ports";
import { DATE_PATTERN } from "../../workbook/formats";
import {
  cellXml,
  type SharedStringsWriter,
  columnWidthFor,
  columnWidthOfPixels,
  isBlank,
  letterOf,
  shownWidth,
  textWidth,
} from "./cellXml";
import { RuleIndex, type SheetLayout } from "./layout";
import type { PartWriter } from "./package";
import { decorate, dimensionXml, Shell, sizedColumns, type Element } from "./shell";
import { columnOfRef, rowOfRef } from "./sheetRead";
import type { StylePatch, StyleSheet } from "./styles";
import { scanXml, XML_DECLARATION } from "./xml";

export interface WriteContext {
  readonly styles: StyleSheet;
  readonly date1904: boolean;
  /** A new workbook's shared strings; absent: text is written inline (an existing table is never rewritten). */
  readonly strings?: SharedStringsWriter;
}

const DATE_PATCH: StylePatch = { numFmt: DATE_PATTERN, dateIfNotDate: true };

/** Resolves (base format, patch, is a date) to a cell format index, with a cache. */
class StyleResolver {
  private readonly cache = new Map<string, number>();
  private readonly ids = new Map<StylePatch, number>();
  constructor(private readonly styles: StyleSheet) {}

  style(base: number, patch: StylePatch | null, date: boolean): number {
    if (patch === null && !date) return base;
    let id = 0;
    if (patch !== null) {
      id = this.ids.get(patch) ?? this.ids.size + 1;
      this.ids.set(patch, id);
    }
    const key = `${base}:${id}:${date ? 1 : 0}`;
    let index = this.cache.get(key);
    if (index === undefined) {
      const combined: StylePatch = date ? { ...DATE_PATCH, ...(patch ?? {}) } : (patch ?? {});
      index = this.styles.derive(base, combined);
      this.cache.set(key, index);
    }
    return index;
  }
}

/** What a column holds, for its width: the widest text and the largest number. */
interface ColumnExtent {
  text: number;
  maxAbs: number;
  negative: boolean;
  numbers: boolean;
  dates: boolean;
}

/** Widths that fit each column's shown values (explicit widths kept for text). */
export function fittedWidths(
  cells: readonly (readonly Cell[])[],
  layout: SheetLayout,
  columns: Iterable<number>,
  patternsOf: (column: number) => readonly string[],
): Map<number, number> {
  const wanted = new Set(columns);
  const extents = new Map<number, ColumnExtent>();
  for (const column of wanted)
    extents.set(column, { text: 0, maxAbs: -1, negative: false, numbers: false, dates: false });
  const mergedStarts = new Set(
    layout.merges.filter((m) => m.right > m.left).map((m) => `${m.top}:${m.left}`),
  );
  for (let r = 0; r < cells.length; r++) {
    const line = cells[r] ?? [];
    for (let i = 0; i < line.length; i++) {
      const value = line[i];
      if (value === "" || value === null || value === undefined) continue;
      const extent = extents.get(i + 1);
      if (extent === undefined) continue;
      if (typeof value === "number") {
        extent.numbers = true;
        if (Math.abs(value) > extent.maxAbs) extent.maxAbs = Math.abs(value);
        if (value < 0) extent.negative = true;
      } else if (isDateCell(value)) {
        extent.numbers = true;
        extent.dates = true;
      } else if (typeof value === "string") {
        // A text cannot be narrower than its length: most are skipped without measuring.
        if (value.length * 2 <= extent.text || mergedStarts.has(`${r + 1}:${i + 1}`)) continue;
        extent.text = Math.max(extent.text, shownWidth(value, undefined));
      } else extent.text = Math.max(extent.text, 5);
    }
  }
  const out = new Map<number, number>();
  for (const [column, extent] of extents) {
    const patterns = patternsOf(column);
    let numeric = 0;
    if (extent.numbers) {
      const widest = extent.negative ? -extent.maxAbs : extent.maxAbs;
      // The largest figure of a column mixing amounts and rates is an amount: rates are measured only alone.
      const amounts = patterns.filter((p) => !p.includes("%"));
      const measured = amounts.length > 0 ? amounts : patterns;
      for (const pattern of measured.length > 0 ? measured : [undefined]) {
        const datePattern = pattern !== undefined && /yy|dd/i.test(pattern);
        if (extent.maxAbs >= 0) numeric = Math.max(numeric, datePattern ? 10 : shownWidth(widest, pattern));
      }
      if (extent.dates) numeric = Math.max(numeric, 10);
    }
    const forNumbers = extent.numbers ? columnWidthFor(numeric) : 0;
    const explicit = layout.widths.get(column);
    if (explicit !== undefined) out.set(column, Math.max(columnWidthOfPixels(explicit), forNumbers));
    else if (extent.numbers || extent.text > 0) {
      out.set(column, Math.max(8.43, forNumbers, columnWidthFor(Math.min(extent.text, 50))));
    }
  }
  return out;
}

function columnStyleIndexes(
  layout: SheetLayout,
  styles: StyleSheet,
  sizeOf: (column: number) => number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const [column, patch] of layout.columnStyles) out.set(column, styles.derive(sizeOf(column), patch));
  return out;
}

/** Relationship ids of the sheet's drawing (charts) and legacy drawing (notes), when it has them. */
export interface SheetExtras {
  readonly drawing?: string;
  readonly legacyDrawing?: string;
}

function addExtras(shell: Shell, extras: SheetExtras): void {
  if (extras.drawing) shell.set("drawing", `<drawing ${shell.relAttribute(extras.drawing)}/>`);
  if (extras.legacyDrawing)
    shell.set("legacyDrawing", `<legacyDrawing ${shell.relAttribute(extras.legacyDrawing)}/>`);
}

/** Column widths of a sheet an action created or replaced: fitted to its shown values. */
export function newSheetWidths(
  cells: readonly (readonly Cell[])[],
  layout: SheetLayout,
): Map<number, number> {
  let columns = 0;
  for (const line of cells) columns = Math.max(columns, line.length);
  return fittedWidths(cells, layout, range(columns), (c) => layout.columnPatterns.get(c) ?? []);
}

/** The XML of a sheet an action created or replaced, written piece by piece. */
export function newSheetXml(
  cells: readonly (readonly Cell[])[],
  layout: SheetLayout,
  widths: Map<number, number>,
  context: WriteContext,
  extras: SheetExtras,
  sink: PartWriter,
): void {
  const resolver = new StyleResolver(context.styles);
  const { rows, columns } = usedSize(cells);
  const shell = Shell.fresh();
  shell.set("dimension", dimensionXml(rows, columns));
  decorate(
    shell,
    layout,
    widths,
    columnStyleIndexes(layout, context.styles, () => 0),
  );
  addExtras(shell, extras);
  sink.add(`${XML_DECLARATION}${shell.open}${shell.head()}<sheetData>`);
  const rules = new RuleIndex(layout.rules, Math.max(columns, 1));
  const heightOf = wrappedRowHeight(layout, widths);
  const lastRuleRow = layout.rules.reduce((n, rule) => Math.max(n, rule.createsCells ? rule.bottom : 0), 0);
  for (let r = 1; r <= Math.max(rows, lastRuleRow); r++) {
    const line = (r <= rows ? cells[r - 1] : undefined) ?? [];
    const ruled = rules.selectRow(r);
    let row = "";
    let height = 0;
    const creating = ruled ? rules.creatingColumns() : [];
    let k = 0;
    const width = Math.max(
      Math.min(line.length, columns),
      creating.length > 0 ? creating[creating.length - 1] : 0,
    );
    for (let c = 1; c <= width; c++) {
      const value = line[c - 1];
      const blank = isBlank(value);
      while (k < creating.length && creating[k] < c) k++;
      if (blank && creating[k] !== c) continue;
      const patch = ruled ? rules.patchAt(c, !blank) : null;
      const style = resolver.style(0, patch, isDateCell(value));
      row += cellXml(`${letterOf(c)}${r}`, value, style, context.date1904, context.strings);
      if (patch?.wrap && typeof value === "string") height = Math.max(height, heightOf(r, c, value, patch));
    }
    const tall = height > 0 ? ` ht="${height}" customHeight="1"` : "";
    if (row !== "") sink.add(`<row r="${r}"${tall}>${row}</row>`);
  }
  sink.add(`</sheetData>${shell.tail()}${shell.close}`);
}

/** The default font's size (styles.xml) and the height of one line of it, in points. */
const DEFAULT_FONT_POINTS = 11;
const LINE_POINTS_PER_FONT_POINT = 15 / 11;
/** A wide character counts 2 in textWidth but takes about 1.6 column-width units: text fits 1.2 × width. */
const WIDE_CHARACTER_FIT = 1.2;

/**
 * The height (points) a row needs for a wrapped text cell, or 0 when one line is enough.
 * Spreadsheet programs do not grow rows on opening a file, so a wrapped name or sentence would
 * show only its last line: the writer sizes the row from the text's width (wide characters
 * count two), the column's (or merged range's) width and the font size.
 */
function wrappedRowHeight(
  layout: SheetLayout,
  widths: Map<number, number>,
): (row: number, column: number, text: string, patch: StylePatch) => number {
  const spans = new Map<string, number>();
  for (const m of layout.merges) {
    let width = 0;
    for (let c = m.left; c <= m.right; c++) width += widths.get(c) ?? 8.43;
    spans.set(`${m.top}:${m.left}`, width);
  }
  return (row, column, text, patch) => {
    const width = spans.get(`${row}:${column}`) ?? widths.get(column) ?? 8.43;
    const points = patch.fontSize ?? DEFAULT_FONT_POINTS;
    const perLine = Math.max(1, Math.floor(width * WIDE_CHARACTER_FIT * (DEFAULT_FONT_POINTS / points)));
    let lines = 0;
    for (const part of text.split("\n")) lines += Math.max(1, Math.ceil(textWidth(part) / perLine));
    return lines > 1 ? Math.round(lines * points * LINE_POINTS_PER_FONT_POINT * 100) / 100 : 0;
  };
}

/** Rows and columns up to the last non-blank cell (no copy, unlike usedRange). */
export function usedSize(cells: readonly (readonly Cell[])[]): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (let r = 0; r < cells.length; r++) {
    const line = cells[r];
    if (!line) continue;
    for (let c = line.length - 1; c >= 0; c--) {
      if (!isBlank(line[c])) {
        if (c + 1 > columns) columns = c + 1;
        rows = r + 1;
        break;
      }
    }
  }
  return { rows, columns };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

interface CellSlice {
  readonly column: number;
  readonly start: number;
  readonly end: number;
  readonly style: number;
}

export interface PatchInput {
  /** The sheet's values after the action (row-major, 1-based positions at index - 1). */
  readonly cells: readonly (readonly Cell[])[];
  /** Written cells as "row:column". */
  readonly written: ReadonlySet<string>;
  readonly layout: SheetLayout;
}

/**
 * An existing sheet with the action's written cells and formats applied: rows without a
 * change keep their XML; in a changed row, cells without a change keep theirs (a cell only
 * restyled gets a new `s` attribute).
 */
export function patchSheetXml(
  xml: string,
  input: PatchInput,
  context: WriteContext,
  extras: SheetExtras,
): string[] {
  const resolver = new StyleResolver(context.styles);
  const writtenByRow = new Map<number, number[]>();
  for (const key of input.written) {
    const colon = key.indexOf(":");
    const r = Number(key.slice(0, colon));
    const list = writtenByRow.get(r);
    if (list) list.push(Number(key.slice(colon + 1)));
    else writtenByRow.set(r, [Number(key.slice(colon + 1))]);
  }
  const pendingRows = new Set(writtenByRow.keys());
  for (const rule of input.layout.rules) {
    if (rule.createsCells && rule.bottom - rule.top < 10_000)
      for (let r = rule.top; r <= rule.bottom; r++) pendingRows.add(r);
  }
  const pending = [...pendingRows].sort((a, b) => a - b);
  let next = 0;
  const { rows: usedRows, columns: usedColumns } = usedSize(input.cells);
  const rules = new RuleIndex(input.layout.rules, Math.max(usedColumns, 1));

  const out: string[] = [];
  let piece = "";
  let depth = 0;
  let rootOpen = "";
  const elements: Element[] = [];
  let inSheetData = false;
  let rowStart = 0;
  let rowNumber = 0;
  let rowCells: CellSlice[] = [];
  let cellStart = 0;
  let cellColumn = 0;
  let cellStyle = 0;
  let childStart = 0;
  let childName = "";

  const rowXml = (r: number, open: string | null, existing: CellSlice[]): string => {
    const ruled = rules.selectRow(r);
    const written = writtenByRow.get(r) ?? [];
    if (!ruled && written.length === 0 && open !== null) return "";
    const line = input.cells[r - 1] ?? [];
    const columns = new Set<number>(written);
    for (const cell of existing) columns.add(cell.column);
    if (ruled) for (const c of rules.creatingColumns()) columns.add(c);
    const byColumn = new Map(existing.map((cell) => [cell.column, cell] as const));
    const writtenSet = new Set(written);
    let body = "";
    for (const c of [...columns].sort((a, b) => a - b)) {
      const cell = byColumn.get(c);
      const patch = ruled ? rules.patchAt(c, cell !== undefined || writtenSet.has(c)) : null;
      if (cell && !writtenSet.has(c)) {
        const original = xml.slice(cell.start, cell.end);
        body += patch ? withStyle(original, resolver.style(cell.style, patch, false)) : original;
        continue;
      }
      const value = line[c - 1];
      const style = resolver.style(cell ? cell.style : 0, patch, isDateCell(value));
      body += cellXml(`${letterOf(c)}${r}`, value, style, context.date1904);
    }
    const tag = (open ?? `<row r="${r}">`).replace(/\sspans="[^"]*"/, "").replace(/\s*\/>$/, ">");
    return body === "" && open === null ? "" : `${tag}${body}</row>`;
  };
  const flushPendingBefore = (r: number): void => {
    while (next < pending.length && pending[next] < r) piece += rowXml(pending[next++], null, []);
  };

  scanXml(xml, {
    open: (name, attributes, start, selfClosing) => {
      depth++;
      if (depth === 1) {
        rootOpen = xml.slice(start, xml.indexOf(">", start) + 1);
      } else if (depth === 2) {
        childStart = start;
        childName = name;
        if (name === "sheetData") inSheetData = !selfClosing;
      } else if (inSheetData && depth === 3 && name === "row") {
        rowStart = start;
        rowNumber = attributes.r !== undefined ? Number(attributes.r) : rowNumber + 1;
        rowCells = [];
      } else if (inSheetData && depth === 4 && name === "c") {
        cellStart = start;
        cellColumn =
          attributes.r !== undefined ? columnOfRef(attributes.r) : (rowCells.at(-1)?.column ?? 0) + 1;
        cellStyle = attributes.s !== undefined ? Number(attributes.s) : 0;
      }
    },
    close: (name, end) => {
      if (inSheetData && depth === 4 && name === "c") {
        rowCells.push({ column: cellColumn, start: cellStart, end, style: cellStyle });
      } else if (inSheetData && depth === 3 && name === "row") {
        flushPendingBefore(rowNumber);
        if (next < pending.length && pending[next] === rowNumber) next++;
        const open = xml.slice(rowStart, xml.indexOf(">", rowStart) + 1);
        const rewritten = rowXml(rowNumber, open, rowCells);
        piece += rewritten === "" ? xml.slice(rowStart, end) : rewritten;
        if (piece.length > 1 << 20) {
          out.push(piece);
          piece = "";
        }
      } else if (depth === 2) {
        if (name === "sheetData") {
          flushPendingBefore(Number.MAX_SAFE_INTEGER);
          inSheetData = false;
        }
        elements.push({ name: childName, xml: xml.slice(childStart, end) });
      }
      depth--;
    },
  });
  if (!elements.some((e) => e.name === "sheetData")) flushPendingBefore(Number.MAX_SAFE_INTEGER);
  out.push(piece);

  const shell = new Shell(
    withDefaultNamespace(rootOpen),
    elements,
    `</${/^<([\w:]+)/.exec(rootOpen)?.[1] ?? "worksheet"}>`,
  );
  const dimension = shell.get("dimension");
  if (dimension) {
    const ref = /ref="([^"]*)"/.exec(dimension.xml)?.[1] ?? "A1";
    const to = ref.split(":").at(-1) ?? "A1";
    const rows = Math.max(rowOfRef(to), usedRows);
    const columns = Math.max(columnOfRef(to), usedColumns);
    shell.set("dimension", dimensionXml(rows, columns));
  }
  const layout = input.layout;
  const sized = sizedColumns(shell.get("cols")?.xml);
  const touched = new Set<number>(layout.formattedColumns.keys());
  for (const key of input.written) touched.add(Number(key.slice(key.indexOf(":") + 1)));
  for (const column of layout.widths.keys()) touched.add(column);
  for (const column of sized) touched.delete(column);
  const fitted = fittedWidths(input.cells, layout, touched, (c) => layout.columnPatterns.get(c) ?? []);
  // Columns only written to keep Excel's default width when their values fit it.
  for (const [column, width] of fitted)
    if (!layout.widths.has(column) && !layout.formattedColumns.has(column) && width <= 8.43)
      fitted.delete(column);
  decorate(
    shell,
    layout,
    fitted,
    columnStyleIndexes(layout, context.styles, () => 0),
  );
  addExtras(shell, extras);
  return [
    `${XML_DECLARATION}${shell.open}${shell.head()}<sheetData>`,
    ...out,
    `</sheetData>${shell.tail()}${shell.close}`,
  ];
}

/** A cell's original XML with another `s` attribute. */
function withStyle(cell: string, style: number): string {
  const end = cell.indexOf(">");
  const open = cell.slice(0, end);
  const restyled = /\ss="\d*"/.test(open)
    ? open.replace(/\ss="\d*"/, style > 0 ? ` s="${style}"` : "")
    : open.replace(/^<(\w+:)?c\b/, (m) => `${m} s="${style}"`);
  return restyled + cell.slice(end);
}

/** The root element with the main namespace as default, so unprefixed elements we add belong to it. */
function withDefaultNamespace(open: string): string {
  if (/\sxmlns="/.test(open)) return open;
  return open.replace(/^<([\w:]+)/, '<$1 xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
}
