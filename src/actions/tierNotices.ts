/**
 * Telling owners of tier changes: one e-mail per owner listing their clients' changes (in
 * Sheets), or the same as summary lines (on the command line). Used by the tier actions when a
 * change applies, and by Apply approved tier changes. The Send-log key fingerprints the
 * changes, so a notice is never sent twice while a later change set still is.
 */
import { formatIsoDate } from "../core/dates";
import { msg, render, t, type Language, type MessageRef } from "../i18n";
import type { MailMessage } from "../ports";
import { escapeHtml } from "../workbook/html";
import { sheetName } from "../workbook/schema";
import { sendMails, type OutgoingMail } from "./mail";
import type { Run } from "./run";
import { fingerprint } from "../core/fingerprint";

/** One change an owner is told of. */
export interface TierNotice {
  readonly clientId: string;
  readonly name: string;
  readonly owner: string | null;
  readonly from: "A" | "B" | "C" | null;
  readonly to: "A" | "B" | "C";
  readonly reason: string;
}

export function notify(run: Run, changes: readonly TierNotice[], review: boolean): void {
  const { language } = run;
  const byOwner = new Map<string, TierNotice[]>();
  let noOwner = 0;
  for (const change of changes) {
    const owner = change.owner;
    if (owner === null) {
      noOwner++;
      continue;
    }
    const list = byOwner.get(owner);
    if (list) list.push(change);
    else byOwner.set(owner, [change]);
  }
  const owners = [...byOwner.keys()].sort();
  const date = formatIsoDate(run.asOf);
  if (run.env.mail === null) {
    // The command line: the same notices as summary lines.
    for (const owner of owners) {
      run.summary.push(msg("tiers.noticeOwner", { owner }));
      for (const change of byOwner.get(owner) as TierNotice[]) run.summary.push(noticeLine(change));
    }
    if (noOwner > 0) run.summary.push(msg("tiers.noticesNoOwner", { count: noOwner }));
    return;
  }
  const mails: OutgoingMail[] = owners.map((owner) => {
    const list = byOwner.get(owner) as TierNotice[];
    return { what: noticeKey(date, owner, list), message: noticeMail(language, owner, list, date, review) };
  });
  if (mails.length > 0) {
    const report = sendMails(run, mails);
    if (report.sent > 0) run.summary.push(msg("tiers.noticesSent", { count: report.sent }));
    if (report.skipped > 0) run.summary.push(msg("tiers.noticesAlreadySent", { count: report.skipped }));
    if (report.failed > 0) {
      const sheet = run.sheets.get("sendLog") ?? sheetName("sendLog", language);
      run.summary.push(msg("tiers.noticesNotSent", { count: report.failed, sheet }));
    }
  }
  if (noOwner > 0) run.summary.push(msg("tiers.noticesNoOwner", { count: noOwner }));
}

function noticeLine(change: TierNotice): MessageRef {
  return msg("tiers.noticeLine", {
    clientId: change.clientId,
    name: change.name,
    from: change.from ?? "—",
    to: change.to,
    reason: change.reason,
  });
}

/**
 * The send-log key of one owner's notice: `tiers:2026-11-27:owner@example.com:1a2b3c4d`. The
 * last part fingerprints the changes, so the same notice is never sent twice while a later
 * run on the same day that changes other tiers still tells the owner.
 */
export function noticeKey(date: string, owner: string, changes: readonly TierNotice[]): string {
  const text = changes.map((c) => `${c.clientId}:${c.from ?? ""}>${c.to}`).join("|");
  return `tiers:${date}:${owner}:${fingerprint(text)}`;
}

function noticeMail(
  language: Language,
  owner: string,
  changes: readonly TierNotice[],
  date: string,
  review: boolean,
): MailMessage {
  const tx = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
    t(language, key, params);
  const runName = tx(review ? "tiers.mail.runReview" : "tiers.mail.runOrdinary");
  const intro = tx("tiers.mail.intro", { date, run: runName });
  const headers = [
    tx("tiers.mail.clientId"),
    tx("tiers.mail.name"),
    tx("tiers.mail.change"),
    tx("tiers.mail.reason"),
  ];
  const rows = changes.map((c) => [c.clientId, c.name, `${c.from ?? "—"} → ${c.to}`, c.reason]);
  const cell = (tag: "th" | "td", text: string) =>
    `<${tag} style="border:1px solid #dadce0;padding:6px 8px;text-align:left">${escapeHtml(text)}</${tag}>`;
  const htmlBody = [
    `<p>${escapeHtml(intro)}</p>`,
    `<table style="border-collapse:collapse;font-size:13px">`,
    `<tr style="background:#d2e3fc">${headers.map((h) => cell("th", h)).join("")}</tr>`,
    ...rows.map((r) => `<tr>${r.map((v) => cell("td", v)).join("")}</tr>`),
    `</table>`,
    `<p style="color:#5f6368">${escapeHtml(tx("tiers.mail.footer"))}</p>`,
  ].join("\n");
  const textBody = [
    intro,
    "",
    ...changes.map((c) => render(language, noticeLine(c)).trim()),
    "",
    tx("tiers.mail.footer"),
  ].join("\n");
  return {
    to: [owner],
    subject: tx("tiers.mail.subject", { count: changes.length, date }),
    htmlBody,
    textBody,
  };
}
