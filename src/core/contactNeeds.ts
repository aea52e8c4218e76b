/**
 * Contacts that collections and renewals call for (配合财务部门完成款项回收, 续约), beyond the
 * regular cadence of the contact plan:
 *
 * - Collection: a client with an instalment `COLLECTION_CONTACT_DAYS` (60) or more days overdue
 *   is contacted at the cadence of the tier above its own (A stays at A's) until it is paid: due
 *   on the first working day from its last contact + that interval (today without a contact).
 *   The interval is never longer than the client's own, so collection never slows contact down.
 * - Renewal: a contract due for renewal is talked about at 90, 60 and 30 days before its End
 *   (those inside the notice period): the first of these dates after the client's last contact
 *   is the need, so one contact on or after a date settles it and the next date comes next.
 * - Escalation: an instalment `COLLECTION_ESCALATE_DAYS` (90) or more days overdue is told to
 *   the owner's manager.
 */
import { addDays, type CalDate } from "./dates";
import {
  nextWorkingDay,
  UNTIERED_CADENCE,
  type Cadence,
  type ContactTier,
  type PlanRow,
  type WorkingCalendar,
} from "./contacts";
import type { ContactNeed } from "./contactSchedule";
import { RAISED } from "./tiers";

export const COLLECTION_CONTACT_DAYS = 60;
export const COLLECTION_ESCALATE_DAYS = 90;
/** A manager is mailed on the 90th day overdue and every this many days after. */
export const ESCALATION_REPEAT_DAYS = 7;

/** True on the days an escalation makes the manager's digest go out. */
export function escalationDay(daysOverdue: number): boolean {
  return (
    daysOverdue >= COLLECTION_ESCALATE_DAYS &&
    (daysOverdue - COLLECTION_ESCALATE_DAYS) % ESCALATION_REPEAT_DAYS === 0
  );
}
/** Days before a contract's End at which a renewal contact is due, earliest first. */
export const RENEWAL_CONTACT_DAYS: readonly number[] = [90, 60, 30];

/** An unpaid instalment: its client and how many days past due it is. */
export interface OverdueFact {
  readonly clientId: string;
  readonly daysOverdue: number;
}

/** The interval a client in collection is contacted at: the tier above's, never longer than its own. */
export function collectionInterval(row: PlanRow, cadence: Readonly<Record<ContactTier, Cadence>>): number {
  const above = cadence[RAISED[row.tier ?? UNTIERED_CADENCE]].intervalDays;
  return Math.min(row.intervalDays, above);
}

/** One collection need per plan row whose client has an instalment 60 or more days overdue. */
export function collectionNeeds(
  plan: readonly PlanRow[],
  overdue: readonly OverdueFact[],
  cadence: Readonly<Record<ContactTier, Cadence>>,
  calendar: WorkingCalendar,
  asOf: CalDate,
): ContactNeed[] {
  const worst = new Map<string, number>();
  for (const o of overdue) {
    if (o.daysOverdue < COLLECTION_CONTACT_DAYS) continue;
    if (o.daysOverdue > (worst.get(o.clientId) ?? 0)) worst.set(o.clientId, o.daysOverdue);
  }
  const needs: ContactNeed[] = [];
  for (const row of plan) {
    const daysOverdue = worst.get(row.clientId);
    if (daysOverdue === undefined) continue;
    const intervalDays = collectionInterval(row, cadence);
    const candidate = row.lastContact === null ? asOf : addDays(row.lastContact, intervalDays);
    needs.push({
      clientId: row.clientId,
      purpose: "collection",
      due: nextWorkingDay(candidate, calendar),
      detail: { kind: "collection", daysOverdue, intervalDays },
    });
  }
  return needs;
}

/** A contract due for renewal: End in the notice period. */
export interface RenewalFact {
  readonly clientId: string;
  readonly contractId: string;
  readonly end: CalDate;
}

/**
 * One renewal need per contract with a 90/60/30-day date (inside the notice period) not yet
 * followed by a contact of its client.
 */
export function renewalNeeds(
  renewals: readonly RenewalFact[],
  lastContactOf: ReadonlyMap<string, CalDate>,
  noticeDays: number,
  calendar: WorkingCalendar,
): ContactNeed[] {
  const offsets = RENEWAL_CONTACT_DAYS.filter((days) => days <= noticeDays);
  const needs: ContactNeed[] = [];
  for (const renewal of renewals) {
    const last = lastContactOf.get(renewal.clientId) ?? null;
    for (const daysBefore of offsets) {
      const date = addDays(renewal.end, -daysBefore);
      if (last !== null && last >= date) continue;
      needs.push({
        clientId: renewal.clientId,
        purpose: "renewal",
        due: nextWorkingDay(date, calendar),
        detail: { kind: "renewal", contractId: renewal.contractId, daysBefore },
      });
      break;
    }
  }
  return needs;
}

/** Instalments to tell the owner's manager about: 90 or more days overdue. */
export function escalations<T extends { readonly daysOverdue: number }>(overdue: readonly T[]): T[] {
  return overdue.filter((o) => o.daysOverdue >= COLLECTION_ESCALATE_DAYS);
}
