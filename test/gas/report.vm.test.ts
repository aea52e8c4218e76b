/**
 * The monthly report's menu items, its sending and its monthly trigger, driven through
 * dist/Code.js in the vm harness with call-counting fake Apps Script services (run
 * `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type ResetOptions, type SeedCell } from "./harness";

type Sheets = Record<string, SeedCell[][]>;

/** An English workbook with October 2026 figures; `extraDeals` won deals pad the Deals sheet. */
function workbook(recipients = "boss@example.com, li@example.com", extraDeals = 0): Sheets {
  const deals: SeedCell[][] = [
    ["Deal ID", "Client ID", "Owner", "Stage", "Amount", "Closed on", "Expected close"],
    ["D1", "C1", "", "won", 100_000, { date: "2026-10-05" }, ""],
    ["D2", "C2", "wang@example.com", "lost", 30_000, { date: "2026-10-10" }, ""],
    ["D3", "C2", "wang@example.com", "proposal", 200_000, "", { date: "2026-11-20" }],
  ];
  for (let i = 0; i < extraDeals; i++)
    deals.push([`X${i}`, "C1", "", "won", 1_000, { date: "2026-10-20" }, ""]);
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", "Asia/Shanghai"],
      ["report.recipients", recipients],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["C1", "<script>alert(1)</script>", "li@example.com", "A"],
      ["C2", "Beta", "wang@example.com", "B"],
    ],
    Deals: deals,
    Targets: [
      ["Owner", "Period", "Target"],
      ["ALL", "2026-Q4", 600_000],
    ],
    Contracts: [
      ["Contract ID", "Client ID", "Value", "Status", "End"],
      ["K1", "C1", 50_000, "active", { date: "2026-12-15" }],
    ],
  };
}

function open(options: ResetOptions) {
  return loadBundle({ seed: { timeZone: "Asia/Shanghai", now: "2026-11-01T00:00:00Z", ...options } });
}

describe("the report menu items", () => {
  it("appear in the Account Desk menu", () => {
    const gas = open({ sheets: workbook() });
    gas.open("FULL");
    const captions = JSON.stringify(gas.fake.menus);
    expect(captions).toContain('{"caption":"Generate monthly report…","functionName":"menuReport"}');
    expect(captions).toContain('{"caption":"Send monthly report now…","functionName":"menuSendReport"}');
    expect(captions).toContain(
      '{"caption":"Preview report e-mail to me","functionName":"menuPreviewReport"}',
    );
  });

  it("Generate monthly report asks for the month, defaults to the previous one and writes the sheet with its four charts", () => {
    const gas = open({ sheets: workbook(), answers: [{ button: "OK", text: "" }] });
    gas.call("menuReport");
    expect(gas.fake.prompts.map((p) => [p.title, p.message, p.buttons])).toEqual([
      [
        "Monthly performance report",
        "Month of the report (YYYY-MM); leave blank for last month, 2026-10:",
        "OK_CANCEL",
      ],
    ]);
    const values = gas.fake.sheetValues("Report 2026-10");
    expect(values[0][0]).toBe("Monthly performance report 2026-10");
    const card = (label: string) => {
      const row = values.findIndex((line) => line.includes(label));
      return values[row + 1][values[row].indexOf(label)];
    };
    expect(card("Won this month")).toBe(100_000);
    const charts = gas.fake.sheetState("Report 2026-10").charts;
    expect(charts.map((c) => [c.type, c.options.title, c.options.width, c.options.height])).toEqual([
      ["COMBO", "Performance by owner", 648, 240],
      ["COMBO", "Team won against target, last 12 months", 352, 240],
      // Six columns with the stage ages: the chart goes under the table, full width.
      ["COLUMN", "Pipeline (open deals now)", 648, 240],
      ["PIE", "Client tiers (active clients)", 352, 240],
    ]);
    expect(charts[0].options.series).toEqual({ 1: { type: "line" } });
    // The month is over: its snapshot is recorded once, however often the report is generated.
    expect(gas.fake.sheetValues("Report snapshots").map((row) => [row[0], row[1], row[3], row[4]])).toEqual([
      ["Month", "Revision", "Owner", "Won"],
      ["2026-10", 1, "ALL", 100_000],
      ["2026-10", 1, "li@example.com", 100_000],
      ["2026-10", 1, "wang@example.com", 0],
    ]);
    expect(gas.fake.cell("Report 2026-10", "A1").fontWeight).toBe("bold");
    expect(gas.fake.outbox).toHaveLength(0);
    expect(gas.fake.toasts.map((t) => t.message).join("\n")).toContain(
      'Wrote "Report 2026-10": won ¥100,000, target ¥200,000, attainment 50%.',
    );
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("lays the sheet out in Sheets: title merged, figures right-aligned under right-aligned headers, names wrapped, card figures large", () => {
    const gas = open({ sheets: workbook(), answers: [{ button: "OK", text: "2026-10" }] });
    gas.call("menuReport");
    const sheet = "Report 2026-10";
    const values = gas.fake.sheetValues(sheet);
    const header = values.findIndex((line) => line[0] === "Owner" && line[1] === "Won") + 1;
    expect(header).toBeGreaterThan(0);
    const at = (column: string, row: number) => gas.fake.cell(sheet, `${column}${row}`);
    expect(gas.fake.sheetState(sheet).merges).toContain("A1:H1");
    expect([at("B", header).horizontalAlignment, at("B", header + 1).horizontalAlignment]).toEqual([
      "right",
      "right",
    ]);
    expect(at("A", header + 1).wrap).toBe(true);
    const card = values.findIndex((line) => line[0] === "Won this month") + 1;
    expect(at("A", card + 1).fontSize).toBeGreaterThan(at("A", card).fontSize);
    expect(at("A", card).fontColor).not.toBe("#000000");
  });

  it("writes the sheet with the same number of spreadsheet calls for 3 and 300 deals", () => {
    const calls = (extra: number) => {
      const gas = open({ sheets: workbook(undefined, extra), answers: [{ button: "OK", text: "2026-10" }] });
      gas.fake.resetCalls();
      gas.call("menuReport");
      return gas.fake.spreadsheetCalls();
    };
    expect(calls(300)).toBe(calls(0));
  });

  it("says so and writes nothing when the month typed is not a month", () => {
    const gas = open({ sheets: workbook(), answers: [{ button: "OK", text: "October" }] });
    gas.call("menuReport");
    expect(gas.fake.alerts.map((a) => a.message)).toEqual([
      '"October" is not a month; write it as YYYY-MM, for example 2026-10.',
    ]);
    expect(gas.fake.sheetNames()).not.toContain("Report 2026-10");
  });

  it("Send report now asks before sending a month already sent, and sends again only on Yes", () => {
    const gas = open({
      sheets: workbook(),
      answers: [
        { button: "OK", text: "2026-10" },
        { button: "OK", text: "2026-10" },
        { button: "NO" },
        { button: "OK", text: "2026-10" },
        { button: "YES" },
      ],
    });
    gas.call("menuSendReport");
    expect(gas.fake.outbox).toHaveLength(1);
    gas.call("menuSendReport");
    expect(gas.fake.alerts.map((a) => [a.title, a.buttons, a.answer])).toEqual([
      ["Send the monthly report again", "YES_NO", "NO"],
    ]);
    expect(gas.fake.outbox).toHaveLength(1);
    gas.call("menuSendReport");
    expect(gas.fake.outbox).toHaveLength(2);
    expect(gas.fake.sheetValues("Send log").map((row) => row.slice(1))).toEqual([
      ["What", "To", "Result"],
      ["report:2026-10", "boss@example.com,li@example.com", "sent"],
      ["report:2026-10", "boss@example.com,li@example.com", "sent"],
    ]);
  });
});

/** The report's mails (the dispatcher may also send digests and tier notices on the 1st). */
const reports = (gas: ReturnType<typeof open>) =>
  gas.fake.outbox.filter((m) => m.subject.startsWith("Monthly performance report"));

describe("Preview report e-mail to me", () => {
  it("sends the report to the user clicking only, logged as a preview that does not count as the month's send", () => {
    const gas = open({
      sheets: workbook(),
      answers: [
        { button: "OK", text: "2026-10" },
        { button: "OK", text: "2026-10" },
      ],
    });
    gas.call("menuPreviewReport");
    expect(gas.fake.outbox).toHaveLength(1);
    const mail = gas.fake.outbox[0];
    expect(mail.to).toBe("manager@example.com");
    expect(mail.subject).toBe("[Preview] Monthly performance report 2026-10: won ¥100,000, attainment 50%");
    expect(mail.htmlBody).toContain("Preview: this e-mail went to you only");
    expect(gas.fake.sheetValues("Send log").map((row) => row.slice(1))).toEqual([
      ["What", "To", "Result"],
      ["report-preview:2026-10", "manager@example.com", "sent"],
    ]);
    expect(gas.fake.sheetNames()).not.toContain("Report snapshots");
    // The month's send is still to come: Send report now asks nothing and sends.
    gas.call("menuSendReport");
    expect(gas.fake.alerts).toEqual([]);
    expect(gas.fake.outbox).toHaveLength(2);
  });
});

describe("the monthly report trigger", () => {
  function installed(options: ResetOptions = {}) {
    const gas = open({ sheets: workbook(), ...options });
    gas.call("menuInstallTriggers");
    return gas;
  }

  it("is sent by the hourly dispatcher at report.dayOfMonth and report.hour in the workbook's zone", () => {
    const gas = installed({ now: "2026-10-31T23:30:00Z" }); // 07:30 on 1 Nov
    expect(gas.fake.triggers.map((t) => [t.handler, t.schedule])).toEqual([
      ["triggerDispatch", { everyHours: 1 }],
      ["triggerApprovalEdit", {}],
    ]);
    gas.fireTrigger("triggerDispatch");
    expect(reports(gas)).toHaveLength(0);
    gas.fake.setNow("2026-11-01T00:10:00Z");
    gas.fireTrigger("triggerDispatch");
    expect(reports(gas)).toHaveLength(1);
  });

  it("fired twice sends the previous month's report once, with the PDF attached", () => {
    const gas = installed();
    gas.fireTrigger("triggerDispatch");
    gas.fake.setNow("2026-11-01T01:00:00Z");
    gas.fireTrigger("triggerDispatch");
    expect(reports(gas)).toHaveLength(1);
    const mail = reports(gas)[0];
    expect(mail.to).toBe("boss@example.com,li@example.com");
    expect(mail.subject).toBe("Monthly performance report 2026-10: won ¥100,000, attainment 50%");
    expect(mail.htmlBody).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.htmlBody).not.toContain("<script>");
    expect(mail.attachments.map((a) => [a.name, a.contentType])).toEqual([
      ["Monthly-report-2026-10.pdf", "application/pdf"],
    ]);
    expect(mail.attachments[0].text.startsWith("%PDF-")).toBe(true);
    expect(mail.attachments[0].text).toContain("Performance by owner");
    const logged = gas.fake.logs.map((l) => l.message).join("\n");
    expect(logged).toContain("Monthly report 2026-10 sent to boss@example.com, li@example.com.");
    expect(gas.fake.sheetValues("Send log").filter((row) => row[1] === "report:2026-10")).toHaveLength(1);
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("with no mail quota writes the report, sends nothing and logs why", () => {
    const gas = installed({ mailQuota: 0 });
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox).toHaveLength(0);
    expect(gas.fake.sheetValues("Report 2026-10")[0][0]).toBe("Monthly performance report 2026-10");
    expect(
      gas.fake
        .sheetValues("Send log")
        .find((row) => row[1] === "report:2026-10")
        ?.slice(1),
    ).toEqual(["report:2026-10", "boss@example.com,li@example.com", "no-quota"]);
    expect(gas.fake.logs.map((l) => l.message).join("\n")).toContain(
      "Not sent: today's mail quota is too low (needs 2, 0 left); nothing went out. Try again tomorrow.",
    );
  });

  it("with no recipients writes the report, sends nothing and logs it", () => {
    const gas = open({ sheets: workbook("") });
    gas.call("menuInstallTriggers");
    gas.fireTrigger("triggerDispatch");
    expect(reports(gas)).toHaveLength(0);
    expect(
      gas.fake
        .sheetValues("Send log")
        .find((row) => row[1] === "report:2026-10")
        ?.slice(1),
    ).toEqual(["report:2026-10", null, "no-recipients"]);
    expect(gas.fake.logs.map((l) => l.message).join("\n")).toContain(
      "Not sent: Settings has no valid recipient (report.recipients).",
    );
  });
});
