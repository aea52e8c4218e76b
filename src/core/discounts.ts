/**
 * Discounts granted (折扣让利): the won deals of a month sold below their list price or with a
 * discount, and what they cost against the list price, per owner and in total. The cost of a
 * deal is its List price minus its Amount; a deal with a Discount but no List price implies its
 * list price (Amount ÷ (1 − Discount)), and its cost is rounded once to the cent. Sums are exact.
 */
import type { CalDate } from "./dates";
import { roundHalfAway, type Cents } from "./money";

export interface DiscountDealInput {
  readonly dealId: string;
  readonly clientId: string;
  readonly owner: string | null;
  readonly stage: string;
  readonly amount: Cents;
  readonly closedOn: CalDate | null;
  readonly listPrice: Cents | null;
  readonly discount: number | null;
}

export interface DiscountTotals {
  readonly deals: number;
  /** The list prices (typed or implied) of the deals. */
  readonly list: Cents;
  /** What the deals were won for. */
  readonly won: Cents;
  /** list − won. */
  readonly cost: Cents;
}

export interface OwnerDiscounts extends DiscountTotals {
  /** Lower case; null for deals without an owner. */
  readonly owner: string | null;
}

export interface DiscountsGranted {
  /** By cost, largest first, then owner. */
  readonly owners: readonly OwnerDiscounts[];
  readonly total: DiscountTotals;
  /** Deals whose list price was implied by their Discount. */
  readonly implied: number;
}

/** A deal's list price and whether it is implied; null when it was not sold below list. */
function listOf(deal: DiscountDealInput): { list: Cents; implied: boolean } | null {
  if (deal.listPrice !== null)
    return deal.listPrice > deal.amount ? { list: deal.listPrice, implied: false } : null;
  if (deal.discount === null || deal.discount <= 0 || deal.discount >= 1) return null;
  const list = deal.amount + roundHalfAway((deal.amount * deal.discount) / (1 - deal.discount));
  return list > deal.amount ? { list, implied: true } : null;
}

/**
 * The discounts granted in `[monthStart, monthEnd]`. `ownerOfClient` gives a client's owner for
 * deals without their own (the report's rule: the deal's Owner, else its client's).
 */
export function discountsGranted(
  deals: readonly DiscountDealInput[],
  ownerOfClient: (clientId: string) => string | null,
  monthStart: CalDate,
  monthEnd: CalDate,
): DiscountsGranted {
  const by = new Map<string | null, { deals: number; list: Cents; won: Cents }>();
  let implied = 0;
  for (const deal of deals) {
    if (deal.stage !== "won" || deal.closedOn === null) continue;
    if (deal.closedOn < monthStart || deal.closedOn > monthEnd) continue;
    const found = listOf(deal);
    if (found === null) continue;
    if (found.implied) implied++;
    const owner = (deal.owner ?? ownerOfClient(deal.clientId))?.toLowerCase() ?? null;
    const t = by.get(owner) ?? { deals: 0, list: 0, won: 0 };
    t.deals++;
    t.list += found.list;
    t.won += deal.amount;
    by.set(owner, t);
  }
  const owners: OwnerDiscounts[] = [...by.entries()].map(([owner, t]) => ({
    owner,
    ...t,
    cost: t.list - t.won,
  }));
  owners.sort((a, b) => b.cost - a.cost || (a.owner ?? "~").localeCompare(b.owner ?? "~"));
  const total = owners.reduce<DiscountTotals>(
    (sum, o) => ({
      deals: sum.deals + o.deals,
      list: sum.list + o.list,
      won: sum.won + o.won,
      cost: sum.cost + o.cost,
    }),
    { deals: 0, list: 0, won: 0, cost: 0 },
  );
  return { owners, total, implied };
}
