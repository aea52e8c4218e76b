import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addYears, calDate } from "../../src/core/dates";
import {
  computeTiers,
  TIER_ORDER,
  type TierClientInput,
  type TierCode,
  type TierDealInput,
  type TierInput,
  type TierRules,
} from "../../src/core/tiers";

const D = calDate(2026, 11, 27);
const TIER = fc.constantFrom<TierCode>("A", "B", "C");

const rulesArb: fc.Arbitrary<TierRules> = fc
  .record({
    medium: fc.integer({ min: 1, max: 50_000_000 }),
    extra: fc.integer({ min: 0, max: 200_000_000 }),
    downgradeMargin: fc.constantFrom(0, 0.05, 0.1, 0.15, 0.333, 0.5),
    risingGrowth: fc.constantFrom(-0.05, 0, 0.1, 0.2),
    longTermYears: fc.integer({ min: 0, max: 6 }),
    upliftShare: fc.constantFrom(0.01, 0.3, 0.5, 0.75, 1),
    surgeDays: fc.integer({ min: 1, max: 200 }),
    surgeFactor: fc.constantFrom(1, 1.5, 2, 3.25),
  })
  .map(({ medium, extra, ...rest }) => ({ ...rest, mediumThreshold: medium, highThreshold: medium + extra }));

const dealsArb: fc.Arbitrary<TierDealInput[]> = fc.array(
  fc.record({
    clientId: fc.constant("C1"),
    stage: fc.constantFrom("won", "won", "won", "lost", "proposal"),
    amount: fc.integer({ min: 0, max: 60_000_000 }),
    closedOn: fc.option(fc.integer({ min: D - 800, max: D + 10 }), { nil: null }),
  }),
  { maxLength: 12 },
);

const clientArb: fc.Arbitrary<TierClientInput> = fc.record({
  clientId: fc.constant("C1"),
  industry: fc.constantFrom("rising", "flat", null),
  cooperationSince: fc.option(fc.integer({ min: addYears(D, -8), max: D }), { nil: null }),
  purchaseOverride: fc.option(fc.integer({ min: 0, max: 300_000_000 }), { nil: null }),
  tierOverride: fc.option(TIER, { nil: null, freq: 5 }),
  previousTier: fc.option(TIER, { nil: null }),
  tierSince: fc.option(fc.integer({ min: D - 1000, max: D }), { nil: null }),
});

const INDUSTRIES = [
  { industry: "rising", growth: 0.15 },
  { industry: "flat", growth: 0.02 },
];

function one(client: TierClientInput, deals: readonly TierDealInput[], rules: TierRules, review: boolean) {
  const input: TierInput = { clients: [client], deals, industries: INDUSTRIES, rules, asOf: D, review };
  return computeTiers(input)[0];
}

const rank = (tier: TierCode) => TIER_ORDER[tier];

describe("tier rules, for any settings and data", () => {
  it("never lower a client's tier when its purchase (override) rises", () => {
    fc.assert(
      fc.property(
        clientArb,
        dealsArb,
        rulesArb,
        fc.boolean(),
        fc.integer({ min: 0, max: 200_000_000 }),
        fc.integer({ min: 0, max: 200_000_000 }),
        (client, deals, rules, review, p, raise) => {
          const low = one({ ...client, purchaseOverride: p }, deals, rules, review);
          const high = one({ ...client, purchaseOverride: p + raise }, deals, rules, review);
          expect(rank(high.tier)).toBeGreaterThanOrEqual(rank(low.tier));
        },
      ),
    );
  });

  it("never lower a client's tier when a won deal is added in the last surgeDays", () => {
    fc.assert(
      fc.property(
        clientArb,
        dealsArb,
        rulesArb,
        fc.boolean(),
        fc.integer({ min: 1, max: 60_000_000 }),
        fc.nat(),
        (client, deals, rules, review, amount, daysBack) => {
          const closedOn = D - (daysBack % rules.surgeDays);
          const before = one({ ...client, purchaseOverride: null }, deals, rules, review);
          const after = one(
            { ...client, purchaseOverride: null },
            [...deals, { clientId: "C1", stage: "won", amount, closedOn }],
            rules,
            review,
          );
          expect(rank(after.tier)).toBeGreaterThanOrEqual(rank(before.tier));
        },
      ),
    );
  });

  it("change nothing when run again on their own output", () => {
    fc.assert(
      fc.property(clientArb, dealsArb, rulesArb, fc.boolean(), (client, deals, rules, review) => {
        const first = one(client, deals, rules, review);
        const second = one(
          { ...client, previousTier: first.tier, tierSince: first.tierSince },
          deals,
          rules,
          review,
        );
        expect(second.changed).toBe(false);
        expect(second.tier).toBe(first.tier);
        expect(second.tierSince).toBe(first.tierSince);
        if (!review) expect(second.rule).toBe(first.rule);
      }),
    );
  });

  it("raise a computed tier by at most one step above the base tier", () => {
    fc.assert(
      fc.property(clientArb, dealsArb, rulesArb, fc.boolean(), (client, deals, rules, review) => {
        const result = one(client, deals, rules, review);
        for (const c of [result.computed, result.reduced]) {
          expect(rank(c.tier) - rank(c.base)).toBeLessThanOrEqual(1);
          expect(rank(c.tier)).toBeGreaterThanOrEqual(rank(c.base));
        }
        expect(rank(result.reduced.tier)).toBeGreaterThanOrEqual(rank(result.computed.tier));
      }),
    );
  });

  it("never downgrade in an ordinary run, and never below the computed tier in a review", () => {
    fc.assert(
      fc.property(clientArb, dealsArb, rulesArb, fc.boolean(), (client, deals, rules, review) => {
        const result = one({ ...client, tierOverride: null }, deals, rules, review);
        if (!review && client.previousTier !== null) {
          expect(rank(result.tier)).toBeGreaterThanOrEqual(rank(client.previousTier));
        }
        expect(rank(result.tier)).toBeGreaterThanOrEqual(rank(result.computed.tier));
        expect(result.changed).toBe(result.tier !== client.previousTier);
        expect(result.tierSince).toBe(result.changed ? D : client.tierSince);
      }),
    );
  });

  it("let an override decide whatever the figures", () => {
    fc.assert(
      fc.property(
        clientArb,
        dealsArb,
        rulesArb,
        fc.boolean(),
        TIER,
        (client, deals, rules, review, override) => {
          const result = one({ ...client, tierOverride: override }, deals, rules, review);
          expect(result.tier).toBe(override);
          expect(result.rule).toBe("override");
        },
      ),
    );
  });

  it("count whole years of cooperation as the most years whose addYears stays on or before D", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: D - 20 * 366, max: D }),
        fc.integer({ min: D - 800, max: D + 800 }),
        (start, asOf) => {
          const [result] = computeTiers({
            clients: [
              {
                clientId: "C1",
                industry: null,
                cooperationSince: start,
                purchaseOverride: null,
                tierOverride: null,
                previousTier: null,
                tierSince: null,
              },
            ],
            deals: [],
            industries: [],
            rules: {
              highThreshold: 2,
              mediumThreshold: 1,
              downgradeMargin: 0.1,
              risingGrowth: 0.1,
              longTermYears: 3,
              upliftShare: 0.5,
              surgeDays: 90,
              surgeFactor: 2,
            },
            asOf,
            review: false,
          });
          let years = 0;
          while (addYears(start, years + 1) <= asOf) years++;
          expect(result.facts.cooperationYears).toBe(years);
        },
      ),
    );
  });
});
