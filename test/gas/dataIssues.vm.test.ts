/**
 * Data issues that stay, through dist/Code.js in the vm harness (run `npm run build` first):
 * a clean Contact plan leaves the issues Check data found, and Check data's alert counts every
 * action's issues listed in the sheet.
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type SeedCell } from "./harness";

function sheets(): Record<string, SeedCell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", "Asia/Shanghai"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Status", "Tier"],
      ["C1", "Acme", "li@example.com", "active", "A"],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel", "Responded"],
      [{ date: "2026-11-18" }, "C1", "visit", "yes"],
    ],
    Deals: [["Deal ID", "Client ID", "Stage", "Amount", "Closed on"]],
    Targets: [
      ["Owner", "Period", "Target"],
      ["ALL", "next year", 100],
    ],
    "Data issues": [
      ["Action", "Sheet", "Row", "Column", "Value", "Problem", "Found at"],
      ["Monthly report", "Deals", 7, "Amount", "abc", "expected an amount", "2026-11-01 08:00"],
    ],
  };
}

describe("Data issues that stay", () => {
  it("Check data keeps the report's rows, adds its own with the time, and its alert counts all", () => {
    const gas = loadBundle({
      seed: { timeZone: "Asia/Shanghai", now: "2026-11-27T01:30:00Z", sheets: sheets() },
    });
    gas.call("menuCheck");
    const rows = gas.fake.sheetValues("Data issues");
    expect(rows.map((r) => r[0])).toEqual(["Action", "Monthly report", "Check data"]);
    expect(rows[2].slice(1, 4)).toEqual(["Targets", 2, "Period"]);
    expect(rows[2][6]).toBe("2026-11-27 09:30");
    expect(gas.fake.cell("Data issues", "G3").type).toBe("text");
    const messages = [...gas.fake.alerts, ...gas.fake.toasts].map((m) => m.message).join("\n");
    expect(messages).toContain(
      'Check done: 1 data issues; "Data issues" lists 2 with those other actions found last.',
    );

    gas.call("menuContactPlan");
    expect(gas.fake.sheetValues("Data issues")).toEqual(rows);
  });
});
