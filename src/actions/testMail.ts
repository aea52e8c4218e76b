/**
 * The Settings sidebar's *Test e-mail*: a short message to the report recipients, so a manager
 * knows the addresses and the mail service work before the first report goes out. It goes
 * through sendMails like every other mail: the daily quota is checked first and the attempt is
 * appended to the Send log (key `test:<timestamp>`, always sent when asked, never a period's
 * duplicate). The recipients are those typed in the form (checked with the setting's own
 * schema), or the saved ones.
 */
import { t, type Language } from "../i18n";
import type { Env } from "../ports";
import { escapeHtml } from "../workbook/html";
import { trimAll } from "../workbook/names";
import { findSetting, type SettingDef } from "../workbook/settings";
import { formatTimestamp, sendMails } from "./mail";
import { startRun } from "./run";

export interface TestMailResult {
  readonly ok: boolean;
  /** What happened, in the workbook language. */
  readonly message: string;
}

/** Sends the test message; `recipientsText` as typed in the form, or null for the saved recipients. */
export function sendTestMail(env: Env, recipientsText: unknown): TestMailResult {
  const run = startRun(env, "sidebar");
  const language = run.language;
  const recipients = recipientsOf(run.settings["report.recipients"], recipientsText, language);
  if ("message" in recipients) return { ok: false, message: recipients.message };
  if (recipients.list.length === 0) return { ok: false, message: t(language, "testMail.noRecipients") };
  const quota = env.mail === null ? 0 : env.mail.remainingQuota();
  const body = t(language, "testMail.body", {
    day: run.settings["report.dayOfMonth"],
    hour: String(run.settings["report.hour"]).padStart(2, "0"),
    recipients: recipients.list.join(", "),
  });
  const report = sendMails(
    run,
    [
      {
        what: `test:${formatTimestamp(env.clock.now(), run.settings.timeZone)}`,
        message: {
          to: recipients.list,
          subject: t(language, "testMail.subject"),
          htmlBody: `<p>${escapeHtml(body)}</p>`,
          textBody: body,
        },
      },
    ],
    { force: true },
  );
  const outcome = report.outcomes[0];
  switch (outcome?.outcome) {
    case "sent":
      return { ok: true, message: t(language, "testMail.sent", { count: recipients.list.length }) };
    case "no-quota":
      return { ok: false, message: t(language, "testMail.noQuota", { quota }) };
    case "no-mail":
      return { ok: false, message: t(language, "testMail.noMail") };
    default:
      return { ok: false, message: t(language, "testMail.failed", { error: outcome?.error ?? "" }) };
  }
}

function recipientsOf(
  saved: readonly string[],
  typed: unknown,
  language: Language,
): { list: readonly string[] } | { message: string } {
  if (typeof typed !== "string") return { list: saved };
  const text = trimAll(typed).slice(0, 5000);
  const def = findSetting("report.recipients") as SettingDef;
  const parsed = def.read(text, { dateOrder: "YMD" });
  if (!parsed.ok) return { message: t(language, parsed.problem.key, parsed.problem.params) };
  return { list: parsed.value as string[] };
}
