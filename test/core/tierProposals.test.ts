import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appliesAtOnce,
  mergeProposals,
  planApply,
  type Proposal,
  type ProposalStatus,
  type ProposalTier,
  type TierChangeFound,
} from "../../src/core/tierProposals";

const D1 = 20_000;
const D2 = 20_010;

const found = (
  clientId: string,
  from: ProposalTier | null,
  to: ProposalTier,
  rule: TierChangeFound["rule"] = "base",
) => ({
  clientId,
  from,
  to,
  rule,
  reason: `${from ?? "—"}→${to}`,
});
const row = (
  clientId: string,
  from: ProposalTier,
  to: ProposalTier,
  status: ProposalStatus,
  date = D1,
): Proposal => ({
  clientId,
  from,
  to,
  reason: "earlier",
  status,
  date,
  appliedOn: status === "applied" ? date : null,
});

describe("which changes wait for approval (hand-computed)", () => {
  it("applies a first tier, an override and a surge upgrade at once, and proposes the rest", () => {
    expect(
      [
        found("K1", null, "B"),
        found("K2", "C", "B", "override"),
        found("K3", "C", "B", "surge"),
        found("K4", "C", "B", "uplift"),
        found("K5", "B", "C", "review"),
        found("K6", "C", "A", "base"),
      ].map(appliesAtOnce),
    ).toEqual([true, true, true, false, false, false]);
  });
});

describe("merging fresh proposals into the sheet (hand-computed)", () => {
  it("keeps decisions on the same change, replaces an open row by a different change, never re-proposes a rejected one", () => {
    const existing = [
      row("K1", "B", "C", "approved"), // same change again: stays approved
      row("K2", "B", "C", "pending"), // now B → A: replaced
      row("K3", "A", "B", "rejected"), // proposed again: stays rejected, not proposed anew
      row("K4", "C", "B", "applied"), // the record stays
      row("K5", "A", "B", "pending"), // not proposed this time: waits
    ];
    const fresh = [
      found("K1", "B", "C"),
      found("K2", "B", "A"),
      found("K3", "A", "B"),
      found("K6", "C", "B"),
    ];
    const { proposals, kept } = mergeProposals(existing, fresh, D2);
    expect(proposals.map((p) => [p.clientId, p.from, p.to, p.status, p.date])).toEqual([
      ["K1", "B", "C", "approved", D1],
      ["K3", "A", "B", "rejected", D1],
      ["K4", "C", "B", "applied", D1],
      ["K5", "A", "B", "pending", D1],
      ["K2", "B", "A", "pending", D2],
      ["K6", "C", "B", "pending", D2],
    ]);
    expect(kept).toBe(2);
  });
});

describe("applying approved proposals (hand-computed)", () => {
  it("applies approved rows whose client still has the from tier; stale and unknown ones are listed", () => {
    const rows = [
      row("K1", "B", "C", "approved"),
      row("K2", "B", "A", "pending"),
      row("K3", "A", "B", "approved"), // K3 is now C: stale
      null, // an unreadable row
      row("K4", "C", "B", "applied"),
      row("K9", "C", "B", "approved"), // no such active client
    ];
    const current = new Map<string, ProposalTier | null>([
      ["K1", "B"],
      ["K2", "B"],
      ["K3", "C"],
      ["K4", "B"],
    ]);
    expect(planApply(rows, current)).toEqual({
      apply: [0],
      stale: [
        { index: 2, current: "C" },
        { index: 5, current: undefined },
      ],
    });
  });
});

const tierArb = fc.constantFrom<ProposalTier>("A", "B", "C");
const statusArb = fc.constantFrom<ProposalStatus>("pending", "approved", "rejected", "applied");
const idArb = fc.constantFrom("K1", "K2", "K3", "K4", "K5");

describe("a proposal is never applied unless approved (property)", () => {
  it("applies only approved rows, each client at most once, and only from the client's current tier", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(fc.record({ clientId: idArb, from: tierArb, to: tierArb, status: statusArb }), {
            nil: null,
          }),
          { maxLength: 30 },
        ),
        fc.dictionary(idArb, fc.option(tierArb, { nil: null })),
        (specs, tiers) => {
          const rows = specs.map((s) => (s === null ? null : row(s.clientId, s.from, s.to, s.status)));
          const current = new Map(Object.entries(tiers));
          const { apply, stale } = planApply(rows, current);
          const clients = apply.map((i) => rows[i]?.clientId);
          expect(new Set(clients).size).toBe(clients.length);
          for (const i of apply) {
            const p = rows[i] as Proposal;
            expect(p.status).toBe("approved");
            expect(current.get(p.clientId)).toBe(p.from);
          }
          for (const { index } of stale) expect(rows[index]?.status).toBe("approved");
          // Nothing approved is silently lost: every client with an approved row is applied or stale.
          const approved = new Set(rows.filter((p) => p?.status === "approved").map((p) => p?.clientId));
          expect(apply.length + stale.length).toBe(approved.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never turns a decided row back to pending, and every fresh change ends in the sheet once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ clientId: idArb, from: tierArb, to: tierArb, status: statusArb }), {
          maxLength: 10,
        }),
        fc.uniqueArray(fc.record({ clientId: idArb, from: tierArb, to: tierArb }), {
          selector: (c) => c.clientId,
          maxLength: 5,
        }),
        (specs, changes) => {
          const existing = specs.map((s) => row(s.clientId, s.from, s.to, s.status));
          const { proposals } = mergeProposals(
            existing,
            changes.map((c) => found(c.clientId, c.from, c.to)),
            D2,
          );
          for (const p of existing)
            if (p.status === "applied" || p.status === "rejected") expect(proposals).toContainEqual(p);
          for (const c of changes) {
            const open = proposals.filter(
              (p) =>
                p.clientId === c.clientId && p.from === c.from && p.to === c.to && p.status !== "applied",
            );
            expect(open.length).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
