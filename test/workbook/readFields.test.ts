import { afterEach, describe, expect, it } from "vitest";
import { calDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import type { DataIssue } from "../../src/workbook/issues";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { guardUnreadFields, locateSheets, mergeReadPlans, readData } from "../../src/workbook/read";
import { ROW_BUILDERS } from "../../src/workbook/rowBuilders";
import type { RowTypes } from "../../src/workbook/rows";
import { TABLES } from "../../src/workbook/schema";

const OCT_1 = calDate(2026, 10, 1);
const ctx = { action: "tiers", dateOrder: "YMD" } as const;

function workbook(): MemoryWorkbook {
  const deals: Cell[][] = [
    ["Deal ID", "Client ID", "Title", "Stage", "Amount", "Created", "Closed on", "Source"],
    ["D1", "C1", "ok", "won", 100, "not a date", "2026-10-01", "nowhere"],
    ["D2", "C1", "ok", "lead", "lots", "2026-01-01", "", "visit"],
    ["D3", "C1", "ok", "lead", 5, { date: 20000 }, "", ""],
  ];
  return new MemoryWorkbook({
    Clients: [
      ["Client ID", "Name", "Region", "Email"],
      ["C1", "Acme", "North", "not an address"],
      ["C2", "Beta", "South", "nope"],
    ],
    Deals: deals,
  });
}

function read(plan: Parameters<typeof readData>[2]) {
  const wb = workbook();
  const issues: DataIssue[] = [];
  const data = readData(wb, locateSheets(wb.sheetNames()), plan, ["clients", "deals"], ctx, issues);
  return { data, issues: issues.map((i) => `${i.sheet}!${i.row}:${i.column}:${i.problem.key}`) };
}

describe("reading only the columns an action lists", () => {
  afterEach(() => guardUnreadFields(true));

  it("parses the listed and required columns, and reports issues in them exactly as a full read does", () => {
    const full = read(["clients", "deals"]);
    expect(full.issues).toEqual([
      "Clients!2:Email:issue.expectedEmail",
      "Clients!3:Email:issue.expectedEmail",
      "Deals!2:Created:issue.expectedDate",
      "Deals!2:Source:issue.unknownCode",
      "Deals!3:Amount:issue.expectedAmount",
      "Deals!4:Client ID:issue.refersToDroppedRow",
    ]);
    // C1 cannot be read, so no deal of it is kept.
    expect(full.data.deals.rows).toEqual([]);

    const some = read({ clients: ["clientId", "name"], deals: ["dealId", "clientId", "stage", "amount"] });
    // Email, Created and Source are not read: no issue, and C1, C2 and D1 are kept.
    expect(some.issues).toEqual(["Deals!3:Amount:issue.expectedAmount"]);
    expect(some.data.deals.rows.map((d) => [d.dealId, d.amount, d.closedOn])).toEqual([
      ["D1", 10000, OCT_1],
      ["D3", 500, null],
    ]);
    expect(some.data.clients.rows.map((c) => c.clientId)).toEqual(["C1", "C2"]);
  });

  it("adds Closed on to any read of Deals, since won and lost deals need it", () => {
    const { data, issues } = read({ clients: ["clientId"], deals: ["dealId"] });
    expect(issues).toEqual(["Deals!3:Amount:issue.expectedAmount"]);
    expect(data.deals.rows.map((d) => d.closedOn)).toEqual([OCT_1, null]);
  });

  it("throws, under the tests' guard, when code reads a column its action did not list", () => {
    guardUnreadFields(true);
    const { data } = read({ clients: ["clientId"], deals: ["dealId"] });
    expect(data.deals.rows[0].amount).toBe(10000);
    expect(() => data.deals.rows[0].title).toThrow("deals.title was read but not listed");
    expect(() => data.clients.rows[0].region).toThrow("clients.region was read but not listed");
    guardUnreadFields(false);
    const unguarded = read({ clients: ["clientId"], deals: ["dealId"] });
    expect(unguarded.data.deals.rows[0].title).toBeUndefined();
  });

  it("merges plans: a table read whole by one reads whole, lists are joined", () => {
    expect(
      mergeReadPlans([
        { clients: ["clientId", "name"], deals: ["dealId"] },
        { clients: ["clientId", "owner"] },
        ["payments"],
        { payments: ["due"] },
      ]),
    ).toEqual({ clients: ["clientId", "name", "owner"], deals: ["dealId"], payments: "all" });
  });
});

describe("row builders", () => {
  it("put each value under its column's key, in the order of schema.ts", () => {
    for (const table of Object.keys(ROW_BUILDERS) as (keyof RowTypes)[]) {
      const keys = TABLES[table].columns.map((c) => c.key);
      const row = ROW_BUILDERS[table](
        7,
        keys.map((_, i) => i),
      ) as unknown as Record<string, unknown>;
      expect(Object.keys(row)).toEqual(["row", ...keys]);
      expect(Object.values(row)).toEqual([7, ...keys.map((_, i) => i)]);
    }
  });
});
