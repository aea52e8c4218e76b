/**
 * The report's win / loss through dist/Code.js in the vm harness: a competitor typed as text
 * that looks like a formula reaches the report sheet as text, never as a formula (run
 * `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type SeedCell } from "./harness";

const FORMULA = '=HYPERLINK("http://x","y")';

describe("win / loss in the report sheet", () => {
  it("writes a competitor that looks like a formula as text", () => {
    const gas = loadBundle({
      seed: {
        timeZone: "Asia/Shanghai",
        now: "2026-11-01T00:00:00Z",
        answers: [{ button: "OK", text: "2026-10" }],
        sheets: {
          Settings: [
            ["Key", "Value"],
            ["language", "en"],
            ["timeZone", "Asia/Shanghai"],
          ],
          Clients: [
            ["Client ID", "Name", "Owner", "Tier"],
            ["C1", "Alpha", "li@example.com", "A"],
          ],
          Deals: [
            ["Deal ID", "Client ID", "Stage", "Amount", "Closed on", "Lost reason", "Competitor"],
            ["D1", "C1", "lost", 30_000, { date: "2026-10-10" }, "Price", FORMULA],
            ["D2", "C1", "won", 50_000, { date: "2026-09-10" }, "", "@Huakong"],
          ] as SeedCell[][],
        },
      },
    });
    gas.call("menuReport");
    const sheet = "Report 2026-10";
    const values = gas.fake.sheetValues(sheet);
    const rows = values
      .flatMap((line, r) => line.map((cell, c) => ({ cell, r, c })))
      .filter((x) => x.cell === FORMULA || x.cell === "@Huakong");
    // The win / loss table and the named cases.
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const { r, c } of rows) {
      const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
      expect(gas.fake.cell(sheet, a1).type).toBe("text");
    }
  });
});
