import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AGEING_BUCKETS,
  ageingBucket,
  lifecycleFindings,
  openReminders,
  outstandingAt,
  reminderKey,
  reviewContracts,
  selectReminders,
  type ClientFacts,
  type ContractFacts,
  type ContractStatus,
  type DealFacts,
  type PaymentFacts,
} from "../../src/core/contracts";
import { calDate, parseIsoDate, type CalDate } from "../../src/core/dates";
import { computeReport } from "../../src/core/report";

const D = calDate(2026, 11, 27);
const day = (iso: string): CalDate => parseIsoDate(iso) as CalDate;

function contract(over: Partial<ContractFacts> = {}): ContractFacts {
  return {
    row: 2,
    contractId: "HT1",
    clientId: "KH1",
    dealId: null,
    owner: null,
    value: null,
    status: "active",
    signedOn: day("2026-01-05"),
    start: day("2026-01-10"),
    end: day("2027-01-09"),
    ...over,
  };
}

function payment(over: Partial<PaymentFacts> = {}): PaymentFacts {
  return {
    row: 2,
    contractId: "HT1",
    due: day("2026-10-01"),
    amountDue: 100_00,
    paidOn: null,
    amountPaid: 0,
    ...over,
  };
}

const client = (over: Partial<ClientFacts> = {}): ClientFacts => ({
  clientId: "KH1",
  name: "杭州云启科技有限公司",
  owner: "li.na@example.com",
  tier: "A",
  ...over,
});

const deal = (over: Partial<DealFacts> = {}): DealFacts => ({
  row: 2,
  dealId: "SJ1",
  clientId: "KH1",
  stage: "won",
  closedOn: day("2026-10-01"),
  ...over,
});

const findings = (input: { contracts?: ContractFacts[]; payments?: PaymentFacts[]; deals?: DealFacts[] }) =>
  lifecycleFindings({
    contracts: input.contracts ?? [],
    payments: input.payments ?? [],
    deals: input.deals ?? [],
    asOf: D,
  });
const kinds = (input: Parameters<typeof findings>[0]) =>
  findings(input).map((f) => `${f.kind}@${f.table}!${f.row}`);

describe("contract lifecycle checks", () => {
  it("reports a signed or active contract without Signed on, on the Signed on column", () => {
    expect(
      findings({
        contracts: [
          contract({ row: 2, status: "signed", signedOn: null, start: null, end: null }),
          contract({ row: 3, contractId: "HT2", status: "active", signedOn: null }),
          contract({ row: 4, contractId: "HT3", status: "draft", signedOn: null }),
        ],
      }),
    ).toEqual([
      {
        kind: "signedWithoutDate",
        table: "contracts",
        row: 2,
        column: "signedOn",
        contractId: "HT1",
        status: "signed",
      },
      {
        kind: "signedWithoutDate",
        table: "contracts",
        row: 3,
        column: "signedOn",
        contractId: "HT2",
        status: "active",
      },
    ]);
  });

  it("reports End before Start and accepts a one-day contract", () => {
    expect(
      findings({
        contracts: [
          contract({ row: 2, status: "draft", start: day("2026-05-01"), end: day("2026-04-30") }),
          contract({
            row: 3,
            contractId: "HT2",
            status: "draft",
            start: day("2026-05-01"),
            end: day("2026-05-01"),
          }),
        ],
      }),
    ).toEqual([
      {
        kind: "endBeforeStart",
        table: "contracts",
        row: 2,
        column: "end",
        contractId: "HT1",
        start: day("2026-05-01"),
        end: day("2026-04-30"),
      },
    ]);
  });

  it("reports an active contract whose End has passed, not one ending today", () => {
    expect(
      findings({
        contracts: [
          contract({ row: 2, end: day("2026-11-26") }),
          contract({ row: 3, contractId: "HT2", end: D }),
          contract({ row: 4, contractId: "HT3", status: "expired", end: day("2026-02-01") }),
        ],
      }),
    ).toEqual([
      {
        kind: "activePastEnd",
        table: "contracts",
        row: 2,
        column: "status",
        contractId: "HT1",
        end: day("2026-11-26"),
        daysPast: 1,
      },
    ]);
  });

  it("reports a renewed contract only when its client has no later contract", () => {
    const renewed = contract({ row: 2, status: "renewed", start: day("2025-01-01"), end: day("2025-12-31") });
    expect(kinds({ contracts: [renewed] })).toEqual(["renewedWithoutSuccessor@contracts!2"]);
    // An earlier contract of the client is not a successor; another client's later one neither.
    expect(
      kinds({
        contracts: [
          renewed,
          contract({
            row: 3,
            contractId: "HT0",
            status: "expired",
            start: day("2024-01-01"),
            end: day("2024-12-31"),
          }),
          contract({ row: 4, contractId: "HT9", clientId: "KH2", start: day("2026-01-01") }),
        ],
      }),
    ).toEqual(["renewedWithoutSuccessor@contracts!2"]);
    // A later contract (by Start), or one still being drafted (no dates), is a successor.
    expect(
      kinds({ contracts: [renewed, contract({ row: 3, contractId: "HT2", start: day("2026-01-01") })] }),
    ).toEqual([]);
    expect(
      kinds({
        contracts: [
          renewed,
          contract({ row: 3, contractId: "HT2", status: "draft", signedOn: null, start: null, end: null }),
        ],
      }),
    ).toEqual([]);
    // Without Start, Signed on orders the contracts.
    expect(
      kinds({
        contracts: [
          contract({ row: 2, status: "renewed", start: null, signedOn: day("2025-01-01"), end: null }),
          contract({ row: 3, contractId: "HT2", start: null, signedOn: day("2026-01-01"), end: null }),
        ],
      }),
    ).toEqual([]);
  });

  it("reports an instalment paid above its Amount due, on the Amount paid column", () => {
    expect(
      findings({
        contracts: [contract({ status: "expired" })],
        payments: [
          payment({ row: 5, amountDue: 100_00, amountPaid: 100_01 }),
          payment({ row: 6, amountPaid: 100_00 }),
        ],
      }),
    ).toEqual([
      {
        kind: "paidMoreThanDue",
        table: "payments",
        row: 5,
        column: "amountPaid",
        contractId: "HT1",
        amountDue: 100_00,
        amountPaid: 100_01,
      },
    ]);
  });

  it("reports a payment plan that does not add up to the contract Value, exactly in cents", () => {
    const plan = [
      payment({ row: 2, amountDue: 333_33 }),
      payment({ row: 3, amountDue: 333_33 }),
      payment({ row: 4, amountDue: 333_33 }),
    ];
    expect(
      findings({ contracts: [contract({ status: "expired", value: 1000_00 })], payments: plan }),
    ).toEqual([
      {
        kind: "planMismatch",
        table: "contracts",
        row: 2,
        column: "value",
        contractId: "HT1",
        value: 1000_00,
        planned: 999_99,
        instalments: 3,
      },
    ]);
    expect(findings({ contracts: [contract({ status: "expired", value: 999_99 })], payments: plan })).toEqual(
      [],
    );
    // No Value, or no instalments: nothing to compare.
    expect(findings({ contracts: [contract({ status: "expired", value: null })], payments: plan })).toEqual(
      [],
    );
    expect(findings({ contracts: [contract({ status: "expired", value: 5_00 })] })).toEqual([]);
  });

  it("reports a deal won more than 30 days ago that no contract names", () => {
    const deals = [
      deal({ row: 2, dealId: "SJ1", closedOn: D - 31 }),
      deal({ row: 3, dealId: "SJ2", closedOn: D - 30 }),
      deal({ row: 4, dealId: "SJ3", closedOn: D - 400 }),
      deal({ row: 5, dealId: "SJ4", stage: "lost", closedOn: D - 400 }),
    ];
    expect(findings({ contracts: [contract({ status: "expired", dealId: "SJ3" })], deals })).toEqual([
      {
        kind: "wonWithoutContract",
        table: "deals",
        row: 2,
        column: "dealId",
        dealId: "SJ1",
        closedOn: D - 31,
        days: 31,
      },
    ]);
  });

  it("lists contract findings, then payment findings, then deal findings", () => {
    expect(
      kinds({
        deals: [deal({ closedOn: D - 90 })],
        payments: [payment({ row: 9, amountPaid: 200_00 })],
        contracts: [contract({ row: 7, signedOn: null, end: D - 1 })],
      }),
    ).toEqual([
      "signedWithoutDate@contracts!7",
      "activePastEnd@contracts!7",
      "paidMoreThanDue@payments!9",
      "wonWithoutContract@deals!2",
    ]);
  });
});

describe("ageing buckets", () => {
  it("puts days overdue into 1-30, 31-60, 61-90 and 90+ at their edges", () => {
    expect([1, 30, 31, 60, 61, 90, 91, 400].map(ageingBucket)).toEqual([
      "1-30",
      "1-30",
      "31-60",
      "31-60",
      "61-90",
      "61-90",
      "90+",
      "90+",
    ]);
  });
});

describe("renewals due and overdue instalments", () => {
  const review = (
    contracts: ContractFacts[],
    payments: PaymentFacts[] = [],
    clients = [client()],
    noticeDays = 90,
  ) => reviewContracts({ contracts, payments, clients, asOf: D, noticeDays });

  it("lists signed and active contracts ending in (D, D + noticeDays], with days left", () => {
    const ends = { HT1: D, HT2: D + 1, HT3: D + 90, HT4: D + 91, HT5: D + 30, HT6: D + 31 };
    const contracts = Object.entries(ends).map(([contractId, end], i) =>
      contract({ row: i + 2, contractId, end }),
    );
    const result = review(contracts);
    expect(result.renewalsDue.map((r) => [r.contractId, r.daysLeft, r.near])).toEqual([
      ["HT2", 1, true],
      ["HT5", 30, true],
      ["HT6", 31, false],
      ["HT3", 90, false],
    ]);
  });

  it("leaves out renewals of other statuses and contracts without End", () => {
    const statuses: ContractStatus[] = ["draft", "review", "expired", "renewed", "terminated"];
    const contracts = [
      ...statuses.map((status, i) => contract({ row: i + 2, contractId: `X${i}`, status, end: D + 10 })),
      contract({ row: 9, contractId: "S", status: "signed", end: D + 10 }),
      contract({ row: 10, contractId: "N", end: null }),
    ];
    expect(review(contracts).renewalsDue.map((r) => r.contractId)).toEqual(["S"]);
  });

  it("follows renewal.noticeDays", () => {
    const contracts = [contract({ end: D + 45 })];
    expect(review(contracts, [], [client()], 30).renewalsDue).toEqual([]);
    expect(review(contracts, [], [client()], 45).renewalsDue).toHaveLength(1);
  });

  it("takes the contract's owner, else its client's, and the client's name and tier", () => {
    const result = review(
      [
        contract({ contractId: "HT1", end: D + 5 }),
        contract({ contractId: "HT2", end: D + 6, owner: "wang.wei@example.com" }),
      ],
      [],
      [client({ tier: "B" })],
    );
    expect(result.renewalsDue).toEqual([
      {
        row: 2,
        contractId: "HT1",
        clientId: "KH1",
        clientName: "杭州云启科技有限公司",
        tier: "B",
        owner: "li.na@example.com",
        end: D + 5,
        value: null,
        daysLeft: 5,
        near: true,
      },
      expect.objectContaining({ contractId: "HT2", owner: "wang.wei@example.com" }),
    ]);
  });

  it("lists instalments due before D and not fully paid, of any contract status, most overdue first", () => {
    const payments = [
      payment({ row: 2, due: D, amountDue: 50_00 }), // due today: not overdue
      payment({ row: 3, due: D - 1, amountDue: 50_00, amountPaid: 20_00 }),
      payment({ row: 4, due: D - 91, amountDue: 70_00 }),
      payment({ row: 5, due: D - 40, amountDue: 70_00, amountPaid: 70_00 }), // paid
      payment({ row: 6, due: D - 40, amountDue: 10_00, paidOn: null, amountPaid: 10_00 }), // paid, no Paid on
    ];
    const result = review([contract({ status: "terminated" })], payments);
    expect(result.overdue.map((o) => [o.row, o.outstanding, o.daysOverdue, o.bucket, o.owner])).toEqual([
      [4, 70_00, 91, "90+", "li.na@example.com"],
      [3, 30_00, 1, "1-30", "li.na@example.com"],
    ]);
  });

  it("totals renewals and outstanding per owner, the unknown owner last", () => {
    const result = review(
      [
        contract({ contractId: "HT1", owner: "b@example.com", end: D + 10, value: 1000_00 }),
        contract({ contractId: "HT2", clientId: "KH2", end: D + 20, value: 500_00 }),
        contract({ contractId: "HT3", owner: "a@example.com", status: "expired" }),
      ],
      [
        payment({ row: 2, contractId: "HT3", due: D - 5, amountDue: 80_00 }),
        payment({ row: 3, contractId: "HT2", due: D - 65, amountDue: 20_00 }),
      ],
      [client(), client({ clientId: "KH2", owner: null })],
    );
    expect(result.owners.map((o) => [o.owner, o.renewals, o.renewalValue, o.overdue, o.outstanding])).toEqual(
      [
        ["a@example.com", 0, 0, 1, 80_00],
        ["b@example.com", 1, 1000_00, 0, 0],
        [null, 1, 500_00, 1, 20_00],
      ],
    );
    expect(result.totals).toEqual({
      renewals: 2,
      renewalValue: 1500_00,
      overdue: 2,
      outstanding: 100_00,
      outstandingByBucket: { "1-30": 80_00, "31-60": 0, "61-90": 20_00, "90+": 0 },
    });
  });

  const owners = ["a@example.com", "b@example.com", null] as const;
  const contractsArb = fc.array(
    fc.record({
      owner: fc.constantFrom(...owners),
      client: fc.integer({ min: 0, max: 2 }),
      status: fc.constantFrom<ContractStatus>(
        "draft",
        "signed",
        "active",
        "expired",
        "renewed",
        "terminated",
      ),
      endOffset: fc.integer({ min: -200, max: 200 }),
      value: fc.option(fc.integer({ min: 0, max: 10_000_000_00 }), { nil: null }),
    }),
    { maxLength: 30 },
  );
  const paymentsArb = fc.array(
    fc.record({
      contract: fc.nat(),
      dueOffset: fc.integer({ min: -400, max: 100 }),
      amountDue: fc.integer({ min: 0, max: 1_000_000_00 }),
      amountPaid: fc.integer({ min: 0, max: 1_200_000_00 }),
    }),
    { maxLength: 60 },
  );

  it("never reports a negative outstanding, and the owners' sums equal the totals (property)", () => {
    fc.assert(
      fc.property(contractsArb, paymentsArb, fc.integer({ min: 1, max: 365 }), (cs, ps, noticeDays) => {
        const contracts = cs.map((c, i) =>
          contract({
            row: i + 2,
            contractId: `HT${i}`,
            clientId: `KH${c.client}`,
            owner: c.owner,
            status: c.status,
            end: D + c.endOffset,
            value: c.value,
          }),
        );
        const payments =
          contracts.length === 0
            ? []
            : ps.map((p, i) =>
                payment({
                  row: i + 2,
                  contractId: `HT${p.contract % contracts.length}`,
                  due: D + p.dueOffset,
                  amountDue: p.amountDue,
                  amountPaid: p.amountPaid,
                }),
              );
        const clients = [
          client({ clientId: "KH0" }),
          client({ clientId: "KH1", owner: null }),
          client({ clientId: "KH2", owner: "b@example.com" }),
        ];
        const result = reviewContracts({ contracts, payments, clients, asOf: D, noticeDays });
        for (const o of result.overdue) {
          expect(o.outstanding).toBeGreaterThan(0);
          expect(o.daysOverdue).toBeGreaterThanOrEqual(1);
          expect(o.bucket).toBe(ageingBucket(o.daysOverdue));
        }
        for (const r of result.renewalsDue) expect(r.daysLeft >= 1 && r.daysLeft <= noticeDays).toBe(true);
        const sum = (pick: (t: (typeof result.owners)[number]) => number) =>
          result.owners.reduce((n, o) => n + pick(o), 0);
        expect(sum((o) => o.outstanding)).toBe(result.totals.outstanding);
        expect(sum((o) => o.overdue)).toBe(result.overdue.length);
        expect(sum((o) => o.renewals)).toBe(result.renewalsDue.length);
        expect(sum((o) => o.renewalValue)).toBe(result.totals.renewalValue);
        for (const bucket of AGEING_BUCKETS) {
          expect(sum((o) => o.outstandingByBucket[bucket])).toBe(result.totals.outstandingByBucket[bucket]);
        }
        expect(result.totals.outstanding).toBe(result.overdue.reduce((n, o) => n + o.outstanding, 0));
        // Every unpaid past-due instalment is listed exactly once.
        expect(result.overdue.length).toBe(
          payments.filter((p) => p.due < D && p.amountPaid < p.amountDue).length,
        );
      }),
    );
  });
});

describe("reminder selection", () => {
  const result = reviewContracts({
    contracts: [
      contract({ end: D + 30 }),
      contract({ row: 3, contractId: "HT2", clientId: "KH2", end: D + 60 }),
    ],
    payments: [payment({ due: D - 3 })],
    clients: [client(), client({ clientId: "KH2", owner: null })],
    asOf: D,
    noticeDays: 90,
  });
  const open = openReminders(result);

  it("keys renewals by End and instalments by Due, with the Contract ID", () => {
    expect(open.map((i) => i.key)).toEqual(["r|2026-12-27|HT1", "r|2027-01-26|HT2", "o|2026-11-24|HT1"]);
    expect(reminderKey("overdue", D, "a|b")).toBe("o|2026-11-27|a|b");
  });

  it("announces new items per owner and holds back those announced less than 7 days ago", () => {
    const fresh = selectReminders(open, new Map(), D);
    expect([...fresh.entries()].map(([owner, items]) => [owner, items.map((i) => i.key)])).toEqual([
      ["li.na@example.com", ["r|2026-12-27|HT1", "o|2026-11-24|HT1"]],
      [null, ["r|2027-01-26|HT2"]],
    ]);
    const announced = new Map([
      ["r|2026-12-27|HT1", D - 6],
      ["o|2026-11-24|HT1", D - 7],
    ]);
    expect([...selectReminders(open, announced, D).get("li.na@example.com")!].map((i) => i.key)).toEqual([
      "o|2026-11-24|HT1",
    ]);
  });
});

describe("outstanding instalments: one rule, with its cut-offs as a parameter", () => {
  const E = day("2026-10-31");
  const input = (payments: PaymentFacts[], asOf: CalDate) => ({
    contracts: [contract()],
    payments,
    clients: [client()],
    asOf,
    noticeDays: 90,
  });
  it("counts Amount due less what was paid by the cut-off, when due by it", () => {
    const p = payment({
      due: day("2026-10-15"),
      amountDue: 100_00,
      paidOn: day("2026-11-02"),
      amountPaid: 60_00,
    });
    // At the month's end the November payment has not happened yet; at D every payment counts.
    expect(outstandingAt(p, { dueBy: E, paidBy: E })).toBe(100_00);
    expect(outstandingAt(p, { dueBy: D - 1, paidBy: null })).toBe(40_00);
    expect(outstandingAt({ ...p, paidOn: null }, { dueBy: E, paidBy: E })).toBe(40_00);
    expect(outstandingAt({ ...p, due: day("2026-11-01") }, { dueBy: E, paidBy: E })).toBe(0);
    expect(outstandingAt({ ...p, amountPaid: 120_00 }, { dueBy: D - 1, paidBy: null })).toBe(0);
    // The contracts action counts instalments due before D, not on D.
    expect(reviewContracts(input([p], day("2026-10-15"))).overdue).toEqual([]);
    expect(reviewContracts(input([p], day("2026-10-16"))).overdue[0].outstanding).toBe(40_00);
  });

  it("the report at E and the contracts action the day after agree when nothing was paid after E (property)", () => {
    const instalment = fc.record({
      due: fc.integer({ min: day("2026-09-01"), max: day("2026-12-31") }),
      amountDue: fc.integer({ min: 0, max: 1e9 }),
      paidOn: fc.option(fc.integer({ min: day("2026-08-01"), max: E })),
      amountPaid: fc.integer({ min: 0, max: 1e9 }),
    });
    fc.assert(
      fc.property(fc.array(instalment, { maxLength: 30 }), (specs) => {
        const payments = specs.map((s, i) => payment({ ...s, row: i + 2 }));
        const byAction = reviewContracts(input(payments, E + 1)).totals;
        const byReport = computeReport({
          year: 2026,
          month: 10,
          clients: [],
          deals: [],
          contracts: [
            {
              contractId: "HT1",
              clientId: "KH1",
              owner: null,
              value: null,
              status: "active",
              signedOn: null,
              end: null,
            },
          ],
          payments,
          interactions: [],
          targets: [],
          industries: [],
          tierHistory: [],
          underperformShare: 0.8,
          renewalNoticeDays: 90,
          intervalDays: { A: 7, B: 15, C: 30 },
          openStages: [],
          defaultProbability: {},
          channels: [],
          nameKey: (t) => t,
        }).receivablesOverdue;
        expect(byReport.total).toBe(byAction.outstanding);
        expect(byReport.count).toBe(byAction.overdue);
      }),
    );
  });
});
