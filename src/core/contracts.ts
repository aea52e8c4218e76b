/**
 * Contracts and collections (合同与回款), as pure rules over plain rows: the lifecycle checks
 * of contracts, payments and won deals; the renewals due within the notice window and the
 * overdue instalments with their ageing buckets (rules.md §4, Contracts action); per-owner
 * totals; and which reminders a daily digest announces, given when each was last announced.
 * Every function is linear in its input (indexes by ID, never a scan inside a scan) and takes
 * the as-of date as a parameter.
 */
import { formatIsoDate, type CalDate } from "./dates";
import type { Cents } from "./money";

export type ContractStatus = "draft" | "review" | "signed" | "active" | "expired" | "renewed" | "terminated";

/** A contract as core needs it (structurally a workbook ContractRow). */
export interface ContractFacts {
  readonly row: number;
  readonly contractId: string;
  readonly clientId: string;
  readonly dealId: string | null;
  readonly owner: string | null;
  readonly value: Cents | null;
  readonly status: ContractStatus | null;
  readonly signedOn: CalDate | null;
  readonly start: CalDate | null;
  readonly end: CalDate | null;
}

/** One instalment of a payment plan (structurally a workbook PaymentRow). */
export interface PaymentFacts {
  readonly row: number;
  readonly contractId: string;
  readonly due: CalDate;
  readonly amountDue: Cents;
  readonly paidOn: CalDate | null;
  readonly amountPaid: Cents;
}

export interface ClientFacts {
  readonly clientId: string;
  readonly name: string;
  readonly owner: string | null;
  readonly tier: "A" | "B" | "C" | null;
}

export interface DealFacts {
  readonly row: number;
  readonly dealId: string;
  readonly clientId: string;
  readonly stage: string;
  readonly closedOn: CalDate | null;
}

// ---------------------------------------------------------------------------------------
// Lifecycle checks

/** A won deal without a contract is reported once more than this many days have passed. */
export const WON_WITHOUT_CONTRACT_DAYS = 30;

/** What a lifecycle check found: one row of one table, and the column to fix. */
export type LifecycleFinding =
  | {
      readonly kind: "signedWithoutDate";
      readonly table: "contracts";
      readonly row: number;
      readonly column: "signedOn";
      readonly contractId: string;
      readonly status: ContractStatus;
    }
  | {
      readonly kind: "endBeforeStart";
      readonly table: "contracts";
      readonly row: number;
      readonly column: "end";
      readonly contractId: string;
      readonly start: CalDate;
      readonly end: CalDate;
    }
  | {
      readonly kind: "activePastEnd";
      readonly table: "contracts";
      readonly row: number;
      readonly column: "status";
      readonly contractId: string;
      readonly end: CalDate;
      readonly daysPast: number;
    }
  | {
      readonly kind: "renewedWithoutSuccessor";
      readonly table: "contracts";
      readonly row: number;
      readonly column: "status";
      readonly contractId: string;
      readonly clientId: string;
    }
  | {
      readonly kind: "paidMoreThanDue";
      readonly table: "payments";
      readonly row: number;
      readonly column: "amountPaid";
      readonly contractId: string;
      readonly amountDue: Cents;
      readonly amountPaid: Cents;
    }
  | {
      readonly kind: "planMismatch";
      readonly table: "contracts";
      readonly row: number;
      readonly column: "value";
      readonly contractId: string;
      readonly value: Cents;
      readonly planned: Cents;
      readonly instalments: number;
    }
  | {
      readonly kind: "wonWithoutContract";
      readonly table: "deals";
      readonly row: number;
      readonly column: "dealId";
      readonly dealId: string;
      readonly closedOn: CalDate;
      readonly days: number;
    };

export type LifecycleKind = LifecycleFinding["kind"];

export interface LifecycleInput {
  readonly contracts: readonly ContractFacts[];
  readonly payments: readonly PaymentFacts[];
  readonly deals: readonly DealFacts[];
  readonly asOf: CalDate;
}

/** The date that orders a client's contracts in time: Start, else Signed on. */
function contractTime(contract: ContractFacts): CalDate | null {
  return contract.start ?? contract.signedOn;
}

/**
 * Every lifecycle finding, in table order (contracts, then payments, then deals; rows
 * ascending within each). Nothing is dropped: the findings only report.
 *
 * - `signed`/`active` without Signed on;
 * - End before Start;
 * - `active` with End before the as-of date (it should be `expired` or `renewed`);
 * - `renewed` without a later contract of the same client: one whose Start (else Signed on) is
 *   after this one's, or one with neither date (a renewal still being drafted); a renewed
 *   contract with neither date needs any other contract of the client;
 * - an instalment with Amount paid above Amount due;
 * - a payment plan whose Amounts due do not add up to the contract's Value (contracts with a
 *   Value and at least one instalment);
 * - a `won` deal closed more than 30 days before the as-of date with no contract naming its Deal ID.
 */
export function lifecycleFindings(input: LifecycleInput): LifecycleFinding[] {
  const { contracts, payments, deals, asOf } = input;
  const contractFindings: LifecycleFinding[] = [];
  const paymentFindings: LifecycleFinding[] = [];
  const dealFindings: LifecycleFinding[] = [];

  // Per client: the latest contract time, how many contracts have no time, and how many in all.
  const latest = new Map<string, CalDate>();
  const undated = new Map<string, number>();
  const perClient = new Map<string, number>();
  const dealsWithContract = new Set<string>();
  for (const c of contracts) {
    perClient.set(c.clientId, (perClient.get(c.clientId) ?? 0) + 1);
    const time = contractTime(c);
    if (time === null) undated.set(c.clientId, (undated.get(c.clientId) ?? 0) + 1);
    else if (time > (latest.get(c.clientId) ?? -Infinity)) latest.set(c.clientId, time);
    if (c.dealId !== null) dealsWithContract.add(c.dealId);
  }

  // Per contract: the sum of Amounts due and the number of instalments.
  const planned = new Map<string, { sum: Cents; count: number }>();
  for (const p of payments) {
    const plan = planned.get(p.contractId);
    if (plan) {
      plan.sum += p.amountDue;
      plan.count += 1;
    } else planned.set(p.contractId, { sum: p.amountDue, count: 1 });
    if (p.amountPaid > p.amountDue) {
      paymentFindings.push({
        kind: "paidMoreThanDue",
        table: "payments",
        row: p.row,
        column: "amountPaid",
        contractId: p.contractId,
        amountDue: p.amountDue,
        amountPaid: p.amountPaid,
      });
    }
  }

  for (const c of contracts) {
    const base = { table: "contracts", row: c.row, contractId: c.contractId } as const;
    if ((c.status === "signed" || c.status === "active") && c.signedOn === null) {
      contractFindings.push({ ...base, kind: "signedWithoutDate", column: "signedOn", status: c.status });
    }
    if (c.start !== null && c.end !== null && c.end < c.start) {
      contractFindings.push({ ...base, kind: "endBeforeStart", column: "end", start: c.start, end: c.end });
    }
    if (c.status === "active" && c.end !== null && c.end < asOf) {
      contractFindings.push({
        ...base,
        kind: "activePastEnd",
        column: "status",
        end: c.end,
        daysPast: asOf - c.end,
      });
    }
    if (c.status === "renewed") {
      const time = contractTime(c);
      const hasLater =
        time === null
          ? (perClient.get(c.clientId) ?? 0) > 1
          : (latest.get(c.clientId) ?? -Infinity) > time || (undated.get(c.clientId) ?? 0) > 0;
      if (!hasLater) {
        contractFindings.push({
          ...base,
          kind: "renewedWithoutSuccessor",
          column: "status",
          clientId: c.clientId,
        });
      }
    }
    const plan = planned.get(c.contractId);
    if (c.value !== null && plan !== undefined && plan.sum !== c.value) {
      contractFindings.push({
        ...base,
        kind: "planMismatch",
        column: "value",
        value: c.value,
        planned: plan.sum,
        instalments: plan.count,
      });
    }
  }

  for (const deal of deals) {
    if (deal.stage !== "won" || deal.closedOn === null) continue;
    const days = asOf - deal.closedOn;
    if (days > WON_WITHOUT_CONTRACT_DAYS && !dealsWithContract.has(deal.dealId)) {
      dealFindings.push({
        kind: "wonWithoutContract",
        table: "deals",
        row: deal.row,
        column: "dealId",
        dealId: deal.dealId,
        closedOn: deal.closedOn,
        days,
      });
    }
  }
  return [...contractFindings, ...paymentFindings, ...dealFindings];
}

// ---------------------------------------------------------------------------------------
// Renewals and receivables

export const AGEING_BUCKETS = ["1-30", "31-60", "61-90", "90+"] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/** The ageing bucket of an instalment `daysOverdue` (≥ 1) days past due: 1–30, 31–60, 61–90, 91 and more. */
export function ageingBucket(daysOverdue: number): AgeingBucket {
  if (daysOverdue <= 30) return "1-30";
  if (daysOverdue <= 60) return "31-60";
  if (daysOverdue <= 90) return "61-90";
  return "90+";
}

/** A renewal due within this many days is marked as near. */
export const RENEWAL_NEAR_DAYS = 30;

export interface RenewalDue {
  /** The contract's spreadsheet row. */
  readonly row: number;
  readonly contractId: string;
  readonly clientId: string;
  readonly clientName: string | null;
  readonly tier: "A" | "B" | "C" | null;
  /** The contract's Owner, else its client's; null when neither has one. */
  readonly owner: string | null;
  readonly end: CalDate;
  readonly value: Cents | null;
  /** End − as-of, from 1 to noticeDays. */
  readonly daysLeft: number;
  /** daysLeft ≤ RENEWAL_NEAR_DAYS. */
  readonly near: boolean;
}

export interface OverdueInstalment {
  /** The payment's spreadsheet row. */
  readonly row: number;
  readonly contractId: string;
  readonly clientId: string;
  readonly clientName: string | null;
  readonly owner: string | null;
  readonly due: CalDate;
  readonly amountDue: Cents;
  readonly amountPaid: Cents;
  /** Amount due − Amount paid, always > 0. */
  readonly outstanding: Cents;
  /** as-of − Due, ≥ 1. */
  readonly daysOverdue: number;
  readonly bucket: AgeingBucket;
}

export interface CollectionTotals {
  readonly renewals: number;
  readonly renewalValue: Cents;
  readonly overdue: number;
  readonly outstanding: Cents;
  readonly outstandingByBucket: Readonly<Record<AgeingBucket, Cents>>;
}

export interface OwnerTotals extends CollectionTotals {
  /** null: contracts whose owner is unknown (no Owner on the contract or its client). */
  readonly owner: string | null;
}

export interface ContractsReview {
  readonly asOf: CalDate;
  readonly noticeDays: number;
  /** Ending soonest first, then by Contract ID. */
  readonly renewalsDue: readonly RenewalDue[];
  /** Most days overdue first, then by Contract ID, Due and row. */
  readonly overdue: readonly OverdueInstalment[];
  /** Owners in alphabetical order, the unknown owner last. */
  readonly owners: readonly OwnerTotals[];
  readonly totals: CollectionTotals;
}

export interface ContractsReviewInput {
  readonly contracts: readonly ContractFacts[];
  readonly payments: readonly PaymentFacts[];
  readonly clients: readonly ClientFacts[];
  readonly asOf: CalDate;
  readonly noticeDays: number;
}

interface MutableTotals {
  renewals: number;
  renewalValue: Cents;
  overdue: number;
  outstanding: Cents;
  outstandingByBucket: Record<AgeingBucket, Cents>;
}

function emptyTotals(): MutableTotals {
  return {
    renewals: 0,
    renewalValue: 0,
    overdue: 0,
    outstanding: 0,
    outstandingByBucket: { "1-30": 0, "31-60": 0, "61-90": 0, "90+": 0 },
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** When an instalment counts as outstanding (rules.md §4): its cut-offs. */
export interface OutstandingCutoff {
  /** Instalments with Due on or before this date count. */
  readonly dueBy: CalDate;
  /**
   * Amounts paid count when paid on or before this date (a payment with no Paid on counts as
   * paid); null: every amount paid counts, whatever its date.
   */
  readonly paidBy: CalDate | null;
}

/**
 * The one rule for an instalment's outstanding amount: Amount due − the amount paid by the
 * cut-off, when its Due is on or before the cut-off and that is more than 0; else 0. The
 * contracts action asks at D (due before D, any payment: `{ dueBy: D − 1, paidBy: null }`), the
 * report at the month's end E (`{ dueBy: E, paidBy: E }`).
 */
export function outstandingAt(
  payment: Pick<PaymentFacts, "due" | "amountDue" | "paidOn" | "amountPaid">,
  cutoff: OutstandingCutoff,
): Cents {
  if (payment.due > cutoff.dueBy) return 0;
  const counted = cutoff.paidBy === null || payment.paidOn === null || payment.paidOn <= cutoff.paidBy;
  const outstanding = payment.amountDue - (counted ? payment.amountPaid : 0);
  return outstanding > 0 ? outstanding : 0;
}

/**
 * Renewals due (status `signed`/`active`, End in (asOf, asOf + noticeDays]) and overdue
 * instalments (Due < asOf, Amount paid < Amount due, any contract status), with per-owner
 * totals. Instalments of contracts not in `contracts` are left out (the reader reports them).
 */
export function reviewContracts(input: ContractsReviewInput): ContractsReview {
  const { asOf, noticeDays } = input;
  const clients = new Map<string, ClientFacts>();
  for (const client of input.clients) clients.set(client.clientId, client);
  const contracts = new Map<string, ContractFacts>();
  for (const contract of input.contracts) contracts.set(contract.contractId, contract);
  const ownerOf = (contract: ContractFacts): string | null =>
    contract.owner ?? clients.get(contract.clientId)?.owner ?? null;

  const renewalsDue: RenewalDue[] = [];
  for (const c of input.contracts) {
    if ((c.status !== "signed" && c.status !== "active") || c.end === null) continue;
    const daysLeft = c.end - asOf;
    if (daysLeft < 1 || daysLeft > noticeDays) continue;
    const client = clients.get(c.clientId);
    renewalsDue.push({
      row: c.row,
      contractId: c.contractId,
      clientId: c.clientId,
      clientName: client?.name ?? null,
      tier: client?.tier ?? null,
      owner: ownerOf(c),
      end: c.end,
      value: c.value,
      daysLeft,
      near: daysLeft <= RENEWAL_NEAR_DAYS,
    });
  }
  renewalsDue.sort((a, b) => a.end - b.end || compareText(a.contractId, b.contractId) || a.row - b.row);

  const overdue: OverdueInstalment[] = [];
  const cutoff: OutstandingCutoff = { dueBy: asOf - 1, paidBy: null };
  for (const p of input.payments) {
    const outstanding = outstandingAt(p, cutoff);
    if (outstanding === 0) continue;
    const contract = contracts.get(p.contractId);
    if (contract === undefined) continue;
    const daysOverdue = asOf - p.due;
    overdue.push({
      row: p.row,
      contractId: p.contractId,
      clientId: contract.clientId,
      clientName: clients.get(contract.clientId)?.name ?? null,
      owner: ownerOf(contract),
      due: p.due,
      amountDue: p.amountDue,
      amountPaid: p.amountPaid,
      outstanding,
      daysOverdue,
      bucket: ageingBucket(daysOverdue),
    });
  }
  overdue.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      compareText(a.contractId, b.contractId) ||
      a.due - b.due ||
      a.row - b.row,
  );

  const totals = emptyTotals();
  const byOwner = new Map<string | null, MutableTotals>();
  const totalsOf = (owner: string | null): MutableTotals => {
    let found = byOwner.get(owner);
    if (!found) {
      found = emptyTotals();
      byOwner.set(owner, found);
    }
    return found;
  };
  for (const r of renewalsDue) {
    for (const t of [totals, totalsOf(r.owner)]) {
      t.renewals += 1;
      t.renewalValue += r.value ?? 0;
    }
  }
  for (const o of overdue) {
    for (const t of [totals, totalsOf(o.owner)]) {
      t.overdue += 1;
      t.outstanding += o.outstanding;
      t.outstandingByBucket[o.bucket] += o.outstanding;
    }
  }
  const owners: OwnerTotals[] = [...byOwner.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : compareText(a, b)))
    .map(([owner, t]) => ({ owner, ...t }));
  return { asOf, noticeDays, renewalsDue, overdue, owners, totals };
}

// ---------------------------------------------------------------------------------------
// Reminders for the daily digest

/** An item announced in a digest is announced again only when still open this many days later. */
export const REMINDER_REPEAT_DAYS = 7;

export type ContractReminder =
  | { readonly kind: "renewal"; readonly key: string; readonly renewal: RenewalDue }
  | { readonly kind: "overdue"; readonly key: string; readonly instalment: OverdueInstalment };

/**
 * The identity of a reminder, stable while the user edits other cells or sorts rows: the kind,
 * the date that makes it due (End of a renewal, Due of an instalment) and the Contract ID. A
 * changed End (an extension) or a new Due is a new item. `r|2026-12-31|HT000123`.
 */
export function reminderKey(kind: "renewal" | "overdue", date: CalDate, contractId: string): string {
  return `${kind === "renewal" ? "r" : "o"}|${formatIsoDate(date)}|${contractId}`;
}

/** Every open item of a review: its renewals due and its overdue instalments. */
export function openReminders(review: ContractsReview): ContractReminder[] {
  const items: ContractReminder[] = [];
  for (const renewal of review.renewalsDue) {
    items.push({ kind: "renewal", key: reminderKey("renewal", renewal.end, renewal.contractId), renewal });
  }
  for (const instalment of review.overdue) {
    items.push({
      kind: "overdue",
      key: reminderKey("overdue", instalment.due, instalment.contractId),
      instalment,
    });
  }
  return items;
}

/**
 * Which open items a digest on `asOf` announces, per owner (lower case; null for the unknown
 * owner), in review order: an item never announced, or last announced `REMINDER_REPEAT_DAYS` or
 * more days before `asOf` and still open. `announced` maps an item's key to the date it was
 * last announced. Items sharing a key (two instalments of one contract due the same day) go together.
 */
export function selectReminders(
  open: readonly ContractReminder[],
  announced: ReadonlyMap<string, CalDate>,
  asOf: CalDate,
): Map<string | null, ContractReminder[]> {
  const byOwner = new Map<string | null, ContractReminder[]>();
  for (const item of open) {
    const last = announced.get(item.key);
    if (last !== undefined && asOf - last < REMINDER_REPEAT_DAYS) continue;
    const owner = reminderOwner(item);
    const list = byOwner.get(owner);
    if (list) list.push(item);
    else byOwner.set(owner, [item]);
  }
  return byOwner;
}

export function reminderOwner(item: ContractReminder): string | null {
  return item.kind === "renewal" ? item.renewal.owner : item.instalment.owner;
}
