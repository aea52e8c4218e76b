/**
 * Who gets an automated e-mail (2.2.1 低价值客户可通过自动化邮件), and when. A tier-C client whose
 * contact channel is e-mail gets one message per cycle: the cycle is the contact plan's next due
 * date (the last contact + the tier-C interval, on a working day), so once a message is recorded
 * as a contact the next cycle starts from it; the Send log key of a cycle is `email:ID:DUE`, and a
 * key already sent or drafted is never prepared again. A client who answered the last automated
 * message (Responded = yes on its row, or any other contact logged on or after it) gets none: the
 * owner takes the conversation on. What the day's budget cannot take is spread over the next
 * working days, earlier deferrals first. Plain data in, plain data out; no clock.
 */
import { addDays, formatIsoDate, type CalDate } from "./dates";
import type { ContactChannel, ContactTier, PlanRow, PlanStatus } from "./contacts";

/** The tier whose contacts may be automated e-mails. */
export const AUTOMATED_TIER: ContactTier = "C";
export const AUTOMATED_CHANNEL: ContactChannel = "email";

/** One interaction as the rules need it. */
export interface EmailInteraction {
  readonly clientId: string;
  readonly date: CalDate;
  readonly responded: "yes" | "no" | null;
  /** True for a row the tool appended for an automated e-mail. */
  readonly automated: boolean;
}

export interface AutomatedHistory {
  /** The date of the latest automated e-mail. */
  readonly lastAutomated: CalDate;
  /** The client answered it: Responded = yes on it, or another contact logged on or after it. */
  readonly answered: boolean;
}

/** Per client with an automated e-mail: its latest one and whether it was answered. Linear. */
export function automatedHistory(interactions: readonly EmailInteraction[]): Map<string, AutomatedHistory> {
  const latest = new Map<string, { date: CalDate; yes: boolean }>();
  for (const i of interactions) {
    if (!i.automated) continue;
    const known = latest.get(i.clientId);
    if (known === undefined || i.date > known.date || (i.date === known.date && i.responded === "yes"))
      latest.set(i.clientId, { date: i.date, yes: i.responded === "yes" });
  }
  const out = new Map<string, AutomatedHistory>();
  for (const [clientId, last] of latest) out.set(clientId, { lastAutomated: last.date, answered: last.yes });
  for (const i of interactions) {
    if (i.automated) continue;
    const known = out.get(i.clientId);
    if (known !== undefined && !known.answered && i.date >= known.lastAutomated)
      out.set(i.clientId, { ...known, answered: true });
  }
  return out;
}

/** The Send log key of a client's message for the cycle due on `nextDue`. */
export function cycleKey(clientId: string, nextDue: CalDate): string {
  return `email:${clientId}:${formatIsoDate(nextDue)}`;
}

export interface EmailRecipient {
  readonly clientId: string;
  /** The client's e-mail address; null when the Clients sheet has none. */
  readonly email: string | null;
}

export type SkipReason = "answered" | "noEmail" | "noOwner";

export interface DueEmail {
  readonly row: PlanRow;
  readonly email: string;
  readonly key: string;
}

export interface EmailSelection {
  /** One per client at most, in plan order. */
  readonly due: DueEmail[];
  /** Due tier-C e-mail contacts that get no message, with the reason. */
  readonly skipped: { readonly row: PlanRow; readonly reason: SkipReason }[];
  /** Due contacts whose message for this cycle was already sent or drafted. */
  readonly done: number;
}

const DUE: ReadonlySet<PlanStatus> = new Set<PlanStatus>(["due", "overdue"]);

/**
 * The messages of this cycle: plan rows of tier C with channel e-mail that are due or overdue,
 * whose cycle key is not done, who did not answer the last automated message, and who have an
 * owner and an address.
 */
export function selectDueEmails(
  plan: readonly PlanRow[],
  recipients: ReadonlyMap<string, EmailRecipient>,
  history: ReadonlyMap<string, AutomatedHistory>,
  done: ReadonlySet<string>,
): EmailSelection {
  const due: DueEmail[] = [];
  const skipped: EmailSelection["skipped"][number][] = [];
  const seen = new Set<string>();
  let already = 0;
  for (const row of plan) {
    if (row.tier !== AUTOMATED_TIER || row.channel !== AUTOMATED_CHANNEL || !DUE.has(row.status)) continue;
    if (seen.has(row.clientId)) continue;
    seen.add(row.clientId);
    const key = cycleKey(row.clientId, row.nextDue);
    if (done.has(key)) {
      already++;
      continue;
    }
    const email = recipients.get(row.clientId)?.email ?? null;
    if (history.get(row.clientId)?.answered === true) skipped.push({ row, reason: "answered" });
    else if (row.owner === null) skipped.push({ row, reason: "noOwner" });
    else if (email === null) skipped.push({ row, reason: "noEmail" });
    else due.push({ row, email, key });
  }
  return { due, skipped, done: already };
}

/**
 * The order messages go out in: those deferred by an earlier run first (in the order they were
 * first deferred), then the most overdue, then Client ID.
 */
export function sendingOrder<T extends { readonly key: string; readonly row: PlanRow }>(
  messages: readonly T[],
  deferredOrder: ReadonlyMap<string, number>,
): T[] {
  const rank = (m: T) => deferredOrder.get(m.key) ?? Number.POSITIVE_INFINITY;
  return [...messages].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (a.row.nextDue !== b.row.nextDue) return a.row.nextDue - b.row.nextDue;
    return a.row.clientId < b.row.clientId ? -1 : a.row.clientId > b.row.clientId ? 1 : 0;
  });
}

/**
 * Today's budget of messages: the day's limit, and when they are sent (not drafted) no more than
 * the remaining mail quota less the reserve kept for the digest, the report and failure notices.
 */
export function dailyBudget(
  mode: "draft" | "send",
  perDay: number,
  remainingQuota: number | null,
  reserve: number,
): number {
  const limit = Math.max(0, Math.floor(perDay));
  if (mode === "draft" || remainingQuota === null) return limit;
  return Math.max(0, Math.min(limit, Math.floor(remainingQuota) - reserve));
}

/**
 * Spreads messages (in sending order) over days: the first `today` on day 0, then `perDay` on each
 * following working day (`days[i]` is the i-th day, today first). Each message gets its day.
 */
export function spreadOverDays<T>(
  messages: readonly T[],
  today: number,
  perDay: number,
  days: readonly CalDate[],
): { readonly message: T; readonly day: CalDate }[] {
  const later = Math.max(1, Math.floor(perDay));
  const first = Math.max(0, Math.floor(today));
  return messages.map((message, i) => {
    const index = i < first ? 0 : 1 + Math.floor((i - first) / later);
    const day = index < days.length ? days[index] : days[days.length - 1] + (index - days.length + 1);
    return { message, day };
  });
}

/** A client who may answer its last automated e-mail: its address and that message's date. */
export interface ReplyCandidate {
  readonly clientId: string;
  readonly email: string;
  readonly lastAutomated: CalDate;
}

/** One message found in the mailbox: its sender's address and the day it arrived. */
export interface IncomingMail {
  readonly from: string;
  readonly date: CalDate;
}

/** Clients whose last automated e-mail is not answered yet and who have an address, by Client ID. */
export function replyCandidates(
  history: ReadonlyMap<string, AutomatedHistory>,
  recipients: ReadonlyMap<string, EmailRecipient>,
): ReplyCandidate[] {
  const out: ReplyCandidate[] = [];
  for (const [clientId, h] of history) {
    const email = recipients.get(clientId)?.email ?? null;
    if (h.answered || email === null || email.trim() === "") continue;
    out.push({ clientId, email: email.trim().toLowerCase(), lastAutomated: h.lastAutomated });
  }
  return out.sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));
}

function gmailDate(date: CalDate): string {
  return formatIsoDate(date).replace(/-/g, "/");
}

/**
 * Gmail search queries covering the candidates: `from:(a OR b …) after:YYYY/MM/DD`, the day before
 * the earliest automated e-mail of the chunk (Gmail's `after:` works on whole days), a new query
 * whenever one would grow past `maxLength` characters. None without candidates.
 */
export function replyQueries(candidates: readonly ReplyCandidate[], maxLength = 1500): string[] {
  const queries: string[] = [];
  let chunk: ReplyCandidate[] = [];
  const build = (part: readonly ReplyCandidate[]) => {
    const since = Math.min(...part.map((c) => c.lastAutomated));
    const addresses = [...new Set(part.map((c) => c.email))].join(" OR ");
    return `from:(${addresses}) after:${gmailDate(addDays(since, -1))}`;
  };
  for (const c of candidates) {
    if (chunk.length > 0 && build([...chunk, c]).length > maxLength) {
      queries.push(build(chunk));
      chunk = [];
    }
    chunk.push(c);
  }
  if (chunk.length > 0) queries.push(build(chunk));
  return queries;
}

/**
 * The candidates who replied: a message from the client's address (any case, in `Name <addr>` or
 * bare form) on or after the day of its last automated e-mail. In candidate order.
 */
export function detectReplies(
  candidates: readonly ReplyCandidate[],
  incoming: readonly IncomingMail[],
): ReplyCandidate[] {
  const latest = new Map<string, CalDate>();
  for (const m of incoming) {
    const address = senderAddress(m.from);
    if (address === "") continue;
    const known = latest.get(address);
    if (known === undefined || m.date > known) latest.set(address, m.date);
  }
  return candidates.filter((c) => {
    const last = latest.get(c.email);
    return last !== undefined && last >= c.lastAutomated;
  });
}

/** The address of a From header: the part in angle brackets if any, lower-case. */
export function senderAddress(from: string): string {
  const bracket = /<([^>]*)>/.exec(from);
  return (bracket ? bracket[1] : from).trim().toLowerCase();
}
