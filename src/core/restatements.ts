/**
 * Report snapshots and restatements. When a month's report is generated, its headline figures
 * per owner and for the team are frozen (the `Report snapshots` sheet keeps them, append-only,
 * by revision). A later report compares the frozen figures of an earlier month with the same
 * figures computed now: a difference is a restatement (a deal backdated, a payment entered
 * late, a target changed after the month was reported). Plain data, no I/O.
 */
import type { Cents } from "./money";
import type { ReportModel } from "./report";
import { TEAM } from "./targets";

/** The owner column of the team's line: the Targets sheet's team owner. */
export { TEAM };

export type SnapshotFigure = "won" | "collected" | "target";
export const SNAPSHOT_FIGURES: readonly SnapshotFigure[] = ["won", "collected", "target"];

/** One frozen line: a month's figures for one owner (or the team), as reported. */
export interface SnapshotLine {
  readonly month: string;
  readonly revision: number;
  readonly owner: string;
  readonly won: Cents;
  readonly wonCount: number;
  readonly target: Cents | null;
  /** Collections are counted for the team only. */
  readonly collected: Cents | null;
}

/** The snapshot lines of a report: the team first, then each owner. */
export function snapshotLines(model: ReportModel, revision: number): SnapshotLine[] {
  const team: SnapshotLine = {
    month: model.month,
    revision,
    owner: TEAM,
    won: model.team.won,
    wonCount: model.team.wonCount,
    target: model.team.target,
    collected: model.collected,
  };
  return [
    team,
    ...model.owners.map((o) => ({
      month: model.month,
      revision,
      owner: o.owner,
      won: o.won,
      wonCount: o.wonCount,
      target: o.target,
      collected: null,
    })),
  ];
}

/** The lines of the latest revision of a month (empty when the month was never reported). */
export function latestRevision(lines: readonly SnapshotLine[], month: string): SnapshotLine[] {
  let revision = 0;
  for (const line of lines) if (line.month === month && line.revision > revision) revision = line.revision;
  return lines.filter((line) => line.month === month && line.revision === revision);
}

export interface Restatement {
  readonly month: string;
  /** An owner's e-mail, or TEAM. */
  readonly owner: string;
  readonly figure: SnapshotFigure;
  readonly reported: Cents | null;
  readonly now: Cents | null;
  /** now − reported, a missing value counting 0. */
  readonly difference: Cents;
}

/**
 * The differences between a month's frozen lines and the same month computed now. An owner
 * reported but absent now (or the reverse) compares against 0 / missing.
 */
export function restatements(frozen: readonly SnapshotLine[], now: readonly SnapshotLine[]): Restatement[] {
  const byOwner = new Map(now.map((line) => [line.owner, line] as const));
  const owners = [...new Set([...frozen.map((l) => l.owner), ...now.map((l) => l.owner)])];
  const frozenByOwner = new Map(frozen.map((line) => [line.owner, line] as const));
  const out: Restatement[] = [];
  for (const owner of owners) {
    const before = frozenByOwner.get(owner);
    const after = byOwner.get(owner);
    const month = before?.month ?? after?.month ?? "";
    for (const figure of SNAPSHOT_FIGURES) {
      if (figure === "collected" && owner !== TEAM) continue;
      const reported = before ? before[figure] : null;
      const current = after ? after[figure] : null;
      const difference = (current ?? 0) - (reported ?? 0);
      if (difference === 0 && (reported === null) === (current === null)) continue;
      out.push({ month, owner, figure, reported, now: current, difference });
    }
  }
  return out.sort(
    (a, b) =>
      (a.owner === TEAM ? 0 : 1) - (b.owner === TEAM ? 0 : 1) ||
      Math.abs(b.difference) - Math.abs(a.difference) ||
      (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0),
  );
}
