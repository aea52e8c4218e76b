/**
 * Sending the report. Send: once per month unless forced (the menu asks before a second send,
 * after the one Send log read), all or nothing, with the PDF attached; a recipient who manages
 * others (Team sheet) gets their own message with their team's lines first, the others share
 * one. Preview: to the person asking only, under its own send-log key, so it never counts as
 * the month's send. The sheet is written first, so a missing recipient or an exhausted quota
 * never costs the report.
 */
import { formatMoney, formatPercent } from "../../core/money";
import type { YearMonth } from "../../core/dates";
import { msg, t, type Language, type MessageRef } from "../../i18n";
import type { Env, MailMessage } from "../../ports";
import { parseEmail } from "../../workbook/cells";
import { sendMails, sentKeys, type OutgoingMail, type SendOutcome } from "../mail";
import { startRun, type Run, type RunOptions } from "../run";
import type { Built } from "./build";
import { formatMonth, previousMonth } from "../../core/dates";
import { previewKey, reportKey } from "./months";
import { finish, write, type ReportOptions, type ReportSendResult, type Written } from "./output";
import { emailHtml, printHtml } from "./render";

export interface SendReportOptions extends ReportOptions {
  /** Send even when the send log says this month's report went out already. */
  readonly force?: boolean;
  /** Asked when the month was sent already (the menu's confirmation); true sends it again. */
  readonly confirmResend?: (month: YearMonth, recipients: readonly string[], language: Language) => boolean;
}

/** The texts of a message about a built report. */
function message(
  run: Run,
  built: Built,
  to: readonly string[],
  html: string,
  pdfHtml: string,
  preview: boolean,
): MailMessage {
  const team = built.model.team;
  const currency = built.context.currency;
  const key = built.model.month;
  const figures = {
    month: key,
    won: formatMoney(team.won, currency),
    target: team.target === null ? "—" : formatMoney(team.target, currency),
    attainment: team.attainment === null ? "—" : formatPercent(team.attainment),
  };
  const subject = t(run.language, "report.mail.subject", figures);
  return {
    to,
    subject: preview ? t(run.language, "report.mail.previewSubject", { subject }) : subject,
    htmlBody: html,
    textBody: t(run.language, "report.mail.text", {
      ...figures,
      wonCount: team.wonCount,
      lostCount: team.lostCount,
      winRate: team.winRate === null ? "—" : formatPercent(team.winRate),
      collected: formatMoney(built.model.collected, currency),
      overdue: formatMoney(built.model.receivablesOverdue.total, currency),
      sheet: built.context.sheet,
    }),
    pdf: { fileName: t(run.language, "report.pdfName", { month: key }), html: pdfHtml },
  };
}

/** One message per manager among the recipients (their team first), one for the others. */
function reportMails(
  run: Run,
  written: Written,
  recipients: readonly string[],
  what: string,
): OutgoingMail[] {
  const { built, link } = written;
  const lead = [t(run.language, "report.html.attachment")];
  const pdf = printHtml(built, link);
  const managers = recipients.filter((r) => built.team.teamOf(r).size > 1);
  const others = recipients.filter((r) => !managers.includes(r));
  const mails: OutgoingMail[] = managers.map((manager) => ({
    what,
    message: message(
      run,
      built,
      [manager],
      emailHtml(built, { link, lead, firstOwners: built.team.teamOf(manager) }),
      pdf,
      false,
    ),
  }));
  if (others.length > 0 || managers.length === 0)
    mails.push({ what, message: message(run, built, others, emailHtml(built, { link, lead }), pdf, false) });
  return mails;
}

function outcomeLine(
  outcome: SendOutcome,
  key: string,
  recipients: readonly string[],
  env: Env,
  error?: string,
): MessageRef {
  switch (outcome) {
    case "sent":
      return msg("report.summary.sent", { month: key, recipients: recipients.join(", ") });
    case "already-sent":
      return msg("report.summary.alreadySent", { month: key });
    case "no-recipients":
      return msg("report.summary.noRecipients");
    case "no-quota":
      return msg("report.summary.noQuota", {
        needed: recipients.length,
        left: env.mail?.remainingQuota() ?? 0,
      });
    case "no-mail":
      return msg("report.summary.noMail");
    case "failed":
      return msg("report.summary.failed", { error: error ?? "" });
  }
}

/**
 * Send report now (and the monthly trigger, for the previous month): writes the sheet, then
 * mails the report with its PDF to `report.recipients`, once per month unless forced.
 */
export function sendReport(env: Env, options: SendReportOptions = {}): ReportSendResult {
  const run = startRun(env, "report", options);
  const month = options.month ?? previousMonth(run.asOf);
  const recipients = run.settings["report.recipients"];
  const sent = sentKeys(run);
  let force = options.force === true;
  if (!force && sent.has(reportKey(month)) && options.confirmResend?.(month, recipients, run.language))
    force = true;
  const written = write(run, month, { ...options, month, force }, true);
  const mails = reportMails(run, written, recipients, reportKey(month));
  const report = sendMails(run, mails, { force, allOrNothing: true, sent });
  const worst = report.outcomes.find((o) => o.outcome !== "sent") ?? report.outcomes[0];
  const delivery: SendOutcome = worst?.outcome ?? "no-recipients";
  run.summary.push(outcomeLine(delivery, formatMonth(month), recipients, env, worst?.error));
  const first = mails[0]?.message;
  return {
    ...finish(
      run,
      written,
      first?.htmlBody ?? emailHtml(written.built, { link: written.link }),
      first?.pdf?.html ?? "",
    ),
    delivery,
  };
}

/** Preview report e-mail to me: the report as it would go out, to the person asking only. */
export function previewReport(env: Env, options: ReportOptions = {}): ReportSendResult {
  const run = startRun(env, "report", options);
  const month = options.month ?? previousMonth(run.asOf);
  const written = write(run, month, { ...options, month }, false);
  const { built, link } = written;
  const user = parseEmail(env.user);
  const to = user.ok ? [user.value] : [];
  const html = emailHtml(built, {
    link,
    lead: [t(run.language, "report.html.preview")],
    ...(to.length > 0 ? { firstOwners: built.team.teamOf(to[0]) } : {}),
  });
  const pdf = printHtml(built, link);
  const report = sendMails(
    run,
    [{ what: previewKey(month), message: message(run, built, to, html, pdf, true) }],
    {
      force: true,
    },
  );
  const outcome = report.outcomes[0];
  const delivery: SendOutcome = outcome?.outcome ?? "no-recipients";
  run.summary.push(
    delivery === "sent"
      ? msg("report.summary.preview", { user: to[0] })
      : outcomeLine(delivery, formatMonth(month), to, env, outcome?.error),
  );
  return { ...finish(run, written, html, pdf), delivery };
}

/** Whether the month's report is in the send log as sent, and to whom it would go (for the menu's confirmation). */
export function reportSendState(
  env: Env,
  month: YearMonth,
  options: RunOptions = {},
): { sent: boolean; recipients: readonly string[]; language: Language } {
  const run = startRun(env, "report", options);
  return {
    sent: sentKeys(run).has(reportKey(month)),
    recipients: run.settings["report.recipients"],
    language: run.language,
  };
}
