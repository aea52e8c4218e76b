import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexTargets, monthRange, targetKey, type TargetEntry } from "../../src/core/targets";

const A = "a@x.com";
const B = "b@x.com";
const month = (owner: string, year: number, m: number, target: number): TargetEntry => ({
  owner,
  period: { kind: "month", year, month: m },
  target,
});
const quarter = (owner: string, year: number, q: number, target: number): TargetEntry => ({
  owner,
  period: { kind: "quarter", year, quarter: q },
  target,
});
const year = (owner: string, y: number, target: number): TargetEntry => ({
  owner,
  period: { kind: "year", year: y },
  target,
});

describe("target resolution", () => {
  it("takes the month row, else the quarter row ÷ 3, else the year row ÷ 12", () => {
    const index = indexTargets([
      year(A, 2026, 1_200_000),
      quarter(A, 2026, 4, 600_000),
      month(A, 2026, 11, 250_000),
    ]);
    expect(index.ownerTarget(A, { year: 2026, month: 11 })).toBe(250_000);
    expect(index.ownerTarget(A, { year: 2026, month: 10 })).toBe(200_000);
    expect(index.ownerTarget(A, { year: 2026, month: 3 })).toBe(100_000);
    expect(index.ownerTarget(A, { year: 2027, month: 1 })).toBeNull();
  });

  it("rounds a quarter's or a year's share to whole cents", () => {
    const index = indexTargets([year(A, 2026, 10_000_000), quarter(B, 2026, 1, 100)]);
    expect(index.ownerTarget(A, { year: 2026, month: 5 })).toBe(833_333);
    expect(index.ownerTarget(B, { year: 2026, month: 2 })).toBe(33);
  });

  it("resolves the team from its ALL row, else as the sum of the owners' targets, else null", () => {
    const index = indexTargets([
      quarter("ALL", 2026, 4, 900_000),
      month(A, 2026, 10, 100_000),
      year(B, 2026, 120_000),
    ]);
    expect(index.teamTarget({ year: 2026, month: 10 })).toBe(300_000);
    expect(index.teamTarget({ year: 2026, month: 9 })).toBe(10_000);
    expect(index.teamTarget({ year: 2027, month: 1 })).toBeNull();
    expect(index.owners).toEqual([A, B]);
  });

  it("sums months counting a month without a target as 0, and gives null when no month has one", () => {
    const index = indexTargets([month(A, 2026, 11, 50), month(A, 2026, 12, 70)]);
    const months = monthRange({ year: 2026, month: 11 }, { year: 2027, month: 1 });
    expect(months).toEqual([
      { year: 2026, month: 11 },
      { year: 2026, month: 12 },
      { year: 2027, month: 1 },
    ]);
    expect(index.teamTargetSum(months)).toBe(120);
    expect(index.ownerTargetSum(A, months)).toBe(120);
    expect(index.teamTargetSum([{ year: 2025, month: 1 }])).toBeNull();
  });

  it("uses the first of two rows for one owner and period", () => {
    const index = indexTargets([month(A, 2026, 10, 1), month(A, 2026, 10, 2)]);
    expect(index.ownerTarget(A, { year: 2026, month: 10 })).toBe(1);
    expect(targetKey(month(A, 2026, 10, 1))).toBe(targetKey(month(A, 2026, 10, 2)));
    expect(targetKey(month(A, 2026, 1, 1))).not.toBe(targetKey(quarter(A, 2026, 1, 1)));
  });

  it("a year row alone gives twelve shares within 6 cents of the year (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (total) => {
        const index = indexTargets([year(A, 2026, total)]);
        const sum = index.ownerTargetSum(
          A,
          monthRange({ year: 2026, month: 1 }, { year: 2026, month: 12 }),
        ) as number;
        expect(Math.abs(sum - total)).toBeLessThanOrEqual(6);
      }),
    );
  });
});
