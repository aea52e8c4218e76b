import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calDate } from "../../src/core/dates";
import { discountsGranted, type DiscountDealInput } from "../../src/core/discounts";

const NOV = [calDate(2026, 11, 1), calDate(2026, 11, 30)] as const;
const deal = (over: Partial<DiscountDealInput>): DiscountDealInput => ({
  dealId: "D",
  clientId: "K1",
  owner: null,
  stage: "won",
  amount: 0,
  closedOn: calDate(2026, 11, 10),
  listPrice: null,
  discount: null,
  ...over,
});
const owners = (id: string) => (id === "K1" ? "li@example.com" : null);

describe("discountsGranted (hand-computed)", () => {
  it("sums what the month's won deals cost against list price, per owner, exactly", () => {
    const got = discountsGranted(
      [
        // li: ¥300,000 list at ¥270,000 → ¥30,000; ¥1,000.01 list at ¥999.99 → ¥0.02
        deal({ dealId: "D1", amount: 27_000_000, listPrice: 30_000_000 }),
        deal({ dealId: "D2", amount: 99_999, listPrice: 100_001 }),
        // wang: 20 % off, no list: list implied 95,000 ÷ 0.8 = 118,750 → ¥23,750
        deal({ dealId: "D3", owner: "WANG@example.com", amount: 9_500_000, discount: 0.2 }),
        // not counted: at list, above list, lost, October, open
        deal({ dealId: "D4", amount: 100, listPrice: 100 }),
        deal({ dealId: "D5", amount: 200, listPrice: 100 }),
        deal({ dealId: "D6", stage: "lost", amount: 1, listPrice: 100 }),
        deal({ dealId: "D7", amount: 1, listPrice: 100, closedOn: calDate(2026, 10, 31) }),
        deal({ dealId: "D8", stage: "negotiation", amount: 1, listPrice: 100, closedOn: null }),
      ],
      owners,
      ...NOV,
    );
    expect(got.owners).toEqual([
      { owner: "li@example.com", deals: 2, list: 30_100_001, won: 27_099_999, cost: 3_000_002 },
      { owner: "wang@example.com", deals: 1, list: 11_875_000, won: 9_500_000, cost: 2_375_000 },
    ]);
    expect(got.total).toEqual({ deals: 3, list: 41_975_001, won: 36_599_999, cost: 5_375_002 });
    expect(got.implied).toBe(1);
  });
});

describe("discountsGranted (property)", () => {
  it("the total is the exact sum of the owners, and each cost is list − won ≥ 0", () => {
    const arb = fc.record({
      dealId: fc.string(),
      clientId: fc.constantFrom("K1", "K2"),
      owner: fc.option(fc.constantFrom("a@x.com", "b@x.com"), { nil: null }),
      stage: fc.constantFrom("won", "lost", "proposal"),
      amount: fc.integer({ min: 0, max: 1e9 }),
      closedOn: fc.option(fc.integer({ min: NOV[0] - 5, max: NOV[1] + 5 }), { nil: null }),
      listPrice: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
      discount: fc.option(
        fc.integer({ min: 0, max: 99 }).map((n) => n / 100),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 30 }), (deals) => {
        const got = discountsGranted(deals, owners, ...NOV);
        const sum = (k: "deals" | "list" | "won" | "cost") => got.owners.reduce((s, o) => s + o[k], 0);
        expect(got.total).toEqual({
          deals: sum("deals"),
          list: sum("list"),
          won: sum("won"),
          cost: sum("cost"),
        });
        for (const o of got.owners) {
          expect(o.cost).toBe(o.list - o.won);
          expect(o.cost).toBeGreaterThan(0);
          expect(Number.isInteger(o.cost)).toBe(true);
        }
      }),
    );
  });
});
