/**
 * Contract reminders in the daily digest: each owner's renewals entering the notice window
 * (status `signed`/`active`, End in (D, D + renewal.noticeDays]) and instalments fallen overdue
 * (Due < D, Amount paid < Amount due). An item is announced once; a later digest repeats it
 * only when it is still open 7 days (or more) after it was last announced.
 *
 * The announced state lives in the document properties, under
 *   `contracts.reminders`      the number of chunks, as text ("0", "1", …), and
 *   `contracts.reminders.<i>`  chunk i: JSON `{"o": [owner, …], "i": [[itemKey, "YYYY-MM-DD", ownerIndex], …]}`,
 * each chunk under 8,000 UTF-8 bytes (Apps Script allows 9 kB per value). An item key is
 * `r|<End>|<Contract ID>` for a renewal and `o|<Due>|<Contract ID>` for an instalment. A claim
 * (item, date, owner) is written when the item is put in that owner's digest; it counts as an
 * announcement only once the Send log holds `digest:<date>:<owner>` with Result `sent`, so a
 * digest that could not go out (quota, failure) announces nothing and its items come again the
 * next day; an owner whose digest of the day already went out gets nothing claimed that day.
 * Items no longer open are forgotten; at most 5,000 claims (the latest) are kept.
 */
import { openReminders, selectReminders, type ContractReminder } from "../core/contracts";
import { formatIsoDate, parseIsoDate, type CalDate } from "../core/dates";
import { formatMoney } from "../core/money";
import { msg, t, type Language } from "../i18n";
import type { PropertiesPort } from "../ports";
import { CONTRACT_FIELDS, contractsReview } from "./contracts";
import type { DigestProvider, DigestRow, DigestSection } from "./digest";

/** Property holding the number of state chunks. */
export const REMINDER_STATE_KEY = "contracts.reminders";
/** Largest chunk, in UTF-8 bytes. */
export const REMINDER_CHUNK_BYTES = 8000;
/** Most claims kept (the latest); dropping one only means its item may be announced again. */
export const REMINDER_MAX_CLAIMS = 5000;
/** Rows listed per section; the rest is counted and comes in a later digest. */
export const REMINDER_MAX_ROWS = 25;

/** That an item was put in an owner's digest on a date. */
export interface ReminderClaim {
  readonly date: CalDate;
  readonly owner: string;
}

/**
 * The Send-log key of an owner's digest for a day: the key digest.ts's `digestKey` gives (a test
 * holds them equal). Spelled here so that this module imports digest.ts for types only: digest.ts
 * imports this module for DIGEST_PROVIDERS, and a value import back would make the order of
 * module evaluation decide whether the provider list holds this provider.
 */
export function digestSendKey(date: CalDate, owner: string): string {
  return `digest:${formatIsoDate(date)}:${owner}`;
}

/** Reads the claims. A missing or unreadable chunk reads as no claims (its items come again). */
export function loadReminderState(properties: PropertiesPort): Map<string, ReminderClaim> {
  const state = new Map<string, ReminderClaim>();
  const count = Number(properties.get(REMINDER_STATE_KEY) ?? "0");
  if (!Number.isInteger(count) || count < 0) return state;
  for (let i = 0; i < count; i++) {
    const text = properties.get(`${REMINDER_STATE_KEY}.${i}`);
    if (text === null) continue;
    try {
      const chunk = JSON.parse(text) as { o?: unknown; i?: unknown };
      if (!Array.isArray(chunk.o) || !Array.isArray(chunk.i)) continue;
      const owners = chunk.o as unknown[];
      for (const entry of chunk.i as unknown[]) {
        if (!Array.isArray(entry) || entry.length !== 3) continue;
        const [key, iso, ownerIndex] = entry as [unknown, unknown, unknown];
        const date = typeof iso === "string" ? parseIsoDate(iso) : null;
        const owner = typeof ownerIndex === "number" ? owners[ownerIndex] : undefined;
        if (typeof key === "string" && date !== null && typeof owner === "string")
          state.set(key, { date, owner });
      }
    } catch {
      // A chunk that is not JSON (edited by hand) is ignored.
    }
  }
  return state;
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Writes the claims in as few chunks as fit, removing chunks left over from a larger state. */
export function saveReminderState(
  properties: PropertiesPort,
  state: ReadonlyMap<string, ReminderClaim>,
): void {
  const entries = [...state.entries()].sort((a, b) => b[1].date - a[1].date).slice(0, REMINDER_MAX_CLAIMS);
  const chunks: string[] = [];
  let owners: string[] = [];
  let ownerIndex = new Map<string, number>();
  let items: string[] = [];
  let bytes = 0;
  const flush = () => {
    chunks.push(`{"o":${JSON.stringify(owners)},"i":[${items.join(",")}]}`);
    owners = [];
    ownerIndex = new Map();
    items = [];
    bytes = 0;
  };
  const OVERHEAD = 16; // {"o":[],"i":[]}
  for (const [key, claim] of entries) {
    const iso = formatIsoDate(claim.date);
    const ownerBytes = utf8Bytes(JSON.stringify(claim.owner)) + 1;
    let known = ownerIndex.get(claim.owner);
    let line = JSON.stringify([key, iso, known ?? owners.length]);
    let cost = utf8Bytes(line) + 1 + (known === undefined ? ownerBytes : 0);
    if (items.length > 0 && bytes + cost + OVERHEAD > REMINDER_CHUNK_BYTES) {
      flush();
      known = undefined;
      line = JSON.stringify([key, iso, 0]);
      cost = utf8Bytes(line) + 1 + ownerBytes;
    }
    if (known === undefined) {
      ownerIndex.set(claim.owner, owners.length);
      owners.push(claim.owner);
    }
    items.push(line);
    bytes += cost;
  }
  if (items.length > 0) flush();
  const previous = Number(properties.get(REMINDER_STATE_KEY) ?? "0");
  chunks.forEach((chunk, i) => properties.set(`${REMINDER_STATE_KEY}.${i}`, chunk));
  for (let i = chunks.length; Number.isInteger(previous) && i < previous; i++) {
    properties.remove(`${REMINDER_STATE_KEY}.${i}`);
  }
  properties.set(REMINDER_STATE_KEY, String(chunks.length));
}

/**
 * The dates items were announced: claims whose owner's digest of that date is logged as sent.
 * `sent` holds the Send log's sent keys.
 */
export function confirmedAnnouncements(
  state: ReadonlyMap<string, ReminderClaim>,
  sent: ReadonlySet<string>,
): Map<string, CalDate> {
  const out = new Map<string, CalDate>();
  for (const [key, claim] of state)
    if (sent.has(digestSendKey(claim.date, claim.owner))) out.set(key, claim.date);
  return out;
}

/** One owner's reminders today. */
export interface OwnerReminders {
  /** Listed in today's digest (and claimed). */
  readonly renewals: readonly ContractReminder[];
  readonly overdue: readonly ContractReminder[];
  /** Due today but beyond the listed rows: counted now, listed in a later digest. */
  readonly moreRenewals: number;
  readonly moreOverdue: number;
}

export interface ReminderPlan {
  readonly byOwner: ReadonlyMap<string, OwnerReminders>;
  /** Items due today whose contract has no owner (not mailed). */
  readonly unowned: number;
  /** The state to save: open items keep their confirmed claims, listed items are claimed today. */
  readonly nextState: Map<string, ReminderClaim>;
}

/** Plans today's reminders from the open items, the stored claims and the Send log's sent keys. */
export function planReminders(
  open: readonly ContractReminder[],
  state: ReadonlyMap<string, ReminderClaim>,
  sent: ReadonlySet<string>,
  asOf: CalDate,
): ReminderPlan {
  const confirmed = confirmedAnnouncements(state, sent);
  const selected = selectReminders(open, confirmed, asOf);
  const byOwner = new Map<string, OwnerReminders>();
  const nextState = new Map<string, ReminderClaim>();
  for (const item of open) {
    const claim = state.get(item.key);
    if (claim !== undefined && confirmed.has(item.key)) nextState.set(item.key, claim);
  }
  let unowned = 0;
  for (const [owner, items] of selected) {
    if (owner === null) {
      unowned += items.length;
      continue;
    }
    // The owner's digest already went out today: a second run sends nothing, so nothing is claimed.
    if (sent.has(digestSendKey(asOf, owner))) continue;
    const allRenewals = items.filter((i) => i.kind === "renewal");
    const allOverdue = items.filter((i) => i.kind === "overdue");
    const renewals = capByKey(allRenewals);
    const overdue = capByKey(allOverdue);
    byOwner.set(owner, {
      renewals,
      overdue,
      moreRenewals: allRenewals.length - renewals.length,
      moreOverdue: allOverdue.length - overdue.length,
    });
    for (const item of [...renewals, ...overdue]) nextState.set(item.key, { date: asOf, owner });
  }
  return { byOwner, unowned, nextState };
}

/** The first REMINDER_MAX_ROWS items, plus any further item sharing a key with one of them. */
function capByKey(items: readonly ContractReminder[]): ContractReminder[] {
  if (items.length <= REMINDER_MAX_ROWS) return [...items];
  const keys = new Set(items.slice(0, REMINDER_MAX_ROWS).map((i) => i.key));
  return items.filter((item, index) => index < REMINDER_MAX_ROWS || keys.has(item.key));
}

function sameState(a: ReadonlyMap<string, ReminderClaim>, b: ReadonlyMap<string, ReminderClaim>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, claim] of a) {
    const other = b.get(key);
    if (!other || other.date !== claim.date || other.owner !== claim.owner) return false;
  }
  return true;
}

/** An owner's digest sections: renewals (near ones marked due), then overdue instalments. */
export function reminderSections(
  owner: string,
  reminders: OwnerReminders,
  language: Language,
  currency: string,
): DigestSection[] {
  const days = (n: number) => t(language, "contracts.digest.days", { days: n });
  const money = (cents: number) => formatMoney(cents, currency);
  const renewals: DigestRow[] = [];
  for (const item of reminders.renewals) {
    if (item.kind !== "renewal") continue;
    const r = item.renewal;
    renewals.push({
      cells: [
        `${r.clientName ?? r.clientId} · ${r.contractId}`,
        r.value === null ? t(language, "contracts.digest.noValue") : money(r.value),
        formatIsoDate(r.end),
        days(r.daysLeft),
      ],
      tone: r.near ? "due" : "neutral",
    });
  }
  const overdue: DigestRow[] = [];
  for (const item of reminders.overdue) {
    if (item.kind !== "overdue") continue;
    const o = item.instalment;
    overdue.push({
      cells: [
        `${o.clientName ?? o.clientId} · ${o.contractId}`,
        formatIsoDate(o.due),
        money(o.outstanding),
        o.bucket,
        days(o.daysOverdue),
      ],
      tone: "overdue",
    });
  }
  const out: DigestSection[] = [];
  if (renewals.length > 0) {
    out.push({
      owner,
      title: msg("contracts.digest.renewalsTitle", { count: renewals.length + reminders.moreRenewals }),
      columns: [
        msg("contracts.digest.col.contract"),
        msg("contracts.digest.col.value"),
        msg("contracts.digest.col.end"),
        msg("contracts.digest.col.daysLeft"),
      ],
      rows: renewals,
      actionable: true,
      ...(reminders.moreRenewals > 0 ? { more: reminders.moreRenewals } : {}),
    });
  }
  if (overdue.length > 0) {
    out.push({
      owner,
      title: msg("contracts.digest.overdueTitle", { count: overdue.length + reminders.moreOverdue }),
      columns: [
        msg("contracts.digest.col.contract"),
        msg("contracts.digest.col.due"),
        msg("contracts.digest.col.outstanding"),
        msg("contracts.digest.col.bucket"),
        msg("contracts.digest.col.daysOverdue"),
      ],
      rows: overdue,
      actionable: true,
      ...(reminders.moreOverdue > 0 ? { more: reminders.moreOverdue } : {}),
    });
  }
  return out;
}

/** The contracts part of the daily digest (listed in digest.ts). */
export const contractReminderProvider: DigestProvider = {
  label: "action.contracts",
  fields: {
    clients: CONTRACT_FIELDS.clients,
    contracts: CONTRACT_FIELDS.contracts,
    payments: CONTRACT_FIELDS.payments,
  },
  requires: ["contracts", "payments"],
  sections({ run, data, asOf, sent }) {
    const review = contractsReview(data, asOf, run.settings["renewal.noticeDays"]);
    const open = openReminders(review);
    const properties = run.env.properties;
    const state = loadReminderState(properties);
    const plan = planReminders(open, state, sent, asOf);
    if (!sameState(state, plan.nextState)) saveReminderState(properties, plan.nextState);
    if (plan.unowned > 0) run.summary.push(msg("contracts.digest.noOwner", { count: plan.unowned }));
    const out: DigestSection[] = [];
    for (const [owner, reminders] of plan.byOwner) {
      out.push(...reminderSections(owner, reminders, run.language, run.settings.currency));
    }
    return out;
  },
};
