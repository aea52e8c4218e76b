import { describe, expect, it } from "vitest";
import { generateReport, sendReport } from "../../../src/actions/report";
import type { ReportContext } from "../../../src/actions/report/context";
import type { Topic } from "../../../src/actions/report/topic";
import { REPORT_TOPICS } from "../../../src/actions/report/topics";
import { calDate } from "../../../src/core/dates";
import type { Cell } from "../../../src/ports";
import { d, testEnv } from "../../helpers/env";

const asOf = calDate(2026, 11, 27);
const october = { year: 2026, month: 10 };

/** October 2026: a below target (1,000 of 10,000), b above; an old unpaid instalment; a silent renewal. */
function workbook(): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["report.recipients", "boss@x.com, mary@x.com"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Status", "Tier"],
      ["C1", "Acme", "a@x.com", "active", "A"],
      ["C2", "Beta", "b@x.com", "active", "B"],
    ],
    Deals: [
      ["Deal ID", "Client ID", "Owner", "Stage", "Amount", "Closed on", "Expected close"],
      ["D1", "C1", "a@x.com", "won", 1_000, d("2026-10-05"), ""],
      ["D2", "C2", "b@x.com", "won", 12_000, d("2026-10-06"), ""],
      ["D3", "C2", "b@x.com", "won", 5_000, d("2026-09-06"), ""],
      ["D4", "C2", "b@x.com", "proposal", 1_000, "", d("2026-12-01")],
    ],
    Targets: [
      ["Owner", "Period", "Target"],
      ["a@x.com", "2026-10", 10_000],
      ["b@x.com", "2026-10", 10_000],
      ["a@x.com", "2026-09", 10_000],
      ["b@x.com", "2026-09", 10_000],
      ["ALL", "2026-11", 30_000],
      ["ALL", "2026-12", 30_000],
      ["ALL", "2027-01", 30_000],
    ],
    Contracts: [
      ["Contract ID", "Client ID", "Value", "Status", "End"],
      ["K1", "C1", 50_000, "active", d("2026-12-15")],
      ["K2", "C2", 20_000, "active", d("2027-06-30")],
    ],
    Payments: [
      ["Contract ID", "Due", "Amount due", "Paid on", "Amount paid"],
      ["K2", d("2026-08-01"), 4_000, "", 0],
      ["K2", d("2026-10-20"), 1_000, "", 0],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel"],
      [d("2026-08-01"), "C1", "visit"],
      [d("2026-10-25"), "C2", "phone"],
    ],
    Team: [
      ["Owner", "Name", "Manager", "Active"],
      ["a@x.com", "Alice Wu", "mary@x.com", "Yes"],
      ["mary@x.com", "Mary Lin", "", "Yes"],
    ],
  };
}

const topic = (topics: readonly Topic[], id: string) => topics.find((t) => t.id === id) as Topic;

describe("report topics", () => {
  it("needs attention lists, ranked, the owner below target, the long-overdue client, the silent renewal, the lapsed tier-A client and the coverage", () => {
    const result = generateReport(testEnv(workbook()), { month: october, asOf });
    const attention = topic(result.topics, "attention");
    expect(result.topics[0].id).toBe("attention");
    expect(attention.table?.rows.map((r) => r.cells)).toEqual([
      ["Owners below 80% of target: 1, lowest Alice Wu", "attainment 10% (¥1,000 of ¥10,000)"],
      [
        "Clients with receivables over 60 days overdue: 1, most Beta",
        "¥4,000, oldest 91 days overdue; in all ¥4,000",
      ],
      ["Renewals inside their notice with no contact: 1, first Acme", "contract K1 ends 2026-12-15"],
      ["Tier-A clients past their contact cycle: 1, longest Acme", "no contact for 91 days (Alice Wu)"],
      [
        "Next three months' pipeline coverage below 100%",
        "coverage 0.6%: weighted pipeline ¥500 of target ¥90,000",
      ],
    ]);
  });

  it("shows owners by their Team name, else the part of the address before @", () => {
    const result = generateReport(testEnv(workbook()), { month: october, asOf });
    expect(topic(result.topics, "owners").table?.rows.map((r) => r.cells.slice(0, 4))).toEqual([
      ["b", 1_200_000, 1_000_000, 1.2],
      ["Alice Wu", 100_000, 1_000_000, 0.1],
    ]);
    // The JSON keeps the addresses of rules.md §3.
    expect(result.data.owners.map((o) => o.owner)).toEqual(["b@x.com", "a@x.com"]);
  });

  it("a topic added to the list reaches the sheet, the e-mail and the JSON", () => {
    const extra = (ctx: ReportContext): Topic => ({
      id: "extra",
      title: "Extra topic",
      figures: [{ label: "Clients with a won deal", kind: "count", value: 2 }],
      table: {
        columns: [
          { label: "Client", kind: "text" },
          { label: "Won", kind: "money" },
        ],
        rows: [{ cells: ["Beta", ctx.model.team.won] }],
      },
      notes: ["An extra note"],
    });
    const env = testEnv(workbook());
    const result = generateReport(env, { month: october, asOf, topics: [...REPORT_TOPICS, extra] });
    const values = env.workbook.values("Report 2026-10") ?? [];
    const title = values.findIndex((line) => line[0] === "Extra topic");
    expect(title).toBeGreaterThan(0);
    expect(values.slice(title + 1, title + 3).map((l) => l[0])).toEqual(["Clients with a won deal", 2]);
    expect(values.find((line) => line[0] === "Beta" && line[1] === 13_000)).toBeDefined();
    expect(result.html).toContain('data-topic="extra"');
    expect(result.html).toContain("Extra topic");
    expect(result.html).toContain("¥13,000");
    expect(result.data.topics.at(-1)).toEqual({
      id: "extra",
      title: "Extra topic",
      figures: [{ label: "Clients with a won deal", kind: "count", value: 2 }],
      table: {
        columns: [
          { label: "Client", kind: "text" },
          { label: "Won", kind: "money" },
        ],
        rows: [["Beta", 13_000]],
      },
      chart: null,
      notes: ["An extra note"],
    });
  });
});

describe("report snapshots and restatements", () => {
  it("records a finished month's snapshot once, and a new revision only when forced", () => {
    const env = testEnv(workbook());
    generateReport(env, { month: october, asOf });
    generateReport(env, { month: october, asOf });
    expect(env.workbook.values("Report snapshots")?.map((r) => [r[0], r[1], r[3], r[4], r[6], r[7]])).toEqual(
      [
        ["Month", "Revision", "Owner", "Won", "Target", "Collected"],
        ["2026-10", 1, "ALL", 13_000, 20_000, 0],
        ["2026-10", 1, "b@x.com", 12_000, 10_000, ""],
        ["2026-10", 1, "a@x.com", 1_000, 10_000, ""],
      ],
    );
    generateReport(env, { month: october, asOf, force: true });
    expect(
      env.workbook
        .values("Report snapshots")
        ?.slice(4)
        .map((r) => [r[0], r[1], r[3]]),
    ).toEqual([
      ["2026-10", 2, "ALL"],
      ["2026-10", 2, "b@x.com"],
      ["2026-10", 2, "a@x.com"],
    ]);
  });

  it("takes no snapshot of a month not yet over", () => {
    const env = testEnv(workbook());
    generateReport(env, { month: { year: 2026, month: 11 }, asOf });
    expect(env.workbook.sheetNames()).not.toContain("Report snapshots");
  });

  it("lists a past month's won and target changed after it was reported, with the difference", () => {
    const book = workbook();
    const env = testEnv(book);
    generateReport(env, { month: { year: 2026, month: 9 }, asOf });
    // After September was reported: a deal backdated into September, and b's target raised.
    const deals = env.workbook.values("Deals") as Cell[][];
    const targets = env.workbook.values("Targets") as Cell[][];
    env.workbook.writeBlock("Deals", deals.length + 1, 1, [
      ["D9", "C1", "a@x.com", "won", 2_500, d("2026-09-30"), ""],
    ]);
    env.workbook.writeBlock("Targets", 5, 1, [["b@x.com", "2026-09", 12_000]]);
    expect(targets.length).toBe(8);
    const october2 = generateReport(env, { month: october, asOf });
    const changes = topic(october2.topics, "changes");
    expect(changes.table?.rows.map((r) => r.cells)).toEqual([
      ["2026-09", "Team", "Won", 500_000, 750_000, 250_000],
      ["2026-09", "Team", "Target", 2_000_000, 2_200_000, 200_000],
      ["2026-09", "Alice Wu", "Won", 0, 250_000, 250_000],
      ["2026-09", "b", "Target", 1_000_000, 1_200_000, 200_000],
    ]);
    expect(october2.data.restatements?.lines[0]).toEqual({
      month: "2026-09",
      owner: "ALL",
      figure: "won",
      reported: 5_000,
      now: 7_500,
      difference: 2_500,
    });
  });
});

describe("sending the report", () => {
  it("gives a manager among the recipients their own e-mail with their team's lines first, rendered once per message", () => {
    const env = testEnv(workbook());
    const result = sendReport(env, { month: october, asOf });
    expect(result.delivery).toBe("sent");
    expect(env.outbox.map((m) => m.to)).toEqual([["mary@x.com"], ["boss@x.com"]]);
    const order = (html: string) => [html.indexOf(">Alice Wu<"), html.indexOf(">b<")];
    const [alice, b] = order(env.outbox[0].htmlBody);
    expect(alice).toBeLessThan(b);
    const [alice2, b2] = order(env.outbox[1].htmlBody);
    expect(b2).toBeLessThan(alice2);
    expect(
      env.workbook
        .values("Send log")
        ?.slice(1)
        .map((r) => [r[1], r[2], r[3]]),
    ).toEqual([
      ["report:2026-10", "mary@x.com", "sent"],
      ["report:2026-10", "boss@x.com", "sent"],
    ]);
  });

  it("reads Settings and the Send log once per send", () => {
    const env = testEnv(workbook());
    sendReport(env, { month: october, asOf });
    env.workbook.reads.length = 0;
    let asked = 0;
    sendReport(env, { month: october, asOf, confirmResend: () => ++asked > 0 });
    expect(asked).toBe(1);
    expect(env.outbox).toHaveLength(4);
    const reads = env.workbook.reads;
    expect(reads.filter((name) => name === "Settings")).toHaveLength(1);
    expect(reads.filter((name) => name === "Send log")).toHaveLength(1);
  });
});
