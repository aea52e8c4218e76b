import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  calDate,
  dateParts,
  formatIsoDate,
  formatMonth,
  isValidDate,
  lastDayOfMonth,
  monthOf,
  monthRange,
  monthsBetween,
  parseIsoDate,
  parseMonth,
  previousMonth,
  shiftMonth,
  weekday,
} from "../../src/core/dates";

describe("calendar dates", () => {
  it("counts days from 1970-01-01", () => {
    expect(calDate(1970, 1, 1)).toBe(0);
    expect(calDate(2026, 11, 27)).toBe(20_784);
    expect(formatIsoDate(20_784)).toBe("2026-11-27");
  });

  it("keeps the day of month when adding months, clamped to the month's end", () => {
    expect(formatIsoDate(addMonths(calDate(2028, 2, 29), -12))).toBe("2027-02-28");
    expect(formatIsoDate(addMonths(calDate(2026, 1, 31), 1))).toBe("2026-02-28");
    expect(formatIsoDate(addMonths(calDate(2026, 3, 31), -1))).toBe("2026-02-28");
    expect(formatIsoDate(addYears(calDate(2024, 2, 29), 1))).toBe("2025-02-28");
    expect(formatIsoDate(addMonths(calDate(2026, 11, 15), 3))).toBe("2027-02-15");
  });

  it("knows weekdays (2026-11-27 is a Friday)", () => {
    expect(weekday(calDate(2026, 11, 27))).toBe(5);
    expect(weekday(calDate(2026, 11, 29))).toBe(0);
  });

  it("rejects impossible dates", () => {
    expect(isValidDate(2026, 2, 29)).toBe(false);
    expect(isValidDate(2028, 2, 29)).toBe(true);
    expect(isValidDate(2026, 13, 1)).toBe(false);
    expect(parseIsoDate("2026-02-30")).toBeNull();
    expect(parseIsoDate("2026-2-3")).toBeNull();
  });

  it("names months and shifts them across years", () => {
    expect(monthOf(calDate(2026, 1, 31))).toBe("2026-01");
    expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth(2026, 11, 14)).toEqual({ year: 2028, month: 1 });
    expect(formatIsoDate(lastDayOfMonth(2028, 2))).toBe("2028-02-29");
  });

  it("round-trips every day through its parts and its ISO text (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) => {
        const { year, month, day: dd } = dateParts(day);
        expect(calDate(year, month, dd)).toBe(day);
        if (year >= 1000) expect(parseIsoDate(formatIsoDate(day))).toBe(day);
        expect(addDays(day, 7) - day).toBe(7);
        expect(weekday(addDays(day, 7))).toBe(weekday(day));
      }),
    );
  });

  it("adding months never changes the day except to clamp it (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -240, max: 240 }), (day, months) => {
        const before = dateParts(day);
        const after = dateParts(addMonths(day, months));
        expect(after.year * 12 + after.month - 1 - (before.year * 12 + before.month - 1)).toBe(months);
        expect(after.day).toBe(Math.min(before.day, dateParts(lastDayOfMonth(after.year, after.month)).day));
      }),
    );
  });
});

describe("month helpers (one home)", () => {
  it("counts calendar months between two dates, lists a range and names the previous month", () => {
    expect(monthsBetween(calDate(2025, 12, 31), calDate(2026, 1, 1))).toBe(1);
    expect(monthsBetween(calDate(2026, 11, 1), calDate(2026, 11, 30))).toBe(0);
    expect(monthsBetween(calDate(2026, 11, 27), calDate(2025, 11, 30))).toBe(-12);
    expect(monthRange({ year: 2026, month: 11 }, { year: 2027, month: 1 })).toEqual([
      { year: 2026, month: 11 },
      { year: 2026, month: 12 },
      { year: 2027, month: 1 },
    ]);
    expect(monthRange({ year: 2026, month: 2 }, { year: 2026, month: 1 })).toEqual([]);
    expect(previousMonth(calDate(2026, 1, 15))).toEqual({ year: 2025, month: 12 });
    expect(previousMonth(calDate(2026, 3, 31))).toEqual({ year: 2026, month: 2 });
    expect(formatMonth({ year: 2026, month: 3 })).toBe("2026-03");
    expect(parseMonth("2026-3")).toEqual({ year: 2026, month: 3 });
    expect(parseMonth("1899-12")).toBeNull();
    expect(parseMonth("2026-13")).toBeNull();
  });

  it("monthsBetween agrees with shiftMonth for any two dates (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (a, b) => {
          const from = dateParts(a);
          const n = monthsBetween(a, b);
          const to = dateParts(b);
          expect(shiftMonth(from.year, from.month, n)).toEqual({ year: to.year, month: to.month });
        },
      ),
    );
  });
});
