/**
 * Target resolution (workbook.md, Targets; rules.md §3 and §4). A month's target for an owner is
 * its month row; without one, its share of the quarter row; without one, its share of the year
 * row. A quarter or a year is split into its months by largest remainder (`splitCents`), so the
 * months of a period sum to exactly the target typed, and each to-date sum of them is the exact
 * share rounded once (¥1,000,000 a quarter: ¥333,333.33, ¥333,333.34 and ¥333,333.33, so the
 * quarter to date is ¥333,333.33, ¥666,666.67, then ¥1,000,000). The team's target is the
 * `ALL` row resolved the same way, else the sum of the owners' targets for that month. In sums
 * over several months a month without a target counts 0, and when no month has one the sum is
 * null. When one owner has two rows for the same period, the first applies (the report's
 * checks say so).
 */
import type { YearMonth } from "./dates";
import { splitCents, type Cents } from "./money";

export type TargetPeriod =
  | { readonly kind: "year"; readonly year: number }
  | { readonly kind: "quarter"; readonly year: number; readonly quarter: number }
  | { readonly kind: "month"; readonly year: number; readonly month: number };

/** One row of Targets: `owner` is a lower-case e-mail, or `ALL` for the team. */
export interface TargetEntry {
  readonly owner: string;
  readonly period: TargetPeriod;
  readonly target: Cents;
}

export const TEAM = "ALL";

/** The identity of a row: one owner, one period. Two rows with the same key are a duplicate. */
export function targetKey(entry: Pick<TargetEntry, "owner" | "period">): string {
  const p = entry.period;
  const when =
    p.kind === "year"
      ? `${p.year}`
      : p.kind === "quarter"
        ? `${p.year}-Q${p.quarter}`
        : `${p.year}-${p.month}`;
  return `${entry.owner}|${when}`;
}

export interface TargetIndex {
  /** Every owner (not `ALL`) with at least one row, sorted. */
  readonly owners: readonly string[];
  /** The owner's target for a month, or null when no row resolves it. */
  ownerTarget(owner: string, at: YearMonth): Cents | null;
  /** The team's target for a month: `ALL`, else the sum of the owners' targets; null when neither exists. */
  teamTarget(at: YearMonth): Cents | null;
  /** Sum of the team's targets over months; months without a target count 0; null when none has one. */
  teamTargetSum(months: readonly YearMonth[]): Cents | null;
  /** The same sum for one owner. */
  ownerTargetSum(owner: string, months: readonly YearMonth[]): Cents | null;
}

/** The share of a period's target that falls in its `index`-th month (0-based), by largest remainder. */
function share(total: Cents, parts: number, index: number): Cents {
  return splitCents(total, parts)[index];
}

export function indexTargets(entries: readonly TargetEntry[]): TargetIndex {
  const byKey = new Map<string, Cents>();
  const owners = new Set<string>();
  for (const entry of entries) {
    const key = targetKey(entry);
    if (!byKey.has(key)) byKey.set(key, entry.target);
    if (entry.owner !== TEAM) owners.add(entry.owner);
  }
  const sortedOwners = [...owners].sort();

  const resolve = (owner: string, at: YearMonth): Cents | null => {
    const month = byKey.get(`${owner}|${at.year}-${at.month}`);
    if (month !== undefined) return month;
    const quarter = byKey.get(`${owner}|${at.year}-Q${Math.floor((at.month - 1) / 3) + 1}`);
    if (quarter !== undefined) return share(quarter, 3, (at.month - 1) % 3);
    const year = byKey.get(`${owner}|${at.year}`);
    if (year !== undefined) return share(year, 12, at.month - 1);
    return null;
  };

  const teamTarget = (at: YearMonth): Cents | null => {
    const team = resolve(TEAM, at);
    if (team !== null) return team;
    let sum: Cents | null = null;
    for (const owner of sortedOwners) {
      const value = resolve(owner, at);
      if (value !== null) sum = (sum ?? 0) + value;
    }
    return sum;
  };

  const sumOver = (months: readonly YearMonth[], one: (at: YearMonth) => Cents | null): Cents | null => {
    let sum: Cents | null = null;
    for (const at of months) {
      const value = one(at);
      if (value !== null) sum = (sum ?? 0) + value;
    }
    return sum;
  };

  return {
    owners: sortedOwners,
    ownerTarget: resolve,
    teamTarget,
    teamTargetSum: (months) => sumOver(months, teamTarget),
    ownerTargetSum: (owner, months) => sumOver(months, (at) => resolve(owner, at)),
  };
}
