/**
 * The capacity-aware contact schedule (沟通排期): which working day each due contact is made on,
 * so that no owner is asked for more than a day's capacity and no client is contacted twice
 * inside the shortest gap. It starts from the contact plan of core/contacts.ts (whose next due,
 * status and days overdue it never changes) and from extra needs (collections, renewals; see
 * core/contactNeeds.ts); a client has one planned contact that serves every need due by then.
 *
 * Order of claim: tier A first, then B, then C (a client without tier as C), then the earliest
 * need (the most overdue), then Client ID. Each contact takes the first working day of the
 * horizon on or after it may be made where its owner still has room for its channel's weight.
 * What cannot be placed inside the horizon is unplanned, with the reason. Plain data, no clock:
 * linear in clients × horizon days (the horizon is a few weeks at most).
 */
import { addDays, type CalDate } from "./dates";
import {
  nextWorkingDay,
  UNTIERED_CADENCE,
  type ContactChannel,
  type PlanRow,
  type WorkingCalendar,
} from "./contacts";
import { TIER_ORDER } from "./tiers";

/** Why a client is contacted; in the order the purposes are listed. */
export type ContactPurpose = "collection" | "renewal" | "regular";
export const CONTACT_PURPOSES: readonly ContactPurpose[] = ["collection", "renewal", "regular"];

/** Why a contact due inside the horizon has no day. */
export type UnplannedReason = "capacity" | "tooHeavy" | "gap" | "noOwner";

export interface ScheduleRules {
  /** Points an owner can spend per working day; null: no limit. */
  readonly capacityPerDay: number | null;
  /** Points one contact costs, by channel (a visit costs more than an e-mail). */
  readonly weights: Readonly<Record<ContactChannel, number>>;
  /** Shortest number of days between two contacts of one client (0: none). */
  readonly minGapDays: number;
  /** Working days planned, today (when a working day) included. */
  readonly horizonDays: number;
}

/** A reason, beyond the regular cadence, to contact a client from a date on. */
export interface ContactNeed {
  readonly clientId: string;
  readonly purpose: Exclude<ContactPurpose, "regular">;
  /** The first day the contact is due. */
  readonly due: CalDate;
  /** Figures that say why (days overdue, days to the end of a contract…), for the plan's reason. */
  readonly detail: NeedDetail;
}

export type NeedDetail =
  | { readonly kind: "collection"; readonly daysOverdue: number; readonly intervalDays: number }
  | { readonly kind: "renewal"; readonly contractId: string; readonly daysBefore: number };

export interface ScheduledContact {
  readonly clientId: string;
  readonly owner: string | null;
  /** The day the contact may be made from: the earliest need, not before today nor inside the gap. */
  readonly earliest: CalDate;
  /** The earliest need's due date (for the collection and renewal rows, before the regular next due). */
  readonly due: CalDate;
  readonly weight: number;
  /** The needs the contact serves, in CONTACT_PURPOSES order. */
  readonly purposes: readonly ContactPurpose[];
  readonly needs: readonly ContactNeed[];
  /** The working day it is planned on; null when unplanned or not due inside the horizon. */
  readonly plannedOn: CalDate | null;
  /** Set when due inside the horizon but not placed. */
  readonly unplanned: UnplannedReason | null;
}

export interface ContactSchedule {
  /** The horizon's working days, in order. */
  readonly days: readonly CalDate[];
  /** One entry per plan row, in the plan's order. */
  readonly contacts: readonly ScheduledContact[];
  /** Points planned per owner per day (owners in the order first planned). */
  readonly load: ReadonlyMap<string, ReadonlyMap<CalDate, number>>;
}

/** The horizon: `count` working days from `asOf` on (asOf itself when it is one). */
export function horizonDays(asOf: CalDate, count: number, calendar: WorkingCalendar): CalDate[] {
  const days: CalDate[] = [];
  let day = nextWorkingDay(asOf, calendar);
  while (days.length < count) {
    days.push(day);
    day = nextWorkingDay(addDays(day, 1), calendar);
  }
  return days;
}

interface Candidate {
  readonly index: number;
  readonly row: PlanRow;
  readonly due: CalDate;
  readonly earliest: CalDate;
  readonly weight: number;
  readonly needs: readonly ContactNeed[];
}

function compareCandidates(a: Candidate, b: Candidate): number {
  const tier = TIER_ORDER[b.row.tier ?? UNTIERED_CADENCE] - TIER_ORDER[a.row.tier ?? UNTIERED_CADENCE];
  if (tier !== 0) return tier;
  if (a.due !== b.due) return a.due - b.due;
  return a.row.clientId < b.row.clientId ? -1 : a.row.clientId > b.row.clientId ? 1 : 0;
}

function purposesBy(row: PlanRow, needs: readonly ContactNeed[], by: CalDate): ContactPurpose[] {
  const due = new Set<ContactPurpose>();
  for (const need of needs) if (need.due <= by) due.add(need.purpose);
  if (row.nextDue <= by) due.add("regular");
  return CONTACT_PURPOSES.filter((p) => due.has(p));
}

/** The first horizon day at or after `from` (binary search over the sorted days), or -1. */
function firstDayIndex(days: readonly CalDate[], from: CalDate): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length ? lo : -1;
}

/**
 * Plans every plan row whose earliest need falls inside the horizon. `needs` may hold any
 * number per client (needs of clients not in the plan are ignored).
 */
export function scheduleContacts(
  plan: readonly PlanRow[],
  needs: readonly ContactNeed[],
  rules: ScheduleRules,
  calendar: WorkingCalendar,
  asOf: CalDate,
): ContactSchedule {
  const days = horizonDays(asOf, Math.max(1, rules.horizonDays), calendar);
  const last = days[days.length - 1];
  const needsOf = new Map<string, ContactNeed[]>();
  for (const need of needs) {
    const list = needsOf.get(need.clientId);
    if (list) list.push(need);
    else needsOf.set(need.clientId, [need]);
  }
  const out: ScheduledContact[] = [];
  const candidates: Candidate[] = [];
  plan.forEach((row, index) => {
    const own = needsOf.get(row.clientId) ?? [];
    let due = row.nextDue;
    for (const need of own) if (need.due < due) due = need.due;
    const gapFrom = row.lastContact === null ? due : addDays(row.lastContact, rules.minGapDays);
    const earliest = Math.max(due, asOf, gapFrom);
    const weight = rules.weights[row.channel];
    out.push({
      clientId: row.clientId,
      owner: row.owner,
      earliest,
      due,
      weight,
      purposes: purposesBy(row, own, due),
      needs: own,
      plannedOn: null,
      unplanned: null,
    });
    if (due <= last) candidates.push({ index, row, due, earliest, weight, needs: own });
  });
  candidates.sort(compareCandidates);

  const load = new Map<string, Map<CalDate, number>>();
  const capacity = rules.capacityPerDay;
  for (const c of candidates) {
    const place = (plannedOn: CalDate | null, unplanned: UnplannedReason | null): void => {
      const by = plannedOn ?? last;
      out[c.index] = { ...out[c.index], plannedOn, unplanned, purposes: purposesBy(c.row, c.needs, by) };
    };
    const start = firstDayIndex(days, c.earliest);
    if (start < 0) {
      place(null, "gap");
      continue;
    }
    if (capacity === null) {
      place(days[start], null);
      continue;
    }
    if (c.row.owner === null) {
      place(null, "noOwner");
      continue;
    }
    if (c.weight > capacity) {
      place(null, "tooHeavy");
      continue;
    }
    let owner = load.get(c.row.owner);
    if (owner === undefined) {
      owner = new Map();
      load.set(c.row.owner, owner);
    }
    let placed = false;
    for (let i = start; i < days.length; i++) {
      const used = owner.get(days[i]) ?? 0;
      if (used + c.weight > capacity) continue;
      owner.set(days[i], used + c.weight);
      place(days[i], null);
      placed = true;
      break;
    }
    if (!placed) place(null, "capacity");
  }
  return { days, contacts: out, load };
}
