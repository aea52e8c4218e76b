/**
 * One cell as worksheet XML, and what a column needs to be wide enough for its values.
 * Text is always written as inline text (never a formula, whatever it starts with); a date is
 * a serial number in a date format; a blank cell is written only when it carries a style.
 */
import { isDateCell, type Cell } from "../../ports";
import { escapeText } from "./xml";

/** Days from 1899-12-30 to 1970-01-01. */
const EPOCH_1900 = 25569;

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

const LETTERS: string[] = [];
export function letterOf(column: number): string {
  let letters = LETTERS[column];
  if (letters === undefined) LETTERS[column] = letters = columnLetter(column);
  return letters;
}

// eslint-disable-next-line no-control-regex -- characters XML cannot hold are dropped on write
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function text(value: string): string {
  const escaped = NEEDS_ESCAPE.test(value) ? escapeText(value) : value;
  const preserve = /^\s|\s$|\n/.test(escaped) ? ' xml:space="preserve"' : "";
  return `<is><t${preserve}>${escaped}</t></is>`;
}

/** Whether a value is blank (nothing to write). */
export function isBlank(value: Cell | undefined): boolean {
  return value === undefined || value === null || value === "";
}

/**
 * The shared strings table of a new workbook: each distinct text once, cells refer to it by
 * index (smaller files, and a reader shares one string per text).
 */
export class SharedStringsWriter {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];

  indexOf(value: string): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.texts.length;
      this.index.set(value, at);
      this.texts.push(value);
    }
    return at;
  }

  get size(): number {
    return this.texts.length;
  }

  /** `<si>` elements of the table, in index order. */
  *items(): Generator<string> {
    for (const value of this.texts) {
      const escaped = NEEDS_ESCAPE.test(value) ? escapeText(value) : value;
      const preserve = /^\s|\s$|\n/.test(escaped) ? ' xml:space="preserve"' : "";
      yield `<si><t${preserve}>${escaped}</t></si>`;
    }
  }
}

/** The XML of one cell; `style` 0 writes no `s`. Returns "" for a blank unstyled cell. */
export function cellXml(
  ref: string,
  value: Cell | undefined,
  style: number,
  date1904 = false,
  strings?: SharedStringsWriter,
): string {
  const s = style > 0 ? ` s="${style}"` : "";
  if (isBlank(value)) return style > 0 ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "string") {
    return strings
      ? `<c r="${ref}"${s} t="s"><v>${strings.indexOf(value)}</v></c>`
      : `<c r="${ref}"${s} t="inlineStr">${text(value)}</c>`;
  }
  if (typeof value === "number")
    return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (isDateCell(value))
    return `<c r="${ref}"${s}><v>${value.date + EPOCH_1900 - (date1904 ? 1462 : 0)}</v></c>`;
  return "";
}

/** Display width of text in character widths (a column, a terminal): East Asian wide and full-width characters count two. */
export function textWidth(value: string): number {
  let width = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x1100) width += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      width += 2;
      i++;
    } else {
      const wide =
        code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6);
      width += wide ? 2 : 1;
    }
  }
  return width;
}

/** Characters a value takes when shown with a number format (an estimate on the safe side). */
export function shownWidth(value: Cell | undefined, pattern: string | undefined): number {
  if (isBlank(value)) return 0;
  if (typeof value === "string")
    return textWidth(value.split("\n").reduce((a, b) => (b.length > a.length ? b : a), ""));
  if (typeof value === "boolean") return 5;
  if (isDateCell(value)) return 10;
  if (typeof value !== "number") return 0;
  if (pattern === undefined || pattern === "General") return Math.min(String(value).length, 11);
  if (/yy|dd/i.test(pattern)) return 10;
  if (pattern.includes("%")) {
    const decimals = /\.(0+)%/.exec(pattern)?.[1].length ?? 0;
    return (value * 100).toFixed(decimals).length + 1;
  }
  const decimals = /\.(0+)/.exec(pattern)?.[1].length ?? 0;
  const whole = Math.trunc(Math.abs(value)).toString();
  const grouped = pattern.includes(",") ? whole.length + Math.floor((whole.length - 1) / 3) : whole.length;
  const prefix = (pattern.match(/"([^"]*)"/g) ?? []).reduce((n, q) => n + textWidth(q.slice(1, -1)), 0);
  return grouped + (decimals > 0 ? decimals + 1 : 0) + (value < 0 ? 1 : 0) + prefix;
}

/** Excel column width (characters of the default font) for a content width in characters, with room for bold figures. */
export function columnWidthFor(chars: number): number {
  return Math.min(80, Math.round((chars * 1.15 + 3) * 100) / 100);
}

/** Excel column width for a width in pixels (about 7 pixels per character). */
export function columnWidthOfPixels(pixels: number): number {
  return Math.round((pixels / 7) * 100) / 100;
}
