/**
 * Layout of a sheet the tool replaces, as a spreadsheet program opens it: rows holding wrapped
 * text are tall enough for it (programs do not grow rows when they open a file), and a column
 * that holds amounts in one table and rates or counts in another is wide enough for its
 * largest amount (no `###`).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadXlsx, saveXlsx } from "../../src/node/xlsx";
import type { SheetFormat } from "../../src/ports";
import { tempDir, userWorkbook, writeWorkbook, zipPart } from "./fixtures";

async function replaced(values: (string | number)[][], format: SheetFormat) {
  const dir = tempDir();
  const file = path.join(dir, "user.xlsx");
  const out = path.join(dir, "out.xlsx");
  await writeWorkbook(userWorkbook(), file);
  const loaded = await loadXlsx(file);
  loaded.memory.replaceSheet("Report", values, format);
  await saveXlsx(loaded, out);
  const workbook = (await zipPart(out, "xl/workbook.xml")) ?? "";
  const rels = (await zipPart(out, "xl/_rels/workbook.xml.rels")) ?? "";
  const id = /<sheet name="Report"[^>]*r:id="([^"]+)"/.exec(workbook)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
  return { xml: (await zipPart(out, `xl/${target.replace(/^\/?xl\//, "")}`)) ?? "" };
}

describe("a replaced sheet's layout", () => {
  it("makes a row with wrapped long text tall enough for its lines, and leaves short rows alone", async () => {
    const long = "7 个客户有逾期超过 60 天的应收，最多：厦门鼎越新能源科技有限公司";
    const { xml } = await replaced(
      [
        ["Item", "Figure"],
        [long, "¥202,700"],
        ["short", "1"],
      ],
      {
        columnWidths: [170, 120],
        wraps: [{ row: 2, column: 1, rows: 2, columns: 2 }],
      },
    );
    const row2 = /<row r="2"([^>]*)>/.exec(xml)?.[1] ?? "";
    const height = Number(/ht="([\d.]+)"/.exec(row2)?.[1]);
    expect(row2).toContain('customHeight="1"');
    expect(height).toBeGreaterThanOrEqual(2 * 15);
    expect(/<row r="3"([^>]*)>/.exec(xml)?.[1] ?? "").not.toContain("ht=");
  });

  it("fits a column to its largest amount when the same column also holds counts", async () => {
    const { xml } = await replaced(
      [
        ["Stage", "Amount"],
        ["Lead", 125_126_700],
        ["Rate", 0.809],
      ],
      {
        numberFormats: [
          { column: 2, fromRow: 2, toRow: 2, kind: "amount", currency: "CNY" },
          { column: 2, fromRow: 3, toRow: 3, kind: "integer" },
        ],
      },
    );
    const width = Number(/<col min="2" max="2"[^>]*width="([\d.]+)"/.exec(xml)?.[1]);
    // ¥125,126,700.00 is 15 characters.
    expect(width).toBeGreaterThanOrEqual(15 * 1.15);
  });
});
