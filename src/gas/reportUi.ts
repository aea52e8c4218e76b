/**
 * The monthly report's dialogs in Sheets: asking for the month (default: the previous month in
 * the workbook's time zone) and confirming a second send of a month already sent. The actions
 * take the month as a parameter; only this file talks to the user.
 */
import { formatMonth, parseMonth, previousMonth, type YearMonth } from "../core/dates";
import type { ActionResult } from "../actions/run";
import { render, t, type Language } from "../i18n";
import type { Env } from "../ports";
import { workbookSettings } from "./runner";

/** Asks for the report's month; null when the user cancels or types something that is not a month. */
export function promptReportMonth(env: Env): YearMonth | null {
  const settings = workbookSettings(env);
  const language: Language = settings?.language ?? "zh-CN";
  const fallback = previousMonth(env.clock.today(settings?.timeZone ?? env.defaultTimeZone));
  const ui = SpreadsheetApp.getUi();
  const title = t(language, "report.prompt.title");
  const response = ui.prompt(
    title,
    t(language, "report.prompt.month", { month: formatMonth(fallback) }),
    ui.ButtonSet.OK_CANCEL,
  );
  if (response.getSelectedButton() !== ui.Button.OK) return null;
  const text = response.getResponseText().trim();
  if (text === "") return fallback;
  const month = parseMonth(text);
  if (month === null) {
    ui.alert(
      title,
      t(language, "report.prompt.badMonth", { value: text, month: formatMonth(fallback) }),
      ui.ButtonSet.OK,
    );
  }
  return month;
}

/** Asks before sending a month's report a second time. */
export function confirmResend(language: Language, month: YearMonth, recipients: readonly string[]): boolean {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    t(language, "report.confirm.title"),
    t(language, "report.confirm.body", { month: formatMonth(month), recipients: recipients.join(", ") }),
    ui.ButtonSet.YES_NO,
  );
  return answer === ui.Button.YES;
}

/** A trigger run has no one to show its summary to: it goes to the execution log. */
export function logSummary(result: ActionResult<unknown>): void {
  for (const line of result.summary) console.log(render(result.language, line));
}
