/**
 * Report snapshots and restatements: the latest revision of a month, and the differences
 * between a month's frozen figures and the same month computed now.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latestRevision, restatements, TEAM, type SnapshotLine } from "../../src/core/restatements";

function line(
  owner: string,
  won: number,
  target: number | null,
  revision = 1,
  collected: number | null = null,
): SnapshotLine {
  return {
    month: "2026-09",
    revision,
    owner,
    won,
    wonCount: 1,
    target,
    collected: owner === TEAM ? collected : null,
  };
}

describe("restatements", () => {
  it("keeps only the latest revision of a month", () => {
    const lines = [
      line(TEAM, 100, 200, 1, 50),
      line(TEAM, 120, 200, 2, 50),
      { ...line(TEAM, 9, 9, 3), month: "2026-08" },
    ];
    expect(latestRevision(lines, "2026-09").map((l) => l.won)).toEqual([120]);
    expect(latestRevision(lines, "2026-07")).toEqual([]);
  });

  it("names each figure that changed after it was reported, with the difference, the team first", () => {
    const frozen = [
      line(TEAM, 100_000, 300_000, 1, 40_000),
      line("li@example.com", 60_000, 150_000),
      line("wang@example.com", 40_000, 150_000),
    ];
    const now = [
      line(TEAM, 130_000, 300_000, 1, 45_000),
      line("li@example.com", 60_000, 150_000),
      line("wang@example.com", 70_000, 160_000),
    ];
    expect(
      restatements(frozen, now).map((r) => [r.owner, r.figure, r.reported, r.now, r.difference]),
    ).toEqual([
      [TEAM, "won", 100_000, 130_000, 30_000],
      [TEAM, "collected", 40_000, 45_000, 5_000],
      ["wang@example.com", "won", 40_000, 70_000, 30_000],
      ["wang@example.com", "target", 150_000, 160_000, 10_000],
    ]);
  });

  it("compares an owner who appears only now against nothing reported", () => {
    const result = restatements(
      [line(TEAM, 0, null)],
      [line(TEAM, 0, null), line("new@example.com", 5_000, null)],
    );
    expect(result.map((r) => [r.owner, r.figure, r.reported, r.now, r.difference])).toEqual([
      ["new@example.com", "won", null, 5_000, 5_000],
    ]);
  });

  it("finds nothing when nothing changed, and the won differences add up to the change of the totals (property)", () => {
    const owners = fc.uniqueArray(fc.emailAddress(), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        owners,
        fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 12, maxLength: 12 }),
        (emails, amounts) => {
          const before = emails.map((owner, i) => line(owner, amounts[i], amounts[i + 6] ?? null));
          expect(restatements(before, before)).toEqual([]);
          const after = before.map((l, i) => ({ ...l, won: l.won + (i % 2 === 0 ? 1_00 : 0) }));
          const won = restatements(before, after).filter((r) => r.figure === "won");
          const total = (ls: SnapshotLine[]) => ls.reduce((n, l) => n + l.won, 0);
          expect(won.reduce((n, r) => n + r.difference, 0)).toBe(total(after) - total(before));
        },
      ),
    );
  });
});
