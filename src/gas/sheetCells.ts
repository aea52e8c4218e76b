/**
 * Cells Sheets cannot misread. Sheets reads a string written with setValues as if it were typed:
 * `May 5`, `Jan 2026`, `5月5日`, `1,200`, `TRUE` or `=A1` stop being text. So each cell of a
 * block gets a number format with the same write (one setNumberFormats per block, before the
 * values): plain text (`@`) for text, a date pattern for dates, the column's format for numbers.
 *
 * A plain-text cell keeps typed text as it is, but what it does with a leading `=` or `'` is not
 * documented (a formula, or the text; an apostrophe dropped, or kept in the value). Text that
 * starts with a character a spreadsheet treats as a formula or an escape (`= + - @ ' #`) is
 * therefore written the documented way instead: with a leading apostrophe, in a cell that is not
 * plain text, where Sheets stores the rest as text and keeps the apostrophe out of the value.
 */
import { isDateCell, type Cell } from "../ports";
import { DATE_PATTERN } from "../workbook/formats";

/** Plain text: Sheets stores what is written as text. */
export const PLAIN_TEXT = "@";
/** The pattern Sheets reports for a cell whose format was never set (Automatic). */
export const AUTOMATIC = "0.###############";

const GUARDED = /^[=+\-@'#]/;

/** The string setValues is given for a text cell. */
export function sheetText(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/** Whether a number format shows a date (has a year or day part outside quoted text). */
export function isDatePattern(pattern: string): boolean {
  return /[yd]/i.test(pattern.replace(/"[^"]*"/g, ""));
}

/**
 * The number format a cell is written with, given the format it has (or its column gets):
 * text → plain text (guarded text: any format but plain text); a date → a date pattern (the
 * current one when it is one); a number or boolean → the current format unless it is plain
 * text or a date pattern; an empty cell keeps its format.
 */
export function cellPattern(value: Cell, current: string): string {
  if (value === null || value === "") return current;
  if (typeof value === "string") {
    if (GUARDED.test(value)) return current === PLAIN_TEXT ? AUTOMATIC : current;
    return PLAIN_TEXT;
  }
  if (isDateCell(value)) return isDatePattern(current) ? current : DATE_PATTERN;
  return current === PLAIN_TEXT || isDatePattern(current) ? AUTOMATIC : current;
}
