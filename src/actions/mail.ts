/**
 * Sending e-mail safely: every message has a send-log key (`report:2026-10`,
 * `digest:2026-11-27:owner@example.com`); a key already logged as sent is not sent again
 * unless forced; the daily quota is checked before anything goes out; every attempt is
 * appended to the Send log in one write.
 */
import type { MailMessage } from "../ports";
import { isBlank } from "../workbook/cells";
import { lookUpHeaders } from "../workbook/mapping";
import { appendOutputRows } from "../workbook/write";
import type { Run } from "./run";

export interface OutgoingMail {
  /** The send-log key: what this message is, for one period. */
  readonly what: string;
  readonly message: MailMessage;
}

export type SendOutcome = "sent" | "already-sent" | "no-quota" | "no-mail" | "no-recipients" | "failed";

/** Options of sendMails. */
export interface SendOptions {
  /** Send even what the Send log has as sent. */
  readonly force?: boolean;
  /** Nothing goes out unless the quota covers every message. */
  readonly allOrNothing?: boolean;
  /** Send-log keys already read by the caller. */
  readonly sent?: ReadonlySet<string>;
  /**
   * The time budget: an instant (ms) after which no further message starts. What was not sent
   * is left for a later run (not logged), so a run never comes near Apps Script's time limit
   * with mails sent but not yet in the Send log.
   */
  readonly deadline?: number;
}

export interface SendReport {
  readonly outcomes: {
    readonly what: string;
    readonly to: string;
    readonly outcome: SendOutcome;
    readonly error?: string;
  }[];
  readonly sent: number;
  readonly skipped: number;
  readonly failed: number;
  /** Messages left for a later run because the time budget ran out. */
  readonly deferred: number;
}

/** Every row of the Send log as its key and result, in sheet order. One read. */
export function sendLogEntries(run: Run): { readonly what: string; readonly result: string }[] {
  const name = run.sheets.get("sendLog");
  if (name === undefined) return [];
  const values = run.env.workbook.readSheet(name) ?? [];
  const { index } = lookUpHeaders("sendLog", values[0] ?? [], undefined);
  const whatAt = index.get("what");
  const resultAt = index.get("result");
  if (whatAt === undefined || resultAt === undefined) return [];
  const out: { what: string; result: string }[] = [];
  for (let r = 1; r < values.length; r++) {
    const what = values[r][whatAt];
    if (isBlank(what)) continue;
    out.push({ what: String(what).trim(), result: String(values[r][resultAt] ?? "").trim() });
  }
  return out;
}

/** Send-log keys already sent (Result `sent`). One read. */
export function sentKeys(run: Run): Set<string> {
  const out = new Set<string>();
  for (const entry of sendLogEntries(run)) if (entry.result === "sent") out.add(entry.what);
  return out;
}

/**
 * Sends the mails not yet sent. With `allOrNothing` (a report to several recipients), nothing
 * goes out unless the quota covers every message; otherwise messages are sent in order while
 * the quota lasts and the rest are logged as `no-quota`.
 */
export function sendMails(run: Run, mails: readonly OutgoingMail[], options: SendOptions = {}): SendReport {
  const outcomes: SendReport["outcomes"][number][] = [];
  const sent = options.force ? new Set<string>() : (options.sent ?? sentKeys(run));
  const pending = mails.filter((mail) => {
    if (!sent.has(mail.what)) return true;
    outcomes.push({ what: mail.what, to: mail.message.to.join(","), outcome: "already-sent" });
    return false;
  });
  const mailer = run.env.mail;
  let quota = mailer ? mailer.remainingQuota() : 0;
  const needed = pending.reduce((n, mail) => n + mail.message.to.length, 0);
  const blockAll = options.allOrNothing === true && needed > quota;
  const deadline = options.deadline;
  let deferred = 0;
  for (const mail of pending) {
    if (deadline !== undefined && run.env.clock.now().getTime() >= deadline) {
      deferred++;
      continue;
    }
    const to = mail.message.to.join(",");
    if (mail.message.to.length === 0) {
      outcomes.push({ what: mail.what, to, outcome: "no-recipients" });
    } else if (!mailer) {
      outcomes.push({ what: mail.what, to, outcome: "no-mail" });
    } else if (blockAll || mail.message.to.length > quota) {
      outcomes.push({ what: mail.what, to, outcome: "no-quota" });
    } else {
      try {
        mailer.send(mail.message);
        quota -= mail.message.to.length;
        outcomes.push({ what: mail.what, to, outcome: "sent" });
      } catch (error) {
        outcomes.push({
          what: mail.what,
          to,
          outcome: "failed",
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  const logged = outcomes.filter((o) => o.outcome !== "already-sent");
  if (logged.length > 0) {
    const when = formatTimestamp(run.env.clock.now(), run.settings.timeZone);
    const rows = logged.map((o) => [when, o.what, o.to, o.error ? `${o.outcome}: ${o.error}` : o.outcome]);
    appendOutputRows(run.env.workbook, run.sheets, "sendLog", run.language, rows);
  }
  return {
    outcomes,
    sent: outcomes.filter((o) => o.outcome === "sent").length,
    skipped: outcomes.filter((o) => o.outcome === "already-sent").length,
    failed: outcomes.filter((o) => o.outcome !== "sent" && o.outcome !== "already-sent").length,
    deferred,
  };
}

/** `2026-11-27 08:00` in the given zone. */
export function formatTimestamp(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}
