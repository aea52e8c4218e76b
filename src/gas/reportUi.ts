/**
 * The monthly report's dialogs in Sheets: asking for the month (default: the previous month in
 * the workbook's time zone) and confirming a second send of a month already sent. The actions
 * take the month as a parameter; only this file talks to the user.
 */
import { formatMonth, parseMonth, previousMonth, type YearMonth } from "../core/dates";
import type { Settings } from "../workbook/settings";
import { t, type Language } from "../i18n";
import type { Env } from "../ports";

/**
 * Asks for the report's month (in the language of the settings the menu read once and passes on
 * to the action); null when the user cancels or types something that is not a month.
 */
export function promptReportMonth(env: Env, settings: Settings): YearMonth | null {
  const language: Language = settings.language;
  const fallback = previousMonth(env.clock.today(settings.timeZone));
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
