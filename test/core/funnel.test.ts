import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calDate, type CalDate } from "../../src/core/dates";
import {
  computeFunnel,
  funnelJson,
  median,
  stageAge,
  FUNNEL_STAGES,
  type FunnelDeal,
  type FunnelInput,
} from "../../src/core/funnel";

const day = (iso: string): CalDate => {
  const [y, m, d] = iso.split("-").map(Number);
  return calDate(y, m, d);
};
const E = day("2026-10-31");
const AS_OF = day("2026-11-27");
const LIMITS = { lead: 30, qualified: 30, proposal: 45, negotiation: 21 } as const;

let seq = 0;
function deal(over: Partial<FunnelDeal>): FunnelDeal {
  seq++;
  return {
    dealId: `D${String(seq).padStart(3, "0")}`,
    clientId: "C1",
    title: null,
    owner: null,
    stage: "lead",
    amount: 100_00,
    created: null,
    stageSince: null,
    closedOn: null,
    source: null,
    ...over,
  };
}

function input(deals: FunnelDeal[]): FunnelInput {
  return {
    deals,
    clients: [
      { clientId: "C1", name: "华东机电", owner: "Li.Ming@example.com" },
      { clientId: "C2", name: "Beta", owner: null },
    ],
    windowEnd: E,
    asOf: AS_OF,
    staleDays: LIMITS,
    sources: ["trade-show", "visit"],
  };
}

describe("median", () => {
  it("is the middle value, the mean of the two middle ones for an even count, null for none", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 1, 4, 3])).toBe(3.5);
  });
});

describe("stageAge", () => {
  it("counts from Stage since, else from Created; unknown without either or when dated after as-of", () => {
    expect(stageAge({ stageSince: day("2026-11-20"), created: day("2026-01-01") }, AS_OF)).toBe(7);
    expect(stageAge({ stageSince: null, created: day("2026-10-28") }, AS_OF)).toBe(30);
    expect(stageAge({ stageSince: null, created: null }, AS_OF)).toBeNull();
    expect(stageAge({ stageSince: day("2026-12-01"), created: null }, AS_OF)).toBeNull();
  });
});

describe("computeFunnel", () => {
  const deals = [
    // trade-show: 4 created in the window (one lead, one proposal, one won, one lost), one before it.
    deal({ source: "trade-show", stage: "lead", created: day("2026-10-01"), stageSince: day("2026-10-01") }),
    deal({
      source: "trade-show",
      stage: "proposal",
      created: day("2026-06-01"),
      stageSince: day("2026-10-20"),
    }),
    deal({
      source: "trade-show",
      stage: "won",
      amount: 500_00,
      created: day("2025-11-01"),
      closedOn: day("2026-03-01"),
    }),
    deal({ source: "trade-show", stage: "lost", created: day("2026-02-01"), closedOn: day("2026-04-01") }),
    deal({
      source: "trade-show",
      stage: "won",
      amount: 900_00,
      created: day("2025-10-31"),
      closedOn: day("2026-01-05"),
    }),
    // visit: a negotiation 27 days in stage (stale at 21), created after the window but open now.
    deal({
      source: "visit",
      stage: "negotiation",
      title: "二期",
      owner: "Wang@Example.com",
      amount: 300_00,
      created: day("2026-11-05"),
      stageSince: day("2026-10-31"),
    }),
    // no source: a qualified deal aged from Created (58 days: stale), and an undated lead.
    deal({ stage: "qualified", clientId: "C1", created: day("2026-09-30") }),
    deal({ stage: "lead", clientId: "C2" }),
  ];
  const f = computeFunnel(input(deals));

  it("counts created, qualified, won and lost per source over (E − 12 months, E], by the deal's stage now", () => {
    const ts = f.lines.find((l) => l.source === "trade-show");
    expect(ts).toMatchObject({ created: 4, qualified: 2, won: 1, lost: 1, wonAmount: 500_00 });
    expect(ts?.toQualified).toBe(0.5);
    expect(ts?.toWon).toBe(0.5);
    const visit = f.lines.find((l) => l.source === "visit");
    expect(visit).toMatchObject({
      created: 0,
      qualified: 0,
      won: 0,
      toQualified: null,
      toWon: null,
      open: 1,
    });
    const none = f.lines.find((l) => l.source === null);
    expect(none).toMatchObject({ created: 1, qualified: 1, won: 0, open: 2, medianAge: 58, stale: 1 });
    expect(f.total).toMatchObject({ created: 5, qualified: 3, won: 1, lost: 1, open: 5 });
    expect(f.withoutCreated).toBe(1);
    expect(f.from).toBe(day("2025-10-31"));
  });

  it("gives the median days in stage per source and per stage, and the deals over their stage's limit", () => {
    // trade-show open: lead 57 days (stale), proposal 38 days (under 45).
    expect(f.lines[0]).toMatchObject({ source: "trade-show", open: 2, medianAge: 47.5, stale: 1 });
    expect(f.stages.map((s) => [s.stage, s.open, s.medianAge, s.limit, s.stale])).toEqual([
      ["lead", 2, 57, 30, 1],
      ["qualified", 1, 58, 30, 1],
      ["proposal", 1, 38, 45, 0],
      ["negotiation", 1, 27, 21, 1],
    ]);
    expect(f.undated).toBe(1);
    expect(f.agedFromCreated).toBe(1);
    // Furthest over the limit first: 58−30 = 28, 57−30 = 27, 27−21 = 6.
    expect(f.stale.map((d) => [d.stage, d.age, d.limit, d.sinceIsCreated])).toEqual([
      ["qualified", 58, 30, true],
      ["lead", 57, 30, false],
      ["negotiation", 27, 21, false],
    ]);
    expect(f.stale[2]).toMatchObject({ owner: "wang@example.com", clientName: "华东机电", title: "二期" });
    expect(f.stale[0].owner).toBe("li.ming@example.com");
  });

  it("gives the JSON in yuan with ISO dates", () => {
    const json = funnelJson(f);
    expect(json.from).toBe("2025-10-31");
    expect(json.bySource[0]).toMatchObject({ source: "trade-show", wonAmount: 500, medianStageAge: 47.5 });
    expect(json.stages[3]).toEqual({
      stage: "negotiation",
      open: 1,
      medianStageAge: 27,
      staleDays: 21,
      stale: 1,
    });
  });
});

const STAGES = ["lead", "qualified", "proposal", "negotiation", "won", "lost"] as const;
const dateArb = fc.option(fc.integer({ min: day("2025-01-01"), max: day("2026-12-31") }), { nil: null });
const dealsArb = fc.array(
  fc.record({
    stage: fc.constantFrom(...STAGES),
    source: fc.constantFrom("trade-show", "visit", "data", null),
    created: dateArb,
    stageSince: dateArb,
    amount: fc.integer({ min: 0, max: 10_000_000 }),
  }),
  { maxLength: 60 },
);

describe("computeFunnel properties", () => {
  it("never lets the counts grow down the funnel, and the sources sum to the total", () => {
    fc.assert(
      fc.property(dealsArb, (rows) => {
        const f = computeFunnel(input(rows.map((r) => deal(r))));
        for (const l of [...f.lines, f.total]) {
          expect(l.qualified).toBeLessThanOrEqual(l.created);
          expect(l.won).toBeLessThanOrEqual(l.qualified);
          expect(l.won + l.lost).toBeLessThanOrEqual(l.created);
          expect(l.stale).toBeLessThanOrEqual(l.open);
        }
        const sum = (k: "created" | "qualified" | "won" | "open" | "stale") =>
          f.lines.reduce((n, l) => n + l[k], 0);
        expect(sum("created")).toBe(f.total.created);
        expect(sum("qualified")).toBe(f.total.qualified);
        expect(sum("won")).toBe(f.total.won);
        expect(sum("open")).toBe(f.total.open);
        expect(sum("stale")).toBe(f.stale.length);
        expect(f.stages.reduce((n, s) => n + s.open, 0)).toBe(f.total.open);
      }),
    );
  });

  it("lists exactly the open deals older in their stage than its limit, and more with a lower limit", () => {
    fc.assert(
      fc.property(dealsArb, fc.integer({ min: 1, max: 60 }), (rows, lower) => {
        const deals = rows.map((r) => deal(r));
        const f = computeFunnel(input(deals));
        for (const d of f.stale) expect(d.age).toBeGreaterThan(d.limit);
        const tighter = computeFunnel({
          ...input(deals),
          staleDays: { lead: lower, qualified: lower, proposal: lower, negotiation: lower },
        });
        const looser = computeFunnel({
          ...input(deals),
          staleDays: {
            lead: lower + 10,
            qualified: lower + 10,
            proposal: lower + 10,
            negotiation: lower + 10,
          },
        });
        expect(tighter.stale.length).toBeGreaterThanOrEqual(looser.stale.length);
        for (const stage of FUNNEL_STAGES) expect(f.stages.find((s) => s.stage === stage)).toBeDefined();
      }),
    );
  });
});
