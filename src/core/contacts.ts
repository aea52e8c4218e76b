/**
 * The contact plan (沟通计划) of rules.md §2 with the precise readings of §4: for every active
 * client, the channel and interval of its tier (or its preferred channel), the last contact,
 * the next due date on a working day that is not a holiday, the status and the days overdue,
 * in the order of the rules; and the channel response rates over the response window, also
 * split by tier. Plain data in, plain data out: the as-of date and every number are passed
 * in, and everything is linear in clients + interactions (interactions are indexed by client once).
 */
import { addDays, weekday, type CalDate } from "./dates";

export type ContactTier = "A" | "B" | "C";
export type ContactChannel = "visit" | "phone" | "video" | "email" | "online";
export type PlanStatus = "overdue" | "due" | "upcoming";
export type ResponseAnswer = "yes" | "no";

/** Every channel, in the order response rates are listed. */
export const CONTACT_CHANNELS: readonly ContactChannel[] = ["visit", "phone", "video", "email", "online"];
export const CONTACT_TIERS: readonly ContactTier[] = ["A", "B", "C"];
/** The cadence a client without a tier is planned with (rules.md §4). */
export const UNTIERED_CADENCE: ContactTier = "C";

export interface Cadence {
  readonly channel: ContactChannel;
  readonly intervalDays: number;
}

export interface ContactRules {
  readonly cadence: Readonly<Record<ContactTier, Cadence>>;
  /** Weekdays a contact may be due: 0 = Sunday … 6 = Saturday. */
  readonly workingDays: readonly number[];
  readonly holidays: readonly CalDate[];
  /** Days worked although their weekday is not a working day (调休上班); a holiday still wins. */
  readonly makeUpDays?: readonly CalDate[];
  readonly responseWindowDays: number;
}

export interface PlanClient {
  readonly clientId: string;
  readonly name: string;
  readonly active: boolean;
  /** The Tier cell as the last tier calculation left it; null when blank. */
  readonly tier: ContactTier | null;
  readonly owner: string | null;
  readonly preferredChannel: ContactChannel | null;
}

export interface PlanInteraction {
  readonly clientId: string;
  readonly date: CalDate;
  /** Null: a contact of unknown channel (counts as a last contact, is not rated). */
  readonly channel: ContactChannel | null;
  /** Null: response unknown (not rated). */
  readonly responded: ResponseAnswer | null;
}

export interface PlanRow {
  readonly clientId: string;
  readonly name: string;
  readonly tier: ContactTier | null;
  readonly owner: string | null;
  readonly channel: ContactChannel;
  readonly intervalDays: number;
  readonly lastContact: CalDate | null;
  readonly nextDue: CalDate;
  readonly status: PlanStatus;
  /** Calendar days from next due to the as-of date; 0 unless overdue. */
  readonly daysOverdue: number;
}

export interface ChannelRate {
  readonly channel: ContactChannel;
  /** Interactions in the window with Responded = yes. */
  readonly responded: number;
  /** Interactions in the window with Responded = yes or no. */
  readonly answered: number;
  /** responded ÷ answered, unrounded; null when answered is 0. */
  readonly rate: number | null;
}

/** Working days, holidays and make-up working days, prepared once for many look-ups. */
export interface WorkingCalendar {
  readonly working: readonly boolean[]; // by weekday
  readonly holidays: ReadonlySet<CalDate>;
  readonly makeUpDays: ReadonlySet<CalDate>;
}

export function workingCalendar(
  workingDays: readonly number[],
  holidays: readonly CalDate[],
  makeUpDays: readonly CalDate[] = [],
): WorkingCalendar {
  const working = [false, false, false, false, false, false, false];
  for (const day of workingDays) if (day >= 0 && day <= 6) working[day] = true;
  // Settings never allow an empty list; an empty list here would leave no day to be due on.
  if (!working.includes(true)) working.fill(true);
  return { working, holidays: new Set(holidays), makeUpDays: new Set(makeUpDays) };
}

/** The calendar of the contact rules: one place for every "working day" of the plan. */
export function calendarOf(
  rules: Pick<ContactRules, "workingDays" | "holidays" | "makeUpDays">,
): WorkingCalendar {
  return workingCalendar(rules.workingDays, rules.holidays, rules.makeUpDays ?? []);
}

/**
 * A working day: not a holiday, and either a working weekday or a make-up working day (a
 * Saturday worked for a holiday is one; a holiday on a Monday is not).
 */
export function isWorkingDay(day: CalDate, calendar: WorkingCalendar): boolean {
  if (calendar.holidays.has(day)) return false;
  return calendar.working[weekday(day)] || calendar.makeUpDays.has(day);
}

/** The first day on or after `candidate` that is a working day. */
export function nextWorkingDay(candidate: CalDate, calendar: WorkingCalendar): CalDate {
  let day = candidate;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/** The latest interaction date `≤ asOf` per client (any channel); later dates are ignored. */
export function lastContacts(
  interactions: readonly Pick<PlanInteraction, "clientId" | "date">[],
  asOf: CalDate,
): Map<string, CalDate> {
  const latest = new Map<string, CalDate>();
  for (const interaction of interactions) {
    if (interaction.date > asOf) continue;
    const known = latest.get(interaction.clientId);
    if (known === undefined || interaction.date > known) latest.set(interaction.clientId, interaction.date);
  }
  return latest;
}

/** The plan row of one client, given its last contact. */
export function planClient(
  client: PlanClient,
  lastContact: CalDate | null,
  rules: ContactRules,
  calendar: WorkingCalendar,
  asOf: CalDate,
): PlanRow {
  const cadence = rules.cadence[client.tier ?? UNTIERED_CADENCE];
  const candidate = lastContact === null ? asOf : addDays(lastContact, cadence.intervalDays);
  const nextDue = nextWorkingDay(candidate, calendar);
  const status: PlanStatus = nextDue < asOf ? "overdue" : nextDue === asOf ? "due" : "upcoming";
  return {
    clientId: client.clientId,
    name: client.name,
    tier: client.tier,
    owner: client.owner,
    channel: client.preferredChannel ?? cadence.channel,
    intervalDays: cadence.intervalDays,
    lastContact,
    nextDue,
    status,
    daysOverdue: status === "overdue" ? asOf - nextDue : 0,
  };
}

const STATUS_RANK: Readonly<Record<PlanStatus, number>> = { overdue: 0, due: 1, upcoming: 2 };

/** Overdue (most days first), then due, then upcoming (earliest first), then Client ID as a plain string. */
export function comparePlanRows(a: PlanRow, b: PlanRow): number {
  const rank = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (rank !== 0) return rank;
  if (a.status === "overdue" && a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  if (a.status === "upcoming" && a.nextDue !== b.nextDue) return a.nextDue - b.nextDue;
  return a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0;
}

/** The contact plan: one row per active client, sorted by `comparePlanRows`. */
export function buildContactPlan(
  clients: readonly PlanClient[],
  interactions: readonly PlanInteraction[],
  rules: ContactRules,
  asOf: CalDate,
): PlanRow[] {
  const calendar = calendarOf(rules);
  const latest = lastContacts(interactions, asOf);
  const plan: PlanRow[] = [];
  for (const client of clients) {
    if (!client.active) continue;
    plan.push(planClient(client, latest.get(client.clientId) ?? null, rules, calendar, asOf));
  }
  return plan.sort(comparePlanRows);
}

/** True when the interaction's date is in the response window `(asOf − windowDays, asOf]`. */
export function inResponseWindow(date: CalDate, asOf: CalDate, windowDays: number): boolean {
  return date > asOf - windowDays && date <= asOf;
}

interface Tally {
  responded: number;
  answered: number;
}

function emptyTallies(): Record<ContactChannel, Tally> {
  const out = {} as Record<ContactChannel, Tally>;
  for (const channel of CONTACT_CHANNELS) out[channel] = { responded: 0, answered: 0 };
  return out;
}

function toRates(tallies: Record<ContactChannel, Tally>): ChannelRate[] {
  return CONTACT_CHANNELS.map((channel) => {
    const { responded, answered } = tallies[channel];
    return { channel, responded, answered, rate: answered === 0 ? null : responded / answered };
  });
}

export interface ResponseRates {
  /** All five channels, in CONTACT_CHANNELS order. */
  readonly all: ChannelRate[];
  /** The same per tier of the client; interactions of clients without a tier count only in `all`. */
  readonly byTier: Readonly<Record<ContactTier, ChannelRate[]>>;
}

/**
 * Channel response rates over `(asOf − windowDays, asOf]`: per channel, interactions with
 * Responded = yes over those with yes or no. A blank channel or an unknown response is not rated.
 */
export function responseRates(
  interactions: readonly PlanInteraction[],
  tierOf: ReadonlyMap<string, ContactTier | null>,
  asOf: CalDate,
  windowDays: number,
): ResponseRates {
  const all = emptyTallies();
  const byTier: Record<ContactTier, Record<ContactChannel, Tally>> = {
    A: emptyTallies(),
    B: emptyTallies(),
    C: emptyTallies(),
  };
  for (const interaction of interactions) {
    if (interaction.channel === null || interaction.responded === null) continue;
    if (!inResponseWindow(interaction.date, asOf, windowDays)) continue;
    const yes = interaction.responded === "yes" ? 1 : 0;
    const total = all[interaction.channel];
    total.answered++;
    total.responded += yes;
    const tier = tierOf.get(interaction.clientId) ?? null;
    if (tier === null) continue;
    const split = byTier[tier][interaction.channel];
    split.answered++;
    split.responded += yes;
  }
  return { all: toRates(all), byTier: { A: toRates(byTier.A), B: toRates(byTier.B), C: toRates(byTier.C) } };
}

export interface OwnerCounts {
  /** Lower-case e-mail, or null for clients without an owner. */
  readonly owner: string | null;
  readonly overdue: number;
  readonly due: number;
  readonly upcoming: number;
}

/** Overdue, due and upcoming rows per owner; owners sorted, clients without one last. */
export function countsByOwner(plan: readonly PlanRow[]): OwnerCounts[] {
  const counts = new Map<string | null, { overdue: number; due: number; upcoming: number }>();
  for (const row of plan) {
    let entry = counts.get(row.owner);
    if (entry === undefined) {
      entry = { overdue: 0, due: 0, upcoming: 0 };
      counts.set(row.owner, entry);
    }
    entry[row.status]++;
  }
  return [...counts.entries()]
    .map(([owner, c]) => ({ owner, ...c }))
    .sort((a, b) =>
      a.owner === b.owner ? 0 : a.owner === null ? 1 : b.owner === null ? -1 : a.owner < b.owner ? -1 : 1,
    );
}

export interface OwnerAgenda {
  readonly owner: string;
  /** Overdue and due-today rows, in plan order. */
  readonly dueNow: PlanRow[];
  /** Upcoming rows due in `(asOf, asOf + days]`, in plan order (earliest first). */
  readonly nextDays: PlanRow[];
}

/**
 * Each owner's agenda for the daily digest; rows without an owner belong to no agenda. Upcoming
 * rows of clients in `dueEarly` (a collection or renewal makes them due now) count as due now.
 */
export function agendasByOwner(
  plan: readonly PlanRow[],
  asOf: CalDate,
  days: number,
  dueEarly: { has(clientId: string): boolean } = new Set<string>(),
): OwnerAgenda[] {
  const agendas = new Map<string, OwnerAgenda>();
  for (const row of plan) {
    if (row.owner === null) continue;
    const soon = row.status === "upcoming" && !dueEarly.has(row.clientId) && row.nextDue <= asOf + days;
    if (row.status === "upcoming" && !soon && !dueEarly.has(row.clientId)) continue;
    let agenda = agendas.get(row.owner);
    if (agenda === undefined) {
      agenda = { owner: row.owner, dueNow: [], nextDays: [] };
      agendas.set(row.owner, agenda);
    }
    (soon ? agenda.nextDays : agenda.dueNow).push(row);
  }
  return [...agendas.values()].sort((a, b) => (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
}
