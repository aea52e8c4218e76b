/**
 * Telling approvers what waits for them: one e-mail per approver listing the deals whose terms
 * wait for their decision (in Sheets), or the same as summary lines (on the command line). The
 * Send-log key fingerprints the waiting set, so the same list is never sent twice unless forced,
 * while a changed list (a new request, changed terms) is.
 */
import { formatIsoDate } from "../core/dates";
import { termsKey } from "../core/dealTerms";
import { formatMoney } from "../core/money";
import { msg, t, type Language, type MessageKey, type MessageParams, type MessageRef } from "../i18n";
import type { MailMessage } from "../ports";
import { escapeHtml } from "../workbook/html";
import { sheetName } from "../workbook/schema";
import type { DealNeed } from "./approvals";
import { sendMails, type OutgoingMail } from "./mail";
import type { Run } from "./run";
import { fingerprint } from "../core/fingerprint";

/** The deals waiting for one approver ("" when the deals have none). */
export interface Waiting {
  readonly approver: string;
  readonly deals: readonly DealNeed[];
}

/** `approvals:boss@example.com:1a2b3c4d`: the approver and a fingerprint of what waits. */
export function waitingKey(approver: string, deals: readonly DealNeed[]): string {
  const text = deals
    .map((d) => termsKey(d.dealId, d.terms))
    .sort()
    .join("\n");
  return `approvals:${approver}:${fingerprint(text)}`;
}

export function sendApprovalMails(
  run: Run,
  waiting: readonly Waiting[],
  sheet: string,
  force: boolean,
): void {
  const addressed = waiting.filter((w) => w.approver !== "");
  if (run.env.mail === null) {
    for (const line of waitingLines(addressed)) run.summary.push(line);
    return;
  }
  if (addressed.length === 0) return;
  const link = run.env.workbook.sheetLink?.(sheet) ?? null;
  const mails: OutgoingMail[] = addressed.map((w) => ({
    what: waitingKey(w.approver, w.deals),
    message: approvalMail(run.language, run.settings.currency, w, formatIsoDate(run.asOf), sheet, link),
  }));
  const report = sendMails(run, mails, { force });
  if (report.sent > 0) run.summary.push(msg("approvals.mailsSent", { count: report.sent }));
  if (report.skipped > 0) run.summary.push(msg("approvals.mailsAlreadySent", { count: report.skipped }));
  if (report.failed > 0) {
    const log = run.sheets.get("sendLog") ?? sheetName("sendLog", run.language);
    run.summary.push(msg("approvals.mailsNotSent", { count: report.failed, sheet: log }));
  }
}

/** A block per deal (a table of one column, which every mail client lays out at any width). */
const BLOCK = "border-top:1px solid #dadce0;padding:10px 0;vertical-align:top";
const MUTED = "color:#5f6368;font-size:13px";
const ADDRESS = "word-break:break-all";

/** The e-mail: a short intro, one block per deal, how to decide; every user text escaped. */
export function approvalMail(
  language: Language,
  currency: string,
  waiting: Waiting,
  date: string,
  sheet: string,
  link: string | null,
): MailMessage {
  const tx = (key: MessageKey, params?: MessageParams) => t(language, key, params);
  const e = escapeHtml;
  const deals = waiting.deals.map((d) => ({
    title: d.deal.title === null ? d.dealId : `${d.dealId} ${d.deal.title}`,
    client: d.clientName,
    owner: d.owner ?? "—",
    amount: formatMoney(d.terms.amount, currency),
    beyond: d.beyond,
  }));
  const block = (d: (typeof deals)[number]) =>
    `<tr><td style="${BLOCK}">` +
    `<div style="font-weight:bold">${e(d.title)}</div>` +
    `<div>${e(d.client)}</div>` +
    `<div style="${MUTED}">${e(tx("approvals.mail.owner"))} <span style="${ADDRESS}">${e(d.owner)}</span>` +
    ` · ${e(tx("approvals.mail.amount"))} ${e(d.amount)}</div>` +
    `<div style="margin-top:4px;color:#b3261e">${e(d.beyond)}</div>` +
    `</td></tr>`;
  const intro = tx("approvals.mail.intro", { date });
  const howTo = tx("approvals.mail.howTo", { sheet });
  const open =
    link === null ? "" : `<p><a href="${e(link)}">${e(tx("approvals.mail.open", { sheet }))}</a></p>`;
  const htmlBody = [
    `<div style="font-family:Arial,'Microsoft YaHei',sans-serif;font-size:14px;line-height:1.5;color:#202124;max-width:640px">`,
    `<p>${e(intro)}</p>`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;border-bottom:1px solid #dadce0">`,
    ...deals.map(block),
    `</table>`,
    `<p>${e(howTo)}</p>`,
    open,
    `</div>`,
  ].join("\n");
  const textBody = [
    intro,
    "",
    ...deals.map((d) => `${d.title} · ${d.client} · ${d.owner} · ${d.amount}\n  ${d.beyond}`),
    "",
    howTo,
    ...(link === null ? [] : [link]),
  ].join("\n");
  return {
    to: [waiting.approver],
    subject: tx("approvals.mail.subject", { count: waiting.deals.length }),
    htmlBody,
    textBody,
  };
}

/** Lines for the command line: what waits for each approver. */
export function waitingLines(waiting: readonly Waiting[]): MessageRef[] {
  const out: MessageRef[] = [];
  for (const w of waiting) {
    if (w.approver === "") continue;
    out.push(msg("approvals.waitingFor", { approver: w.approver, count: w.deals.length }));
    for (const d of w.deals)
      out.push(
        msg("approvals.waitingLine", {
          dealId: d.dealId,
          client: d.clientName,
          owner: d.owner ?? "—",
          beyond: d.beyond,
        }),
      );
  }
  return out;
}
