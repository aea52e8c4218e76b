/**
 * The sample's negotiated terms (谈判条款): List price, Floor price, Discount and Payment days of
 * the deals under negotiation and of the last 60 days' wins, shaped against the default limits by
 * tier so that the demo shows a few deals waiting for approval, one win approved beyond its
 * payment limit (its row in the sample's Approvals sheet) and one win beyond its discount limit
 * without approval (a data issue of Check data). Amounts in whole yuan.
 */
import type { CalDate } from "../core/dates";
import type { Stage, Tier } from "./codes";

/** The default limits of Settings (approval.maxDiscount.*, approval.maxPaymentDays.*). */
const MAX_DISCOUNT: Readonly<Record<Tier, number>> = { A: 0.15, B: 0.1, C: 0.05 };
const MAX_DAYS: Readonly<Record<Tier, number>> = { A: 90, B: 60, C: 30 };
const DISCOUNTS = [0, 0.02, 0.03, 0.05, 0.08, 0.1, 0.12, 0.15] as const;
const DAYS = [30, 45, 60, 90] as const;

export interface TermsDeal {
  readonly stage: Stage;
  /** Whole yuan. */
  readonly amount: number;
  readonly closedOn: CalDate | null;
  /** The client's tier (the sample's Tier cell, else C). */
  readonly tier: Tier;
}

export interface SampleTerms {
  readonly listPrice: number;
  readonly floorPrice: number;
  /** Null when the sample leaves the Discount blank (the price against the list says it). */
  readonly discount: number | null;
  readonly paymentDays: number;
}

/** The sample's randomness (its own stream, so no other figure of the sample moves). */
export interface TermsRandom {
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export interface SampleTermsResult {
  /** One entry per deal, null for a deal without terms. */
  readonly terms: (SampleTerms | null)[];
  /** The win approved beyond its payment limit, and the one beyond its discount limit without approval. */
  readonly approved: number | null;
  readonly unapproved: number | null;
}

const hundreds = (yuan: number) => Math.floor(yuan / 100) * 100;

function termsOf(deal: TermsDeal, rnd: TermsRandom, beyond: boolean): SampleTerms {
  const maxDiscount = MAX_DISCOUNT[deal.tier];
  const maxDays = MAX_DAYS[deal.tier];
  const discount = beyond
    ? maxDiscount + rnd.pick([0.03, 0.05, 0.08])
    : rnd.pick(DISCOUNTS.filter((d) => d <= maxDiscount));
  // Rounded down, so that the discount the price gives is never above the one typed.
  const listPrice = Math.max(deal.amount, hundreds(deal.amount / (1 - discount)));
  const belowFloor = beyond && rnd.chance(0.3);
  const floorPrice = belowFloor
    ? Math.min(listPrice, hundreds(deal.amount * 1.04))
    : hundreds(listPrice * (1 - maxDiscount - 0.05));
  const paymentDays = beyond && rnd.chance(0.4) ? maxDays + 30 : rnd.pick(DAYS.filter((d) => d <= maxDays));
  return {
    listPrice,
    floorPrice,
    discount: discount > 0 && rnd.chance(0.6) ? Math.round(discount * 10000) / 10000 : null,
    paymentDays,
  };
}

export function sampleTerms(deals: readonly TermsDeal[], rnd: TermsRandom, asOf: CalDate): SampleTermsResult {
  const terms: (SampleTerms | null)[] = [];
  const recentWins: number[] = [];
  deals.forEach((deal, i) => {
    const negotiating = deal.stage === "proposal" || deal.stage === "negotiation";
    const recentWin = deal.stage === "won" && deal.closedOn !== null && deal.closedOn > asOf - 60;
    if (!(negotiating || recentWin) || !rnd.chance(0.7)) {
      terms.push(null);
      return;
    }
    if (recentWin) recentWins.push(i);
    terms.push(termsOf(deal, rnd, negotiating && rnd.chance(0.05)));
  });
  // The two latest wins with terms: one approved beyond its payment limit, one beyond its discount limit.
  recentWins.sort((a, b) => (deals[b].closedOn as number) - (deals[a].closedOn as number) || a - b);
  const [approved = null, unapproved = null] = recentWins;
  if (approved !== null) {
    const t = terms[approved] as SampleTerms;
    // 120 days: beyond every tier's default limit, whatever tier the client has by then.
    terms[approved] = { ...t, paymentDays: 120 };
  }
  if (unapproved !== null) {
    const deal = deals[unapproved];
    const discount = 0.2;
    const listPrice = hundreds(deal.amount / (1 - discount));
    terms[unapproved] = {
      ...(terms[unapproved] as SampleTerms),
      listPrice,
      discount,
      floorPrice: hundreds(listPrice * 0.7),
    };
  }
  return { terms, approved, unapproved };
}
