import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  approvedKeys,
  effectiveDiscount,
  mergeApprovals,
  mergedStatus,
  termBreaches,
  termsKey,
  type ApprovalRecord,
  type ApprovalStatus,
  type DealTerms,
  type TermLimits,
} from "../../src/core/dealTerms";

const LIMITS: TermLimits = {
  maxDiscount: { A: 0.15, B: 0.1, C: 0.05 },
  maxPaymentDays: { A: 90, B: 60, C: 30 },
};

const terms = (over: Partial<DealTerms>): DealTerms => ({
  amount: 100_000_00,
  listPrice: null,
  floorPrice: null,
  discount: null,
  paymentDays: null,
  ...over,
});

describe("termBreaches (hand-computed)", () => {
  it("a price ¥1 below its floor is beyond it by exactly 100 cents", () => {
    expect(termBreaches(terms({ amount: 79_999_900, floorPrice: 80_000_000 }), "A", LIMITS)).toEqual([
      { kind: "floor", limit: 80_000_000, actual: 79_999_900, by: 100 },
    ]);
  });

  it("a discount at the limit needs nothing; typed 15% and derived 850,000 of 1,000,000 are equal", () => {
    expect(termBreaches(terms({ discount: 0.15 }), "A", LIMITS)).toEqual([]);
    expect(termBreaches(terms({ amount: 85_000_000, listPrice: 100_000_000 }), "A", LIMITS)).toEqual([]);
    expect(effectiveDiscount(terms({ amount: 85_000_000, listPrice: 100_000_000 }))).toBeCloseTo(0.15, 12);
  });

  it("18% for tier B is 8 points and ¥24,000 of a ¥300,000 list beyond the 10% limit", () => {
    const [b] = termBreaches(
      terms({ amount: 27_000_000, listPrice: 30_000_000, discount: 0.18 }),
      "B",
      LIMITS,
    );
    expect(b).toMatchObject({ kind: "discount", tier: "B", limit: 0.1, actual: 0.18, byAmount: 2_400_000 });
    expect(b.kind === "discount" && b.by).toBeCloseTo(0.08, 12);
  });

  it("the money beyond the limit is rounded once to the cent: 12.345% off ¥1,000.01 beyond 5%", () => {
    const [b] = termBreaches(terms({ amount: 1, listPrice: 100_001, discount: 0.12345 }), "C", LIMITS);
    // 100,001 × 0.07345 = 7,345.07… cents → 7,345
    expect(b).toMatchObject({ kind: "discount", byAmount: 7345 });
  });

  it("a client without a tier is held to tier C; payment days beyond are counted in days", () => {
    expect(termBreaches(terms({ paymentDays: 45 }), null, LIMITS)).toEqual([
      { kind: "paymentDays", tier: "C", limit: 30, actual: 45, by: 15 },
    ]);
    expect(termBreaches(terms({ paymentDays: 45 }), "B", LIMITS)).toEqual([]);
  });

  it("lists floor, discount and payment days in that order; a price above list is no discount", () => {
    const all = termBreaches(
      terms({ amount: 50_00, listPrice: 100_00, floorPrice: 60_00, paymentDays: 120 }),
      "A",
      LIMITS,
    );
    expect(all.map((b) => b.kind)).toEqual(["floor", "discount", "paymentDays"]);
    expect(effectiveDiscount(terms({ amount: 120_00, listPrice: 100_00 }))).toBe(0);
    expect(effectiveDiscount(terms({}))).toBeNull();
  });
});

describe("mergeApprovals (hand-computed)", () => {
  const t1 = terms({ paymentDays: 120 });
  const t2 = terms({ paymentDays: 100 });
  const rec = (dealId: string, t: DealTerms, status: ApprovalStatus, note = ""): ApprovalRecord => ({
    dealId,
    terms: t,
    status,
    note,
  });

  it("keeps a decision for the same terms, asks afresh for changed terms, keeps the old decision as the record", () => {
    const out = mergeApprovals(
      [rec("D1", t1, "approved", "ok")],
      [{ dealId: "D1", terms: t2, breaches: [] }],
    );
    expect(out.map((r) => [r.kind, mergedStatus(r)])).toEqual([
      ["record", "approved"],
      ["new", "pending"],
    ]);
    const same = mergeApprovals([rec("D1", t1, "rejected")], [{ dealId: "D1", terms: t1, breaches: [] }]);
    expect(same.map((r) => [r.kind, mergedStatus(r)])).toEqual([["current", "rejected"]]);
  });

  it("drops a stale pending row without a note, withdraws one with a note", () => {
    const out = mergeApprovals([rec("D1", t1, "pending"), rec("D2", t1, "pending", "call me")], []);
    expect(out.map((r) => [r.kind, mergedStatus(r)])).toEqual([["withdrawn", "withdrawn"]]);
  });

  it("of a pending and an approved row with the same terms, the approved one is current", () => {
    const out = mergeApprovals(
      [rec("D1", t1, "pending"), rec("D1", t1, "approved")],
      [{ dealId: "D1", terms: t1, breaches: [] }],
    );
    expect(out.map((r) => [r.kind, mergedStatus(r)])).toEqual([["current", "approved"]]);
  });
});

const arbTerms = fc.record({
  amount: fc.integer({ min: 0, max: 10_000_000 }),
  listPrice: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
  floorPrice: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
  discount: fc.option(
    fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    { nil: null },
  ),
  paymentDays: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
});
const arbStatus = fc.constantFrom<ApprovalStatus>("pending", "approved", "rejected", "withdrawn");
const arbRecord = fc.record({
  dealId: fc.constantFrom("D1", "D2", "D3"),
  terms: arbTerms,
  status: arbStatus,
  note: fc.constantFrom("", "a note"),
});

describe("mergeApprovals (properties)", () => {
  it("an approved deal with the same terms is never listed again as waiting", () => {
    fc.assert(
      fc.property(
        fc.array(arbRecord, { maxLength: 8 }),
        fc.array(arbRecord, { maxLength: 5 }),
        (existing, fresh) => {
          const needs = fresh.map((r) => ({ dealId: r.dealId, terms: r.terms, breaches: [] }));
          const approved = approvedKeys(existing);
          for (const row of mergeApprovals(existing, needs)) {
            if (mergedStatus(row) !== "pending") continue;
            const key =
              row.kind === "new" || row.kind === "current" ? termsKey(row.need.dealId, row.need.terms) : "";
            expect(approved.has(key)).toBe(false);
          }
        },
      ),
    );
  });

  it("loses no note and no decision, asks once per need, and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.array(arbRecord, { maxLength: 8 }),
        fc.array(arbRecord, { maxLength: 5 }),
        (existing, fresh) => {
          const needs = fresh.map((r) => ({ dealId: r.dealId, terms: r.terms, breaches: [] }));
          const out = mergeApprovals(existing, needs);
          const kept = out.flatMap((r) => (r.kind === "new" ? [] : [r.record]));
          for (const r of existing) {
            if (r.note !== "" || r.status !== "pending") expect(kept).toContain(r);
          }
          const keys = new Set(needs.map((n) => termsKey(n.dealId, n.terms)));
          const current = out.filter((r) => r.kind === "current" || r.kind === "new");
          expect(current).toHaveLength(keys.size);
          const again = out.map((r): ApprovalRecord => {
            if (r.kind === "new")
              return { dealId: r.need.dealId, terms: r.need.terms, status: "pending", note: "" };
            return { ...r.record, status: mergedStatus(r) };
          });
          const twice = mergeApprovals(again, needs).map((r) => mergedStatus(r));
          expect(twice).toEqual(out.map((r) => mergedStatus(r)));
        },
      ),
    );
  });
});
