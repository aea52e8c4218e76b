/**
 * Reading values: shared strings and one worksheet's cells as the actions see them — text,
 * numbers, booleans, dates (numbers in a date format) as DateCells, a formula's cached value,
 * an error value as its text (`#N/A`), rich and inline text as plain text, and a merged range's
 * value once, in its top-left cell. Streaming: the sheet's XML is never one string.
 */
import type { Cell } from "../../ports";
import type { StyleSheet } from "./styles";
import { scanXml } from "./xml";

/** Days from 1899-12-30 (Excel's day 0 in the 1900 system) to 1970-01-01. */
const EPOCH_1900 = 25569;
/** The 1904 date system counts from 1904-01-01. */
const EPOCH_1904 = EPOCH_1900 - 1462;

/** The strings of `xl/sharedStrings.xml` (phonetic runs left out). */
export function readSharedStrings(source: string | Uint8Array | null): string[] {
  const strings: string[] = [];
  if (source === null) return strings;
  let current = "";
  let inText = false;
  let phonetic = 0;
  scanXml(source, {
    open: (name) => {
      if (name === "si") current = "";
      else if (name === "t") inText = phonetic === 0;
      else if (name === "rPh") phonetic++;
    },
    close: (name) => {
      if (name === "si") strings.push(current);
      else if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
    },
    text: (text) => {
      if (inText) current += text;
    },
  });
  return strings;
}

/** 1-based column of a cell reference's letters (`AB12` → 28). */
export function columnOfRef(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

/** 1-based row of a cell reference (`AB12` → 12). */
export function rowOfRef(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65) i++;
  return Number(ref.slice(i));
}

export interface SheetValues {
  readonly cells: Cell[][];
  /** Merged ranges as `A1:C1`. */
  readonly merges: string[];
}

interface Context {
  readonly strings: readonly string[];
  readonly styles: StyleSheet;
  readonly date1904: boolean;
  /** One instance per distinct short text across the workbook's sheets (inline text repeats a lot). */
  readonly texts?: Map<string, string>;
}

/** Texts up to this length are shared between cells; longer ones are rarely repeated. */
const SHARED_TEXT = 64;

function shared(context: Context, text: string): string {
  const texts = context.texts;
  if (texts === undefined || text.length > SHARED_TEXT) return text;
  const known = texts.get(text);
  if (known !== undefined) return known;
  texts.set(text, text);
  return text;
}

export function readSheetValues(source: string | Uint8Array, context: Context): SheetValues {
  const cells: Cell[][] = [];
  const merges: string[] = [];
  const epoch = context.date1904 ? EPOCH_1904 : EPOCH_1900;
  let row = 0;
  let column = 0;
  let type = "";
  let style = 0;
  let value = "";
  let capture = false;
  let phonetic = 0;
  let inCell = false;
  let hasValue = false;

  const put = (cell: Cell): void => {
    let line = cells[row - 1];
    if (line === undefined) {
      while (cells.length < row - 1) cells.push([]);
      line = [];
      cells[row - 1] = line;
    }
    while (line.length < column - 1) line.push("");
    line[column - 1] = cell;
  };

  scanXml(source, {
    open: (name, attributes) => {
      switch (name) {
        case "row":
          row = attributes.r !== undefined ? Number(attributes.r) : row + 1;
          column = 0;
          return;
        case "c":
          column = attributes.r !== undefined ? columnOfRef(attributes.r) : column + 1;
          type = attributes.t ?? "n";
          style = attributes.s !== undefined ? Number(attributes.s) : 0;
          value = "";
          hasValue = false;
          inCell = true;
          return;
        case "v":
          capture = inCell;
          return;
        case "t":
          capture = inCell && type === "inlineStr" && phonetic === 0;
          return;
        case "rPh":
          phonetic++;
          return;
        case "mergeCell":
          if (attributes.ref) merges.push(attributes.ref);
          return;
      }
    },
    close: (name) => {
      if (name === "v" || name === "t") {
        if (capture) hasValue = true;
        capture = false;
      } else if (name === "rPh") phonetic--;
      else if (name === "c") {
        inCell = false;
        if (hasValue) put(toCell(type, value, style, context, epoch));
      }
    },
    text: (text) => {
      if (capture) value += text;
    },
  });
  for (const ref of merges) blankMerged(cells, ref);
  return { cells, merges };
}

function toCell(type: string, value: string, style: number, context: Context, epoch: number): Cell {
  switch (type) {
    case "s":
      return context.strings[Number(value)] ?? "";
    case "inlineStr":
    case "str":
      return shared(context, value);
    case "e":
      return value;
    case "b":
      return value === "1" || value === "true";
    case "d": {
      const ms = Date.parse(value);
      return Number.isNaN(ms) ? value : { date: Math.floor(ms / 86_400_000) };
    }
    default: {
      if (value === "") return "";
      const n = Number(value);
      if (!Number.isFinite(n)) return "";
      return context.styles.isDate(style) ? { date: Math.floor(n) - epoch } : n;
    }
  }
}

/** Every cell of a merged range but its top-left one reads blank (as Sheets reads it). */
function blankMerged(cells: Cell[][], ref: string): void {
  const [from, to = from] = ref.split(":");
  const top = rowOfRef(from);
  const left = columnOfRef(from);
  const bottom = rowOfRef(to);
  const right = columnOfRef(to);
  for (let r = top; r <= bottom && r <= cells.length; r++) {
    const line = cells[r - 1];
    if (!line) continue;
    for (let c = left; c <= right && c <= line.length; c++) {
      if (r !== top || c !== left) line[c - 1] = "";
    }
  }
}
