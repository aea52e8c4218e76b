/**
 * Tier changes reviewed before they apply (分级实施流程: 跨部门审核). With `tier.review` on, a
 * recalculation proposes its changes instead of applying them, except those that apply at once:
 * a client's first tier (nothing to change from), a Tier override (a person already decided, with
 * a reason) and the surge upgrade of 2.1.3. Proposals wait in a sheet for a decision; applying
 * takes only approved proposals whose client still has the tier the proposal starts from.
 */
export type ProposalTier = "A" | "B" | "C";
export type ProposalStatus = "pending" | "approved" | "rejected" | "applied";

/** One row of the proposals sheet. */
export interface Proposal {
  readonly clientId: string;
  readonly from: ProposalTier | null;
  readonly to: ProposalTier;
  readonly reason: string;
  readonly status: ProposalStatus;
  /** The day it was proposed. */
  readonly date: number;
  readonly appliedOn: number | null;
}

/** A change a recalculation found. */
export interface TierChangeFound {
  readonly clientId: string;
  readonly from: ProposalTier | null;
  readonly to: ProposalTier;
  /** The rule that decided the new tier. */
  readonly rule: "base" | "uplift" | "surge" | "kept" | "review" | "override";
  readonly reason: string;
}

const RANK: Readonly<Record<ProposalTier, number>> = { A: 3, B: 2, C: 1 };

/** True for the changes that apply at once even under review. */
export function appliesAtOnce(change: TierChangeFound): boolean {
  if (change.from === null) return true;
  if (change.rule === "override") return true;
  return change.rule === "surge" && RANK[change.to] > RANK[change.from];
}

/**
 * The proposals sheet after a recalculation: every earlier row kept (decided rows are the record;
 * an open row waits until decided or replaced), except that a client's open row (pending or
 * approved) is replaced by a fresh proposal of a different change; the same change keeps its row
 * and status; a change rejected before is not proposed again. Fresh proposals are pending.
 */
export function mergeProposals(
  existing: readonly Proposal[],
  fresh: readonly TierChangeFound[],
  asOf: number,
): { proposals: Proposal[]; kept: number } {
  const freshBy = new Map(fresh.map((c) => [c.clientId, c] as const));
  const settled = new Set<string>();
  const out: Proposal[] = [];
  let kept = 0;
  for (const row of existing) {
    const change = freshBy.get(row.clientId);
    const same = change !== undefined && change.from === row.from && change.to === row.to;
    const open = row.status === "pending" || row.status === "approved";
    if (same && (open || row.status === "rejected")) {
      settled.add(row.clientId);
      if (row.status !== "pending") kept++;
      out.push(row);
      continue;
    }
    if (open && change !== undefined) continue; // replaced below
    out.push(row);
  }
  for (const change of fresh) {
    if (settled.has(change.clientId)) continue;
    out.push({ ...change, status: "pending", date: asOf, appliedOn: null });
  }
  return { proposals: out, kept };
}

export interface ApplyPlan {
  /** Indexes of the proposals to apply now. */
  readonly apply: number[];
  /** Indexes of approved proposals whose client is gone or no longer has the `from` tier. */
  readonly stale: { readonly index: number; readonly current: ProposalTier | null | undefined }[];
}

/**
 * Which approved proposals apply: those whose client is active (`current` has it) with the tier
 * the proposal starts from. Only `approved` rows ever apply; each client at most once (its
 * last approved row).
 */
export function planApply(
  proposals: readonly (Proposal | null)[],
  current: ReadonlyMap<string, ProposalTier | null>,
): ApplyPlan {
  const last = new Map<string, number>();
  proposals.forEach((p, i) => {
    if (p !== null && p.status === "approved") last.set(p.clientId, i);
  });
  const apply: number[] = [];
  const stale: { index: number; current: ProposalTier | null | undefined }[] = [];
  for (const index of [...last.values()].sort((a, b) => a - b)) {
    const p = proposals[index] as Proposal;
    const now = current.has(p.clientId) ? current.get(p.clientId) : undefined;
    if (now === undefined || now !== p.from) stale.push({ index, current: now });
    else apply.push(index);
  }
  return { apply, stale };
}
