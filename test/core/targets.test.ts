import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divideCents } from "../../src/core/money";
import { monthRange } from "../../src/core/dates";
import { indexTargets, targetKey, type TargetEntry } from "../../src/core/targets";

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

  it("splits a quarter or a year into whole-cent months by largest remainder, running totals exact", () => {
    const index = indexTargets([year(A, 2026, 10_000_000), quarter(B, 2026, 1, 100)]);
    // Year to April 3,333,333.33 → 3,333,333; to May 4,166,666.67 → 4,166,667: May gets 833,334.
    expect(index.ownerTarget(A, { year: 2026, month: 4 })).toBe(833_333);
    expect(index.ownerTarget(A, { year: 2026, month: 5 })).toBe(833_334);
    // ¥1 a quarter: 33, 34, 33 cents (to date 33, 67, 100).
    expect(index.ownerTarget(B, { year: 2026, month: 1 })).toBe(33);
    expect(index.ownerTarget(B, { year: 2026, month: 2 })).toBe(34);
    expect(index.ownerTarget(B, { year: 2026, month: 3 })).toBe(33);
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

  it("a quarterly ¥1,000,000 gives a quarter-to-date target of exactly ¥1,000,000", () => {
    const index = indexTargets([quarter("ALL", 2026, 4, 100_000_000), year(A, 2026, 9_400_000_000)]);
    const q4 = monthRange({ year: 2026, month: 10 }, { year: 2026, month: 12 });
    expect(q4.map((m) => index.teamTarget(m))).toEqual([33_333_333, 33_333_334, 33_333_333]);
    expect(index.teamTargetSum(q4)).toBe(100_000_000);
    expect(index.teamTargetSum(q4.slice(0, 2))).toBe(66_666_667);
    // ¥94,000,000 a year: to October ¥78,333,333.33 (ten twelfths rounded once, not 10 × ¥7,833,333.33).
    const ytd = monthRange({ year: 2026, month: 1 }, { year: 2026, month: 10 });
    expect(index.ownerTargetSum(A, ytd)).toBe(7_833_333_333);
    expect(index.ownerTargetSum(A, monthRange({ year: 2026, month: 1 }, { year: 2026, month: 12 }))).toBe(
      9_400_000_000,
    );
  });

  it("the months of a quarter or a year always sum to exactly its target (property)", () => {
    const period = fc.oneof(
      fc.record({ kind: fc.constant("year" as const), year: fc.integer({ min: 2000, max: 2100 }) }),
      fc.record({
        kind: fc.constant("quarter" as const),
        year: fc.integer({ min: 2000, max: 2100 }),
        quarter: fc.integer({ min: 1, max: 4 }),
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), period, fc.boolean(), (total, p, team) => {
        const owner = team ? "ALL" : A;
        const index = indexTargets([{ owner, period: p, target: total }]);
        const first = p.kind === "year" ? 1 : (p.quarter - 1) * 3 + 1;
        const last = p.kind === "year" ? 12 : first + 2;
        const months = monthRange({ year: p.year, month: first }, { year: p.year, month: last });
        const sum = team ? index.teamTargetSum(months) : index.ownerTargetSum(A, months);
        expect(sum).toBe(total);
        months.forEach((m, i) => {
          const share = index.ownerTarget(owner, m) as number;
          expect(Math.abs(share * months.length - total)).toBeLessThan(months.length);
          // To date: the exact share of the months so far, rounded once.
          const toDate = index.ownerTargetSum(owner, months.slice(0, i + 1)) as number;
          expect(toDate).toBe(divideCents(total * (i + 1), months.length));
        });
      }),
    );
  });
});
