import { describe, expect, it } from "vitest";
import { calDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import type { DataIssue } from "../../src/workbook/issues";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { locateSheets } from "../../src/workbook/read";
import { readTierHistory } from "../../src/workbook/tierHistory";

const d = (iso: string): Cell => ({
  date: calDate(...(iso.split("-").map(Number) as [number, number, number])),
});

function read(rows: Cell[][], clientId?: string) {
  const wb = new MemoryWorkbook({
    分级记录: [["日期", "客户编号", "原等级", "新等级", "原因", "执行人", "My notes"], ...rows],
  });
  const issues: DataIssue[] = [];
  const out = readTierHistory(
    wb,
    locateSheets(wb.sheetNames()),
    { action: "report", dateOrder: "YMD", clientId },
    issues,
  );
  return { out, issues: issues.map((i) => `${i.sheet}!${i.row}:${i.column}:${i.value}`), calls: wb.calls };
}

const ROWS: Cell[][] = [
  [d("2026-10-01"), "C1", "B", "A", "surge", "trigger", "x"],
  [d("2026-10-02"), "C2", "", "高", "", "", ""],
  [null, null, null, null, null, null, null],
  ["not a date", "C1", "", "B", "", "", ""],
  ["2026/10/05", "C2", "A", "Z", "", "", ""],
  [d("2026-10-06"), "", "A", "B", "", "", ""],
  ["2026-10-07", "C1", "中", "C", "review", "me@x.com", ""],
];

describe("the one Tier history reader", () => {
  it("reads every row once: codes or labels, text or cell dates, a blank From as a first assignment", () => {
    const { out, issues, calls } = read(ROWS);
    expect(calls.readSheet).toBe(1);
    expect(out).toEqual([
      {
        date: calDate(2026, 10, 1),
        clientId: "C1",
        from: "B",
        to: "A",
        reason: "surge",
        by: "trigger",
        row: 2,
      },
      { date: calDate(2026, 10, 2), clientId: "C2", from: null, to: "A", reason: null, by: null, row: 3 },
      {
        date: calDate(2026, 10, 7),
        clientId: "C1",
        from: "B",
        to: "C",
        reason: "review",
        by: "me@x.com",
        row: 8,
      },
    ]);
    // Unreadable rows are data issues naming sheet, row and column; the blank row is skipped.
    expect(issues).toEqual(["分级记录!5:日期:not a date", "分级记录!6:新等级:Z", "分级记录!7:客户编号:"]);
  });

  it("reads one client's rows only, reporting only that client's unreadable rows", () => {
    const { out, issues } = read(ROWS, "C1");
    expect(out.map((r) => r.row)).toEqual([2, 8]);
    expect(issues).toEqual(["分级记录!5:日期:not a date"]);
  });

  it("gives nothing, and no issue, without the sheet or its key columns", () => {
    const wb = new MemoryWorkbook({
      分级记录: [
        ["日期", "原因"],
        [d("2026-10-01"), "x"],
      ],
    });
    const issues: DataIssue[] = [];
    expect(
      readTierHistory(new MemoryWorkbook({}), new Map(), { action: "report", dateOrder: "YMD" }, issues),
    ).toEqual([]);
    expect(
      readTierHistory(wb, locateSheets(wb.sheetNames()), { action: "report", dateOrder: "YMD" }, []),
    ).toEqual([]);
    expect(issues).toEqual([]);
  });
});
