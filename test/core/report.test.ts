import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calDate, type CalDate } from "../../src/core/dates";
import {
  computeReport,
  reportJson,
  type ReportClient,
  type ReportContract,
  type ReportDeal,
  type ReportInput,
  type ReportInteraction,
  type ReportPayment,
  type ReportTierChange,
} from "../../src/core/report";
import type { TargetEntry } from "../../src/core/targets";
import { normalizeName } from "../../src/workbook/names";

const day = (iso: string): CalDate => {
  const [y, m, d] = iso.split("-").map(Number);
  return calDate(y, m, d);
};
const yuan = (n: number) => Math.round(n * 100);

const client = (clientId: string, extra: Partial<ReportClient> = {}): ReportClient => ({
  clientId,
  name: `Client ${clientId}`,
  industry: null,
  owner: null,
  status: "active",
  tier: null,
  purchaseOverride: null,
  ...extra,
});
const deal = (
  dealId: string,
  clientId: string,
  stage: string,
  amount: number,
  extra: Partial<ReportDeal> = {},
): ReportDeal => ({
  dealId,
  clientId,
  title: null,
  owner: null,
  stage,
  amount: yuan(amount),
  probability: null,
  expectedClose: null,
  closedOn: null,
  source: null,
  lostReason: null,
  ...extra,
});
const contract = (
  contractId: string,
  clientId: string,
  extra: Partial<ReportContract> = {},
): ReportContract => ({
  contractId,
  clientId,
  owner: null,
  value: null,
  status: null,
  signedOn: null,
  end: null,
  ...extra,
});
const payment = (
  contractId: string,
  due: string,
  amountDue: number,
  paidOn: string | null,
  amountPaid: number,
): ReportPayment => ({
  contractId,
  due: day(due),
  amountDue: yuan(amountDue),
  paidOn: paidOn === null ? null : day(paidOn),
  amountPaid: yuan(amountPaid),
});
const contact = (
  date: string,
  clientId: string,
  channel: string | null,
  responded: "yes" | "no" | null,
  satisfaction: number | null = null,
): ReportInteraction => ({
  date: day(date),
  clientId,
  channel,
  responded,
  satisfaction,
});
const target = (owner: string, period: TargetEntry["period"], amount: number): TargetEntry => ({
  owner,
  period,
  target: yuan(amount),
});
const change = (
  date: string,
  clientId: string,
  from: ReportTierChange["from"],
  to: ReportTierChange["to"],
): ReportTierChange => ({
  date: day(date),
  clientId,
  from,
  to,
  reason: null,
});

function input(extra: Partial<ReportInput> = {}): ReportInput {
  return {
    year: 2026,
    month: 10,
    clients: [],
    deals: [],
    contracts: [],
    payments: [],
    interactions: [],
    targets: [],
    industries: [],
    tierHistory: [],
    underperformShare: 0.8,
    renewalNoticeDays: 90,
    intervalDays: { A: 7, B: 15, C: 30 },
    openStages: ["lead", "qualified", "proposal", "negotiation"],
    defaultProbability: { lead: 0.1, qualified: 0.25, proposal: 0.5, negotiation: 0.75, won: 1, lost: 0 },
    channels: ["visit", "phone", "video", "email", "online"],
    nameKey: normalizeName,
    ...extra,
  };
}

const A = "a@x.com";
const B = "b@x.com";
const C = "c@x.com";

/** The hand-computed fixture of October 2026 (E = 2026-10-31). */
const fixture = input({
  clients: [
    client("C1", { name: "甲", industry: "制造", owner: A, tier: "A" }),
    client("C2", { name: "乙", industry: "零售", owner: B, tier: "B" }),
    client("C3", { name: "丙" }),
    client("C4", {
      name: "丁",
      industry: "制造 ",
      owner: A,
      status: "inactive",
      tier: "C",
      purchaseOverride: yuan(300_000),
    }),
  ],
  deals: [
    deal("D1", "C1", "won", 100_000, { closedOn: day("2026-10-05"), source: "trade-show" }), // owned through its client
    deal("D2", "C2", "won", 50_000, { owner: B, closedOn: day("2026-10-31"), source: "referral" }),
    deal("D3", "C2", "lost", 30_000, { owner: B, closedOn: day("2026-10-10"), lostReason: "价格" }),
    deal("D4", "C1", "lost", 20_000, { owner: A, closedOn: day("2026-10-01"), lostReason: "价格 " }),
    deal("D5", "C3", "won", 10_000, { closedOn: day("2026-10-15") }), // nobody owns it
    deal("D6", "C1", "won", 40_000, { closedOn: day("2026-09-30") }),
    deal("D7", "C2", "won", 25_000, { closedOn: day("2025-10-20") }),
    deal("D8", "C1", "won", 5_000, { closedOn: day("2026-11-01") }),
    deal("D9", "C1", "proposal", 200_000, { expectedClose: day("2026-11-15") }),
    deal("D10", "C2", "negotiation", 80_000, { probability: 0.6, expectedClose: day("2027-01-31") }),
    deal("D11", "C2", "lead", 10_000, { expectedClose: day("2027-02-01") }),
    deal("D13", "C2", "won", 30_000, { owner: B, closedOn: day("2026-07-10") }),
  ],
  targets: [
    target(A, { kind: "month", year: 2026, month: 10 }, 150_000),
    target(B, { kind: "quarter", year: 2026, quarter: 4 }, 150_000),
    target(C, { kind: "year", year: 2026 }, 120_000),
    target("ALL", { kind: "month", year: 2026, month: 11 }, 300_000),
  ],
  contracts: [
    contract("K1", "C1", {
      value: yuan(500_000),
      signedOn: day("2026-10-08"),
      status: "active",
      end: day("2027-01-29"),
    }),
    contract("K2", "C2", { signedOn: day("2026-10-31"), status: "signed", end: day("2027-01-30") }),
    contract("K3", "C2", {
      value: yuan(100_000),
      signedOn: day("2026-09-30"),
      status: "expired",
      end: day("2026-11-30"),
    }),
    contract("K4", "C1", { status: "active", end: day("2026-10-31") }),
  ],
  payments: [
    payment("K1", "2026-10-15", 100_000, "2026-10-20", 60_000),
    payment("K1", "2026-10-31", 50_000, "2026-11-02", 50_000),
    payment("K3", "2026-09-01", 30_000, null, 30_000),
    payment("K3", "2026-11-01", 10_000, null, 0),
    payment("K2", "2026-08-01", 20_000, "2026-10-01", 20_000),
    payment("K3", "2026-10-01", 15_000, null, 0),
  ],
  interactions: [
    contact("2026-10-25", "C1", "visit", "yes", 5),
    contact("2026-10-16", "C2", "phone", "no", 3),
    contact("2026-11-02", "C2", "phone", "yes"),
    contact("2026-09-30", "C3", "email", null),
    contact("2026-10-20", "C4", "email", "yes"),
    contact("2026-10-03", "C4", null, "yes", 4),
  ],
  industries: [
    { industry: "制造", growth: 0.12 },
    { industry: "能源", growth: 0.2 },
  ],
  tierHistory: [
    change("2026-10-01", "C1", "B", "A"),
    change("2026-10-01", "C2", "A", "B"),
    change("2026-09-30", "C1", "C", "B"),
    change("2026-10-31", "C4", null, "C"),
  ],
});

describe("monthly report figures (rules.md §3, hand-computed October 2026)", () => {
  const report = computeReport(fixture);

  it("sums the team's won deals of the month, a deal owned through its client included", () => {
    expect(report.team.won).toBe(yuan(160_000));
    expect(report.team.wonCount).toBe(3);
    expect(report.team.lostCount).toBe(2);
    expect(report.team.winRate).toBe(0.6);
    expect(report.team.unassignedWon).toBe(yuan(10_000));
    expect(report.owners.find((o) => o.owner === A)?.won).toBe(yuan(100_000));
  });

  it("lists owners with a deal closed in the month or a target for it, with month, quarter and year targets", () => {
    expect(report.owners).toEqual([
      {
        owner: A,
        won: yuan(100_000),
        wonCount: 1,
        lostCount: 1,
        winRate: 0.5,
        target: yuan(150_000),
        attainment: 100_000 / 150_000,
        underperforming: true,
      },
      {
        owner: B,
        won: yuan(50_000),
        wonCount: 1,
        lostCount: 1,
        winRate: 0.5,
        target: yuan(50_000),
        attainment: 1,
        underperforming: false,
      },
      {
        owner: C,
        won: 0,
        wonCount: 0,
        lostCount: 0,
        winRate: null,
        target: yuan(10_000),
        attainment: 0,
        underperforming: true,
      },
    ]);
  });

  it("takes the team target as the sum of the owners' when no ALL row resolves the month", () => {
    expect(report.team.target).toBe(yuan(210_000));
    expect(report.team.attainment).toBe(160_000 / 210_000);
  });

  it("compares with the previous month and the same month last year", () => {
    expect(report.team.prevMonthWon).toBe(yuan(40_000));
    expect(report.team.sameMonthLastYearWon).toBe(yuan(25_000));
    expect(report.team.momChange).toBe(3);
    expect(report.team.yoyChange).toBe(5.4);
  });

  it("sums quarter- and year-to-date won and targets, months without a target counting 0", () => {
    expect(report.team.qtdWon).toBe(yuan(160_000));
    expect(report.team.qtdTarget).toBe(yuan(210_000));
    expect(report.team.ytdWon).toBe(yuan(230_000));
    expect(report.team.ytdTarget).toBe(yuan(300_000));
  });

  it("computes coverage over the months of (E, end of M + 3] that have a team target, naming the others", () => {
    // November (ALL 300,000) and December (B's Q4 share 50,000 + C's year share 10,000) have a
    // target, January 2027 none: D10 (48,000 weighted, closing 2027-01-31) is left out with it.
    expect(report.team.coverageWeighted).toBe(yuan(100_000));
    expect(report.team.coverageTarget).toBe(yuan(360_000));
    expect(report.team.coverage).toBe(100_000 / 360_000);
    expect(report.team.coverageMonths).toEqual(["2026-11", "2026-12"]);
    expect(report.team.coverageMonthsWithoutTarget).toEqual(["2027-01"]);
  });

  it("lists every open stage with count, amount and weighted amount (blank probability by stage)", () => {
    expect(report.pipeline).toEqual([
      { stage: "lead", count: 1, amount: yuan(10_000), weighted: yuan(1_000) },
      { stage: "qualified", count: 0, amount: 0, weighted: 0 },
      { stage: "proposal", count: 1, amount: yuan(200_000), weighted: yuan(100_000) },
      { stage: "negotiation", count: 1, amount: yuan(80_000), weighted: yuan(48_000) },
    ]);
  });

  it("explains each under-performer with the month's lost deals and the open pipeline", () => {
    expect(report.underperformers).toEqual([
      {
        owner: A,
        won: yuan(100_000),
        target: yuan(150_000),
        attainment: 100_000 / 150_000,
        lostDeals: [
          {
            dealId: "D4",
            clientId: "C1",
            clientName: "甲",
            title: null,
            amount: yuan(20_000),
            closedOn: day("2026-10-01"),
            reason: "价格 ",
          },
        ],
        openPipeline: { count: 1, amount: yuan(200_000), weighted: yuan(100_000) },
      },
      {
        owner: C,
        won: 0,
        target: yuan(10_000),
        attainment: 0,
        lostDeals: [],
        openPipeline: { count: 0, amount: 0, weighted: 0 },
      },
    ]);
  });

  it("counts contracts signed in the month of any status, and renewals due exactly at the notice boundary", () => {
    expect(report.contractsSigned).toEqual({ count: 2, value: yuan(500_000) });
    expect(report.renewalsDue.map((r) => [r.contractId, r.end])).toEqual([["K1", day("2027-01-29")]]);
  });

  it("reads receivables overdue at E from partly paid instalments, paid-after-E counting as unpaid", () => {
    expect(report.receivablesOverdue).toEqual({
      total: yuan(105_000),
      count: 3,
      byClient: [
        { clientId: "C1", clientName: "甲", outstanding: yuan(90_000), count: 2 },
        { clientId: "C2", clientName: "乙", outstanding: yuan(15_000), count: 1 },
      ],
    });
    expect(report.collected).toBe(yuan(80_000));
  });

  it("counts the Tier cells of active clients and the Tier history rows dated in the month", () => {
    expect(report.tiersComputed).toBe(true);
    expect(report.tierCounts).toEqual({ A: 1, B: 1, C: 0 });
    expect(report.untiered).toBe(1);
    expect(report.activeClients).toBe(3);
    expect(report.tierChanges).toMatchObject({ count: 3, up: 1, down: 1, new: 1 });
    expect(report.tierChanges.rows.map((r) => `${r.clientId}:${r.direction}`)).toEqual([
      "C1:up",
      "C2:down",
      "C4:new",
    ]);
  });

  it("measures contact compliance at E with each tier's interval, a blank tier on the C cadence", () => {
    expect(report.contactCompliant).toBe(2);
    expect(report.contactCompliance).toBe(2 / 3);
  });

  it("counts the month's interactions by channel with response rates and mean satisfaction", () => {
    expect(report.interactions.total).toBe(4);
    expect(report.interactions.byChannel).toEqual([
      { channel: "visit", count: 1, responded: 1, answered: 1, rate: 1 },
      { channel: "phone", count: 1, responded: 0, answered: 1, rate: 0 },
      { channel: "video", count: 0, responded: 0, answered: 0, rate: null },
      { channel: "email", count: 1, responded: 1, answered: 1, rate: 1 },
      { channel: "online", count: 0, responded: 0, answered: 0, rate: null },
    ]);
    expect(report.interactions.satisfaction).toBe(4);
  });

  it("groups won by source and by industry beside growth and 12-month purchase, and lost by reason", () => {
    expect(report.sources).toEqual([
      { source: "trade-show", won: yuan(100_000), count: 1 },
      { source: "referral", won: yuan(50_000), count: 1 },
      { source: null, won: yuan(10_000), count: 1 },
    ]);
    expect(report.industries).toEqual([
      {
        industry: "制造",
        growth: 0.12,
        clients: 2,
        won: yuan(100_000),
        count: 1,
        purchase12m: yuan(440_000),
      },
      { industry: "零售", growth: null, clients: 1, won: yuan(50_000), count: 1, purchase12m: yuan(80_000) },
      { industry: null, growth: null, clients: 1, won: yuan(10_000), count: 1, purchase12m: yuan(10_000) },
      { industry: "能源", growth: 0.2, clients: 0, won: 0, count: 0, purchase12m: 0 },
    ]);
    expect(report.lostReasons).toEqual([{ reason: "价格", count: 2, amount: yuan(50_000) }]);
  });

  it("gives a 12-month trend of team won against target ending with the month", () => {
    expect(report.trend).toHaveLength(12);
    expect(report.trend[0]).toEqual({ month: "2025-11", won: 0, target: null });
    expect(report.trend[8]).toEqual({ month: "2026-07", won: yuan(30_000), target: yuan(10_000) });
    expect(report.trend[10]).toEqual({ month: "2026-09", won: yuan(40_000), target: yuan(10_000) });
    expect(report.trend[11]).toEqual({ month: "2026-10", won: yuan(160_000), target: yuan(210_000) });
  });

  it("writes JSON with the names of rules.md §3: yuan amounts, fractions, ISO dates and null", () => {
    const json = reportJson(report, "CNY");
    expect(json.month).toBe("2026-10");
    expect(json.currency).toBe("CNY");
    expect(json.team).toMatchObject({
      won: 160_000,
      target: 210_000,
      winRate: 0.6,
      coverage: 100_000 / 360_000,
      coverageMonths: ["2026-11", "2026-12"],
      coverageMonthsWithoutTarget: ["2027-01"],
    });
    expect(json.renewalsDue).toEqual([
      { contractId: "K1", clientId: "C1", end: "2027-01-29", value: 500_000 },
    ]);
    expect(json.receivablesOverdue.byClient).toEqual([
      { clientId: "C1", outstanding: 90_000 },
      { clientId: "C2", outstanding: 15_000 },
    ]);
    expect(json.tierCounts).toEqual({ A: 1, B: 1, C: 0 });
    expect(json.contactCompliance).toBe(2 / 3);
    expect(json.owners[2]).toEqual({
      owner: C,
      won: 0,
      wonCount: 0,
      lostCount: 0,
      winRate: null,
      target: 10_000,
      attainment: 0,
      underperforming: true,
    });
  });
});

describe("monthly report edge cases", () => {
  it("leaves winRate, attainment and month-on-month null when they are undefined", () => {
    const report = computeReport(
      input({
        clients: [client("C1", { owner: A })],
        deals: [deal("D1", "C1", "won", 1_000, { closedOn: day("2026-10-02") })],
      }),
    );
    expect(report.team.winRate).toBe(1);
    expect(report.team.target).toBeNull();
    expect(report.team.attainment).toBeNull();
    expect(report.team.prevMonthWon).toBe(0);
    expect(report.team.momChange).toBeNull();
    expect(report.team.qtdTarget).toBeNull();
    expect(report.team.coverage).toBeNull();
    expect(report.owners).toEqual([
      {
        owner: A,
        won: yuan(1_000),
        wonCount: 1,
        lostCount: 0,
        winRate: 1,
        target: null,
        attainment: null,
        underperforming: false,
      },
    ]);
    const empty = computeReport(input());
    expect(empty.team.winRate).toBeNull();
    expect(empty.contactCompliance).toBeNull();
    expect(empty.tiersComputed).toBe(false);
  });

  it("prefers the ALL row for the team target, and a zero target gives a null attainment", () => {
    const report = computeReport(
      input({
        clients: [client("C1", { owner: A })],
        deals: [deal("D1", "C1", "won", 500, { closedOn: day("2026-10-02") })],
        targets: [
          target("ALL", { kind: "year", year: 2026 }, 1_200),
          target(A, { kind: "month", year: 2026, month: 10 }, 0),
        ],
      }),
    );
    expect(report.team.target).toBe(yuan(100));
    expect(report.team.attainment).toBe(5);
    expect(report.owners[0]).toMatchObject({ target: 0, attainment: null, underperforming: false });
  });
});

describe("monthly report invariants (property)", () => {
  const owners = [A, B, null];
  const dealArb = fc.record({
    clientOwner: fc.constantFrom(...owners),
    owner: fc.constantFrom(...owners),
    stage: fc.constantFrom("lead", "qualified", "proposal", "negotiation", "won", "lost"),
    amount: fc.integer({ min: 0, max: 1_000_000_00 }),
    closed: fc.integer({ min: day("2025-01-01"), max: day("2027-03-31") }),
  });

  it("owners' won plus unassigned equals team won, and winRate and attainment stay in their ranges", () => {
    fc.assert(
      fc.property(fc.array(dealArb, { maxLength: 60 }), (specs) => {
        const clients = specs.map((s, i) => client(`C${i}`, { owner: s.clientOwner }));
        const deals = specs.map((s, i) =>
          deal(`D${i}`, `C${i}`, s.stage, 0, {
            amount: s.amount,
            owner: s.owner,
            closedOn: s.closed,
            expectedClose: s.closed,
          }),
        );
        const report = computeReport(
          input({ clients, deals, targets: [target(A, { kind: "year", year: 2026 }, 1_200_000)] }),
        );
        const sum = report.owners.reduce((n, o) => n + o.won, 0) + report.team.unassignedWon;
        expect(sum).toBe(report.team.won);
        expect(report.trend[11].won).toBe(report.team.won);
        expect(report.team.qtdWon).toBeLessThanOrEqual(report.team.ytdWon);
        if (report.team.winRate !== null) {
          expect(report.team.winRate).toBeGreaterThanOrEqual(0);
          expect(report.team.winRate).toBeLessThanOrEqual(1);
        }
        for (const o of report.owners)
          expect(o.attainment === null).toBe(o.target === null || o.target === 0);
        expect(report.pipeline.reduce((n, p) => n + p.count, 0)).toBe(
          specs.filter((s) => s.stage !== "won" && s.stage !== "lost").length,
        );
      }),
    );
  });

  it("adding a won deal closed in the month raises team won by exactly its amount (monotonic)", () => {
    fc.assert(
      fc.property(fc.array(dealArb, { maxLength: 30 }), fc.integer({ min: 0, max: 1e9 }), (specs, extra) => {
        const clients = [client("C0", { owner: A })];
        const deals = specs.map((s, i) =>
          deal(`D${i}`, "C0", s.stage, 0, { amount: s.amount, closedOn: s.closed }),
        );
        const before = computeReport(input({ clients, deals })).team.won;
        const after = computeReport(
          input({
            clients,
            deals: [...deals, deal("X", "C0", "won", 0, { amount: extra, closedOn: day("2026-10-31") })],
          }),
        ).team.won;
        expect(after - before).toBe(extra);
      }),
    );
  });
});

describe("weighted pipeline and coverage, to the cent", () => {
  it("sums the weighted pipeline unrounded and rounds each figure once", () => {
    // Three ¥0.05 leads at 10%: 0.5 cent each, 1.5 cents together → 2 cents (3 when rounded per deal).
    const report = computeReport(
      input({
        clients: [client("C1", { owner: A })],
        deals: [
          deal("D1", "C1", "lead", 0.05, { expectedClose: day("2026-11-10") }),
          deal("D2", "C1", "lead", 0.05, { expectedClose: day("2026-11-10") }),
          deal("D3", "C1", "lead", 0.05, { expectedClose: day("2026-11-10") }),
          deal("D4", "C1", "won", 0, { closedOn: day("2026-10-10") }),
        ],
        targets: [
          target(A, { kind: "month", year: 2026, month: 10 }, 100),
          target("ALL", { kind: "year", year: 2026 }, 1_200),
        ],
        underperformShare: 0.8,
      }),
    );
    expect(report.pipeline[0]).toEqual({ stage: "lead", count: 3, amount: 15, weighted: 2 });
    expect(report.pipelineTotal).toEqual({ count: 3, amount: 15, weighted: 2 });
    expect(report.team.coverageWeighted).toBe(2);
    expect(report.team.coverage).toBe(1.5 / yuan(200));
    expect(report.underperformers[0].openPipeline).toEqual({ count: 3, amount: 15, weighted: 2 });
  });

  it("a workbook whose targets stop in December shows about 112% coverage in October, not 168%", () => {
    const monthly = (m: number) => target("ALL", { kind: "month", year: 2026, month: m }, 1_000_000);
    const report = computeReport(
      input({
        clients: [client("C1")],
        deals: [
          deal("N", "C1", "proposal", 2_000_000, { expectedClose: day("2026-11-20") }),
          deal("D", "C1", "proposal", 2_480_000, { expectedClose: day("2026-12-31") }),
          deal("J", "C1", "proposal", 2_240_000, { expectedClose: day("2027-01-15") }),
        ],
        targets: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(monthly),
      }),
    );
    expect(report.team.coverageWeighted).toBe(yuan(2_240_000));
    expect(report.team.coverageTarget).toBe(yuan(2_000_000));
    expect(report.team.coverage).toBe(1.12);
    expect(report.team.coverageMonths).toEqual(["2026-11", "2026-12"]);
    expect(report.team.coverageMonthsWithoutTarget).toEqual(["2027-01"]);
    const none = computeReport(input({ month: 12 }));
    expect(none.team.coverage).toBeNull();
    expect(none.team.coverageMonths).toEqual([]);
    expect(none.team.coverageMonthsWithoutTarget).toEqual(["2027-01", "2027-02", "2027-03"]);
  });

  it("each stage's weighted total is the exactly-rounded exact sum of amount × probability (property)", () => {
    const stages = ["lead", "qualified", "proposal", "negotiation"] as const;
    const spec = fc.record({
      stage: fc.constantFrom(...stages),
      amount: fc.integer({ min: 0, max: 1e10 }),
      probability: fc.option(fc.integer({ min: 0, max: 100 }).map((n) => n / 100)),
    });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 40 }), (specs) => {
        const deals = specs.map((s, i) =>
          deal(`D${i}`, "C1", s.stage, 0, { amount: s.amount, probability: s.probability }),
        );
        const defaults: Record<string, number> = {
          lead: 0.1,
          qualified: 0.25,
          proposal: 0.5,
          negotiation: 0.75,
        };
        const report = computeReport(input({ clients: [client("C1")], deals }));
        // Reference: Σ amount × percent in hundredths of a cent (BigInt), rounded half away from zero once.
        const exact = (of: typeof specs) => {
          const hundredths = of.reduce(
            (n, s) => n + BigInt(s.amount) * BigInt(Math.round((s.probability ?? defaults[s.stage]) * 100)),
            0n,
          );
          return Number((hundredths + 50n) / 100n);
        };
        for (const line of report.pipeline) {
          expect(line.weighted).toBe(exact(specs.filter((s) => s.stage === line.stage)));
        }
        expect(report.pipelineTotal.weighted).toBe(exact(specs));
      }),
    );
  });
});
