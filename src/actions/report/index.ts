/**
 * The monthly performance report (月度业绩报告): Generate writes the sheet `月报 YYYY-MM` /
 * `Report YYYY-MM` and its charts and records the month's snapshot; Send also mails it (with
 * its PDF) to `report.recipients` once per month unless forced, a manager among them getting
 * their team's lines first; Preview mails it to the person asking only, logged as a preview.
 * Each action reads Settings and the Send log once and renders each message's HTML once.
 */
import type { Env } from "../../ports";
import { startRun } from "../run";
import { previousMonth } from "../../core/dates";
import { finish, write, type ReportOptions, type ReportResult } from "./output";
import { emailHtml, printHtml } from "./render";

/** Generate monthly report: writes the report sheet for the month and returns its figures. */
export function generateReport(env: Env, options: ReportOptions = {}): ReportResult {
  const run = startRun(env, "report", options);
  const written = write(run, options.month ?? previousMonth(run.asOf), options, true);
  return finish(
    run,
    written,
    emailHtml(written.built, { link: written.link }),
    printHtml(written.built, written.link),
  );
}

export * from "./months";
export type { ReportOptions, ReportResult, ReportSendResult } from "./output";
export { previewReport, reportSendState, sendReport, type SendReportOptions } from "./send";
