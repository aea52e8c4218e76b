/**
 * The capacity-aware contact plan and its digest, driven through dist/Code.js in the vm harness
 * (run `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type SeedCell } from "./harness";

type Sheets = Record<string, SeedCell[][]>;

/**
 * As of Friday 27 Nov 2026, li can spend 4 points a day (a visit 3, a call 1) over three working
 * days and has three tier A visits and two calls due; wang has a client 75 days behind on an
 * instalment, contacted at tier A's weekly cadence.
 */
function workbook(extra: { clients?: number } = {}): Sheets {
  const sheets: Sheets = {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["contact.capacityPerDay", "4"],
      ["contact.channelWeights", "visit:3, phone:1"],
      ["contact.planDays", "3"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["A1", "Alpha", "li@example.com", "A"],
      ["A2", "Apex", "li@example.com", "A"],
      ["A3", "Atlas", "li@example.com", "A"],
      ["B1", "Beta", "li@example.com", "B"],
      ["B2", "Birch", "li@example.com", "B"],
      ["W1", "Wolf", "wang@example.com", "B"],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel"],
      [{ date: "2026-11-18" }, "A1", "visit"],
      [{ date: "2026-11-19" }, "A2", "visit"],
      [{ date: "2026-11-20" }, "A3", "visit"],
      [{ date: "2026-11-10" }, "B1", "phone"],
      [{ date: "2026-11-12" }, "B2", "phone"],
      [{ date: "2026-11-16" }, "W1", "phone"],
    ],
    Contracts: [
      ["Contract ID", "Client ID", "Value", "Status", "Start", "End"],
      ["HT-1", "W1", "100000", "active", { date: "2026-01-05" }, { date: "2027-06-30" }],
    ],
    Payments: [
      ["Contract ID", "Due", "Amount due", "Amount paid"],
      ["HT-1", { date: "2026-09-13" }, "30000", ""],
    ],
  };
  for (let i = 0; i < (extra.clients ?? 0); i++) {
    sheets.Clients.push([`X${i}`, `Extra ${i}`, `o${i % 9}@example.com`, ["A", "B", "C"][i % 3]]);
    sheets.Interactions.push([
      { date: `2026-11-${String(1 + (i % 26)).padStart(2, "0")}` },
      `X${i}`,
      "phone",
    ]);
  }
  return sheets;
}

function open(sheets: Sheets, now = "2026-11-27T01:00:00Z") {
  return loadBundle({ seed: { timeZone: "Asia/Shanghai", sheets, now } });
}

describe("the capacity-aware contact plan in Sheets", () => {
  it("plans tier A first within each owner's capacity and writes planned date, purpose and note", () => {
    const gas = open(workbook());
    gas.call("menuContactPlan");
    const plan = gas.fake.sheetValues("Contact plan");
    expect(plan[0].slice(9, 12)).toEqual(["Planned date", "Purpose", "Plan note"]);
    const byId = new Map(plan.slice(1).map((row) => [row[0], row.slice(9, 12)] as const));
    // A1 Fri (3), A2 Mon (3), A3 Tue (3); then B1 (most overdue) Fri (4), B2 Mon (4).
    expect(Object.fromEntries(byId)).toEqual({
      A1: [{ date: "2026-11-27" }, "Regular", null],
      A2: [{ date: "2026-11-30" }, "Regular", null],
      A3: [{ date: "2026-12-01" }, "Regular", null],
      B1: [{ date: "2026-11-27" }, "Regular", null],
      B2: [{ date: "2026-11-30" }, "Regular", null],
      W1: [
        { date: "2026-11-27" },
        "Collection",
        "instalment 75 days overdue; contact every 7 days until paid",
      ],
    });
    expect(gas.fake.cell("Contact plan", "J2").type).toBe("date");
    const summary = [...gas.fake.alerts, ...gas.fake.toasts].map((a) => a.message).join("\n");
    expect(summary).toContain(
      "Schedule (3 working days, to 2026-12-01): 6 contacts planned, 3 today; 0 could not be planned.",
    );
    expect(summary).toContain("li@example.com: 2 today, 5 planned, 0 not planned");
  });

  it("makes the same number of spreadsheet calls for 1,000 more clients and for 2,000 more", () => {
    const calls = (n: number) => {
      const gas = open(workbook({ clients: n }));
      gas.fake.resetCalls();
      gas.call("menuContactPlan");
      expect(gas.fake.sheetValues("Contact plan")).toHaveLength(n + 7);
      return { total: gas.fake.spreadsheetCalls(), reads: gas.fake.calls["Range.getValues"] };
    };
    // Both grow the new sheet's grid once (a new sheet has 1,000 rows).
    const small = calls(1000);
    expect(calls(2000)).toEqual(small);
    expect(small.reads).toBe(5); // Settings, Clients, Interactions, Contracts, Payments
  });

  it("mails each owner today's planned contacts only", () => {
    const gas = open(workbook(), "2026-11-27T00:00:00Z");
    gas.call("menuInstallTriggers");
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox.map((m) => [m.to, m.subject])).toEqual([
      ["li@example.com", "Daily digest 2026-11-27: 2 to follow up"],
      // The collection contact, and the contracts part's overdue instalment.
      ["wang@example.com", "Daily digest 2026-11-27: 2 to follow up"],
    ]);
    expect(gas.fake.outbox[0].body).toContain(
      [
        "Contacts planned for today (2)",
        "- Alpha · A1: Tier A · Channel Visit · Last contact 2026-11-18 · Purpose Regular",
        "- Beta · B1: Tier B · Channel Phone · Last contact 2026-11-10 · Purpose Regular",
      ].join("\n"),
    );
    expect(gas.fake.outbox[0].body).toContain("Planned in the next 7 days (3)");
  });
});
