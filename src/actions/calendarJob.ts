/**
 * The two runs of the visit calendars outside *Build contact plan*: the daily sync of the hourly
 * dispatcher (面访日程同步), and the `.ics` export of the command line. Each reads the contact
 * tables once and plans as *Build contact plan* does (actions/calendar.ts does the rest).
 * Without an opted-in owner the sync reads nothing.
 */
import type { Env } from "../ports";
import { outputSheetName } from "../workbook/write";
import type { CalDate } from "../core/dates";
import {
  calendarOwners,
  calendarWork,
  icsFiles,
  syncVisitCalendars,
  type OwnerSync,
  type SyncOptions,
} from "./calendar";
import { readAndComputeContacts } from "./contacts";
import { finishRun, startRun, type ActionResult, type RunOptions } from "./run";

export interface CalendarSyncData {
  readonly owners: readonly OwnerSync[];
  readonly deferred: readonly string[];
}

/** The scheduled sync; null when no owner is or was opted in (nothing read, nothing written). */
export function scheduledCalendarSync(
  env: Env,
  options: RunOptions & SyncOptions = {},
): ActionResult<CalendarSyncData> | null {
  const run = startRun(env, "contacts", options);
  const work = calendarWork(run.settings, env.properties);
  if (work.owners.length === 0 && work.leaving.length === 0) return null;
  const { result } = readAndComputeContacts(run);
  const link = env.workbook.sheetLink?.(outputSheetName(run.sheets, "contactPlan", run.language)) ?? null;
  const synced = syncVisitCalendars(env, run.settings, result, link, options);
  run.summary.push(...synced.summary);
  return finishRun(run, { owners: synced.owners, deferred: synced.deferred });
}

/** The `.ics` files of the opted-in owners (file name → text), as of a date; empty when none opted in. */
export function visitCalendarFiles(env: Env, asOf: CalDate): Map<string, string> {
  const run = startRun(env, "contacts", { asOf });
  if (calendarOwners(run.settings).length === 0) return new Map();
  const { result } = readAndComputeContacts(run);
  return icsFiles(result, run.settings, env.clock.now());
}
