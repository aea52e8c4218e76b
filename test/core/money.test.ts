import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ExactSum,
  divideCents,
  formatMoney,
  formatPercent,
  fromCents,
  ratio,
  roundHalfAway,
  splitCents,
  toCents,
} from "../../src/core/money";

describe("money in cents", () => {
  it("rounds decimal amounts to whole cents", () => {
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(toCents(1_240_000)).toBe(124_000_000);
    expect(toCents(19.995)).toBe(2000);
    expect(toCents(1.005)).toBe(101);
  });

  it("formats with the currency symbol and thousands separators", () => {
    expect(formatMoney(124_000_000, "CNY")).toBe("¥1,240,000");
    expect(formatMoney(150, "CNY")).toBe("¥1.50");
    expect(formatMoney(99_999_999, "USD")).toBe("$999,999.99");
    expect(formatMoney(100, "XYZ")).toBe("XYZ 1");
  });

  it("formats fractions as percentages", () => {
    expect(formatPercent(0.153)).toBe("15.3%");
    expect(formatPercent(1)).toBe("100%");
  });

  it("cents survive a round trip through yuan (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (cents) => {
        expect(toCents(fromCents(cents))).toBe(cents);
      }),
    );
  });
});

/** The exact reference: Σ cents × p with p read as the decimal it prints as, rounded half away from zero. */
function exactRounded(terms: readonly (readonly [number, number])[]): number {
  let num = 0n;
  const den = 10n ** 12n;
  for (const [cents, p] of terms) {
    const r = ratio(p);
    num += (BigInt(cents) * r.num * den) / r.den; // den is a multiple of r.den for ≤ 12 decimals
  }
  const abs = num < 0n ? -num : num;
  let q = abs / den;
  if ((abs % den) * 2n >= den) q += 1n;
  return Number(num < 0n ? -q : q);
}

describe("the money rule: summed exactly, rounded once, half away from zero", () => {
  it("rounds half away from zero, never to −0", () => {
    expect(roundHalfAway(2.5)).toBe(3);
    expect(roundHalfAway(-2.5)).toBe(-3);
    expect(roundHalfAway(-0.4)).toBe(0);
    expect(Object.is(roundHalfAway(-0.4), 0)).toBe(true);
    expect(divideCents(5, 2)).toBe(3);
    expect(divideCents(-5, 2)).toBe(-3);
    expect(divideCents(100_000_000, 3)).toBe(33_333_333);
    expect(formatPercent(-0.0015)).toBe("-0.2%");
  });

  it("splits ¥1,000,000 into three months of ¥333,333.33, ¥333,333.34 and ¥333,333.33", () => {
    expect(splitCents(100_000_000, 3)).toEqual([33_333_333, 33_333_334, 33_333_333]);
    // ¥1 over twelve months: running totals 8, 17, 25, 33, 42, 50, 58, 67, 75, 83, 92, 100 cents.
    expect(splitCents(100, 12)).toEqual([8, 9, 8, 8, 9, 8, 8, 9, 8, 8, 9, 8]);
    expect(splitCents(-100, 3)).toEqual([-33, -34, -33]);
    expect(splitCents(0, 3)).toEqual([0, 0, 0]);
    expect(splitCents(7, 1)).toEqual([7]);
  });

  it("the shares of a split sum to exactly the amount and differ by at most a cent (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 1, max: 24 }), (cents, parts) => {
        const shares = splitCents(cents, parts);
        expect(shares).toHaveLength(parts);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(cents);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
        for (const share of shares) expect(Number.isInteger(share)).toBe(true);
        // Every running total is the exact share of the amount rounded once, half away from zero.
        let running = 0;
        shares.forEach((share, i) => {
          running += share;
          expect(running).toBe(divideCents(cents * (i + 1), parts));
        });
      }),
    );
  });

  it("sums weighted amounts unrounded and rounds once: three ¥0.05 deals at 10% make 2 cents, not 3", () => {
    const sum = new ExactSum();
    for (let i = 0; i < 3; i++) sum.add(5, 0.1);
    expect(sum.cents()).toBe(2); // 1.5 cents, rounded once; rounding each deal first gave 3
    expect(sum.value()).toBe(1.5);
    const mixed = new ExactSum().add(7, 0.15).add(7, 0.15).add(7, 0.15); // 3 × 1.05 = 3.15
    expect(mixed.cents()).toBe(3);
    expect(new ExactSum().add(1, 0.5).add(1, 0.25).add(1, 0.25).cents()).toBe(1);
    const merged = new ExactSum().add(5, 0.1).addSum(new ExactSum().add(5, 0.1).add(5, 0.1));
    expect(merged.cents()).toBe(2);
  });

  it("an exact sum of cents × probability equals the exactly-rounded BigInt sum (property)", () => {
    const probability = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
      fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
      fc.constantFrom(0, 1, 0.1, 0.25, 0.5, 0.75, 0.333, 0.6),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e11 }), probability), { maxLength: 50 }),
        (terms) => {
          const sum = new ExactSum();
          for (const [cents, p] of terms) sum.add(cents, p);
          expect(sum.cents()).toBe(exactRounded(terms));
        },
      ),
    );
  });
});
