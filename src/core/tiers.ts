/**
 * Client tiers (客户分级), rules.md §1 with the precise readings of §4: the 12-month purchase,
 * the base tier, the strategic uplift and the surge that raise it one tier, the hysteresis that
 * holds a lower tier back until a quarterly review (which needs the downgrade margin), and the
 * manual override that wins over everything. Plain data in, plain data out: the caller reads
 * the workbook and renders the reasons; this module only decides, and says with which figures.
 *
 * Amounts are compared exactly: every threshold that is a product of a threshold and a share
 * (uplift share, downgrade margin, surge annualisation) is turned once into the smallest whole
 * number of cents that satisfies it, with the shares read as the decimals they were typed as.
 */
import { addMonths, addYears, dateParts, daysInMonth, type CalDate, type DateParts } from "./dates";
import { divideCents, ratio, type Cents, type Ratio } from "./money";

export type TierCode = "A" | "B" | "C";

/** Tier order: A = 3, B = 2, C = 1. */
export const TIER_ORDER: Readonly<Record<TierCode, number>> = { A: 3, B: 2, C: 1 };

/** The tier one step up (A stays A). */
export const RAISED: Readonly<Record<TierCode, TierCode>> = { A: "A", B: "A", C: "B" };

/** The deciding rule, as the command line's JSON names it (rules.md §4). */
export type TierRule = "base" | "uplift" | "surge" | "kept" | "review" | "override";

/** The tier settings (Settings `tier.*`). */
export interface TierRules {
  readonly highThreshold: Cents;
  readonly mediumThreshold: Cents;
  /** 0..1: a review downgrade needs purchase below threshold × (1 − margin). */
  readonly downgradeMargin: number;
  readonly risingGrowth: number;
  readonly longTermYears: number;
  readonly upliftShare: number;
  readonly surgeDays: number;
  readonly surgeFactor: number;
}

export interface TierClientInput {
  readonly clientId: string;
  /** The industry as a match key (the caller normalises names on both sides); null when blank. */
  readonly industry: string | null;
  readonly cooperationSince: CalDate | null;
  readonly purchaseOverride: Cents | null;
  readonly tierOverride: TierCode | null;
  /** The tier in the Tier cell before this run (null: a new client). */
  readonly previousTier: TierCode | null;
  readonly tierSince: CalDate | null;
}

/** A deal; only `won` ones with a Closed on date count. */
export interface TierDealInput {
  readonly clientId: string;
  readonly stage: string;
  readonly amount: Cents;
  readonly closedOn: CalDate | null;
}

export interface TierIndustryInput {
  /** Match key, as for clients. */
  readonly industry: string;
  readonly growth: number | null;
}

export interface TierInput {
  /** The active clients to tier, in output order. */
  readonly clients: readonly TierClientInput[];
  readonly deals: readonly TierDealInput[];
  readonly industries: readonly TierIndustryInput[];
  readonly rules: TierRules;
  /** D, the as-of date. */
  readonly asOf: CalDate;
  /** A quarterly review: downgrades may apply (with the margin). */
  readonly review: boolean;
}

/** Rules 2–3 at one scale of the thresholds (1, or 1 − margin in a review). */
export interface TierComputation {
  readonly tier: TierCode;
  readonly base: TierCode;
  readonly rule: "base" | "uplift" | "surge";
  readonly uplift: boolean;
  readonly surge: boolean;
  /** The scale of both thresholds: 1, or 1 − downgradeMargin. */
  readonly scale: number;
  /** Effective thresholds in whole cents (P12 ≥ this ⇔ P12 ≥ threshold × scale). */
  readonly high: Cents;
  readonly medium: Cents;
  /** The next tier's effective threshold above the base tier; null for base A. */
  readonly next: Cents | null;
  /** The least P12 for an uplift (upliftShare × next); null for base A. */
  readonly upliftMinimum: Cents | null;
}

/** Figures about a client that the rules looked at, for the reason. */
export interface TierFacts {
  /** Won in (D − 12 months, D] (whatever the override). */
  readonly wonLast12Months: Cents;
  /** R: won in (D − surgeDays, D]. */
  readonly recent: Cents;
  /** Q: won in (D − 2·surgeDays, D − surgeDays]. */
  readonly before: Cents;
  /** R × 365 / surgeDays, rounded to cents (for display). */
  readonly annualised: Cents;
  readonly industryGrowth: number | null;
  readonly rising: boolean;
  /** Cooperation since, else the first won deal's date. */
  readonly cooperationStart: CalDate | null;
  /** Whole years from the start to D (null without a start). */
  readonly cooperationYears: number | null;
  readonly longTerm: boolean;
}

export interface TierResult {
  readonly clientId: string;
  readonly tier: TierCode;
  readonly previousTier: TierCode | null;
  /** P12: the Purchase override, else the won amount of the last 12 months. */
  readonly purchase12m: Cents;
  readonly purchaseOverridden: boolean;
  readonly rule: TierRule;
  readonly changed: boolean;
  /** The run was a quarterly review. */
  readonly review: boolean;
  /** D when the tier changed, else the previous Tier since (null stays null). */
  readonly tierSince: CalDate | null;
  /** Rules 2–3 at the full thresholds. */
  readonly computed: TierComputation;
  /** Rules 2–3 at the thresholds × (1 − margin): what a review goes by. */
  readonly reduced: TierComputation;
  /** The previous tier's threshold × (1 − margin) in cents; null without a previous tier or for C. */
  readonly floor: Cents | null;
  readonly facts: TierFacts;
}

interface ClientDeals {
  p12: Cents;
  recent: Cents;
  before: Cents;
  firstWon: CalDate | null;
}

/** The thresholds of one scale, computed once per run. */
interface Scale {
  readonly scale: number;
  readonly high: Cents;
  readonly medium: Cents;
  readonly upliftMinimum: Readonly<Record<"B" | "C", Cents>>;
  readonly surgeMinimum: Readonly<Record<"B" | "C", Cents>>;
}

/**
 * The "closed on" rule of the 12-month purchase (rules.md §1.1): a won deal counts at `asOf`
 * when its Closed on is in (asOf − 12 months, asOf]. The tiers, the report (at the month's end)
 * and the client card all ask here.
 */
export function purchaseWindow(asOf: CalDate): (closedOn: CalDate) => boolean {
  const after = addMonths(asOf, -12);
  return (closedOn) => closedOn > after && closedOn <= asOf;
}

/**
 * Tiers every client of the input. Linear in clients + deals: deals are summed once into a
 * map by client ID, industries are indexed by key.
 */
export function computeTiers(input: TierInput): TierResult[] {
  const { rules, asOf } = input;
  const surgeDays = rules.surgeDays;
  const inPurchaseWindow = purchaseWindow(asOf);
  const recentFrom = asOf - surgeDays; // (D − s, D]
  const beforeFrom = asOf - 2 * surgeDays; // (D − 2s, D − s]
  const longTermLimit = addYears(asOf, -rules.longTermYears);

  const byClient = new Map<string, ClientDeals>();
  for (const client of input.clients)
    byClient.set(client.clientId, { p12: 0, recent: 0, before: 0, firstWon: null });
  for (const deal of input.deals) {
    if (deal.stage !== "won" || deal.closedOn === null) continue;
    const sums = byClient.get(deal.clientId);
    if (sums === undefined) continue;
    const closed = deal.closedOn;
    if (sums.firstWon === null || closed < sums.firstWon) sums.firstWon = closed;
    if (closed > asOf) continue;
    if (inPurchaseWindow(closed)) sums.p12 += deal.amount;
    if (closed > recentFrom) sums.recent += deal.amount;
    else if (closed > beforeFrom) sums.before += deal.amount;
  }
  const growthOf = new Map<string, number | null>();
  for (const industry of input.industries) {
    if (!growthOf.has(industry.industry)) growthOf.set(industry.industry, industry.growth);
  }

  const margin = ratio(rules.downgradeMargin);
  const full = scaleOf(rules, { num: 1n, den: 1n });
  const reducedScale = scaleOf(rules, { num: margin.den - margin.num, den: margin.den });
  const surgeHolds = atLeastFactor(ratio(rules.surgeFactor));
  const asOfParts = dateParts(asOf);

  return input.clients.map((client) => {
    const sums = byClient.get(client.clientId) as ClientDeals;
    const growth = client.industry === null ? null : (growthOf.get(client.industry) ?? null);
    const rising = growth !== null && growth >= rules.risingGrowth;
    const start = client.cooperationSince ?? sums.firstWon;
    const longTerm = start !== null && start <= longTermLimit;
    const p12 = client.purchaseOverride ?? sums.p12;
    const surging = sums.recent > 0 && surgeHolds(sums.recent, sums.before);
    const facts: TierFacts = {
      wonLast12Months: sums.p12,
      recent: sums.recent,
      before: sums.before,
      annualised: divideCents(sums.recent * 365, surgeDays),
      industryGrowth: growth,
      rising,
      cooperationStart: start,
      cooperationYears: start === null ? null : wholeYears(start, asOf, asOfParts),
      longTerm,
    };
    const computed = computeAt(full, p12, rising && longTerm, surging, sums.recent);
    const reduced = computeAt(reducedScale, p12, rising && longTerm, surging, sums.recent);
    const prev = client.previousTier;
    const floor = prev === "A" ? reducedScale.high : prev === "B" ? reducedScale.medium : null;

    let tier: TierCode;
    let rule: TierRule;
    if (client.tierOverride !== null) {
      tier = client.tierOverride;
      rule = "override";
    } else if (prev === null || TIER_ORDER[computed.tier] >= TIER_ORDER[prev]) {
      tier = computed.tier;
      rule = computed.rule;
    } else if (input.review && TIER_ORDER[reduced.tier] < TIER_ORDER[prev]) {
      tier = reduced.tier;
      rule = "review";
    } else {
      tier = prev;
      rule = "kept";
    }
    const changed = tier !== prev;
    return {
      clientId: client.clientId,
      tier,
      previousTier: prev,
      purchase12m: p12,
      purchaseOverridden: client.purchaseOverride !== null,
      rule,
      changed,
      review: input.review,
      tierSince: changed ? asOf : client.tierSince,
      computed,
      reduced,
      floor,
      facts,
    };
  });
}

function computeAt(
  s: Scale,
  p12: Cents,
  strategic: boolean,
  surging: boolean,
  recent: Cents,
): TierComputation {
  const base: TierCode = p12 >= s.high ? "A" : p12 >= s.medium ? "B" : "C";
  const raisable = base !== "A";
  const upliftMinimum = raisable ? s.upliftMinimum[base] : null;
  const uplift = raisable && strategic && p12 >= (upliftMinimum as Cents);
  const surge = raisable && surging && recent >= s.surgeMinimum[base];
  // One object shape for every result (a literal, no spread): this runs twice per client.
  return {
    tier: uplift || surge ? RAISED[base] : base,
    base,
    rule: uplift ? "uplift" : surge ? "surge" : "base",
    uplift,
    surge,
    scale: s.scale,
    high: s.high,
    medium: s.medium,
    next: base === "A" ? null : base === "C" ? s.medium : s.high,
    upliftMinimum,
  };
}

function scaleOf(rules: TierRules, scale: Ratio): Scale {
  const share = ratio(rules.upliftShare);
  const high = BigInt(rules.highThreshold);
  const medium = BigInt(rules.mediumThreshold);
  const days = BigInt(rules.surgeDays);
  // next × scale × share, and next × scale × days / 365 (R × 365 / days ≥ next × scale).
  const uplift = (next: bigint) => ceilDiv(next * scale.num * share.num, scale.den * share.den);
  const surge = (next: bigint) => ceilDiv(next * scale.num * days, scale.den * 365n);
  return {
    scale: Number(scale.num) / Number(scale.den),
    high: ceilDiv(high * scale.num, scale.den),
    medium: ceilDiv(medium * scale.num, scale.den),
    upliftMinimum: { C: uplift(medium), B: uplift(high) },
    surgeMinimum: { C: surge(medium), B: surge(high) },
  };
}

function ceilDiv(num: bigint, den: bigint): Cents {
  return Number((num + den - 1n) / den);
}

/** `a ≥ factor × b` exactly, for a factor read as a decimal (numbers while safe, else BigInt). */
function atLeastFactor(factor: Ratio): (a: Cents, b: Cents) => boolean {
  const num = Number(factor.num);
  const den = Number(factor.den);
  return (a, b) => {
    const left = a * den;
    const right = b * num;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
    return BigInt(a) * factor.den >= BigInt(b) * factor.num;
  };
}

/** Whole years from `start` to `end` (`end` given with its parts), counted like addYears. */
function wholeYears(start: CalDate, end: CalDate, endParts: DateParts): number {
  if (end < start) return 0;
  const s = dateParts(start);
  const years = endParts.year - s.year;
  // addYears(start, years) falls in end's year: compare month and (clamped) day.
  const day = Math.min(s.day, daysInMonth(endParts.year, s.month));
  return s.month > endParts.month || (s.month === endParts.month && day > endParts.day) ? years - 1 : years;
}
