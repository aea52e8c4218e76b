import { describe, expect, it } from "vitest";
import { calDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import { StopError, type DataIssue } from "../../src/workbook/issues";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { locateSheets, readData, readTable } from "../../src/workbook/read";

const ctx = { action: "check", dateOrder: "YMD" } as const;

function clients(rows: Cell[][], header: Cell[] = ["客户编号", "Name", "负责人", "Status", "My notes"]) {
  const wb = new MemoryWorkbook({ 客户: [header, ...rows] });
  const issues: DataIssue[] = [];
  const read = readTable(wb, locateSheets(wb.sheetNames()), "clients", ctx, issues);
  return { read, issues: issues.map((i) => `${i.sheet}!${i.row}:${i.column}:${i.problem.key}`) };
}

describe("reading a table", () => {
  it("finds columns by English or Chinese header in any order, full-width and spaced alike", () => {
    const { read } = clients(
      [["C1", "Acme", "A@Example.com", "停用", "mine"]],
      ["  客户编号 ", "NAME", "负责人", "Status", "My notes"],
    );
    expect(read.rows).toEqual([
      expect.objectContaining({
        row: 2,
        clientId: "C1",
        name: "Acme",
        owner: "a@example.com",
        status: "inactive",
        tier: null,
      }),
    ]);
    const fullWidth = new MemoryWorkbook({
      客户: [
        ["客户编号", "客户名称", "年采购额（手工）"],
        ["C1", "甲", "120万"],
      ],
    });
    const r = readTable(fullWidth, locateSheets(fullWidth.sheetNames()), "clients", ctx, []);
    expect(r.rows[0].purchaseOverride).toBe(120_000_000);
  });

  it("skips blank rows, reports half-blank rows and keeps the readable ones", () => {
    const { read, issues } = clients([
      ["C1", "Acme", "", "", ""],
      ["", "", "", "", "a note of the user only"],
      ["", "", "", "", ""],
      ["C3", "", "", "", ""],
      ["C4", "Delta", "", "", ""],
    ]);
    expect(read.rows.map((r) => r.clientId)).toEqual(["C1", "C4"]);
    expect(issues).toEqual(["客户!5:Name:issue.requiredValue"]);
    expect(read.rows[0].status).toBe("active");
  });

  it("reports both rows of a duplicate ID and uses neither", () => {
    const { read, issues } = clients([
      ["C1", "Acme", "", "", ""],
      ["C2", "Beta", "", "", ""],
      ["C1", "Again", "", "", ""],
    ]);
    expect(read.rows.map((r) => r.clientId)).toEqual(["C2"]);
    expect(issues).toEqual(["客户!2:客户编号:issue.duplicateId", "客户!4:客户编号:issue.duplicateId"]);
  });

  it("stops with a clear message when a required column is missing", () => {
    expect(() => clients([["Acme"]], ["Name"])).toThrow(StopError);
    try {
      clients([["Acme"]], ["Name"]);
    } catch (error) {
      expect((error as StopError).problem).toEqual({
        key: "stop.missingColumn",
        params: { sheet: "客户", columns: "客户编号 / Client ID" },
      });
    }
  });

  it("stops when two sheets stand for one table", () => {
    expect(() => locateSheets(["Clients", "客户"])).toThrow(StopError);
  });

  it("a bad value in the tool's own column is reported but does not drop the row", () => {
    const { read, issues } = clients(
      [["C1", "Acme", "", "", "", "Z"]],
      ["Client ID", "Name", "Owner", "Status", "x", "Tier"],
    );
    expect(read.rows).toHaveLength(1);
    expect(read.rows[0].tier).toBeNull();
    expect(issues).toEqual(["客户!2:Tier:issue.unknownCode"]);
  });
});

describe("reading the workbook", () => {
  it("drops and reports rows that refer to unknown or dropped rows", () => {
    const wb = new MemoryWorkbook({
      Clients: [
        ["Client ID", "Name"],
        ["C1", "Acme"],
        ["C2", ""],
      ],
      Deals: [
        ["Deal ID", "Client ID", "Stage", "Amount", "Closed on"],
        ["D1", "C1", "won", 100, { date: calDate(2026, 10, 1) }],
        ["D2", "C2", "won", 100, { date: calDate(2026, 10, 1) }],
        ["D3", "C9", "lead", 100, ""],
        ["D4", "C1", "won", 100, ""],
      ],
      Contracts: [
        ["Contract ID", "Client ID"],
        ["K1", "C1"],
        ["K2", "C9"],
      ],
      Payments: [
        ["Contract ID", "Due", "Amount due"],
        ["K1", "2026-10-01", 5],
        ["K2", "2026-10-01", 5],
        ["K3", "2026-10-01", 5],
      ],
    });
    const issues: DataIssue[] = [];
    const data = readData(
      wb,
      locateSheets(wb.sheetNames()),
      ["clients", "deals", "contracts", "payments"],
      ["clients", "deals"],
      ctx,
      issues,
    );
    expect(data.deals.rows.map((d) => d.dealId)).toEqual(["D1"]);
    expect(data.payments.rows.map((p) => p.contractId)).toEqual(["K1"]);
    expect(issues.map((i) => `${i.sheet}!${i.row}:${i.problem.key}`)).toEqual([
      "Clients!3:issue.requiredValue",
      "Contracts!3:issue.unknownClient",
      "Payments!3:issue.refersToDroppedRow",
      "Payments!4:issue.unknownContract",
      "Deals!3:issue.refersToDroppedRow",
      "Deals!4:issue.unknownClient",
      "Deals!5:issue.closedOnRequired",
    ]);
    expect(data.missingSheets).toEqual([]);
  });

  it("stops naming the sheet when a required sheet is missing", () => {
    const wb = new MemoryWorkbook({ Clients: [["Client ID", "Name"]] });
    expect(() =>
      readData(wb, locateSheets(wb.sheetNames()), ["clients", "deals"], ["clients", "deals"], ctx, []),
    ).toThrow(
      expect.objectContaining({ problem: { key: "stop.missingSheet", params: { zh: "商机", en: "Deals" } } }),
    );
  });

  it("reads each table once", () => {
    const wb = new MemoryWorkbook({
      Clients: [
        ["Client ID", "Name"],
        ["C1", "A"],
      ],
      Deals: [["Deal ID", "Client ID", "Stage", "Amount"]],
    });
    readData(wb, locateSheets(wb.sheetNames()), ["clients", "deals", "interactions"], ["clients"], ctx, []);
    expect(wb.calls.readSheet).toBe(2);
  });
});
