/**
 * Cell parsing: turns raw cell values (as the adapters deliver them) into typed values, or into
 * the reason they cannot be read. Every parser returns a `Parsed<T>`; none throws. Accepted
 * forms are those of the workbook contract (workbook.md, General rules).
 */
import { calDate, dateParts, formatIsoDate, isValidDate, type CalDate } from "../core/dates";
import { toCents, type Cents } from "../core/money";
import type { MessageRef } from "../i18n";
import { msg } from "../i18n";
import { isDateCell, type Cell } from "../ports";
import type { CodeList } from "./codes";
import { nfkc, normalizeName, trimAll } from "./names";

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: MessageRef };

export type DateOrder = "YMD" | "DMY" | "MDY";

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (problem: MessageRef): Parsed<never> => ({ ok: false, problem });

const FORMULA_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)$/i;

/** Longest text accepted in an ID cell and in any other text cell. */
export const MAX_ID_LENGTH = 100;
export const MAX_TEXT_LENGTH = 5000;

/** A cell with nothing in it: null, "" or white space only. */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && trimAll(cell) === "");
}

/** The cell's formula error code (`#N/A`), or null. */
export function formulaError(cell: Cell): string | null {
  if (typeof cell !== "string") return null;
  const text = trimAll(cell);
  return FORMULA_ERROR.test(text) ? text.toUpperCase() : null;
}

/** A short, single-line rendering of a raw cell for messages (long text is cut). */
export function displayCell(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (isDateCell(cell)) {
    const d = new Date(cell.date * 86_400_000);
    return d.toISOString().slice(0, 10);
  }
  const text = String(cell).replace(/[\r\n\t]+/g, " ");
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export function parseText(cell: Cell, maxLength = MAX_TEXT_LENGTH): Parsed<string> {
  if (isDateCell(cell)) return fail(msg("issue.expectedText"));
  const text = typeof cell === "string" ? trimAll(cell) : String(cell);
  if (text.length > maxLength) return fail(msg("issue.textTooLong", { max: maxLength }));
  return ok(text);
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** An e-mail address, lower-cased. */
export function parseEmail(cell: Cell): Parsed<string> {
  if (typeof cell !== "string") return fail(msg("issue.expectedEmail"));
  const text = trimAll(nfkc(cell)).toLowerCase();
  return EMAIL.test(text) && text.length <= 254 ? ok(text) : fail(msg("issue.expectedEmail"));
}

/** Splits a list written with `,`, `，`, `;` or `；` (settings values). */
export function splitList(text: string): string[] {
  return text
    .split(/[,，;；]/)
    .map((part) => trimAll(part))
    .filter((part) => part !== "");
}

const YMD_TEXT =
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:\s*(?:[T\s]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?)$/;
const YMD_CJK = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const OTHER_ORDER = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/;

/**
 * A calendar date: a date cell, or text written year first (`2026-10-05`, `2026/10/5`,
 * `2026.10.05`, `2026年10月5日`). Day-first or month-first text is read only when `order`
 * says DMY or MDY.
 */
export function parseDate(cell: Cell, order: DateOrder = "YMD"): Parsed<CalDate> {
  if (isDateCell(cell)) return ok(cell.date);
  if (typeof cell !== "string") return fail(msg("issue.expectedDate"));
  const text = trimAll(nfkc(cell));
  let match = YMD_TEXT.exec(text) ?? YMD_CJK.exec(text);
  if (match) return dateFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  match = OTHER_ORDER.exec(text);
  if (match) {
    if (order === "DMY") return dateFromParts(Number(match[3]), Number(match[2]), Number(match[1]));
    if (order === "MDY") return dateFromParts(Number(match[3]), Number(match[1]), Number(match[2]));
    return fail(msg("issue.ambiguousDate"));
  }
  return fail(msg("issue.expectedDate"));
}

/** A date as text in the workbook's date order: `2026-10-05`, `05/10/2026` (DMY), `10/05/2026` (MDY). */
export function formatDateInOrder(date: CalDate, order: DateOrder): string {
  if (order === "YMD") return formatIsoDate(date);
  const { year, month, day } = dateParts(date);
  const [first, second] = order === "DMY" ? [day, month] : [month, day];
  return `${String(first).padStart(2, "0")}/${String(second).padStart(2, "0")}/${year}`;
}

function dateFromParts(year: number, month: number, day: number): Parsed<CalDate> {
  return isValidDate(year, month, day) ? ok(calDate(year, month, day)) : fail(msg("issue.impossibleDate"));
}

const AMOUNT_TEXT = /^(?:¥|CNY|RMB)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万|亿)?\s*(?:元|CNY|RMB)?$/i;

/**
 * A non-negative amount in cents: a number, or text such as `1,200,000`, `¥1,200,000`,
 * `1200000元`, `120万`, `120万元`, `1.2亿`. Text is converted exactly (no binary rounding).
 */
export function parseAmount(cell: Cell): Parsed<Cents> {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return fail(msg("issue.expectedAmount"));
    if (cell < 0) return fail(msg("issue.negativeAmount"));
    if (cell > 1e13) return fail(msg("issue.amountTooLarge"));
    return ok(toCents(cell));
  }
  if (typeof cell !== "string") return fail(msg("issue.expectedAmount"));
  const text = trimAll(nfkc(cell)).replace(/\s+/g, "");
  if (/^-/.test(text) || /^[¥]-/.test(text)) return fail(msg("issue.negativeAmount"));
  const match = AMOUNT_TEXT.exec(text);
  if (!match) return fail(msg("issue.expectedAmount"));
  const whole = match[1].replace(/,/g, "");
  const fraction = match[2] ?? "";
  const exponent = match[3] === "亿" ? 8 : match[3] === "万" ? 4 : 0;
  const cents = decimalToCents(whole, fraction, exponent);
  if (cents === null || cents > 1e15) return fail(msg("issue.amountTooLarge"));
  return ok(cents);
}

/** whole.fraction × 10^exponent, in cents, rounded half up; exact for any digit count. */
function decimalToCents(whole: string, fraction: string, exponent: number): number | null {
  const shift = exponent + 2;
  const digits = whole + fraction.padEnd(shift, "0");
  const cut = whole.length + shift;
  const integerPart = digits.slice(0, cut).replace(/^0+(?=\d)/, "");
  const roundDigit = digits.charAt(cut);
  if (integerPart.length > 16) return null;
  const value = Number(integerPart);
  return roundDigit !== "" && Number(roundDigit) >= 5 ? value + 1 : value;
}

export interface FractionOptions {
  readonly min?: number;
  readonly max?: number;
  /** Read a bare number above 1 and up to 100 as a percentage (probabilities). */
  readonly bareNumbersArePercent?: boolean;
}

/** A fraction: `0.12` or `12%` (also as text); bounds are inclusive. */
export function parseFraction(cell: Cell, options: FractionOptions = {}): Parsed<number> {
  let value: number;
  if (typeof cell === "number") {
    value = cell;
    if (options.bareNumbersArePercent && value > 1 && value <= 100) value = value / 100;
  } else if (typeof cell === "string") {
    const text = trimAll(nfkc(cell)).replace(/\s+/g, "");
    const match = /^([+-]?\d+(?:\.\d+)?|[+-]?\.\d+)(%)?$/.exec(text);
    if (!match) return fail(msg("issue.expectedFraction"));
    value = Number(match[1]);
    if (match[2]) value = value / 100;
    else if (options.bareNumbersArePercent && value > 1 && value <= 100) value = value / 100;
  } else {
    return fail(msg("issue.expectedFraction"));
  }
  if (!Number.isFinite(value)) return fail(msg("issue.expectedFraction"));
  const min = options.min ?? -Infinity;
  const max = options.max ?? Infinity;
  if (value < min || value > max) {
    return fail(msg("issue.fractionOutOfRange", { min: percentText(min), max: percentText(max) }));
  }
  return ok(value);
}

function percentText(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value * 10000) / 100}%` : "∞";
}

/** A whole number within bounds (also from text). */
export function parseInteger(cell: Cell, min: number, max: number): Parsed<number> {
  let value: number;
  if (typeof cell === "number") value = cell;
  else if (typeof cell === "string" && /^[+-]?\d+$/.test(trimAll(nfkc(cell)))) {
    value = Number(trimAll(nfkc(cell)));
  } else return fail(msg("issue.expectedInteger", { min, max }));
  if (!Number.isInteger(value) || value < min || value > max) {
    return fail(msg("issue.expectedInteger", { min, max }));
  }
  return ok(value);
}

/** A code of a list, by its code, its Chinese label or an alias; checkbox cells for yes/no. */
export function parseCode<C extends string>(cell: Cell, codes: CodeList<C>): Parsed<C> {
  if (typeof cell === "boolean" && codes.name === "yesNo") return ok((cell ? "yes" : "no") as C);
  if (typeof cell !== "string" && typeof cell !== "number") return fail(unknownCode(codes));
  const found = codes.match(String(cell));
  return found === null ? fail(unknownCode(codes)) : ok(found);
}

function unknownCode(codes: CodeList<string>): MessageRef {
  return msg("issue.unknownCode", { allowed: codes.values.join(" / ") });
}

/**
 * Codes of a list written in one cell, separated by `,` `，` `、` `;` `；` `/` or spaces
 * (`legal, finance`, `法务、财务`): the distinct codes in the list's order; blank parts are skipped.
 */
export function parseCodeSet<C extends string>(cell: Cell, codes: CodeList<C>): Parsed<C[]> {
  if (typeof cell !== "string") return fail(unknownCode(codes));
  const found = new Set<C>();
  for (const part of cell.split(/[,，、;；/\s]+/)) {
    if (part === "") continue;
    const code = codes.match(part);
    if (code === null) return fail(unknownCode(codes));
    found.add(code);
  }
  return ok(codes.values.filter((c) => found.has(c)));
}

const URL_TEXT = /^https?:\/\/[^\s/?#]+\.[^\s]*$|^https?:\/\/[^\s/?#]+$/i;

/** A web address (`https://…` or `http://…`), as written. */
export function parseUrl(cell: Cell): Parsed<string> {
  if (typeof cell !== "string") return fail(msg("issue.expectedUrl"));
  const text = trimAll(cell);
  return URL_TEXT.test(text) && text.length <= MAX_TEXT_LENGTH ? ok(text) : fail(msg("issue.expectedUrl"));
}

/** A target owner: an e-mail address, or `ALL` / `全部` for the team (returned as "ALL"). */
export function parseTargetOwner(cell: Cell): Parsed<string> {
  if (typeof cell === "string" && ["all", "全部", "团队", "team"].includes(normalizeName(cell)))
    return ok("ALL");
  const email = parseEmail(cell);
  return email.ok ? email : fail(msg("issue.expectedTargetOwner"));
}

/** A target period. */
export type Period =
  | { readonly kind: "year"; readonly year: number }
  | { readonly kind: "quarter"; readonly year: number; readonly quarter: number }
  | { readonly kind: "month"; readonly year: number; readonly month: number };

/** `2026` (also a number cell), `2026-Q4` (any case), `2026-10`; a date cell means its month. */
export function parsePeriod(cell: Cell): Parsed<Period> {
  if (isDateCell(cell)) {
    const d = new Date(cell.date * 86_400_000);
    return ok({ kind: "month", year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 });
  }
  if (typeof cell === "number") {
    return Number.isInteger(cell) && cell >= 1900 && cell <= 9999
      ? ok({ kind: "year", year: cell })
      : fail(msg("issue.expectedPeriod"));
  }
  if (typeof cell !== "string") return fail(msg("issue.expectedPeriod"));
  const text = trimAll(nfkc(cell)).toUpperCase().replace(/\s+/g, "");
  let m = /^(\d{4})年?$/.exec(text);
  if (m) return ok({ kind: "year", year: Number(m[1]) });
  m = /^(\d{4})[-/.]?Q([1-4])$/.exec(text) ?? /^(\d{4})年?第?([1-4])季度?$/.exec(text);
  if (m) return ok({ kind: "quarter", year: Number(m[1]), quarter: Number(m[2]) });
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})年(\d{1,2})月$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return ok({ kind: "month", year: Number(m[1]), month: Number(m[2]) });
  return fail(msg("issue.expectedPeriod"));
}
