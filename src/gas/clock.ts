/**
 * Calendar dates from Apps Script instants, in a time zone. When the date cannot be formed (an
 * unknown zone, a broken clock, a date cell outside the years 1000–9999) the action stops with a
 * clear message instead of running as if it were 1970-01-01.
 */
import { parseIsoDate, type CalDate } from "../core/dates";
import { StopError } from "../workbook/issues";

/** The calendar date of `instant` in `zone`: of the clock ("now") or of a date cell. */
export function calendarDateOf(instant: Date, zone: string, what: "clock" | "cell"): CalDate {
  let text: string;
  try {
    text = Utilities.formatDate(instant, zone, "yyyy-MM-dd");
  } catch (error) {
    text = error instanceof Error ? error.message : String(error);
  }
  const date = parseIsoDate(text);
  if (date !== null) return date;
  throw what === "clock"
    ? new StopError("stop.badClock", { zone, value: text })
    : new StopError("stop.badDateCell", { value: text });
}
