/**
 * One tick of the hourly dispatcher: reads Settings once, then runs every job that is due, in
 * JOB_ORDER (tiers, report, digest), each once per period. A job that fails (a missing sheet,
 * the mail quota, an exception) is remembered as failed for its period — not retried every hour —
 * and the person who installed the automation is told once, by e-mail and in the Send log.
 * Work stops cleanly at the time budget, before Apps Script's 6-minute limit: between jobs, and
 * between the digest's mails; what is left is done by the next run (a continuation).
 */
import { msg, render, type Language, type MessageRef } from "../../i18n";
import type { Env } from "../../ports";
import { isStopError, type DataIssue } from "../../workbook/issues";
import { readWorkbookSettings } from "../run";
import type { Settings } from "../../workbook/settings";
import { scheduledCalendarSync } from "../calendarJob";
import { prepareClientEmails } from "../clientEmails";
import { sendDailyDigest } from "../digest";
import { sendReport } from "../report";
import { scheduledTiers } from "../tiers";
import { notifyFailure } from "./failure";
import {
  isDueNow,
  JOB_LABELS,
  JOB_ORDER,
  jobPeriod,
  wallHour,
  type JobName,
  type WallClock,
} from "./schedule";
import { readState, writeJob, type AutomationState, type JobOutcome } from "./state";

/**
 * No new unit of work starts 3.5 minutes into an execution: Apps Script stops it at 6, and the
 * last unit plus the closing writes (Send log, Data issues, state: a constant number of calls,
 * whatever the number of owners) need the rest, even when every call is slow.
 */
export const TIME_BUDGET_MS = 210_000;

export interface DispatchOptions {
  /** When the execution started (ms since the epoch); default: now. */
  readonly startedAt?: number;
  /** Default TIME_BUDGET_MS. */
  readonly budgetMs?: number;
  /** Who hears about a failure when the installer is not recorded (the trigger's owner). */
  readonly owner?: string | null;
}

export interface DispatchResult {
  readonly language: Language;
  /** Lines for the execution log, in order. */
  readonly lines: readonly MessageRef[];
  readonly ran: readonly { readonly job: JobName; readonly period: string; readonly outcome: JobOutcome }[];
  /** Work was left at the time budget: a continuation should run soon. */
  readonly unfinished: boolean;
}

/** What a job's run came to. */
interface JobRun {
  readonly summary: readonly MessageRef[];
  readonly language: Language;
  /** Why the job did not do its work (mail not delivered…); null when it did. */
  readonly problem: MessageRef | null;
  /** Stopped at the time budget with work left. */
  readonly partial: boolean;
}

interface JobContext {
  readonly env: Env;
  readonly now: WallClock;
  readonly settings: { readonly settings: Settings; readonly issues: readonly DataIssue[] };
  readonly deadline: number;
  /** The user the trigger runs as (its owner): drafts can only be made in that mailbox. */
  readonly runAs: string | null;
}

const NOT_DELIVERED = new Set(["no-quota", "failed", "no-mail"]);

const JOBS: Readonly<Record<JobName, (context: JobContext) => JobRun>> = {
  tiers: ({ env, now, settings }) => {
    const scheduled = scheduledTiers(env, { asOf: now.date, settings });
    if (scheduled.result === null) {
      const line = msg("tiers.scheduledDone", { month: scheduled.month });
      return { summary: [line], language: scheduled.language, problem: null, partial: false };
    }
    const result = scheduled.result;
    return { summary: result.summary, language: result.language, problem: null, partial: false };
  },
  report: ({ env, now, settings }) => {
    const result = sendReport(env, { asOf: now.date, settings });
    const failed = NOT_DELIVERED.has(result.delivery);
    return {
      summary: result.summary,
      language: result.language,
      problem: failed ? msg("automation.failure.notDelivered", { reason: result.delivery }) : null,
      partial: false,
    };
  },
  digest: ({ env, now, settings, deadline }) => {
    const result = sendDailyDigest(env, { asOf: now.date, settings, deadline });
    const undelivered = result.data.owners.filter((o) => NOT_DELIVERED.has(o.outcome));
    const reasons = [...new Set(undelivered.map((o) => o.outcome))].join(", ");
    return {
      summary: result.summary,
      language: result.language,
      problem: undelivered.length > 0 ? msg("automation.failure.notDelivered", { reason: reasons }) : null,
      partial: result.data.deferred > 0,
    };
  },
  calendar: ({ env, now, settings, deadline }) => {
    const result = scheduledCalendarSync(env, { asOf: now.date, settings, deadline });
    if (result === null)
      return { summary: [], language: settings.settings.language, problem: null, partial: false };
    const failed = result.data.owners.filter((o) => o.failed !== null);
    const problem =
      failed.length === 0 ? null : (result.summary.find((l) => l.key === "calendar.summary.failed") ?? null);
    return {
      summary: result.summary,
      language: result.language,
      problem,
      partial: result.data.deferred.length > 0,
    };
  },
  emails: ({ env, now, settings, deadline, runAs }) => {
    // Drafts land in the mailbox of the user the trigger runs as: only that owner's clients get
    // drafts here (the others use the menu); sent messages go out for every owner.
    const drafts = settings.settings["templates.mode"] === "draft";
    const owners = drafts ? (runAs === null ? [] : [runAs.toLowerCase()]) : null;
    const result = prepareClientEmails(env, {
      asOf: now.date,
      settings,
      deadline,
      owners,
      mailbox: runAs ?? env.user,
      scheduled: true,
    });
    const failed = result.data.messages.filter((m) => m.outcome === "failed");
    return {
      summary: result.summary,
      language: result.language,
      problem:
        failed.length > 0
          ? msg("automation.failure.notDelivered", { reason: failed[0].error ?? "failed" })
          : null,
      partial: result.data.stopped > 0,
    };
  },
};

/** Settings as a tick reads them: once, with their data issues. */
function readTickSettings(env: Env): JobContext["settings"] {
  const { settings, issues } = readWorkbookSettings(env.workbook, env.defaultTimeZone, "setup");
  return { settings, issues };
}

/** Runs the jobs that are due now. */
export function dispatch(env: Env, options: DispatchOptions = {}): DispatchResult {
  const startedAt = options.startedAt ?? env.clock.now().getTime();
  const deadline = startedAt + (options.budgetMs ?? TIME_BUDGET_MS);
  const settings = readTickSettings(env);
  const zone = settings.settings.timeZone;
  const now: WallClock = { date: env.clock.today(zone), hour: wallHour(env.clock.now(), zone) };
  const language = settings.settings.language;
  const lines: MessageRef[] = [];
  const ran: { job: JobName; period: string; outcome: JobOutcome }[] = [];
  let state: AutomationState = readState(env.properties);
  for (const job of JOB_ORDER) {
    const period = jobPeriod(job, now.date);
    const last = state.jobs[job];
    const pending = last === undefined || last.period !== period || last.outcome === "partial";
    if (!pending || !isDueNow(job, settings.settings, now)) continue;
    if (env.clock.now().getTime() >= deadline) {
      lines.push(msg("automation.deferredJob", { job: render(language, msg(JOB_LABELS[job])) }));
      return { language, lines, ran, unfinished: true };
    }
    const context = { env, now, settings, deadline, runAs: options.owner ?? null };
    const outcome = runJob(env, job, period, context, options, lines);
    state = writeJob(env.properties, state, job, outcome);
    ran.push({ job, period, outcome: outcome.outcome });
    if (outcome.outcome === "partial") return { language, lines, ran, unfinished: true };
  }
  return { language, lines, ran, unfinished: false };
}

function runJob(
  env: Env,
  job: JobName,
  period: string,
  context: JobContext,
  options: DispatchOptions,
  lines: MessageRef[],
): { period: string; outcome: JobOutcome; error?: string } {
  const language = context.settings.settings.language;
  const label = render(language, msg(JOB_LABELS[job]));
  let problem: MessageRef;
  try {
    const done = JOBS[job](context);
    lines.push(msg("automation.ran", { job: label, period }), ...done.summary);
    if (done.partial) return { period, outcome: "partial" };
    if (done.problem === null) return { period, outcome: "done" };
    problem = done.problem;
  } catch (error) {
    problem = problemOf(error);
  }
  const text = render(language, problem);
  lines.push(msg("automation.failed", { job: label, period, problem: text }));
  const to = notifyFailure(env, context.settings, {
    job,
    period,
    problem: text,
    owner: options.owner ?? null,
  });
  if (to !== null) lines.push(msg("automation.noticeSent", { to }));
  return { period, outcome: "failed", error: text };
}

/** The user-facing text of an error: a stop error's own message, else the error's message. */
function problemOf(error: unknown): MessageRef {
  if (isStopError(error)) return error.problem;
  return msg("stop.unexpected", { message: error instanceof Error ? error.message : String(error) });
}
