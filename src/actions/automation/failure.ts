/**
 * Telling the person who installed the automation that a scheduled job failed: one e-mail per
 * job and period, recorded in the Send log under `automation:JOB:PERIOD:failed` (so it is sent
 * once even when the job is tried again in the same period), in the workbook's language.
 */
import { msg, render, t } from "../../i18n";
import type { Env } from "../../ports";
import type { DataIssue } from "../../workbook/issues";
import { escapeHtml } from "../../workbook/html";
import type { Settings } from "../../workbook/settings";
import { formatTimestamp, sendMails } from "../mail";
import { startRun } from "../run";
import { formatRunTime, JOB_LABELS, nextRun, wallHour, type JobName } from "./schedule";
import { INSTALLER_PROPERTY } from "./state";

export interface FailureNotice {
  readonly job: JobName;
  readonly period: string;
  /** What went wrong, already in the workbook's language. */
  readonly problem: string;
  /** Who to tell when no installer is recorded. */
  readonly owner: string | null;
}

/** The Send log key of a failure notice. */
export function failureKey(job: JobName, period: string): string {
  return `automation:${job}:${period}:failed`;
}

/** Sends the notice; returns the address it went to, or null when it could not be sent. */
export function notifyFailure(
  env: Env,
  settings: { readonly settings: Settings; readonly issues: readonly DataIssue[] },
  notice: FailureNotice,
): string | null {
  const language = settings.settings.language;
  const zone = settings.settings.timeZone;
  const to = env.properties.get(INSTALLER_PROPERTY) ?? notice.owner;
  const today = env.clock.today(zone);
  const next = nextRun(
    notice.job,
    settings.settings,
    { date: today, hour: wallHour(env.clock.now(), zone) },
    notice.period,
  );
  const params = {
    job: render(language, msg(JOB_LABELS[notice.job])),
    period: notice.period,
    problem: notice.problem,
    when: formatTimestamp(env.clock.now(), zone),
    next: formatRunTime(next),
  };
  const textBody = t(language, "automation.failure.body", params);
  const message = {
    to: to ? [to] : [],
    subject: t(language, "automation.failure.subject", params),
    textBody,
    htmlBody: textBody
      .split("\n")
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join(""),
  };
  try {
    const action = notice.job === "calendar" ? "contacts" : notice.job;
    const run = startRun(env, action, { asOf: today, settings });
    const report = sendMails(run, [{ what: failureKey(notice.job, notice.period), message }]);
    return report.sent > 0 ? (to ?? null) : null;
  } catch {
    // The Send log itself could not be written (the workbook is what failed): mail without it.
    if (!to || !env.mail) return null;
    try {
      env.mail.send(message);
      return to;
    } catch {
      return null;
    }
  }
}
