/**
 * Tier changes reviewed before they apply, in Sheets: Recalculate tiers with tier.review on
 * writes Tier proposals; a person approves a row in its Status cell; Apply approved tier changes
 * applies it and tells the owner. Driven through dist/Code.js (run `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type SeedCell } from "./harness";

function workbook(): Record<string, SeedCell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["tier.review", "on"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier", "Tier reason", "12-month purchase", "Tier since"],
      ["K1", "Kestrel", "li@example.com", "C", "old reason", "", { date: "2025-01-01" }],
      ["K2", "Kite", "li@example.com", "C", "", "", ""],
    ],
    Deals: [
      ["Deal ID", "Client ID", "Stage", "Amount", "Closed on"],
      ["D1", "K1", "won", 220_000, { date: "2026-03-10" }],
      ["D3", "K2", "won", 100_000, { date: "2026-11-01" }],
    ],
    Team: [
      ["Owner", "Name", "Manager"],
      ["li@example.com", "Li", "boss@example.com"],
    ],
  };
}

describe("Tier proposals in Sheets", () => {
  it("proposes, waits for the approval typed in the Status cell, then applies and mails the owner", () => {
    const gas = loadBundle({
      seed: { timeZone: "Asia/Shanghai", sheets: workbook(), now: "2026-11-27T01:00:00Z" },
    });
    gas.open("FULL");
    expect(JSON.stringify(gas.fake.menus)).toContain(
      '{"caption":"Apply approved tier changes","functionName":"menuApplyTierChanges"}',
    );
    gas.call("menuTiers");
    // K2's surge upgrade applied at once; K1's upgrade waits.
    expect(gas.fake.sheetValues("Clients").map((row) => row[3])).toEqual(["Tier", "C", "B"]);
    expect(gas.fake.sheetValues("Tier proposals")[1].slice(1, 8)).toEqual([
      "K1",
      "Kestrel",
      "li@example.com",
      "C",
      "B",
      "12-month purchase ¥220,000 ≥ ¥200,000 → B",
      "Pending",
    ]);
    expect(gas.fake.cell("Tier proposals", "A2").type).toBe("date");
    // The Status column offers the status labels as a drop-down down to the sheet's last row.
    const state = gas.fake.sheetState("Tier proposals");
    expect(state.validations.filter((v) => v.a1.startsWith("H"))).toEqual([
      expect.objectContaining({
        a1: `H2:H${state.maxRows}`,
        type: "VALUE_IN_LIST",
        values: ["Pending", "Approved", "Rejected", "Applied"],
      }),
    ]);
    // Only the Team sheet's manager (besides the owner and whoever ran it) may decide.
    expect(state.protections).toEqual([
      {
        a1: `H2:H${state.maxRows}`,
        type: "RANGE",
        description: "Account Desk: tier proposal status",
        editors: expect.arrayContaining(["boss@example.com"]),
        domainEdit: false,
      },
    ]);
    expect(gas.fake.canEdit("Tier proposals", "H2", "boss@example.com")).toBe(true);
    expect(gas.fake.canEdit("Tier proposals", "H2", "li@example.com")).toBe(false);
    expect(gas.fake.canEdit("Tier proposals", "G2", "li@example.com")).toBe(true);
    const mailsBefore = gas.fake.outbox.length;

    gas.call("menuApplyTierChanges");
    expect(gas.fake.sheetValues("Clients")[1][3]).toBe("C"); // still pending: nothing applied

    gas.evaluate(
      'SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Tier proposals").getRange("H2").setValue("批准")',
    );
    gas.call("menuApplyTierChanges");
    expect(gas.fake.sheetValues("Clients")[1].slice(3, 7)).toEqual([
      "B",
      "12-month purchase ¥220,000 ≥ ¥200,000 → B",
      220000,
      { date: "2026-11-27" },
    ]);
    expect(gas.fake.sheetValues("Tier proposals")[1].slice(7)).toEqual(["Applied", { date: "2026-11-27" }]);
    expect(gas.fake.sheetValues("Tier history").at(-1)?.slice(1, 4)).toEqual(["K1", "C", "B"]);
    const notices = gas.fake.outbox.slice(mailsBefore);
    expect(notices.map((m) => m.to)).toEqual(["li@example.com"]);
    expect(notices[0].body).toContain("K1 Kestrel: C → B");
    expect(gas.fake.lockHeld()).toBe(false);
  });
});
