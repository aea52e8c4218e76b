/**
 * The Tier proposals sheet in an .xlsx file: Recalculate tiers under review writes it with the
 * status labels of the workbook's language as a drop-down on its Status column, as Set up does
 * for the input sheets' code columns.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readWorkbook, runCli, tempDir, writeWorkbook } from "./fixtures";

describe("Tier proposals in an .xlsx file", () => {
  it("carries a drop-down of the status labels on the Status column", async () => {
    const file = path.join(tempDir(), "review.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("设置").addRows([
      ["键", "值"],
      ["language", "zh-CN"],
      ["tier.review", "开"],
    ]);
    wb.addWorksheet("客户").addRows([
      ["客户编号", "客户名称", "负责人", "客户等级"],
      ["K1", "Kestrel", "li@example.com", "C"],
    ]);
    wb.addWorksheet("商机").addRows([
      ["商机编号", "客户编号", "阶段", "金额", "成交日期"],
      ["D1", "K1", "赢单", 220000, new Date(Date.UTC(2026, 9, 1))],
    ]);
    await writeWorkbook(wb, file);
    const out = path.join(path.dirname(file), "out.xlsx");
    expect((await runCli("tiers", file, "--as-of", "2026-11-27", "--out", out)).code).toBe(0);
    const sheet = (await readWorkbook(out)).getWorksheet("分级提议") as ExcelJS.Worksheet;
    expect(sheet.getCell("H1").value).toBe("审核状态");
    expect(sheet.getCell("H2").value).toBe("待审");
    for (const ref of ["H2", "H500"])
      expect(sheet.getCell(ref).dataValidation).toMatchObject({
        type: "list",
        formulae: ['"待审,批准,驳回,已应用"'],
      });
    expect(sheet.getCell("G2").dataValidation).toBeUndefined();
  }, 60_000);
});
