/**
 * Channel partner effectiveness (渠道效能评估), for the month `M` that ends on `E`: per partner,
 * the deals it brought and how they closed over the 12 months `(E − 12 months, E]`, the
 * commission due for `M`, whether its agreement ends within the notice window, and whether it
 * has been idle for two quarters. A deal's partner is its own Partner, else its client's; a
 * partner ID that is not among the partners counts as direct (the reader reports it).
 */
import { addDays, addMonths, type CalDate } from "./dates";
import { ExactSum, type Cents } from "./money";

export interface PartnerInfo {
  readonly partnerId: string;
  readonly name: string;
  /** reseller, referral, integrator, or null when not given. */
  readonly type: string | null;
  readonly agreementStart: CalDate | null;
  readonly agreementEnd: CalDate | null;
  /** A fraction 0..1, or null when not given (no commission is computed then). */
  readonly commissionRate: number | null;
}

export interface PartnerDeal {
  readonly clientId: string;
  readonly partner: string | null;
  readonly stage: string;
  readonly amount: Cents;
  readonly created: CalDate | null;
  readonly closedOn: CalDate | null;
}

export interface PartnerClient {
  readonly clientId: string;
  readonly partner: string | null;
}

export interface PartnerInput {
  readonly partners: readonly PartnerInfo[];
  readonly deals: readonly PartnerDeal[];
  readonly clients: readonly PartnerClient[];
  readonly monthStart: CalDate;
  readonly monthEnd: CalDate;
  /** Agreements ending in `(E, E + endingDays]` are flagged (90). */
  readonly endingDays: number;
  /** A partner with no deal created in `(E − idleMonths months, E]` is listed for review (6). */
  readonly idleMonths: number;
}

/** What a set of deals brought over the 12 months (a partner's, the direct deals', all). */
export interface ChannelFigures {
  /** Deals created in the 12 months. */
  readonly leads: number;
  /** Won amount and count, Closed on in the 12 months. */
  readonly won: Cents;
  readonly wonCount: number;
  readonly lostCount: number;
  /** wonCount ÷ (wonCount + lostCount); null when both are 0. */
  readonly winRate: number | null;
  /** Median of Closed on − Created over the won deals of the 12 months that have both; null if none. */
  readonly medianDaysToClose: number | null;
  /** Won amount with Closed on in `M`. */
  readonly wonThisMonth: Cents;
}

export interface PartnerFigures extends ChannelFigures {
  readonly partner: PartnerInfo;
  /** Commission rate × won this month, rounded once; null when the partner has no rate. */
  readonly commissionDue: Cents | null;
  /** The latest Created among the partner's deals (any date), null when none. */
  readonly lastDealCreated: CalDate | null;
  readonly endingSoon: boolean;
  readonly forReview: boolean;
}

export interface PartnerModel {
  /** By won amount (largest first), then Partner ID. */
  readonly partners: readonly PartnerFigures[];
  readonly direct: ChannelFigures;
  readonly all: ChannelFigures;
  /** Commission of every partner, summed exactly and rounded once. */
  readonly commissionDue: Cents;
  readonly windowStart: CalDate;
  readonly reviewSince: CalDate;
  readonly endingBy: CalDate;
}

/** Collects one channel's deals and gives its figures. */
class Tally {
  leads = 0;
  won = 0;
  wonCount = 0;
  lostCount = 0;
  wonThisMonth = 0;
  readonly days: number[] = [];

  add(deal: PartnerDeal, input: PartnerInput, windowStart: CalDate): void {
    const inWindow = (date: CalDate | null) => date !== null && date > windowStart && date <= input.monthEnd;
    if (inWindow(deal.created)) this.leads++;
    if (!inWindow(deal.closedOn)) return;
    const closedOn = deal.closedOn as CalDate;
    if (deal.stage === "lost") this.lostCount++;
    if (deal.stage !== "won") return;
    this.won += deal.amount;
    this.wonCount++;
    if (closedOn >= input.monthStart) this.wonThisMonth += deal.amount;
    if (deal.created !== null && deal.created <= closedOn) this.days.push(closedOn - deal.created);
  }

  figures(): ChannelFigures {
    const decided = this.wonCount + this.lostCount;
    return {
      leads: this.leads,
      won: this.won,
      wonCount: this.wonCount,
      lostCount: this.lostCount,
      winRate: decided === 0 ? null : this.wonCount / decided,
      medianDaysToClose: median(this.days),
      wonThisMonth: this.wonThisMonth,
    };
  }
}

/** The median of some numbers (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The partner a deal counts for: its own Partner, else its client's; null (direct) when unknown. */
export function dealPartner(
  deal: Pick<PartnerDeal, "partner" | "clientId">,
  clientPartner: ReadonlyMap<string, string>,
  known: ReadonlySet<string>,
): string | null {
  const id = deal.partner ?? clientPartner.get(deal.clientId) ?? null;
  return id !== null && known.has(id) ? id : null;
}

/** Partner effectiveness for the month ending on `monthEnd` (one pass over the deals). */
export function partnerEffectiveness(input: PartnerInput): PartnerModel {
  const windowStart = addMonths(input.monthEnd, -12);
  const reviewSince = addMonths(input.monthEnd, -input.idleMonths);
  const endingBy = addDays(input.monthEnd, input.endingDays);
  const known = new Set(input.partners.map((p) => p.partnerId));
  const clientPartner = new Map<string, string>();
  for (const c of input.clients) if (c.partner !== null) clientPartner.set(c.clientId, c.partner);
  const tallies = new Map<string, Tally>(input.partners.map((p) => [p.partnerId, new Tally()]));
  const lastCreated = new Map<string, CalDate>();
  const direct = new Tally();
  const all = new Tally();
  for (const deal of input.deals) {
    all.add(deal, input, windowStart);
    const id = dealPartner(deal, clientPartner, known);
    if (id === null) {
      direct.add(deal, input, windowStart);
      continue;
    }
    (tallies.get(id) as Tally).add(deal, input, windowStart);
    const created = deal.created;
    if (created !== null && created <= input.monthEnd && created > (lastCreated.get(id) ?? -Infinity))
      lastCreated.set(id, created);
  }
  const commission = new ExactSum();
  const partners = input.partners.map((partner): PartnerFigures => {
    const figures = (tallies.get(partner.partnerId) as Tally).figures();
    const due =
      partner.commissionRate === null
        ? null
        : new ExactSum().add(figures.wonThisMonth, partner.commissionRate);
    if (due !== null) commission.addSum(due);
    const last = lastCreated.get(partner.partnerId) ?? null;
    return {
      ...figures,
      partner,
      commissionDue: due === null ? null : due.cents(),
      lastDealCreated: last,
      endingSoon: endsWithin(partner, input.monthEnd, endingBy),
      forReview: idle(partner, last, input.monthEnd, reviewSince),
    };
  });
  partners.sort((a, b) => b.won - a.won || compare(a.partner.partnerId, b.partner.partnerId));
  return {
    partners,
    direct: direct.figures(),
    all: all.figures(),
    commissionDue: commission.cents(),
    windowStart,
    reviewSince,
    endingBy,
  };
}

function endsWithin(partner: PartnerInfo, monthEnd: CalDate, endingBy: CalDate): boolean {
  const end = partner.agreementEnd;
  return end !== null && end > monthEnd && end <= endingBy;
}

/**
 * Idle for review: the agreement is in force on `E` (started on or before the review window's
 * start, or no start given; no end, or an end on or after `E`) and no deal was created in the
 * window `(E − idle months, E]`.
 */
function idle(partner: PartnerInfo, last: CalDate | null, monthEnd: CalDate, reviewSince: CalDate): boolean {
  if (partner.agreementStart !== null && partner.agreementStart > reviewSince) return false;
  if (partner.agreementEnd !== null && partner.agreementEnd < monthEnd) return false;
  return last === null || last <= reviewSince;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
