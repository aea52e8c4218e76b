import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  calDate,
  formatIsoDate,
  parseIsoDate,
  type CalDate,
} from "../../src/core/dates";
import {
  computeTiers,
  type TierClientInput,
  type TierDealInput,
  type TierInput,
  type TierResult,
  type TierRules,
} from "../../src/core/tiers";
import { ratio } from "../../src/core/money";

const D = calDate(2026, 11, 27);
const yuan = (amount: number) => Math.round(amount * 100);
const iso = (text: string) => parseIsoDate(text) as CalDate;

/** The defaults of the Settings sheet. */
const RULES: TierRules = {
  highThreshold: yuan(1_000_000),
  mediumThreshold: yuan(200_000),
  downgradeMargin: 0.1,
  risingGrowth: 0.1,
  longTermYears: 3,
  upliftShare: 0.5,
  surgeDays: 90,
  surgeFactor: 2,
};

function client(over: Partial<TierClientInput> = {}): TierClientInput {
  return {
    clientId: "C1",
    industry: null,
    cooperationSince: null,
    purchaseOverride: null,
    tierOverride: null,
    previousTier: null,
    tierSince: null,
    ...over,
  };
}

function won(amount: number, closedOn: CalDate, clientId = "C1"): TierDealInput {
  return { clientId, stage: "won", amount: yuan(amount), closedOn };
}

/** A won deal safely outside the surge windows but inside the 12 months. */
const OLD = addDays(D, -200);

function tier(
  deals: readonly TierDealInput[],
  over: Partial<TierClientInput> = {},
  options: Partial<Pick<TierInput, "asOf" | "review" | "rules" | "industries">> = {},
): TierResult {
  const [result] = computeTiers({
    clients: [client(over)],
    deals,
    industries: options.industries ?? [{ industry: "rising", growth: 0.15 }],
    rules: options.rules ?? RULES,
    asOf: options.asOf ?? D,
    review: options.review ?? false,
  });
  return result;
}

describe("12-month purchase", () => {
  it("sums won deals closed in (D − 12 months, D]: exactly 12 months before is out, one day after is in", () => {
    const twelveBefore = addMonths(D, -12);
    expect(formatIsoDate(twelveBefore)).toBe("2025-11-27");
    expect(tier([won(500, twelveBefore)]).purchase12m).toBe(0);
    expect(tier([won(500, twelveBefore + 1)]).purchase12m).toBe(yuan(500));
    expect(tier([won(700, D)]).purchase12m).toBe(yuan(700));
    expect(tier([won(700, D + 1)]).purchase12m).toBe(0);
  });

  it("clamps the window to the month's last day (29 Feb 2028 − 12 months = 28 Feb 2027)", () => {
    const asOf = iso("2028-02-29");
    expect(tier([won(100, iso("2027-02-28"))], {}, { asOf }).purchase12m).toBe(0);
    expect(tier([won(100, iso("2027-03-01"))], {}, { asOf }).purchase12m).toBe(yuan(100));
  });

  it("counts only won deals of the client, in exact cents", () => {
    const deals: TierDealInput[] = [
      won(0.1, OLD),
      won(0.2, OLD),
      { clientId: "C1", stage: "lost", amount: yuan(900_000), closedOn: OLD },
      { clientId: "C1", stage: "negotiation", amount: yuan(900_000), closedOn: null },
      won(5_000_000, OLD, "C2"),
    ];
    expect(tier(deals).purchase12m).toBe(30);
  });

  it("uses the Purchase override instead of the deals", () => {
    const result = tier([won(50_000, OLD)], { purchaseOverride: yuan(1_240_000) });
    expect(result.purchase12m).toBe(yuan(1_240_000));
    expect(result.purchaseOverridden).toBe(true);
    expect(result.facts.wonLast12Months).toBe(yuan(50_000));
    expect(result.tier).toBe("A");
  });
});

describe("base tier", () => {
  it("is A at exactly the high threshold and B one cent below it", () => {
    expect(tier([won(1_000_000, OLD)]).tier).toBe("A");
    expect(tier([won(999_999.99, OLD)]).tier).toBe("B");
  });

  it("is B at exactly the medium threshold and C one cent below it", () => {
    expect(tier([won(200_000, OLD)]).tier).toBe("B");
    expect(tier([won(199_999.99, OLD)]).tier).toBe("C");
    expect(tier([]).tier).toBe("C");
  });

  it("names the base rule and the thresholds it compared with", () => {
    const result = tier([won(1_240_000, OLD)]);
    expect(result.rule).toBe("base");
    expect(result.computed).toMatchObject({
      tier: "A",
      base: "A",
      high: yuan(1_000_000),
      medium: yuan(200_000),
      next: null,
    });
  });
});

describe("strategic uplift", () => {
  const longTerm = addYears(D, -3);
  const strategic = { industry: "rising", cooperationSince: longTerm };

  it("raises C to B when growth, cooperation and half the next threshold all hold", () => {
    const result = tier([won(100_000, OLD)], strategic);
    expect(result).toMatchObject({ tier: "B", rule: "uplift" });
    expect(result.computed.upliftMinimum).toBe(yuan(100_000));
    expect(result.facts).toMatchObject({ industryGrowth: 0.15, cooperationYears: 3, longTerm: true });
  });

  it("needs P12 at least upliftShare × the next threshold (one cent short: no uplift)", () => {
    expect(tier([won(99_999.99, OLD)], strategic).tier).toBe("C");
    expect(tier([won(500_000, OLD)], strategic).tier).toBe("A");
    expect(tier([won(499_999.99, OLD)], strategic).tier).toBe("B");
  });

  it("does not apply one day short of the long-term years", () => {
    const result = tier([won(150_000, OLD)], { industry: "rising", cooperationSince: longTerm + 1 });
    expect(result).toMatchObject({ tier: "C", rule: "base" });
    expect(result.facts).toMatchObject({ longTerm: false, cooperationYears: 2 });
  });

  it("takes the first won deal as the start of cooperation when Cooperation since is blank", () => {
    const deals = [won(150_000, OLD), won(1, longTerm)];
    expect(tier(deals, { industry: "rising" }).tier).toBe("B");
    expect(tier([won(150_000, OLD), won(1, longTerm + 1)], { industry: "rising" }).tier).toBe("C");
  });

  it("needs growth at or above tier.risingGrowth in a known industry", () => {
    const at = [{ industry: "x", growth: 0.1 }];
    const below = [{ industry: "x", growth: 0.0999 }];
    const unknownGrowth = [{ industry: "x", growth: null }];
    const c = { industry: "x", cooperationSince: longTerm };
    expect(tier([won(150_000, OLD)], c, { industries: at }).tier).toBe("B");
    expect(tier([won(150_000, OLD)], c, { industries: below }).tier).toBe("C");
    expect(tier([won(150_000, OLD)], c, { industries: unknownGrowth }).tier).toBe("C");
    expect(tier([won(150_000, OLD)], { ...c, industry: "other" }, { industries: at }).tier).toBe("C");
  });

  it("never raises above A nor by more than one tier", () => {
    expect(tier([won(5_000_000, OLD)], strategic)).toMatchObject({ tier: "A", rule: "base" });
    // C base, with both uplift and surge holding: still only B.
    const deals = [won(60_000, D - 10), won(50_000, OLD)];
    const result = tier(deals, strategic);
    expect(result.computed).toMatchObject({ base: "C", uplift: true, surge: true, tier: "B" });
    expect(result.rule).toBe("uplift");
  });
});

describe("surge", () => {
  // With an empty previous window, R × 365 / 90 ≥ ¥200,000 needs R ≥ ¥49,315.07.
  it("raises C to B with an empty previous window when R × 365 / surgeDays reaches the next threshold", () => {
    const result = tier([won(49_315.07, D - 5)]);
    expect(result).toMatchObject({ tier: "B", rule: "surge" });
    expect(result.facts).toMatchObject({ recent: yuan(49_315.07), before: 0, annualised: yuan(200_000.01) });
    expect(tier([won(49_315.06, D - 5)]).tier).toBe("C");
  });

  it("counts D − surgeDays in the previous window and the day after it in the recent one", () => {
    expect(tier([won(60_000, D - 89)]).facts).toMatchObject({ recent: yuan(60_000), before: 0 });
    expect(tier([won(60_000, D - 90)]).facts).toMatchObject({ recent: 0, before: yuan(60_000) });
    expect(tier([won(60_000, D - 179)]).facts).toMatchObject({ recent: 0, before: yuan(60_000) });
    expect(tier([won(60_000, D - 180)]).facts).toMatchObject({ recent: 0, before: 0 });
  });

  it("needs R ≥ surgeFactor × Q: exactly twice surges, a cent more before does not", () => {
    expect(tier([won(60_000, D - 1), won(30_000, D - 100)]).tier).toBe("B");
    expect(tier([won(60_000, D - 1), won(30_000.01, D - 100)]).tier).toBe("C");
  });

  it("needs R > 0 even when Q is 0", () => {
    expect(tier([], { purchaseOverride: yuan(150_000) }).tier).toBe("C");
  });

  it("raises B to A when the annualised recent orders reach the high threshold", () => {
    expect(tier([won(246_575.35, D - 1)])).toMatchObject({ tier: "A", rule: "surge" });
    expect(tier([won(246_575.34, D - 1)])).toMatchObject({ tier: "B", rule: "base" });
  });

  it("still looks at the won deals when a Purchase override sets P12", () => {
    const result = tier([won(60_000, D - 1)], { purchaseOverride: yuan(10_000) });
    expect(result).toMatchObject({ tier: "B", rule: "surge", purchase12m: yuan(10_000) });
  });
});

describe("hysteresis", () => {
  it("applies an upgrade at once in an ordinary run", () => {
    const result = tier([won(300_000, OLD)], { previousTier: "C", tierSince: iso("2026-01-01") });
    expect(result).toMatchObject({ tier: "B", rule: "base", changed: true, tierSince: D });
  });

  it("keeps a higher previous tier in an ordinary run, whatever the purchase", () => {
    const result = tier([], { previousTier: "A", tierSince: iso("2026-07-01") });
    expect(result).toMatchObject({ tier: "A", rule: "kept", changed: false, tierSince: iso("2026-07-01") });
    expect(result.computed.tier).toBe("C");
  });

  it("keeps the tier in a review while P12 is not below threshold × (1 − margin)", () => {
    const result = tier([won(900_000, OLD)], { previousTier: "A" }, { review: true });
    expect(result).toMatchObject({ tier: "A", rule: "kept", changed: false, floor: yuan(900_000) });
  });

  it("downgrades in a review one cent below threshold × (1 − margin)", () => {
    const result = tier(
      [won(899_999.99, OLD)],
      { previousTier: "A", tierSince: iso("2026-01-01") },
      { review: true },
    );
    expect(result).toMatchObject({ tier: "B", rule: "review", changed: true, tierSince: D });
    expect(result.reduced).toMatchObject({ tier: "B", high: yuan(900_000), medium: yuan(180_000) });
  });

  it("may lower a tier by more than one step in a review", () => {
    expect(tier([won(100_000, OLD)], { previousTier: "A" }, { review: true })).toMatchObject({
      tier: "C",
      rule: "review",
    });
    expect(tier([won(180_000, OLD)], { previousTier: "A" }, { review: true })).toMatchObject({
      tier: "B",
      rule: "review",
    });
  });

  it("applies the margin to the uplift and surge rules too in a review", () => {
    const strategic = { industry: "rising", cooperationSince: addYears(D, -5), previousTier: "B" as const };
    // 0.5 × ¥200,000 × 0.9 = ¥90,000: the uplift still holds with the margin, so B is kept.
    expect(tier([won(90_000, OLD)], strategic, { review: true })).toMatchObject({ tier: "B", rule: "kept" });
    expect(tier([won(89_999.99, OLD)], strategic, { review: true })).toMatchObject({
      tier: "C",
      rule: "review",
    });
  });

  it("lets an upgrade through in a review as well", () => {
    expect(tier([won(1_000_000, OLD)], { previousTier: "B" }, { review: true })).toMatchObject({
      tier: "A",
      rule: "base",
      changed: true,
    });
  });

  it("never downgrades over repeated ordinary runs on falling purchases", () => {
    let previousTier: TierClientInput["previousTier"] = null;
    let tierSince: CalDate | null = null;
    const seen: string[] = [];
    for (const amount of [1_500_000, 950_000, 600_000, 150_000, 0]) {
      const result = tier(amount > 0 ? [won(amount, OLD)] : [], { previousTier, tierSince });
      seen.push(`${result.tier}:${result.rule}`);
      previousTier = result.tier;
      tierSince = result.tierSince;
    }
    expect(seen).toEqual(["A:base", "A:kept", "A:kept", "A:kept", "A:kept"]);
    expect(tierSince).toBe(D);
  });

  it("assigns a first tier to a client without one and marks it changed", () => {
    expect(tier([won(10, OLD)])).toMatchObject({
      tier: "C",
      previousTier: null,
      changed: true,
      tierSince: D,
    });
  });
});

describe("override", () => {
  it("replaces the computed tier, even a lower one in an ordinary run", () => {
    const result = tier([won(2_000_000, OLD)], { tierOverride: "C", previousTier: "A" });
    expect(result).toMatchObject({ tier: "C", rule: "override", changed: true, tierSince: D });
    expect(result.computed.tier).toBe("A");
  });

  it("leaves Tier since alone when the override matches the previous tier", () => {
    const since = iso("2026-04-01");
    const result = tier([], { tierOverride: "A", previousTier: "A", tierSince: since });
    expect(result).toMatchObject({ tier: "A", rule: "override", changed: false, tierSince: since });
  });
});

describe("exact arithmetic", () => {
  it("reads shares as the decimals they were typed as", () => {
    expect(ratio(0.1)).toEqual({ num: 1n, den: 10n });
    expect(ratio(2)).toEqual({ num: 2n, den: 1n });
    expect(ratio(1.5)).toEqual({ num: 15n, den: 10n });
    expect(ratio(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
  });

  it("rounds a fractional-cent floor up to the least amount that satisfies it", () => {
    const rules = { ...RULES, highThreshold: 33_333_333, downgradeMargin: 0.1 }; // ¥333,333.33 × 0.9
    const at = (cents: number) =>
      computeTiers({
        clients: [client({ purchaseOverride: cents, previousTier: "A" })],
        deals: [],
        industries: [],
        rules,
        asOf: D,
        review: true,
      })[0];
    expect(at(30_000_000)).toMatchObject({ tier: "A", floor: 30_000_000 });
    expect(at(29_999_999).tier).toBe("B");
  });

  it("tiers each client from its own deals, indexed by ID", () => {
    const results = computeTiers({
      clients: [client({ clientId: "X" }), client({ clientId: "Y" }), client({ clientId: "Z" })],
      deals: [won(1_000_000, OLD, "Y"), won(200_000, OLD, "Z"), won(999, OLD, "unknown")],
      industries: [],
      rules: RULES,
      asOf: D,
      review: false,
    });
    expect(results.map((r) => `${r.clientId}:${r.tier}`)).toEqual(["X:C", "Y:A", "Z:B"]);
  });
});
