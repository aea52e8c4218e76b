import { describe, expect, it } from "vitest";
import { generateReport, reportSendState, reportSheetName, sendReport } from "../../src/actions/report";
import { calDate, parseMonth, previousMonth } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import { generateSample } from "../../src/workbook/sample";
import { d, testEnv } from "../helpers/env";

const settings = (rows: readonly (readonly [string, Cell])[]): Cell[][] => [
  ["Key", "Value"],
  ["language", "en"],
  ...rows.map((r) => [...r]),
];

/** A small English workbook for October 2026. */
function workbook(
  extraSettings: readonly (readonly [string, Cell])[] = [["report.recipients", "boss@x.com, a@x.com"]],
) {
  return {
    Settings: settings(extraSettings),
    Clients: [
      ["Client ID", "Name", "Industry", "Owner", "Status", "Tier"],
      ["C1", "<script>alert(1)</script>", "Manufacturing", "a@x.com", "", "A"],
      ["C2", '=HYPERLINK("x")', "Retail", "b@x.com", "active", "B"],
      ["C3", "Gamma", "", "", "", ""],
    ],
    Deals: [
      [
        "Deal ID",
        "Client ID",
        "Owner",
        "Stage",
        "Amount",
        "Closed on",
        "Expected close",
        "Source",
        "Lost reason",
      ],
      ["D1", "C1", "", "won", "10万", d("2026-10-05"), "", "trade-show", ""],
      ["D2", "C2", "b@x.com", "赢单", "¥50,000", "2026-10-31", "", "referral", ""],
      ["D3", "C2", "b@x.com", "lost", 30000, d("2026-10-10"), "", "", "Price"],
      ["D4", "C1", "", "proposal", 200000, "", d("2026-11-15"), "", ""],
      ["D5", "C3", "", "won", 10000, d("2026-10-15"), "", "", ""],
    ],
    Targets: [
      ["Owner", "Period", "Target"],
      ["a@x.com", "2026-10", 150000],
      ["b@x.com", "2026-q4", 150000],
      ["b@x.com", "2026-Q4", 999999],
    ],
    "Tier history": [
      ["Date", "Client ID", "From", "To", "Reason", "By"],
      [d("2026-10-01"), "C1", "B", "A", "surge", "trigger"],
      ["not a date", "C2", "", "B", "", "trigger"],
    ],
  };
}

const asOf = calDate(2026, 11, 27);
const october = { year: 2026, month: 10 };

describe("Generate monthly report", () => {
  it("writes Report 2026-10 with the title, headline cards, tables by name and the four charts", () => {
    const env = testEnv(workbook());
    const result = generateReport(env, { month: october, asOf });
    expect(result.sheet).toBe("Report 2026-10");
    const values = env.workbook.values("Report 2026-10") ?? [];
    expect(values[0][0]).toBe("Monthly performance report 2026-10");
    // A card is a label with its value in the cell below.
    const card = (label: string) => {
      const row = values.findIndex((line) => line.includes(label));
      return values[row + 1][values[row].indexOf(label)];
    };
    expect(card("Won this month")).toBe(160000);
    expect(card("Attainment")).toBe(0.8);
    expect(card("Win rate")).toBe(0.75);
    expect(values.every((line) => line.length <= 8)).toBe(true);
    // Owners by name (the part before @ when the Team sheet has none).
    const header = values.findIndex((line) => line[0] === "Owner" && line[1] === "Won");
    expect(values.slice(header + 1, header + 3).map((line) => line.slice(0, 4))).toEqual([
      ["a", 100000, 150000, 100000 / 150000],
      ["b", 50000, 50000, 1],
    ]);
    const sheet = env.workbook.sheet("Report 2026-10");
    expect(sheet?.charts.map((c) => [c.kind, c.title, c.rows, c.columns, c.lineSeries ?? []])).toEqual([
      ["column", "Performance by owner", 3, 3, [1]],
      ["column", "Team won against target, last 12 months", 13, 3, [1]],
      ["column", "Pipeline (open deals now)", 5, 3, []],
      ["pie", "Client tiers (active clients)", 4, 2, []],
    ]);
    const trend = sheet?.charts[1];
    expect(values[(trend?.row ?? 0) - 1].slice(0, 3)).toEqual(["Month", "Team won", "Team target"]);
    expect(values[(trend?.row ?? 0) + 11].slice(0, 3)).toEqual(["2026-10", 160000, 200000]);
    // Numbers right-aligned under right-aligned headers; printed A4 portrait, one page wide.
    const format = sheet?.formats.at(-1);
    expect(
      format?.alignments?.some(
        (a) => a.range.row === header + 1 && a.range.column === 2 && a.align === "right",
      ),
    ).toBe(true);
    expect(format?.print).toMatchObject({
      paper: "A4",
      orientation: "portrait",
      fitToWidth: true,
      pageNumbers: true,
    });
  });

  it("returns the JSON figures of rules.md §3 read through the workbook's cell formats", () => {
    const env = testEnv(workbook());
    const { data } = generateReport(env, { month: october, asOf });
    expect(data.team).toMatchObject({
      won: 160000,
      wonCount: 3,
      lostCount: 1,
      winRate: 0.75,
      target: 200000,
      attainment: 0.8,
      unassignedWon: 10000,
    });
    expect(data.owners).toEqual([
      {
        owner: "a@x.com",
        won: 100000,
        wonCount: 1,
        lostCount: 0,
        winRate: 1,
        target: 150000,
        attainment: 100000 / 150000,
        underperforming: true,
      },
      {
        owner: "b@x.com",
        won: 50000,
        wonCount: 1,
        lostCount: 1,
        winRate: 0.5,
        target: 50000,
        attainment: 1,
        underperforming: false,
      },
    ]);
    expect(data.pipeline.map((p) => [p.stage, p.count, p.weighted])).toEqual([
      ["lead", 0, 0],
      ["qualified", 0, 0],
      ["proposal", 1, 100000],
      ["negotiation", 0, 0],
    ]);
    expect(data.tierCounts).toEqual({ A: 1, B: 1, C: 0 });
    expect(data.tierChanges.count).toBe(1);
    expect(data.contactCompliance).toBe(0);
  });

  it("reports a duplicate target, a deal nobody owns and an unreadable Tier history row, and drops nothing else", () => {
    const env = testEnv(workbook());
    const result = generateReport(env, { month: october, asOf });
    expect(result.issues.map((i) => `${i.sheet}!${i.row}:${i.column}:${i.problem.key}`)).toEqual([
      "Targets!4:Period:report.issue.duplicateTarget",
      "Deals!6:Owner:report.issue.noOwner",
      "Tier history!3:Date:issue.expectedDate",
    ]);
    expect(env.workbook.values("Data issues")).toHaveLength(4);
    expect(result.summary.map((m) => m.key)).toContain("summary.missingSheets");
  });

  it("writes user text literally and keeps HTML in the e-mail escaped", () => {
    const env = testEnv(workbook());
    const result = generateReport(env, { month: october, asOf });
    expect(result.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(result.html).not.toContain("<script>");
    expect(result.model.receivablesOverdue.count).toBe(0);
  });

  it("says when tiers have never been computed", () => {
    const book = workbook();
    book.Clients = book.Clients.map((row) => row.slice(0, 5));
    const env = testEnv(book);
    const result = generateReport(env, { month: october, asOf });
    const values = env.workbook.values("Report 2026-10") ?? [];
    expect(values.map((r) => r[0])).toContain(
      'Client tiers have never been computed (no Tier cells in Clients): the tier distribution is empty and contact compliance uses the tier C cadence. Run "Recalculate client tiers" first.',
    );
    expect(result.data.tiersComputed).toBe(false);
    expect(env.workbook.sheet("Report 2026-10")?.charts.map((c) => c.kind)).toEqual([
      "column",
      "column",
      "column",
    ]);
  });

  it("replaces an existing report sheet of the other language instead of adding a second one", () => {
    const env = testEnv({ ...workbook(), "月报 2026-10": [["old"]] });
    const result = generateReport(env, { month: october, asOf });
    expect(result.sheet).toBe("月报 2026-10");
    expect(env.workbook.sheetNames().filter((n) => n.includes("2026-10"))).toEqual(["月报 2026-10"]);
    expect(reportSheetName(["Report 2026-09"], { year: 2026, month: 9 }, "zh-CN")).toBe("Report 2026-09");
  });

  it("defaults to the month before the as-of date and parses YYYY-MM", () => {
    expect(previousMonth(calDate(2026, 1, 15))).toEqual({ year: 2025, month: 12 });
    expect(parseMonth("2026-10")).toEqual(october);
    expect(parseMonth("2026-13")).toBeNull();
    expect(parseMonth("Oct 2026")).toBeNull();
    const env = testEnv(workbook());
    expect(generateReport(env, { asOf }).sheet).toBe("Report 2026-10");
  });

  it("names the months of the coverage window without a team target, in the sheet and the HTML", () => {
    const env = testEnv(workbook());
    const result = generateReport(env, { month: october, asOf });
    // b@x.com's Q4 target covers November and December; nobody has one for January 2027.
    expect(result.data.team.coverageMonths).toEqual(["2026-11", "2026-12"]);
    expect(result.data.team.coverageMonthsWithoutTarget).toEqual(["2027-01"]);
    const note =
      "No team target for 2027-01: pipeline coverage counts only the next three months that have one (weighted pipeline and target over the same months).";
    expect((env.workbook.values("Report 2026-10") ?? []).some((row) => row[0] === note)).toBe(true);
    expect(result.html).toContain("No team target for 2027-01");
    const none = generateReport(testEnv(workbook()), { month: { year: 2027, month: 3 }, asOf });
    expect(none.data.team.coverage).toBeNull();
    expect(none.html).toContain(
      "None of the next three months (2027-04, 2027-05, 2027-06) has a team target",
    );
  });

  it("writes the sheet with the same number of spreadsheet calls for 30 and 600 clients", () => {
    const calls = (clients: number) => {
      const sample = generateSample({ language: "en", clients, asOf, seed: 3 });
      const sheets: Record<string, Cell[][]> = { Settings: settings([]) };
      for (const s of sample.sheets) sheets[s.name] = s.rows;
      const env = testEnv(sheets);
      generateReport(env, { month: october, asOf });
      return { ...env.workbook.calls };
    };
    const small = calls(30);
    const large = calls(600);
    expect(large).toEqual(small);
    expect(small.replaceSheet).toBe(3); // the report, Data issues and the new Report snapshots
    expect(small.addCharts).toBe(1);
  });
});

describe("Send monthly report", () => {
  it("sends one e-mail with the PDF to every recipient, once per month", () => {
    const env = testEnv(workbook());
    const first = sendReport(env, { month: october, asOf });
    expect(first.delivery).toBe("sent");
    expect(env.outbox).toHaveLength(1);
    const mail = env.outbox[0];
    expect(mail.to).toEqual(["boss@x.com", "a@x.com"]);
    expect(mail.subject).toBe("Monthly performance report 2026-10: won ¥160,000, attainment 80%");
    expect(mail.pdf?.fileName).toBe("Monthly-report-2026-10.pdf");
    expect(mail.pdf?.html).toContain("Performance by owner");
    expect(mail.htmlBody).toContain("The full report is attached as a PDF.");
    expect(mail.textBody).toContain("Won ¥160,000 (target ¥200,000, attainment 80%)");
    const second = sendReport(env, { month: october, asOf });
    expect(second.delivery).toBe("already-sent");
    expect(env.outbox).toHaveLength(1);
    expect(
      env.workbook
        .values("Send log")
        ?.slice(1)
        .map((r) => [r[1], r[2], r[3]]),
    ).toEqual([["report:2026-10", "boss@x.com,a@x.com", "sent"]]);
    expect(reportSendState(env, october)).toEqual({
      sent: true,
      recipients: ["boss@x.com", "a@x.com"],
      language: "en",
    });
  });

  it("sends again only when forced", () => {
    const env = testEnv(workbook());
    sendReport(env, { month: october, asOf });
    const forced = sendReport(env, { month: october, asOf, force: true });
    expect(forced.delivery).toBe("sent");
    expect(env.outbox).toHaveLength(2);
  });

  it("with too little quota writes the sheet, sends nothing, logs it and says so", () => {
    const env = testEnv(workbook(), { quota: 1 });
    const result = sendReport(env, { month: october, asOf });
    expect(result.delivery).toBe("no-quota");
    expect(env.outbox).toHaveLength(0);
    expect(env.workbook.values("Report 2026-10")?.[0][0]).toBe("Monthly performance report 2026-10");
    expect(env.workbook.values("Send log")?.[1].slice(1)).toEqual([
      "report:2026-10",
      "boss@x.com,a@x.com",
      "no-quota",
    ]);
    expect(result.summary.map((m) => m.key)).toContain("report.summary.noQuota");
    expect(result.summary.find((m) => m.key === "report.summary.noQuota")?.params).toEqual({
      needed: 2,
      left: 1,
    });
    expect(reportSendState(env, october).sent).toBe(false);
  });

  it("with an invalid recipient address sends nothing, reports the setting and logs no recipients", () => {
    const env = testEnv(workbook([["report.recipients", "boss@x.com, not-an-address"]]));
    const result = sendReport(env, { month: october, asOf });
    expect(result.delivery).toBe("no-recipients");
    expect(env.outbox).toHaveLength(0);
    expect(result.issues[0]).toMatchObject({
      sheet: "Settings",
      row: 3,
      column: "Value",
      problem: { key: "issue.expectedEmailList" },
    });
    expect(env.workbook.values("Send log")?.[1].slice(1)).toEqual(["report:2026-10", "", "no-recipients"]);
    expect(env.workbook.values("Report 2026-10")).toBeDefined();
  });
});
