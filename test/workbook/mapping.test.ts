/**
 * The mapped lookup: Settings' `map.*` rows name the team's own sheets and headers; sheets and
 * headers are found through them for every table, messages name the user's own names, and what
 * is not mapped is found by the contract's names as before.
 */
import { describe, expect, it } from "vitest";
import type { Cell } from "../../src/ports";
import { StopError, type DataIssue } from "../../src/workbook/issues";
import { mappingOf, parseMappingKey, type SheetMapping } from "../../src/workbook/mapping";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { locateSheets, mapHeaders, readData, readSettings, readTable } from "../../src/workbook/read";

const ctx = { action: "check", dateOrder: "YMD" } as const;

const mapping: SheetMapping = mappingOf([
  { table: "clients", column: null, name: "客户名单" },
  { table: "clients", column: "clientId", name: "客户代码" },
  { table: "clients", column: "owner", name: "业务员" },
  { table: "clients", column: "tier", name: "等级" },
  { table: "deals", column: "amount", name: "Deal value" },
]);

describe("the mapping keys of Settings", () => {
  it("reads map.TABLE and map.TABLE.COLUMN in any case, and knows a key that names nothing", () => {
    expect(parseMappingKey("map.clients")).toEqual({ table: "clients", column: null });
    expect(parseMappingKey(" MAP.Clients.ClientID ")).toEqual({ table: "clients", column: "clientId" });
    expect(parseMappingKey("map.payments.amountDue")).toEqual({ table: "payments", column: "amountDue" });
    expect(parseMappingKey("map.settings")).toBe("unknown");
    expect(parseMappingKey("map.clients.nothing")).toBe("unknown");
    expect(parseMappingKey("map.clients.clientId.more")).toBe("unknown");
    expect(parseMappingKey("tier.highThreshold")).toBeNull();
  });

  it("are read from the Settings sheet into the mapping; blank values map nothing; unknown keys are data issues", () => {
    const wb = new MemoryWorkbook({
      Settings: [
        ["Key", "Value"],
        ["language", "en"],
        ["map.clients", "客户名单"],
        ["map.clients.clientId", "客户代码"],
        ["map.clients.owner", ""],
        ["map.client.name", "x"],
        ["map.clients.clientId", "other"],
      ],
    });
    const issues: DataIssue[] = [];
    const { settings } = readSettings(
      wb,
      locateSheets(wb.sheetNames()),
      { action: "check", defaultTimeZone: "UTC" },
      issues,
    );
    expect(settings.mapping.get("clients")).toEqual({
      sheet: "客户名单",
      columns: new Map([["clientId", "客户代码"]]),
    });
    expect(settings.mapping.has("deals")).toBe(false);
    expect(issues.map((i) => [i.row, i.column, i.value, i.problem.key])).toEqual([
      [6, "Key", "map.client.name", "issue.unknownMappingKey"],
      [7, "Key", "map.clients.clientId", "issue.duplicateSetting"],
    ]);
  });
});

describe("finding sheets through the mapping", () => {
  it("takes the mapped sheet, ignores another sheet with the contract's name, finds the rest by name", () => {
    const sheets = locateSheets(["客户名单", "客户", "Deals", "说明"], mapping);
    expect(sheets.get("clients")).toBe("客户名单");
    expect(sheets.get("deals")).toBe("Deals");
    expect(sheets.has("contracts")).toBe(false);
    expect(sheets.mapping).toBe(mapping);
  });

  it("falls back to the contract's name when the mapped sheet is not in the workbook, and still stops on two", () => {
    expect(locateSheets(["Clients"], mapping).get("clients")).toBe("Clients");
    expect(() => locateSheets(["Clients", "客户"], mapping)).toThrow(StopError);
  });

  it("names the mapped sheet when a required table's sheet is missing", () => {
    const wb = new MemoryWorkbook({ Deals: [["Deal ID", "Client ID", "Stage", "Amount"]] });
    const sheets = locateSheets(
      wb.sheetNames(),
      mappingOf([{ table: "clients", column: null, name: "Kunden" }]),
    );
    expect(() => readData(wb, sheets, ["clients", "deals"], ["clients", "deals"], ctx, [])).toThrow(
      expect.objectContaining({ problem: { key: "stop.missingMappedSheet", params: { sheet: "Kunden" } } }),
    );
  });
});

describe("finding headers through the mapping", () => {
  const header: Cell[] = ["备注", "等级", "业务员", "客户名称", "负责人", "客户代码"];

  it("finds mapped headers in any order and the others by the contract's names, keeping the user's text", () => {
    const issues: DataIssue[] = [];
    const found = mapHeaders("clients", header, "客户名单", { ...ctx, mapping }, issues);
    expect(Object.fromEntries(found.index)).toEqual({ tier: 1, owner: 2, name: 3, clientId: 5 });
    expect(found.text.get("clientId")).toBe("客户代码");
    // 负责人 is the user's own column here (Owner is mapped to 业务员): not a duplicate.
    expect(issues).toEqual([]);
  });

  it("reports a mapped header that is not there, and falls back to the contract's header", () => {
    const issues: DataIssue[] = [];
    const found = mapHeaders("clients", ["客户编号", "客户名称"], "客户名单", { ...ctx, mapping }, issues);
    expect(found.index.get("clientId")).toBe(0);
    expect(issues.map((i) => [i.row, i.column, i.problem.key])).toEqual([
      [1, "客户代码", "issue.mappedHeaderMissing"],
      [1, "业务员", "issue.mappedHeaderMissing"],
      [1, "等级", "issue.mappedHeaderMissing"],
    ]);
  });

  it("reads a mapped table with data issues that name the user's sheet and header", () => {
    const wb = new MemoryWorkbook({
      客户名单: [
        header,
        ["", "A", "li@example.com", "甲", "x", "C1"],
        ["", "", "not-an-email", "乙", "", "C2"],
      ],
    });
    const issues: DataIssue[] = [];
    const read = readTable(wb, locateSheets(wb.sheetNames(), mapping), "clients", ctx, issues);
    expect(read.sheet).toBe("客户名单");
    expect(read.rows.map((r) => [r.clientId, r.owner, r.tier])).toEqual([["C1", "li@example.com", "A"]]);
    expect(issues.map((i) => `${i.sheet}!${i.row}:${i.column}`)).toEqual(["客户名单!3:业务员"]);
  });

  it("stops with the user's header when a mapped required column is missing", () => {
    const wb = new MemoryWorkbook({ 客户名单: [["客户名称"], ["甲"]] });
    expect(() => readTable(wb, locateSheets(wb.sheetNames(), mapping), "clients", ctx, [])).toThrow(
      expect.objectContaining({
        problem: { key: "stop.missingColumn", params: { sheet: "客户名单", columns: "客户代码" } },
      }),
    );
  });
});
