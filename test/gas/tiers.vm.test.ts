/**
 * The tier menu items, the tier change notices and the monthly tier trigger, driven through
 * dist/Code.js in the vm harness with call-counting fake Apps Script services (run
 * `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type ResetOptions, type SeedCell } from "./harness";

type Sheets = Record<string, SeedCell[][]>;

const LI = "li@example.com";
const WANG = "wang@example.com";

/** As of 27 Nov 2026: C1 is new (→ A), C2 rises C → B, C3 falls below B (held back), C4 has no owner. */
function workbook(): Sheets {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", "Asia/Shanghai"],
    ],
    Clients: [
      [
        "Client ID",
        "Name",
        "Owner",
        "Status",
        "Tier",
        "Tier reason",
        "12-month purchase",
        "Tier since",
        "My notes",
      ],
      ["C1", "Acme <b>&</b>", LI, "", "", "", "", "", "keep me"],
      ["C2", "Beta", LI, "active", "C", "", "", { date: "2026-04-01" }, ""],
      ["C3", "Gamma", WANG, "", "B", "", "", { date: "2026-01-01" }, "=not a formula"],
      ["C4", "Delta", "", "", "", "", "", "", ""],
      ["C5", "Eps", WANG, "inactive", "A", "old", 5, { date: "2025-01-01" }, ""],
    ],
    Deals: [
      ["Deal ID", "Client ID", "Stage", "Amount", "Closed on"],
      ["D1", "C1", "won", 1_240_000, { date: "2026-05-10" }],
      ["D2", "C2", "won", "30万", { date: "2026-06-01" }],
      ["D3", "C3", "won", 150_000, { date: "2026-03-01" }],
      ["D4", "C4", "won", 20_000, { date: "2026-03-01" }],
    ],
  };
}

function open(options: ResetOptions) {
  return loadBundle({ seed: { timeZone: "Asia/Shanghai", ...options } });
}

describe("the tier menu items", () => {
  it("appear in the Account Desk menu", () => {
    const gas = open({ sheets: workbook(), now: "2026-11-27T01:00:00Z" });
    gas.open("FULL");
    const captions = JSON.stringify(gas.fake.menus);
    expect(captions).toContain('{"caption":"Recalculate tiers","functionName":"menuTiers"}');
    expect(captions).toContain('{"caption":"Quarterly tier review","functionName":"menuTierReview"}');
  });

  it("Recalculate tiers writes the four columns, the history, one notice per owner with changes and the summary", () => {
    const gas = open({ sheets: workbook(), now: "2026-11-27T01:00:00Z" });
    gas.call("menuTiers");
    expect(gas.fake.sheetValues("Clients")).toEqual([
      [
        "Client ID",
        "Name",
        "Owner",
        "Status",
        "Tier",
        "Tier reason",
        "12-month purchase",
        "Tier since",
        "My notes",
      ],
      [
        "C1",
        "Acme <b>&</b>",
        LI,
        null,
        "A",
        "12-month purchase ¥1,240,000 ≥ ¥1,000,000 → A",
        1_240_000,
        { date: "2026-11-27" },
        "keep me",
      ],
      [
        "C2",
        "Beta",
        LI,
        "active",
        "B",
        "12-month purchase ¥300,000 ≥ ¥200,000 → B",
        300_000,
        { date: "2026-11-27" },
        null,
      ],
      [
        "C3",
        "Gamma",
        WANG,
        null,
        "B",
        "B kept until the quarterly review (¥150,000 is below ¥180,000; the review decides)",
        150_000,
        { date: "2026-01-01" },
        "=not a formula",
      ],
      [
        "C4",
        "Delta",
        null,
        null,
        "C",
        "12-month purchase ¥20,000 < ¥200,000 → C",
        20_000,
        { date: "2026-11-27" },
        null,
      ],
      ["C5", "Eps", WANG, "inactive", "A", "old", 5, { date: "2025-01-01" }, null],
    ]);
    expect(gas.fake.cell("Clients", "I4").type).toBe("text");
    expect(gas.fake.sheetValues("Tier history")).toEqual([
      ["Date", "Client ID", "From", "To", "Reason", "By"],
      [
        { date: "2026-11-27" },
        "C1",
        null,
        "A",
        "12-month purchase ¥1,240,000 ≥ ¥1,000,000 → A",
        "manager@example.com",
      ],
      [
        { date: "2026-11-27" },
        "C2",
        "C",
        "B",
        "12-month purchase ¥300,000 ≥ ¥200,000 → B",
        "manager@example.com",
      ],
      [
        { date: "2026-11-27" },
        "C4",
        null,
        "C",
        "12-month purchase ¥20,000 < ¥200,000 → C",
        "manager@example.com",
      ],
    ]);
    expect(gas.fake.outbox.map((m) => [m.to, m.subject])).toEqual([
      [LI, "Client tier changes: 2 clients (2026-11-27)"],
    ]);
    const mail = gas.fake.outbox[0];
    expect(mail.htmlBody).toContain("Acme &lt;b&gt;&amp;&lt;/b&gt;");
    expect(mail.htmlBody).not.toContain("<b>&</b>");
    expect(mail.body).toContain("C2 Beta: C → B (12-month purchase ¥300,000 ≥ ¥200,000 → B)");
    expect(gas.fake.sheetValues("Send log").map((row) => [row[2], row[3]])).toEqual([
      ["To", "Result"],
      [LI, "sent"],
    ]);
    expect(gas.fake.toasts.map((t) => t.message.split("\n"))).toEqual([
      [
        "Tiers recalculated (2026-11-27): 1 up, 0 down, 2 new, 1 unchanged.",
        "These sheets are missing and were read as empty: Industries",
        'Appended 3 rows to "Tier history".',
        "Tier change notices sent to 1 owners.",
        "1 clients changed tier but have no Owner to tell.",
      ],
    ]);
    expect(gas.fake.sheetValues("Data issues")).toEqual([
      ["Action", "Sheet", "Row", "Column", "Value", "Problem", "Found at"],
    ]);
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("Quarterly tier review applies the downgrade beyond the margin and reports a tier A client without an owner", () => {
    const sheets = workbook();
    sheets.Deals.push(["D5", "C4", "won", 2_000_000, { date: "2026-02-01" }]);
    const gas = open({ sheets, now: "2026-11-27T01:00:00Z" });
    gas.call("menuTierReview");
    const clients = gas.fake.sheetValues("Clients");
    expect(clients[3].slice(4, 8)).toEqual([
      "C",
      "Quarterly review: 12-month purchase ¥150,000 < ¥180,000 (tier B threshold ¥200,000 × 90%) → C",
      150_000,
      { date: "2026-11-27" },
    ]);
    expect(gas.fake.outbox.map((m) => m.to)).toEqual([LI, WANG]);
    expect(gas.fake.outbox[1].subject).toBe("Client tier changes: 1 clients (2026-11-27)");
    expect(gas.fake.alerts).toHaveLength(1);
    expect(gas.fake.alerts[0].message.split("\n")[0]).toBe(
      "Quarterly tier review done (2026-11-27): 1 up, 1 down, 2 new, 0 unchanged.",
    );
    expect(gas.fake.sheetValues("Data issues").slice(1)).toEqual([
      [
        "Quarterly review",
        "Clients",
        5,
        "Owner",
        null,
        "tier A (high-value) client without an Owner: high-value clients get a dedicated account manager",
        "2026-11-27 09:00",
      ],
    ]);
  });

  it("makes the same number of spreadsheet calls for 5 clients and for 1,000", () => {
    const calls = (n: number) => {
      const sheets = workbook();
      sheets.Clients = [sheets.Clients[0]];
      sheets.Deals = [sheets.Deals[0]];
      for (let i = 0; i < n; i++) {
        sheets.Clients.push([`C${i}`, `Client ${i}`, `o${i % 3}@example.com`, "", "", "", "", "", ""]);
        sheets.Deals.push([`D${i}`, `C${i}`, "won", 1_000 * (i % 1_300), { date: "2026-06-01" }]);
      }
      const gas = open({ sheets, now: "2026-11-27T01:00:00Z", mailQuota: 1000 });
      gas.fake.resetCalls();
      gas.call("menuTiers");
      expect(gas.fake.outbox).toHaveLength(3);
      // Besides at most one insert per sheet that a longer output outgrows (rows past a new sheet's 1,000).
      expect(gas.fake.gridCalls()).toBeLessThanOrEqual(2);
      return {
        total: gas.fake.spreadsheetCalls() - gas.fake.gridCalls(),
        reads: gas.fake.calls["Range.getValues"],
        writes: gas.fake.calls["Range.setValues"],
      };
    };
    const small = calls(5);
    expect(calls(1000)).toEqual(small);
    expect(small.reads).toBe(3); // Settings, Clients, Deals (no Industries, no Send log yet)
    expect(small.writes).toBe(6); // the tier block; history and send log (header + rows each); Data issues
  });
});

describe("the monthly tier trigger", () => {
  function installed(now: string) {
    const gas = open({ sheets: workbook(), now });
    gas.call("menuInstallTriggers");
    return gas;
  }

  it("runs on the 1st from the earlier of report.hour and digest.hour, through the hourly dispatcher", () => {
    const gas = installed("2026-10-31T23:00:00Z"); // 07:00 on 1 Nov
    expect(gas.fake.triggers.map((t) => [t.handler, t.schedule])).toEqual([
      ["triggerDispatch", { everyHours: 1 }],
      ["triggerApprovalEdit", {}],
    ]);
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.logs.map((l) => l.message).join("\n")).not.toContain("Tiers recalculated");
  });

  it("runs the quarterly review once when fired twice on the first day of a review month", () => {
    // 00:00 UTC on 1 Oct is 08:00 in Shanghai.
    const gas = installed("2026-10-01T00:00:00Z");
    gas.fireTrigger("triggerDispatch");
    const afterFirst = gas.fake.sheetValues("Tier history");
    expect(afterFirst.map((row) => row.slice(1, 4))).toEqual([
      ["Client ID", "From", "To"],
      ["C1", null, "A"],
      ["C2", "C", "B"],
      ["C3", "B", "C"],
      ["C4", null, "C"],
    ]);
    expect(afterFirst[1][5]).toBe("trigger");
    expect(gas.fake.properties("document")).toMatchObject({
      "accountDesk.tiers.lastScheduledReview": "2026-10",
    });
    const notices = () => gas.fake.outbox.filter((m) => !m.subject.startsWith("Daily digest"));
    expect(notices().map((m) => m.to)).toEqual([LI, WANG]);

    gas.fake.resetCalls();
    gas.fake.setNow("2026-10-01T01:00:00Z");
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.calls["Range.setValues"] ?? 0).toBe(0);
    expect(gas.fake.sheetValues("Tier history")).toEqual(afterFirst);
    expect(notices()).toHaveLength(2);
    const logged = gas.fake.logs.map((l) => l.message).join("\n");
    expect(logged).toContain("Quarterly tier review done (2026-10-01): 1 up, 1 down, 2 new, 0 unchanged.");
    expect(logged.match(/Quarterly tier review done/g)).toHaveLength(1);
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("recalculates without downgrading in a month that is not a review month", () => {
    const gas = installed("2026-11-01T00:00:00Z");
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.sheetValues("Clients")[3][4]).toBe("B");
    expect(gas.fake.properties("document")["accountDesk.tiers.lastScheduledReview"]).toBeUndefined();
    expect(gas.fake.logs.map((l) => l.message).join("\n")).toContain("Tiers recalculated (2026-11-01)");
  });
});
