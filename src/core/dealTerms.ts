/**
 * Negotiation limits and approvals (谈判策略与底线, 合同审批流程). A deal's terms are its Amount (the
 * price agreed or offered), its List price and Floor price, its Discount and its Payment days. A
 * deal (open or won) whose Amount is below its floor, whose discount exceeds its client's tier
 * limit, or whose payment term exceeds the tier limit needs approval. A decision is recorded
 * against the deal *and its terms*: changed terms need a new decision, and a decision already
 * made for the same terms is never asked for again.
 */
import { roundHalfAway, type Cents } from "./money";

export type TermTier = "A" | "B" | "C";

export interface DealTerms {
  /** The price of the deal (its Amount), in cents. */
  readonly amount: Cents;
  readonly listPrice: Cents | null;
  readonly floorPrice: Cents | null;
  /** A fraction (0.12 for 12%), as typed; null when blank. */
  readonly discount: number | null;
  readonly paymentDays: number | null;
}

/** The largest discount and the longest payment term allowed without approval, per tier. */
export interface TermLimits {
  readonly maxDiscount: Readonly<Record<TermTier, number>>;
  readonly maxPaymentDays: Readonly<Record<TermTier, number>>;
}

export type Breach =
  | {
      readonly kind: "floor";
      readonly limit: Cents;
      readonly actual: Cents;
      /** How far below the floor, in cents. */
      readonly by: Cents;
    }
  | {
      readonly kind: "discount";
      readonly tier: TermTier;
      readonly limit: number;
      readonly actual: number;
      /** The excess as a fraction (0.05 = five percentage points). */
      readonly by: number;
      /** The excess in money against the list price (cents), null without a list price. */
      readonly byAmount: Cents | null;
    }
  | {
      readonly kind: "paymentDays";
      readonly tier: TermTier;
      readonly limit: number;
      readonly actual: number;
      readonly by: number;
    };

/** Discounts compare to a millionth of a percent, so `15%` typed and `0.15` derived are equal. */
const EPSILON = 1e-9;

/**
 * The discount of the terms: the Discount typed, else the one the price gives against the list
 * price ((list − amount) ÷ list), else null. A price above the list is no discount (0).
 */
export function effectiveDiscount(terms: DealTerms): number | null {
  if (terms.discount !== null) return terms.discount;
  if (terms.listPrice === null || terms.listPrice <= 0) return null;
  if (terms.amount >= terms.listPrice) return 0;
  return (terms.listPrice - terms.amount) / terms.listPrice;
}

/**
 * What is beyond which limit, and by how much, in the order floor, discount, payment days. A
 * client without a tier is held to tier C's limits (the strictest by default).
 */
export function termBreaches(terms: DealTerms, tier: TermTier | null, limits: TermLimits): Breach[] {
  const out: Breach[] = [];
  const t: TermTier = tier ?? "C";
  if (terms.floorPrice !== null && terms.amount < terms.floorPrice) {
    out.push({
      kind: "floor",
      limit: terms.floorPrice,
      actual: terms.amount,
      by: terms.floorPrice - terms.amount,
    });
  }
  const discount = effectiveDiscount(terms);
  const maxDiscount = limits.maxDiscount[t];
  if (discount !== null && discount - maxDiscount > EPSILON) {
    const by = discount - maxDiscount;
    out.push({
      kind: "discount",
      tier: t,
      limit: maxDiscount,
      actual: discount,
      by,
      byAmount: terms.listPrice === null ? null : roundHalfAway(terms.listPrice * by),
    });
  }
  const maxDays = limits.maxPaymentDays[t];
  if (terms.paymentDays !== null && terms.paymentDays > maxDays) {
    out.push({
      kind: "paymentDays",
      tier: t,
      limit: maxDays,
      actual: terms.paymentDays,
      by: terms.paymentDays - maxDays,
    });
  }
  return out;
}

/** The key a decision is recorded under: the deal and every one of its terms. */
export function termsKey(dealId: string, terms: DealTerms): string {
  const discount = terms.discount === null ? "" : String(Math.round(terms.discount * 1e6));
  return [
    dealId,
    terms.amount,
    terms.listPrice ?? "",
    terms.floorPrice ?? "",
    discount,
    terms.paymentDays ?? "",
  ].join("|");
}

export type ApprovalStatus = "pending" | "approved" | "rejected" | "withdrawn";

/** A row of the Approvals sheet as far as the rule needs it. */
export interface ApprovalRecord {
  readonly dealId: string;
  readonly terms: DealTerms;
  readonly status: ApprovalStatus;
  readonly note: string;
}

/** A deal whose current terms need approval. */
export interface ApprovalNeed {
  readonly dealId: string;
  readonly terms: DealTerms;
  readonly breaches: readonly Breach[];
}

/** One row of the merged sheet: an earlier row (with its decision and note) or a fresh request. */
export type MergedApproval<R extends ApprovalRecord, N extends ApprovalNeed> =
  | { readonly kind: "current"; readonly record: R; readonly need: N }
  | { readonly kind: "record"; readonly record: R }
  | { readonly kind: "withdrawn"; readonly record: R }
  | { readonly kind: "new"; readonly need: N };

/**
 * The Approvals sheet after a review, in sheet order then new requests:
 * - an earlier row whose deal and terms still need approval is the current row of that need:
 *   its status, decision and note stay (refreshed figures come from the need);
 * - a decided row (approved, rejected, withdrawn) that is no longer current stays as the record;
 * - a pending row that is no longer current is dropped, unless it has a note: then it stays,
 *   withdrawn, so that no note is ever lost;
 * - every need without a current row gets a new pending row.
 * Of several earlier rows with the same deal and terms, a decided one is current before a pending
 * one; a withdrawn row is never current (terms that come back are asked about afresh).
 */
export function mergeApprovals<R extends ApprovalRecord, N extends ApprovalNeed>(
  existing: readonly R[],
  needs: readonly N[],
): MergedApproval<R, N>[] {
  const needBy = new Map(needs.map((n) => [termsKey(n.dealId, n.terms), n] as const));
  const currentAt = new Map<string, number>();
  existing.forEach((record, i) => {
    const key = termsKey(record.dealId, record.terms);
    if (!needBy.has(key) || record.status === "withdrawn") return;
    const at = currentAt.get(key);
    if (at === undefined || (existing[at].status === "pending" && record.status !== "pending"))
      currentAt.set(key, i);
  });
  const out: MergedApproval<R, N>[] = [];
  existing.forEach((record, i) => {
    const key = termsKey(record.dealId, record.terms);
    if (currentAt.get(key) === i) out.push({ kind: "current", record, need: needBy.get(key) as N });
    else if (record.status !== "pending") out.push({ kind: "record", record });
    else if (record.note.trim() !== "") out.push({ kind: "withdrawn", record });
  });
  for (const need of needs) {
    if (!currentAt.has(termsKey(need.dealId, need.terms))) out.push({ kind: "new", need });
  }
  return out;
}

/** The status a merged row has. */
export function mergedStatus(row: MergedApproval<ApprovalRecord, ApprovalNeed>): ApprovalStatus {
  if (row.kind === "new") return "pending";
  if (row.kind === "withdrawn") return "withdrawn";
  return row.record.status;
}

/** The keys (deal and terms) that have an approved row. */
export function approvedKeys(records: readonly ApprovalRecord[]): Set<string> {
  const out = new Set<string>();
  for (const r of records) if (r.status === "approved") out.add(termsKey(r.dealId, r.terms));
  return out;
}
