/**
 * What the scheduled jobs remember between runs, in the document properties: for each job the
 * last period it ran for and how that ended (so a job runs once per period, and a failure is
 * reported once and not retried every hour), a job left unfinished at the time budget (to be
 * continued), and who installed the automation (who hears about failures).
 */
import type { PropertiesPort } from "../../ports";
import { JOB_ORDER, type JobName } from "./schedule";

/** Document property: the jobs' state as JSON. */
export const JOBS_PROPERTY = "accountDesk.automation.jobs";
/** Document property: the e-mail of the user who installed the automation (absent: not installed). */
export const INSTALLER_PROPERTY = "accountDesk.automation.installer";

export type JobOutcome = "done" | "failed" | "partial";

export interface JobRecord {
  readonly period: string;
  readonly outcome: JobOutcome;
  /** Why it failed, for the status. */
  readonly error?: string;
}

export interface AutomationState {
  readonly jobs: Partial<Record<JobName, JobRecord>>;
}

function isJobName(value: unknown): value is JobName {
  return typeof value === "string" && (JOB_ORDER as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is JobRecord {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.period === "string" &&
    (record.outcome === "done" || record.outcome === "failed" || record.outcome === "partial")
  );
}

/** The stored state; anything unreadable counts as nothing run yet. */
export function readState(properties: PropertiesPort): AutomationState {
  const text = properties.get(JOBS_PROPERTY);
  if (text === null) return { jobs: {} };
  try {
    const parsed: unknown = JSON.parse(text);
    const jobs: Partial<Record<JobName, JobRecord>> = {};
    if (typeof parsed === "object" && parsed !== null) {
      for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (isJobName(key) && isRecord(value)) jobs[key] = value;
      }
    }
    return { jobs };
  } catch {
    return { jobs: {} };
  }
}

export function writeJob(
  properties: PropertiesPort,
  state: AutomationState,
  job: JobName,
  record: JobRecord,
): AutomationState {
  const next: AutomationState = { jobs: { ...state.jobs, [job]: record } };
  properties.set(JOBS_PROPERTY, JSON.stringify(next.jobs));
  return next;
}
