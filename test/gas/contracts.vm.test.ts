/**
 * The Review contracts and payments menu item and the contract reminders of the daily digest,
 * driven through dist/Code.js in the vm harness with call-counting fake Apps Script services
 * (run `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type ResetOptions, type SeedCell } from "./harness";

type Sheets = Record<string, SeedCell[][]>;

/** An English workbook as of 2026-11-27: li has a near renewal and an overdue instalment, wang a renewal. */
function workbook(): Sheets {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", "Asia/Shanghai"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier", "My notes"],
      ["C1", "Acme <b>&</b>", "li@example.com", "A", "keep me"],
      ["C2", "=Beta", "wang@example.com", "B", ""],
    ],
    Contracts: [
      ["Contract ID", "Client ID", "Value", "Status", "Signed on", "Start", "End"],
      ["K1", "C1", 120000, "active", { date: "2026-01-05" }, { date: "2026-01-10" }, { date: "2026-12-27" }],
      ["K2", "C2", 50000, "active", { date: "2026-01-05" }, { date: "2026-01-10" }, { date: "2027-02-20" }],
      ["K3", "C2", 9000, "active", "", { date: "2026-01-10" }, { date: "2026-11-20" }],
    ],
    Payments: [
      ["Contract ID", "Due", "Amount due", "Paid on", "Amount paid"],
      ["K1", { date: "2026-11-20" }, 60000, "", 10000],
      ["K1", { date: "2026-12-20" }, 60000, "", ""],
      ["K2", { date: "2026-03-01" }, 50000, { date: "2026-03-01" }, 50000],
      ["K3", { date: "2026-06-01" }, 9000, "", ""],
    ],
  };
}

function open(options: ResetOptions) {
  return loadBundle({ seed: { timeZone: "Asia/Shanghai", ...options } });
}

describe("Review contracts and payments from the menu", () => {
  it("is in the menu and replaces the Renewals & receivables sheet, marking near and overdue rows", () => {
    const gas = open({ sheets: workbook(), now: "2026-11-27T01:00:00Z" });
    gas.open("FULL");
    const items = JSON.stringify(gas.fake.menus);
    expect(items).toContain('"caption":"Review contracts and payments","functionName":"menuContracts"');
    expect(gas.functions()).toContain("menuContracts");

    gas.call("menuContracts");
    const sheet = gas.fake.sheetValues("Renewals & receivables");
    expect(sheet.slice(0, 6).map((row) => row.slice(0, 9))).toEqual([
      ["Renewals & receivables as of 2026-11-27", null, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, null, null],
      [
        "Due for renewal (ending within 90 days): 2, value ¥170,000",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      ["Contract ID", "Client ID", "Client name", "Tier", "Owner", "End", "Value", "Days left", "Note"],
      [
        "K1",
        "C1",
        "Acme <b>&</b>",
        "A",
        "li@example.com",
        { date: "2026-12-27" },
        120000,
        30,
        "ends within 30 days",
      ],
      ["K2", "C2", "=Beta", "B", "wang@example.com", { date: "2027-02-20" }, 50000, 85, null],
    ]);
    expect(gas.fake.cell("Renewals & receivables", "C6").type).toBe("text"); // "=Beta" stays text
    expect(sheet.slice(7, 11).map((row) => [row[0], row[3], row[7], row[8], row[9]])).toEqual([
      ["Overdue instalments: 2, outstanding ¥59,000", null, null, null, null],
      ["Contract ID", "Owner", "Outstanding", "Days overdue", "Ageing (days)"],
      ["K3", "wang@example.com", 9000, 179, "90+"],
      ["K1", "li@example.com", 50000, 7, "1-30"],
    ]);
    const state = gas.fake.sheetState("Renewals & receivables");
    expect([
      state.backgrounds.A5,
      state.backgrounds.A6,
      state.backgrounds.J10,
      state.backgrounds.A11,
    ]).toEqual(["#fef7e0", "#ffffff", "#fce8e6", "#fce8e6"]);
    expect(state.fontWeights.A1).toBe("bold");
    expect(gas.fake.sheetValues("Clients")[1][4]).toBe("keep me");
    expect(gas.fake.alerts).toHaveLength(1);
    expect(gas.fake.alerts[0].message.split("\n")).toEqual([
      "These sheets are missing and were read as empty: Deals",
      'Contracts due for renewal: 2 (¥170,000); overdue instalments: 2 (¥59,000 outstanding). See "Renewals & receivables".',
      "li@example.com: renewals due 1 (¥120,000); overdue instalments 1 (¥50,000 outstanding)",
      "wang@example.com: renewals due 1 (¥50,000); overdue instalments 1 (¥9,000 outstanding)",
      '2 data issues, listed in "Data issues".',
    ]);
    expect(gas.fake.sheetValues("Data issues").map((row) => [row[1], row[2], row[3], row[5]])).toEqual([
      ["Sheet", "Row", "Column", "Problem"],
      ["Contracts", 4, "Signed on", "a contract with status Active has no Signed on date; fill in Signed on"],
      [
        "Contracts",
        4,
        "Status",
        "the contract ended on 2026-11-20 (7 days ago) but is still active; set Status to expired or renewed",
      ],
    ]);
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("makes the same number of spreadsheet calls for 3 contracts and for 1,500", () => {
    const calls = (n: number) => {
      const sheets = workbook();
      sheets.Contracts = [sheets.Contracts[0]];
      sheets.Payments = [sheets.Payments[0]];
      for (let i = 0; i < n; i++) {
        const end = `2027-0${1 + (i % 3)}-1${i % 10}`;
        sheets.Contracts.push([
          `K${i}`,
          `C${1 + (i % 2)}`,
          1000,
          "active",
          { date: "2026-01-05" },
          { date: "2026-01-10" },
          { date: end },
        ]);
        sheets.Payments.push([
          `K${i}`,
          { date: `2026-${String(1 + (i % 11)).padStart(2, "0")}-15` },
          1000,
          "",
          i % 4 === 0 ? 1000 : "",
        ]);
      }
      const gas = open({ sheets, now: "2026-11-27T01:00:00Z" });
      gas.fake.resetCalls();
      gas.call("menuContracts");
      // Besides at most one insert per sheet that a longer output outgrows (rows past a new sheet's 1,000).
      expect(gas.fake.gridCalls()).toBeLessThanOrEqual(2);
      return {
        total: gas.fake.spreadsheetCalls() - gas.fake.gridCalls(),
        reads: gas.fake.calls["Range.getValues"],
        writes: gas.fake.calls["Range.setValues"],
      };
    };
    const small = calls(3);
    expect(calls(1500)).toEqual(small);
    expect(small.reads).toBe(4); // Settings, Clients, Contracts, Payments
    expect(small.writes).toBe(2); // Renewals & receivables, Data issues
  });
});

describe("contract reminders in the daily digest trigger", () => {
  it("mails each owner their renewals and overdue instalments once, and again only when still open a week later", () => {
    const gas = open({ sheets: workbook(), now: "2026-11-27T00:00:00Z" });
    gas.call("menuInstallTriggers");
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox.map((m) => [m.to, m.subject])).toEqual([
      ["li@example.com", "Daily digest 2026-11-27: 2 to follow up"],
      ["wang@example.com", "Daily digest 2026-11-27: 2 to follow up"],
    ]);
    const li = gas.fake.outbox[0];
    expect(li.body).toContain(
      "Contracts entering the renewal window (1)\n- Acme <b>&</b> · K1: Value ¥120,000 · Ends 2026-12-27 · Left 30 days",
    );
    expect(li.body).toContain(
      "Overdue payments (1)\n- Acme <b>&</b> · K1: Due 2026-11-20 · Outstanding ¥50,000 · Ageing 1-30 · Overdue 7 days",
    );
    expect(li.htmlBody).toContain("Acme &lt;b&gt;&amp;&lt;/b&gt; · K1");
    expect(li.htmlBody).not.toContain("<b>&</b>");
    expect(gas.fake.properties("document")["contracts.reminders"]).toBe("1");

    // The next days: nothing new, nothing mailed.
    for (const day of ["28", "29", "30"]) {
      gas.fake.setNow(`2026-11-${day}T00:00:00Z`);
      gas.fireTrigger("triggerDispatch");
    }
    expect(gas.fake.outbox).toHaveLength(2);

    // A week later the open items come again; K1's instalment of 12-20 is not overdue yet.
    gas.fake.setNow("2026-12-04T00:00:00Z");
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox.slice(2).map((m) => m.to)).toEqual(["li@example.com", "wang@example.com"]);
    expect(gas.fake.outbox[2].body).toContain("Overdue 14 days");
    expect(gas.fake.sheetValues("Send log").map((row) => [row[1], row[3]])).toEqual([
      ["What", "Result"],
      ["digest:2026-11-27:li@example.com", "sent"],
      ["digest:2026-11-27:wang@example.com", "sent"],
      ["digest:2026-12-04:li@example.com", "sent"],
      ["digest:2026-12-04:wang@example.com", "sent"],
    ]);
    expect(gas.fake.lockHeld()).toBe(false);
  });
});
