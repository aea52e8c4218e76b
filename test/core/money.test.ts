import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, formatPercent, fromCents, toCents } from "../../src/core/money";

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
