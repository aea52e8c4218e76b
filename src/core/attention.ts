/**
 * The facts behind the report's "needs attention" lines, at month end `E`: receivables more than
 * 60 days overdue (per client, with the oldest due date), renewals inside their notice with no
 * contact since the notice began, and tier-A clients past their contact cycle. Plain data in
 * (the report's input rows), plain data out; one pass over each table.
 */
import { lastContacts } from "./contacts";
import { outstandingAt } from "./contracts";
import { addDays, type CalDate } from "./dates";
import type { Cents } from "./money";
import type { ReportInput, RenewalDue } from "./report";

/** Days overdue from which a receivable needs attention. */
export const LONG_OVERDUE_DAYS = 60;

export interface LongOverdue {
  readonly clientId: string;
  readonly clientName: string;
  readonly outstanding: Cents;
  /** Days between the oldest unpaid due date and `E`. */
  readonly days: number;
}

export interface SilentRenewal {
  readonly contractId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly end: CalDate;
}

export interface LapsedClient {
  readonly clientId: string;
  readonly name: string;
  readonly owner: string | null;
  /** Days since the last contact up to `E`; null: never contacted. */
  readonly days: number | null;
}

export interface AttentionFacts {
  /** Largest outstanding first. */
  readonly longOverdue: readonly LongOverdue[];
  /** Soonest end first. */
  readonly silentRenewals: readonly SilentRenewal[];
  /** Longest silence first (never contacted first of all). */
  readonly lapsedTierA: readonly LapsedClient[];
}

type AttentionInput = Pick<
  ReportInput,
  "clients" | "contracts" | "payments" | "interactions" | "renewalNoticeDays" | "intervalDays"
>;

/** The attention facts at month end `monthEnd`, given the month's renewals due. */
export function attentionFacts(
  input: AttentionInput,
  monthEnd: CalDate,
  renewalsDue: readonly RenewalDue[],
): AttentionFacts {
  const names = new Map<string, string>();
  for (const client of input.clients)
    if (!names.has(client.clientId)) names.set(client.clientId, client.name);
  const lastContact = lastContacts(input.interactions, monthEnd);
  return {
    longOverdue: longOverdue(input, monthEnd, names),
    silentRenewals: renewalsDue
      .filter((r) => {
        const last = lastContact.get(r.clientId);
        return last === undefined || last < addDays(r.end, -input.renewalNoticeDays);
      })
      .map((r) => ({ contractId: r.contractId, clientId: r.clientId, clientName: r.clientName, end: r.end })),
    lapsedTierA: lapsedTierA(input, monthEnd, lastContact),
  };
}

function longOverdue(
  input: AttentionInput,
  monthEnd: CalDate,
  names: ReadonlyMap<string, string>,
): LongOverdue[] {
  const clientOf = new Map<string, string>();
  for (const contract of input.contracts) clientOf.set(contract.contractId, contract.clientId);
  // More than LONG_OVERDUE_DAYS overdue at E: due on or before E − (days + 1), paid as of E.
  const cutoff = { dueBy: addDays(monthEnd, -LONG_OVERDUE_DAYS - 1), paidBy: monthEnd };
  const byClient = new Map<string, { outstanding: Cents; oldest: CalDate }>();
  for (const payment of input.payments) {
    const outstanding = outstandingAt(payment, cutoff);
    const clientId = clientOf.get(payment.contractId);
    if (outstanding <= 0 || clientId === undefined) continue;
    const entry = byClient.get(clientId) ?? { outstanding: 0, oldest: payment.due };
    entry.outstanding += outstanding;
    if (payment.due < entry.oldest) entry.oldest = payment.due;
    byClient.set(clientId, entry);
  }
  return [...byClient.entries()]
    .map(([clientId, e]) => ({
      clientId,
      clientName: names.get(clientId) ?? clientId,
      outstanding: e.outstanding,
      days: monthEnd - e.oldest,
    }))
    .sort((a, b) => b.outstanding - a.outstanding || (a.clientId < b.clientId ? -1 : 1));
}

function lapsedTierA(
  input: AttentionInput,
  monthEnd: CalDate,
  lastContact: ReadonlyMap<string, CalDate>,
): LapsedClient[] {
  const out: LapsedClient[] = [];
  for (const client of input.clients) {
    if (client.status !== "active" || client.tier !== "A") continue;
    const last = lastContact.get(client.clientId);
    const days = last === undefined ? null : monthEnd - last;
    if (days !== null && days <= input.intervalDays.A) continue;
    out.push({ clientId: client.clientId, name: client.name, owner: client.owner, days });
  }
  return out.sort(
    (a, b) =>
      (b.days ?? Number.MAX_SAFE_INTEGER) - (a.days ?? Number.MAX_SAFE_INTEGER) ||
      (a.clientId < b.clientId ? -1 : 1),
  );
}
