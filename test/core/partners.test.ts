import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calDate, type CalDate } from "../../src/core/dates";
import {
  dealPartner,
  median,
  partnerEffectiveness,
  type PartnerDeal,
  type PartnerInfo,
  type PartnerInput,
} from "../../src/core/partners";

const d = (iso: string): CalDate => {
  const [y, m, day] = iso.split("-").map(Number);
  return calDate(y, m, day);
};

const partner = (partnerId: string, extra: Partial<PartnerInfo> = {}): PartnerInfo => ({
  partnerId,
  name: `Partner ${partnerId}`,
  type: "reseller",
  agreementStart: d("2024-01-01"),
  agreementEnd: null,
  commissionRate: null,
  ...extra,
});

const deal = (extra: Partial<PartnerDeal>): PartnerDeal => ({
  clientId: "C1",
  partner: null,
  stage: "lead",
  amount: 0,
  created: null,
  closedOn: null,
  ...extra,
});

/** The report month is 2026-10: E = 2026-10-31, the 12 months are (2025-10-31, 2026-10-31]. */
const base = (partners: PartnerInfo[], deals: PartnerDeal[]): PartnerInput => ({
  partners,
  deals,
  clients: [
    { clientId: "C1", partner: null },
    { clientId: "C2", partner: "P2" },
  ],
  monthStart: d("2026-10-01"),
  monthEnd: d("2026-10-31"),
  endingDays: 90,
  idleMonths: 6,
});

describe("partner effectiveness", () => {
  it("counts each partner's new deals, wins, win rate, median days and commission by hand", () => {
    const model = partnerEffectiveness(
      base(
        [partner("P1", { commissionRate: 0.08 }), partner("P2", { commissionRate: 0.05 })],
        [
          // P1: won 2026-10-10 after 40 days (100,000.05), won 2026-06-30 after 10 days (50,000), lost.
          deal({
            partner: "P1",
            stage: "won",
            amount: 10_000_005,
            created: d("2026-09-01"),
            closedOn: d("2026-10-11"),
          }),
          deal({
            partner: "P1",
            stage: "won",
            amount: 5_000_000,
            created: d("2026-06-20"),
            closedOn: d("2026-06-30"),
          }),
          deal({
            partner: "P1",
            stage: "lost",
            amount: 900_000,
            created: d("2026-03-01"),
            closedOn: d("2026-04-01"),
          }),
          // Created before the window, won inside it: a win, not a new deal; 400 days.
          deal({
            partner: "P1",
            stage: "won",
            amount: 100,
            created: d("2025-09-01"),
            closedOn: d("2026-10-06"),
          }),
          // Client C2's partner P2 (the deal has none); won this month after 20 days.
          deal({
            clientId: "C2",
            stage: "won",
            amount: 3_000_000,
            created: d("2026-09-11"),
            closedOn: d("2026-10-01"),
          }),
          // Direct: no partner on the deal or its client; and an unknown partner counts as direct.
          deal({ stage: "won", amount: 700_000, created: d("2026-10-02"), closedOn: d("2026-10-03") }),
          deal({ partner: "NOPE", stage: "open", amount: 1, created: d("2026-10-05") }),
          // Outside the 12 months: not counted anywhere.
          deal({
            partner: "P1",
            stage: "won",
            amount: 999,
            created: d("2025-01-01"),
            closedOn: d("2025-10-31"),
          }),
        ],
      ),
    );
    const [p1, p2] = model.partners;
    expect(p1.partner.partnerId).toBe("P1");
    expect(p1).toMatchObject({
      leads: 3,
      won: 15_000_105,
      wonCount: 3,
      lostCount: 1,
      winRate: 0.75,
      medianDaysToClose: 40, // 10, 40, 400
      wonThisMonth: 10_000_105,
      commissionDue: 800_008, // 0.08 × 100,001.05 = 8,000.084 → ¥8,000.08
    });
    expect(p2).toMatchObject({
      leads: 1,
      won: 3_000_000,
      winRate: 1,
      medianDaysToClose: 20,
      commissionDue: 150_000,
    });
    expect(model.direct).toMatchObject({ leads: 2, won: 700_000, wonCount: 1, medianDaysToClose: 1 });
    expect(model.all.won).toBe(15_000_105 + 3_000_000 + 700_000);
    // 8,000.084 + 1,500 summed exactly, rounded once.
    expect(model.commissionDue).toBe(950_008);
  });

  it("sums commission exactly before rounding once", () => {
    const model = partnerEffectiveness(
      base(
        [partner("P1", { commissionRate: 0.005 }), partner("P2", { commissionRate: 0.005 })],
        [
          deal({
            partner: "P1",
            stage: "won",
            amount: 100,
            created: d("2026-10-01"),
            closedOn: d("2026-10-02"),
          }),
          deal({
            partner: "P2",
            stage: "won",
            amount: 100,
            created: d("2026-10-01"),
            closedOn: d("2026-10-02"),
          }),
        ],
      ),
    );
    // Each is 0.5 cent (rounded to 1 cent alone); together exactly 1 cent.
    expect(model.partners.map((p) => p.commissionDue)).toEqual([1, 1]);
    expect(model.commissionDue).toBe(1);
  });

  it("has no commission for a partner without a rate, and a median of the middle two for an even count", () => {
    const model = partnerEffectiveness(
      base(
        [partner("P1")],
        [
          deal({
            partner: "P1",
            stage: "won",
            amount: 100,
            created: d("2026-10-01"),
            closedOn: d("2026-10-11"),
          }),
          deal({
            partner: "P1",
            stage: "won",
            amount: 100,
            created: d("2026-10-01"),
            closedOn: d("2026-10-16"),
          }),
        ],
      ),
    );
    expect(model.partners[0].commissionDue).toBeNull();
    expect(model.partners[0].medianDaysToClose).toBe(12.5);
    expect(model.commissionDue).toBe(0);
  });

  it("flags agreements ending in (E, E + 90] and partners idle for two quarters", () => {
    const model = partnerEffectiveness(
      base(
        [
          partner("ENDS", { agreementEnd: d("2027-01-29") }), // E + 90
          partner("LATER", { agreementEnd: d("2027-01-30") }), // E + 91
          partner("ENDED", { agreementEnd: d("2026-10-30") }), // ended before E: neither
          partner("IDLE"), // last deal created 2026-04-30 = E − 6 months: idle
          partner("BUSY"), // a deal created 2026-05-01: not idle
          partner("NEW", { agreementStart: d("2026-06-01") }), // too new to be idle
        ],
        [
          deal({ partner: "IDLE", created: d("2026-04-30") }),
          deal({ partner: "BUSY", created: d("2026-05-01") }),
          deal({ partner: "ENDS", created: d("2026-10-01") }),
          deal({ partner: "LATER", created: d("2026-10-01") }),
        ],
      ),
    );
    const by = new Map(model.partners.map((p) => [p.partner.partnerId, p]));
    expect([...by.values()].filter((p) => p.endingSoon).map((p) => p.partner.partnerId)).toEqual(["ENDS"]);
    expect([...by.values()].filter((p) => p.forReview).map((p) => p.partner.partnerId)).toEqual(["IDLE"]);
    expect(by.get("IDLE")?.lastDealCreated).toBe(d("2026-04-30"));
    expect(model.reviewSince).toBe(d("2026-04-30"));
    expect(model.endingBy).toBe(d("2027-01-29"));
  });

  it("takes the deal's own partner before its client's", () => {
    const clients = new Map([["C2", "P2"]]);
    const known = new Set(["P1", "P2"]);
    expect(dealPartner({ clientId: "C2", partner: "P1" }, clients, known)).toBe("P1");
    expect(dealPartner({ clientId: "C2", partner: null }, clients, known)).toBe("P2");
    expect(dealPartner({ clientId: "C1", partner: null }, clients, known)).toBeNull();
    expect(dealPartner({ clientId: "C1", partner: "X" }, clients, known)).toBeNull();
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });

  it("property: won and new deals over the partners plus direct equal the totals", () => {
    const ids = ["P1", "P2", "P3", "X"];
    const dealArb = fc.record({
      clientId: fc.constantFrom("C1", "C2"),
      partner: fc.option(fc.constantFrom(...ids)),
      stage: fc.constantFrom("lead", "won", "lost"),
      amount: fc.integer({ min: 0, max: 1e10 }),
      created: fc.option(fc.integer({ min: d("2025-01-01"), max: d("2026-12-31") })),
      closedOn: fc.option(fc.integer({ min: d("2025-01-01"), max: d("2026-12-31") })),
    });
    const rate = fc.option(fc.constantFrom(0, 0.05, 0.075, 0.1, 0.125));
    fc.assert(
      fc.property(fc.array(dealArb, { maxLength: 40 }), rate, rate, (deals, r1, r2) => {
        const model = partnerEffectiveness(
          base(
            [partner("P1", { commissionRate: r1 }), partner("P2", { commissionRate: r2 }), partner("P3")],
            deals,
          ),
        );
        const sum = (f: (x: { won: number; leads: number; wonCount: number; lostCount: number }) => number) =>
          model.partners.reduce((s, p) => s + f(p), f(model.direct));
        expect(sum((x) => x.won)).toBe(model.all.won);
        expect(sum((x) => x.leads)).toBe(model.all.leads);
        expect(sum((x) => x.wonCount)).toBe(model.all.wonCount);
        expect(sum((x) => x.lostCount)).toBe(model.all.lostCount);
        // The total commission is within half a cent per partner of the rounded lines.
        const lines = model.partners.reduce((s, p) => s + (p.commissionDue ?? 0), 0);
        expect(Math.abs(lines - model.commissionDue)).toBeLessThanOrEqual(1);
        for (let i = 1; i < model.partners.length; i++)
          expect(model.partners[i - 1].won).toBeGreaterThanOrEqual(model.partners[i].won);
      }),
    );
  });
});
