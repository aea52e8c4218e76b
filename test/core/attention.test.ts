/**
 * The facts behind the report's "needs attention" lines, against hand-computed fixtures at the
 * month end E = 2026-10-31: receivables more than 60 days overdue (as of E), renewals inside
 * their notice with no contact since the notice began, tier-A clients past their cycle.
 */
import { describe, expect, it } from "vitest";
import { attentionFacts } from "../../src/core/attention";
import { calDate } from "../../src/core/dates";
import type { ReportClient, ReportInteraction, ReportPayment, RenewalDue } from "../../src/core/report";

const E = calDate(2026, 10, 31);

function client(
  clientId: string,
  tier: "A" | "B" | "C" | null,
  status: "active" | "inactive" = "active",
): ReportClient {
  return {
    clientId,
    name: `${clientId} Ltd`,
    industry: null,
    owner: "li@example.com",
    status,
    tier,
    purchaseOverride: null,
  };
}

function payment(
  contractId: string,
  due: [number, number],
  amountDue: number,
  paid = 0,
  paidOn: [number, number] | null = null,
): ReportPayment {
  return {
    contractId,
    due: calDate(2026, due[0], due[1]),
    amountDue,
    amountPaid: paid,
    paidOn: paidOn ? calDate(2026, paidOn[0], paidOn[1]) : null,
  };
}

function contact(clientId: string, month: number, day: number): ReportInteraction {
  return { clientId, date: calDate(2026, month, day), channel: "phone", responded: null, satisfaction: null };
}

const clients = [
  client("C1", "A"),
  client("C2", "A"),
  client("C3", "B"),
  client("C4", "A", "inactive"),
  client("C5", "A"),
];
const contracts = [
  { contractId: "K1", clientId: "C1", owner: null, value: null, status: "active", signedOn: null, end: null },
  { contractId: "K2", clientId: "C2", owner: null, value: null, status: "active", signedOn: null, end: null },
  { contractId: "K3", clientId: "C3", owner: null, value: null, status: "active", signedOn: null, end: null },
];

function facts(payments: ReportPayment[], interactions: ReportInteraction[], renewals: RenewalDue[] = []) {
  return attentionFacts(
    {
      clients,
      contracts,
      payments,
      interactions,
      renewalNoticeDays: 90,
      intervalDays: { A: 7, B: 14, C: 30 },
    },
    E,
    renewals,
  );
}

describe("needs-attention facts at the month end", () => {
  it("lists receivables more than 60 days overdue per client, as paid by E, largest first, with the oldest due", () => {
    const result = facts(
      [
        payment("K1", [8, 31], 10_000_00), // 61 days: counts
        payment("K1", [7, 1], 5_000_00, 1_000_00, [10, 15]), // paid 1,000 before E: 4,000 counts
        payment("K2", [9, 1], 50_000_00), // exactly 60 days: not yet
        payment("K3", [6, 1], 20_000_00, 20_000_00, [11, 5]), // paid after E: all 20,000 counts
      ],
      [],
    );
    expect(result.longOverdue).toEqual([
      { clientId: "C3", clientName: "C3 Ltd", outstanding: 20_000_00, days: E - calDate(2026, 6, 1) },
      { clientId: "C1", clientName: "C1 Ltd", outstanding: 14_000_00, days: E - calDate(2026, 7, 1) },
    ]);
  });

  it("lists renewals with no contact since their notice began, soonest first", () => {
    const renewal = (contractId: string, clientId: string, m: number, d: number): RenewalDue => ({
      contractId,
      clientId,
      clientName: `${clientId} Ltd`,
      owner: null,
      status: "active",
      end: calDate(2026, m, d),
      value: null,
    });
    // C1 was contacted on 10-01, after its notice began (12-20 − 90 days = 09-21); C2 before (08-01).
    const result = facts(
      [],
      [contact("C1", 10, 1), contact("C2", 8, 1)],
      [renewal("K2", "C2", 12, 30), renewal("K1", "C1", 12, 20), renewal("K3", "C3", 12, 1)],
    );
    expect(result.silentRenewals.map((r) => r.contractId)).toEqual(["K2", "K3"]);
  });

  it("lists active tier-A clients past their cycle, never-contacted first, then the longest silence", () => {
    const result = facts(
      [],
      [contact("C1", 10, 24), contact("C2", 10, 1), contact("C4", 1, 1), contact("C1", 11, 20)],
    );
    // C1: 7 days at E (its 11-20 contact is after E) — within the cycle; C2: 30 days; C5: never; C4 inactive.
    expect(result.lapsedTierA.map((c) => [c.clientId, c.days])).toEqual([
      ["C5", null],
      ["C2", 30],
    ]);
  });
});
