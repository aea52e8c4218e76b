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
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `approvals:${approver}:${hash.toString(16).padStart(8, "0")}`;
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

const CELL = "border:1px solid #dadce0;padding:6px 8px;text-align:left;vertical-align:top";

/** The e-mail: a short intro, one table row per deal, how to decide; every user text escaped. */
export function approvalMail(
  language: Language,
  currency: string,
  waiting: Waiting,
  date: string,
  sheet: string,
  link: string | null,
): MailMessage {
  const tx = (key: MessageKey, params?: MessageParams) => t(language, key, params);
  const headers = ["deal", "client", "owner", "amount", "beyond"].map((k) =>
    tx(`approvals.mail.${k}` as MessageKey),
  );
  const rows = waiting.deals.map((d) => [
    d.deal.title === null ? d.dealId : `${d.dealId} ${d.deal.title}`,
    d.clientName,
    d.owner ?? "—",
    formatMoney(d.terms.amount, currency),
    d.beyond,
  ]);
  const cell = (tag: "th" | "td", text: string, right = false) =>
    `<${tag} style="${CELL}${right ? ";text-align:right;white-space:nowrap" : ""}">${escapeHtml(text)}</${tag}>`;
  const intro = tx("approvals.mail.intro", { date });
  const howTo = tx("approvals.mail.howTo", { sheet });
  const open =
    link === null
      ? ""
      : `<p><a href="${escapeHtml(link)}">${escapeHtml(tx("approvals.mail.open", { sheet }))}</a></p>`;
  const htmlBody = [
    `<div style="font-family:Arial,'Microsoft YaHei',sans-serif;font-size:14px;color:#202124;max-width:640px">`,
    `<p>${escapeHtml(intro)}</p>`,
    `<div style="overflow-x:auto"><table style="border-collapse:collapse;font-size:13px;width:100%">`,
    `<tr style="background:#d2e3fc">${headers.map((h, i) => cell("th", h, i === 3)).join("")}</tr>`,
    ...rows.map((r) => `<tr>${r.map((v, i) => cell("td", v, i === 3)).join("")}</tr>`),
    `</table></div>`,
    `<p>${escapeHtml(howTo)}</p>`,
    open,
    `</div>`,
  ].join("\n");
  const textBody = [
    intro,
    "",
    ...rows.map((r) => `${r[0]} · ${r[1]} · ${r[2]} · ${r[3]}\n  ${r[4]}`),
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
