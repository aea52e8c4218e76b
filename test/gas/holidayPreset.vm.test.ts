/**
 * China's working calendar through dist/Code.js in the vm harness (run `npm run build` first):
 * Build contact plan skips 国庆 and plans on its make-up Saturday, and Check data names 2027,
 * which the preset does not cover, on the setting's row once the plan reaches into it.
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type SeedCell } from "./harness";

function sheets(): Record<string, SeedCell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", "Asia/Shanghai"],
      ["contact.holidayPreset", "CN"],
      ["contact.planDays", 5],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Status", "Tier"],
      ["C1", "Acme", "li@example.com", "active", "A"],
      ["C2", "Bolt", "li@example.com", "active", "C"],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel", "Responded"],
      [{ date: "2026-09-24" }, "C1", "visit", "yes"],
      [{ date: "2026-09-10" }, "C2", "email", "yes"],
    ],
    Deals: [["Deal ID", "Client ID", "Stage", "Amount", "Closed on"]],
  };
}

describe("China's working calendar in Sheets", () => {
  it("plans around 国庆 on 30 September: next due 8 October, and the make-up Saturday 10 October", () => {
    const gas = loadBundle({
      seed: { timeZone: "Asia/Shanghai", now: "2026-09-30T01:30:00Z", sheets: sheets() },
    });
    gas.call("menuContactPlan");
    const plan = gas.fake.sheetValues("Contact plan");
    const at = (header: string) => plan[0].indexOf(header);
    expect(
      plan.slice(1, 3).map((r) => [r[0], r[at("Next due")], r[at("Planned date")], r[at("Status")]]),
    ).toEqual([
      ["C1", { date: "2026-10-08" }, { date: "2026-10-08" }, "Upcoming"],
      ["C2", { date: "2026-10-10" }, { date: "2026-10-10" }, "Upcoming"],
    ]);
  });

  it("Check data on 28 December names 2027 on the contact.holidayPreset row of Settings", () => {
    const gas = loadBundle({
      seed: { timeZone: "Asia/Shanghai", now: "2026-12-28T01:30:00Z", sheets: sheets() },
    });
    gas.call("menuCheck");
    const rows = gas.fake.sheetValues("Data issues");
    const found = rows.filter((r) => r[1] === "Settings");
    expect(found.map((r) => r.slice(0, 5))).toEqual([["Check data", "Settings", 4, "Value", "CN"]]);
    expect(String(found[0][5])).toMatch(/^no public-holiday preset for 2027 /);
  });
});
