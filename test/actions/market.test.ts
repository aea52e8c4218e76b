/**
 * The lead funnel, stale deals and win / loss through the actions: the report's topics, sheet,
 * HTML and JSON, the digest's stale-deal sections for owners and managers, the schedule's JSON,
 * and hostile cells (a malformed Stage since, competitor text that looks like a formula or HTML).
 */
import { describe, expect, it } from "vitest";
import { sendDailyDigest } from "../../src/actions/digest";
import { buildContactPlanSheet } from "../../src/actions/contacts";
import { generateReport } from "../../src/actions/report";
import { staleReminderDay } from "../../src/actions/staleDeals";
import { calDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import { d, testEnv } from "../helpers/env";

const FORMULA = '=HYPERLINK("http://x","y")';
const SCRIPT = "<img src=x onerror=alert(1)>";
const asOf = calDate(2026, 11, 27);

/** An English workbook: stage dates, competitors and lost reasons around October 2026. */
function workbook(extra: { settings?: Cell[][]; deals?: Cell[][]; team?: boolean } = {}) {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["pipeline.staleDaysByStage", "negotiation:20"],
      ...(extra.settings ?? []),
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["C1", "Alpha Works", "a@x.com", "A"],
      ["C2", "Beta Retail", "b@x.com", "B"],
    ],
    Deals: [
      [
        "Deal ID",
        "Client ID",
        "Title",
        "Owner",
        "Stage",
        "Amount",
        "Created",
        "Stage since",
        "Closed on",
        "Source",
        "Lost reason",
        "Competitor",
      ],
      [
        "D1",
        "C1",
        "Line retrofit",
        "",
        "won",
        500_000,
        d("2026-03-01"),
        "",
        d("2026-06-10"),
        "trade-show",
        "",
        "Huakong",
      ],
      [
        "D2",
        "C2",
        "Sensors",
        "",
        "lost",
        800_000,
        d("2026-02-01"),
        "",
        d("2026-07-01"),
        "visit",
        "Price too high",
        FORMULA,
      ],
      [
        "D3",
        "C2",
        "Gateways",
        "",
        "lost",
        100_000,
        d("2026-04-01"),
        "",
        d("2026-08-01"),
        "visit",
        "Chose a competitor",
        SCRIPT,
      ],
      [
        "D4",
        "C1",
        "MES phase 2",
        "",
        "negotiation",
        300_000,
        d("2026-09-01"),
        d("2026-10-30"),
        "",
        "trade-show",
        "",
        "Huakong",
      ],
      ["D5", "C2", "Spare parts", "", "qualified", 40_000, d("2026-10-10"), "", "", "data", "", ""],
      ["D6", "C1", "Cloud", "", "lead", 20_000, d("2026-11-20"), "", "", "visit", "", ""],
      ...(extra.deals ?? []),
    ],
    ...(extra.team
      ? {
          Team: [
            ["Owner", "Name", "Manager"],
            ["a@x.com", "Ann", "boss@x.com"],
            ["b@x.com", "Bob", "boss@x.com"],
          ],
        }
      : {}),
  };
}

describe("the report's funnel, stale deals and win / loss", () => {
  it("puts the funnel by source, stale deals and win / loss by competitor in the JSON", () => {
    const env = testEnv(workbook({ team: true }));
    const { data } = generateReport(env, { month: { year: 2026, month: 10 }, asOf });
    expect(data.funnel.from).toBe("2025-10-31");
    expect(data.funnel.total).toMatchObject({ created: 5, qualified: 3, won: 1, lost: 2, open: 3 });
    expect(data.funnel.stages.map((s) => [s.stage, s.staleDays, s.stale])).toEqual([
      ["lead", 30, 0],
      ["qualified", 30, 1],
      ["proposal", 30, 0],
      ["negotiation", 20, 1],
    ]);
    // D5 in qualified since Created 2026-10-10 (48 days); D4 in negotiation since 2026-10-30 (28 days).
    expect(data.staleDeals.map((s) => [s.dealId, s.days, s.staleDays, s.sinceIsCreated, s.owner])).toEqual([
      ["D5", 48, 30, true, "b@x.com"],
      ["D4", 28, 20, false, "a@x.com"],
    ]);
    expect(data.winLoss.byCompetitor.map((c) => [c.competitor, c.wins, c.losses])).toEqual([
      [FORMULA, 0, 1],
      ["Huakong", 1, 0],
      [SCRIPT, 0, 1],
    ]);
    expect(data.winLoss.largestLost).toMatchObject({
      dealId: "D2",
      competitor: FORMULA,
      reason: "Price too high",
      amount: 800_000,
    });
    expect(data.winLoss.largestWon).toMatchObject({
      dealId: "D1",
      clientName: "Alpha Works",
      owner: "a@x.com",
    });
    const cases = data.topics.find((t) => t.id === "cases");
    // The owner by their Team name.
    expect(cases?.table?.rows).toEqual([
      ["Largest won", "Line retrofit · Alpha Works", "Huakong", "", "Ann", 500_000],
      ["Largest lost", "Sensors · Beta Retail", FORMULA, "Price too high", "Bob", 800_000],
    ]);
  });

  it("keeps competitor text that looks like a formula as it is, and escapes it in the HTML", () => {
    const env = testEnv(workbook());
    const result = generateReport(env, { month: { year: 2026, month: 10 }, asOf });
    const values = env.workbook.values("Report 2026-10") ?? [];
    const row = values.findIndex((line) => line[0] === FORMULA);
    expect(row).toBeGreaterThan(0);
    expect(values[row].slice(0, 4)).toEqual([FORMULA, 0, 1, 0]);
    expect(result.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(result.html).not.toContain(SCRIPT);
    expect(result.html).toContain("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)");
  });

  it("reports a malformed Stage since with its sheet, row and column, and leaves the deal out as the contract says", () => {
    const env = testEnv(
      workbook({
        deals: [
          ["D7", "C1", "Bad date", "", "proposal", 10_000, d("2026-10-01"), "2026-13-45", "", "", "", ""],
        ],
      }),
    );
    const result = generateReport(env, { month: { year: 2026, month: 10 }, asOf });
    const issue = result.issues.find((i) => i.row === 8);
    expect(issue).toMatchObject({ sheet: "Deals", row: 8, column: "Stage since", value: "2026-13-45" });
    expect(result.data.staleDeals.map((s) => s.dealId)).not.toContain("D7");
  });
});

describe("stale deals in the daily digest", () => {
  it("mails each owner their stale deals with stage and days, and the manager the team's by name", () => {
    // D5 turned stale on 2026-11-10 (31 days): 2026-11-24 is 14 days later, a reminder day.
    const env = testEnv(workbook({ team: true }), { today: calDate(2026, 11, 24) });
    sendDailyDigest(env, { asOf: calDate(2026, 11, 24) });
    const to = (address: string) => env.outbox.find((m) => m.to.includes(address));
    const bob = to("b@x.com");
    expect(bob?.textBody).toContain("Stale deals (1)");
    expect(bob?.textBody).toContain(
      "Spare parts · Beta Retail: Stage Qualified · Amount ¥40,000 · Days in stage 45 days (limit 30)",
    );
    const boss = to("boss@x.com");
    expect(boss?.textBody).toContain("Your team's stale deals (2)");
    expect(boss?.textBody).toContain("Owner Bob");
    expect(boss?.textBody).toContain("Owner Ann");
  });

  it("mails an owner for stale deals only on the day one turns stale and weekly after", () => {
    expect([30, 31, 32, 37, 38, 45].map((age) => staleReminderDay({ age, limit: 30 }))).toEqual([
      false,
      true,
      false,
      false,
      true,
      true,
    ]);
    // On 2026-11-25 D5 is 46 days in stage: listed for nobody as a reason to mail.
    const env = testEnv(workbook({ team: true }), { today: calDate(2026, 11, 25) });
    sendDailyDigest(env, { asOf: calDate(2026, 11, 25) });
    expect(env.outbox.map((m) => m.to[0])).not.toContain("b@x.com");
  });
});

describe("the schedule's JSON", () => {
  it("carries the stale deals the digest lists", () => {
    const env = testEnv({ ...workbook(), Interactions: [["Date", "Client ID", "Channel"]] });
    const { data } = buildContactPlanSheet(env, { asOf });
    expect(data.staleDeals?.map((s) => [s.dealId, s.stage, s.days])).toEqual([
      ["D5", "qualified", 48],
      ["D4", "negotiation", 28],
    ]);
  });
});
