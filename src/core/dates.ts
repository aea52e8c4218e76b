/**
 * Calendar dates for the business rules. A `CalDate` is a whole number of days since
 * 1970-01-01 in the proleptic Gregorian calendar: a date with no time and no time zone.
 * Adapters turn spreadsheet cells into CalDates in the workbook's zone; core only counts days.
 */

/** Days since 1970-01-01. Always an integer. */
export type CalDate = number;

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when the parts name a real calendar day (2026-02-30 is not one). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The CalDate of a valid year-month-day (the caller checks validity first). */
export function calDate(year: number, month: number, day: number): CalDate {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0..99 as they are
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function dateParts(date: CalDate): DateParts {
  const d = new Date(date * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `YYYY-MM-DD`. */
export function formatIsoDate(date: CalDate): string {
  const { year, month, day } = dateParts(date);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** Parses exactly `YYYY-MM-DD`; null when it is not a real date. */
export function parseIsoDate(text: string): CalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? calDate(y, mo, d) : null;
}

export function addDays(date: CalDate, days: number): CalDate {
  return date + days;
}

/** Adds calendar months keeping the day of month, clamped to the month's last day. */
export function addMonths(date: CalDate, months: number): CalDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return calDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(date: CalDate, years: number): CalDate {
  return addMonths(date, years * 12);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CalDate): number {
  return (((date + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** A calendar month, `YYYY-MM`. */
export type MonthKey = string;

export function monthKey(year: number, month: number): MonthKey {
  return `${String(year).padStart(4, "0")}-${pad2(month)}`;
}

export function monthOf(date: CalDate): MonthKey {
  const { year, month } = dateParts(date);
  return monthKey(year, month);
}

export function parseMonthKey(text: string): YearMonth | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year, month } : null;
}

export function firstDayOfMonth(year: number, month: number): CalDate {
  return calDate(year, month, 1);
}

export function lastDayOfMonth(year: number, month: number): CalDate {
  return calDate(year, month, daysInMonth(year, month));
}

/** A calendar month. */
export interface YearMonth {
  readonly year: number;
  readonly month: number; // 1..12
}

/** The month `delta` months after (year, month). */
export function shiftMonth(year: number, month: number, delta: number): YearMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Whole calendar months from the month of `from` to the month of `to` (0 in the same month; negative before). */
export function monthsBetween(from: CalDate, to: CalDate): number {
  const a = dateParts(from);
  const b = dateParts(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** The months from `from` to `to`, both included (empty when `to` is before `from`). */
export function monthRange(from: YearMonth, to: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  const count = to.year * 12 + to.month - (from.year * 12 + from.month);
  for (let i = 0; i <= count; i++) out.push(shiftMonth(from.year, from.month, i));
  return out;
}

/** The month before the one that contains `date`. */
export function previousMonth(date: CalDate): YearMonth {
  const { year, month } = dateParts(date);
  return shiftMonth(year, month, -1);
}

/** A month as `YYYY-MM`. */
export function formatMonth(month: YearMonth): MonthKey {
  return monthKey(month.year, month.month);
}

/** `YYYY-MM` (also `YYYY-M`) of a year from 1900 on as a month, or null. */
export function parseMonth(text: string): YearMonth | null {
  const parsed = parseMonthKey(text);
  return parsed !== null && parsed.year >= 1900 ? parsed : null;
}

/** The CalDate of a JavaScript Date read as a UTC calendar day (xlsx "floating" dates). */
export function calDateFromUtc(value: Date): CalDate {
  return Math.floor(value.getTime() / MS_PER_DAY);
}

/** Midnight UTC of a CalDate, for writers of floating dates. */
export function utcMidnight(date: CalDate): Date {
  return new Date(date * MS_PER_DAY);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
