/**
 * Writes that fit the grid: a new sheet in Sheets is 1,000 rows × 26 columns and a range past it
 * throws, so every write of the bundle makes room first. Driven through dist/Code.js on the
 * seeded sample of 2,000 clients (run `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type GasHandle } from "./harness";
import { sampleSheets } from "./sampleSeed";

const AS_OF = "2026-11-27";

function open(language: "zh-CN" | "en", clients: number): GasHandle {
  return loadBundle({
    seed: {
      timeZone: "Asia/Shanghai",
      locale: language === "en" ? "en_GB" : "zh_CN",
      now: `${AS_OF}T02:00:00Z`,
      sheets: sampleSheets(language, clients, AS_OF),
      answers: [{ button: "OK", text: "2026-11" }],
    },
  });
}

/** Alerts that report a failure instead of the action's summary. */
function failures(gas: GasHandle): string[] {
  return gas.fake.alerts.map((a) => a.message).filter((m) => /failed|失败|outside the dimensions/.test(m));
}

/** The sheets whose grid changed, with their size and how many cells hold a value. */
function grids(gas: GasHandle): Record<string, { maxRows: number; maxColumns: number; rows: number }> {
  const out: Record<string, { maxRows: number; maxColumns: number; rows: number }> = {};
  for (const name of gas.fake.sheetNames()) {
    const state = gas.fake.sheetState(name);
    out[name] = {
      maxRows: state.maxRows,
      maxColumns: state.maxColumns,
      rows: gas.fake.sheetValues(name).length,
    };
  }
  return out;
}

describe("writes that fit the grid, 2,000 clients", () => {
  it("Recalculate tiers appends more than a new sheet's 1,000 rows to Tier history", () => {
    const gas = open("en", 2000);
    gas.call("menuTiers");
    expect(failures(gas)).toEqual([]);
    const history = gas.fake.sheetValues("Tier history");
    expect(history.length).toBeGreaterThan(1000);
    const grid = grids(gas)["Tier history"];
    expect(grid.maxRows).toBeGreaterThanOrEqual(history.length);
    expect(gas.fake.calls["Sheet.insertRowsAfter"]).toBe(1);
  });

  it("Generate monthly report writes a report longer than 1,000 rows", () => {
    const gas = open("en", 2000);
    gas.call("menuReport");
    expect(failures(gas)).toEqual([]);
    const name = gas.fake.sheetNames().find((n) => n.startsWith("Report 2026-11"));
    expect(name).toBeDefined();
    expect(gas.fake.sheetValues(name as string).length).toBeGreaterThan(1000);
  });

  it("Build contact plan writes 2,000 rows into a new sheet", () => {
    const gas = open("zh-CN", 2000);
    gas.call("menuContactPlan");
    expect(failures(gas)).toEqual([]);
    const plan = gas.fake.sheetValues("沟通计划");
    expect(plan.length).toBeGreaterThan(1000);
  });
});

describe("room made in one call, surplus rows trimmed", () => {
  it("Build contact plan trims the rows an earlier, longer plan had grown, keeping a margin", () => {
    const sheets = { ...sampleSheets("zh-CN", 2000, AS_OF) };
    sheets["沟通计划"] = Array.from({ length: 3000 }, (_, i) => [`old ${i}`]);
    const gas = loadBundle({
      seed: { timeZone: "Asia/Shanghai", locale: "zh_CN", now: `${AS_OF}T02:00:00Z`, sheets },
    });
    gas.call("menuContactPlan");
    expect(failures(gas)).toEqual([]);
    const plan = gas.fake.sheetValues("沟通计划");
    expect(plan.length).toBeGreaterThan(1000);
    expect(plan.some((row) => String(row[0]).startsWith("old "))).toBe(false);
    expect(gas.fake.sheetState("沟通计划").maxRows).toBe(plan.length + 20);
    expect(gas.fake.calls["Sheet.deleteRows"]).toBe(1);
  });

  it("Recalculate tiers adds its columns past column Z with one insert", () => {
    const header = ["Client ID", "Name", "Owner", "Status"];
    for (let i = header.length; i < 26; i++) header.push(`Mine ${i + 1}`);
    const row = (id: string) => [
      id,
      `Client ${id}`,
      "li@example.com",
      "",
      ...new Array<string>(22).fill("x"),
    ];
    const gas = loadBundle({
      seed: {
        timeZone: "Asia/Shanghai",
        now: `${AS_OF}T02:00:00Z`,
        sheets: {
          Settings: [
            ["Key", "Value"],
            ["language", "en"],
          ],
          Clients: [header, row("C1"), row("C2")],
          Deals: [
            ["Deal ID", "Client ID", "Stage", "Amount", "Closed on"],
            ["D1", "C1", "won", 1_240_000, { date: "2026-05-10" }],
          ],
        },
      },
    });
    gas.call("menuTiers");
    expect(failures(gas)).toEqual([]);
    const clients = gas.fake.sheetValues("Clients");
    expect(clients[0].slice(26)).toEqual(["Tier", "Tier reason", "12-month purchase", "Tier since"]);
    expect(clients[1][26]).toBe("A");
    expect(clients[1].slice(0, 26)).toEqual(row("C1").map((v) => (v === "" ? null : v)));
    expect(gas.fake.sheetState("Clients").maxColumns).toBe(30);
    expect(gas.fake.calls["Sheet.insertColumnsAfter"]).toBe(1);
  });

  it("makes as many spreadsheet calls for 2,000 clients as for 100, besides one insert per outgrown sheet", () => {
    const counts = (clients: number, action: string, language: "zh-CN" | "en") => {
      const gas = open(language, clients);
      gas.fake.resetCalls();
      gas.call(action);
      expect(failures(gas)).toEqual([]);
      expect(gas.fake.gridCalls()).toBeLessThanOrEqual(2);
      return {
        total: gas.fake.spreadsheetCalls() - gas.fake.gridCalls(),
        reads: gas.fake.calls["Range.getValues"],
        writes: gas.fake.calls["Range.setValues"],
      };
    };
    for (const [action, language] of [
      ["menuTiers", "en"],
      ["menuReport", "en"],
      ["menuContactPlan", "zh-CN"],
    ] as const) {
      expect({ action, ...counts(2000, action, language) }).toEqual({
        action,
        ...counts(100, action, language),
      });
    }
  });
});
