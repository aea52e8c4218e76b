/**
 * When the scheduled jobs are due. One hourly dispatcher runs every job whose time has come,
 * in this order: the tier recalculation (a quarterly review in the review months) on the 1st,
 * then the monthly report at `report.dayOfMonth` / `report.hour`, then the daily digest at
 * `digest.hour` — so the report and the digest read the month's fresh tiers whatever the hours —
 * and after the digest, at the same hour, the tier-C client e-mails (so the digest's mails come
 * out of the day's quota first).
 * A job is due from its hour until the end of its day (a missed tick is caught up later that
 * day) and runs once per period: the month for tiers and the report, the day for the digest.
 * Hours are wall-clock hours in the Settings time zone.
 */
import {
  addDays,
  calDate,
  dateParts,
  formatIsoDate,
  monthOf,
  shiftMonth,
  type CalDate,
} from "../../core/dates";
import type { MessageKey } from "../../i18n";
import type { Settings } from "../../workbook/settings";

export type JobName = "tiers" | "report" | "digest" | "calendar" | "emails";

/** The jobs in the order a tick runs them. */
export const JOB_ORDER: readonly JobName[] = ["tiers", "report", "digest", "calendar", "emails"];

/** A name for each job in status lines and notices. */
export const JOB_LABELS: Readonly<Record<JobName, MessageKey>> = {
  tiers: "automation.job.tiers",
  report: "automation.job.report",
  digest: "automation.job.digest",
  calendar: "automation.job.calendar",
  emails: "automation.job.emails",
};

/** Date and hour on the wall clock of a time zone. */
export interface WallClock {
  readonly date: CalDate;
  readonly hour: number;
}

/** The day and hour a job runs in a month or a day. */
export interface JobTime {
  /** Day of the month; null: every day. */
  readonly day: number | null;
  readonly hour: number;
}

/** Tiers run on the 1st at the earlier of the report's and the digest's hours, before either. */
export function jobTime(job: JobName, settings: Settings): JobTime {
  switch (job) {
    case "tiers":
      return { day: 1, hour: Math.min(settings["report.hour"], settings["digest.hour"]) };
    case "report":
      return { day: settings["report.dayOfMonth"], hour: settings["report.hour"] };
    case "digest":
    case "calendar":
    case "emails":
      return { day: null, hour: settings["digest.hour"] };
  }
}

/** The period a run belongs to: `2026-11` for the monthly jobs, `2026-11-27` for the daily ones. */
export function jobPeriod(job: JobName, date: CalDate): string {
  return job === "digest" || job === "calendar" || job === "emails" ? formatIsoDate(date) : monthOf(date);
}

/** True when the job's time has come on this day (its day, at or after its hour). */
export function isDueNow(job: JobName, settings: Settings, now: WallClock): boolean {
  const time = jobTime(job, settings);
  if (time.day !== null && dateParts(now.date).day !== time.day) return false;
  return now.hour >= time.hour;
}

/**
 * The next time the job will run, given the period it last ran for (null: never): later today
 * when its day has come and it has not run yet, else its next day.
 */
export function nextRun(
  job: JobName,
  settings: Settings,
  now: WallClock,
  lastPeriod: string | null,
): RunTime {
  const time = jobTime(job, settings);
  const pending = lastPeriod !== jobPeriod(job, now.date);
  if (time.day === null) {
    if (pending) return { date: now.date, hour: Math.max(time.hour, now.hour) };
    return { date: addDays(now.date, 1), hour: time.hour };
  }
  const { year, month, day } = dateParts(now.date);
  if (pending && day < time.day) return { date: calDate(year, month, time.day), hour: time.hour };
  if (pending && day === time.day) return { date: now.date, hour: Math.max(time.hour, now.hour) };
  const next = shiftMonth(year, month, 1);
  return { date: calDate(next.year, next.month, time.day), hour: time.hour };
}

export interface RunTime {
  readonly date: CalDate;
  readonly hour: number;
}

/** The wall-clock hour of an instant in a time zone (Intl, as in Apps Script's V8). */
export function wallHour(instant: Date, timeZone: string): number {
  const text = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(
    instant,
  );
  const hour = Number(text);
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 0;
}

/** `2026-12-01 08:00`. */
export function formatRunTime(at: RunTime): string {
  return `${formatIsoDate(at.date)} ${String(at.hour).padStart(2, "0")}:00`;
}
