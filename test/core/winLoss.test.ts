import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calDate, type CalDate } from "../../src/core/dates";
import { computeWinLoss, winLossJson, type WinLossDeal, type WinLossInput } from "../../src/core/winLoss";

const day = (iso: string): CalDate => {
  const [y, m, d] = iso.split("-").map(Number);
  return calDate(y, m, d);
};
const E = day("2026-10-31");
const nameKey = (text: string) => text.normalize("NFKC").trim().toLowerCase();

let seq = 0;
function deal(over: Partial<WinLossDeal>): WinLossDeal {
  seq++;
  return {
    dealId: `D${String(seq).padStart(3, "0")}`,
    clientId: "C1",
    title: null,
    owner: null,
    stage: "won",
    amount: 100_00,
    closedOn: day("2026-06-01"),
    competitor: null,
    lostReason: null,
    ...over,
  };
}

function input(deals: WinLossDeal[]): WinLossInput {
  return {
    deals,
    clients: [
      { clientId: "C1", name: "华东机电", owner: "li.ming@example.com" },
      { clientId: "C2", name: "Beta", owner: null },
    ],
    windowEnd: E,
    nameKey,
  };
}

describe("computeWinLoss", () => {
  const deals = [
    deal({ competitor: "华控智能", amount: 800_00, title: "二期产线", owner: "Wang@example.com" }),
    deal({ competitor: " 华控智能 ", stage: "lost", amount: 300_00, lostReason: "价格过高" }),
    deal({ competitor: "ＡＢＣ", stage: "lost", amount: 900_00, lostReason: "选择竞品", clientId: "C2" }),
    deal({
      competitor: "abc",
      stage: "lost",
      amount: 900_00,
      lostReason: "选择竞品",
      closedOn: day("2026-03-01"),
    }),
    deal({ stage: "lost", amount: 50_00, lostReason: null }),
    deal({ amount: 200_00 }),
    // Outside the 12 months, or not closed: left out.
    deal({ competitor: "华控智能", closedOn: day("2025-10-31"), amount: 5_000_00 }),
    deal({ competitor: "华控智能", stage: "proposal", closedOn: null }),
  ];
  const w = computeWinLoss(input(deals));

  it("counts wins, losses, win rate and amounts per competitor, spellings matched as names, none named last", () => {
    expect(
      w.competitors.map((c) => [c.competitor, c.wins, c.losses, c.winRate, c.wonAmount, c.lostAmount]),
    ).toEqual([
      ["ＡＢＣ", 0, 2, 0, 0, 1800_00],
      ["华控智能", 1, 1, 0.5, 800_00, 300_00],
      [null, 1, 1, 0.5, 200_00, 50_00],
    ]);
    expect(w.total).toMatchObject({
      wins: 2,
      losses: 4,
      winRate: 2 / 6,
      wonAmount: 1000_00,
      lostAmount: 2150_00,
    });
  });

  it("counts losses per lost reason with their share, unspecified last", () => {
    expect(w.reasons.map((r) => [r.reason, r.losses, r.amount, r.share])).toEqual([
      ["选择竞品", 2, 1800_00, 0.5],
      ["价格过高", 1, 300_00, 0.25],
      [null, 1, 50_00, 0.25],
    ]);
  });

  it("names the largest won and lost deals, a tie going to the earlier close", () => {
    expect(w.largestWon).toMatchObject({
      title: "二期产线",
      clientName: "华东机电",
      owner: "wang@example.com",
      amount: 800_00,
      competitor: "华控智能",
      reason: null,
    });
    expect(w.largestLost).toMatchObject({
      competitor: "abc",
      reason: "选择竞品",
      closedOn: day("2026-03-01"),
    });
    expect(winLossJson(w).largestLost).toMatchObject({
      amount: 900,
      closedOn: "2026-03-01",
      owner: "li.ming@example.com",
    });
  });

  it("has no cases and no rates without closed deals", () => {
    const none = computeWinLoss(input([deal({ stage: "proposal", closedOn: null })]));
    expect(none).toMatchObject({ competitors: [], reasons: [], largestWon: null, largestLost: null });
    expect(none.total.winRate).toBeNull();
  });
});

describe("computeWinLoss properties", () => {
  const dealsArb = fc.array(
    fc.record({
      stage: fc.constantFrom("won", "lost", "proposal"),
      competitor: fc.constantFrom("华控智能", "华控智能 ", "启明", "=HYPERLINK(1)", null),
      lostReason: fc.constantFrom("价格过高", "选择竞品", null),
      amount: fc.integer({ min: 0, max: 100_000_000 }),
      closedOn: fc.option(fc.integer({ min: day("2025-06-01"), max: day("2026-12-31") }), { nil: null }),
    }),
    { maxLength: 80 },
  );

  it("sums wins and losses per competitor to the closed deals of the window, and losses per reason to the losses", () => {
    fc.assert(
      fc.property(dealsArb, (rows) => {
        const deals = rows.map((r) => deal(r));
        const w = computeWinLoss(input(deals));
        const after = day("2025-10-31");
        const closed = deals.filter(
          (d) =>
            (d.stage === "won" || d.stage === "lost") &&
            d.closedOn !== null &&
            d.closedOn > after &&
            d.closedOn <= E,
        );
        const wins = w.competitors.reduce((n, c) => n + c.wins, 0);
        const losses = w.competitors.reduce((n, c) => n + c.losses, 0);
        expect(wins + losses).toBe(closed.length);
        expect(wins).toBe(w.total.wins);
        expect(w.reasons.reduce((n, r) => n + r.losses, 0)).toBe(w.total.losses);
        expect(w.competitors.reduce((n, c) => n + c.wonAmount + c.lostAmount, 0)).toBe(
          closed.reduce((n, d) => n + d.amount, 0),
        );
        for (const d of closed)
          if (d.stage === "won") expect(w.largestWon?.amount ?? -1).toBeGreaterThanOrEqual(d.amount);
          else expect(w.largestLost?.amount ?? -1).toBeGreaterThanOrEqual(d.amount);
      }),
    );
  });
});
