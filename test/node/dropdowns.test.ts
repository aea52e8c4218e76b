/**
 * Drop-downs in the workbook's language: Set up offers the labels a manager reads (`活跃`,
 * `输单`, `电话`, `是` in Chinese; `Active`, `Lost`, `Phone`, `Yes` in English), and the sample
 * writes exactly those, so a validity check of the new workbook flags none of its own cells.
 */
import { describe, expect, it } from "vitest";
import { parseIsoDate, type CalDate } from "../../src/core/dates";
import { createWorkbook } from "../../src/node/init";
import type { Language } from "../../src/i18n";
import type { ColumnValidation } from "../../src/ports";
import { parseCode } from "../../src/workbook/cells";
import { CHANNELS, CLIENT_STATUSES, STAGES, YES_NO } from "../../src/workbook/codes";

const AS_OF = parseIsoDate("2026-11-27") as CalDate;

function validations(language: Language) {
  const { memory } = createWorkbook(language, { clients: 300, seed: 1, asOf: AS_OF });
  return {
    memory,
    bySheet: new Map(
      memory.sheets.map((s) => [s.name, s.formats.flatMap((f) => f.validations ?? []) as ColumnValidation[]]),
    ),
  };
}

describe("drop-downs in the workbook's language", () => {
  for (const language of ["zh-CN", "en"] as const) {
    it(`every code cell of the ${language} sample is among its column's drop-down values`, () => {
      const { memory, bySheet } = validations(language);
      let checked = 0;
      const outside: string[] = [];
      for (const sheet of memory.sheets) {
        for (const v of bySheet.get(sheet.name) ?? []) {
          const allowed = new Set(v.values);
          const last = v.toRow ?? sheet.cells.length;
          for (let r = v.fromRow; r <= Math.min(last, sheet.cells.length); r++) {
            const cell = sheet.cells[r - 1]?.[v.column - 1];
            if (cell === null || cell === undefined || cell === "") continue;
            checked++;
            if (!allowed.has(String(cell))) outside.push(`${sheet.name}!R${r}C${v.column}: ${String(cell)}`);
          }
        }
      }
      expect(outside.slice(0, 5)).toEqual([]);
      expect(outside.length).toBe(0);
      expect(checked).toBeGreaterThan(1000);
    });
  }

  it("offers the labels of the workbook's language, and reading accepts both labels and codes", () => {
    const { bySheet: zh } = validations("zh-CN");
    const { bySheet: en } = validations("en");
    const all = (map: Map<string, ColumnValidation[]>) => [...map.values()].flat().map((v) => v.values);
    expect(all(zh)).toContainEqual(["活跃", "停用"]);
    expect(all(zh)).toContainEqual(["面访", "电话", "视频", "邮件", "在线"]);
    expect(all(zh)).toContainEqual(["是", "否"]);
    expect(all(zh).flat()).toContain("输单");
    expect(all(en)).toContainEqual(["Active", "Inactive"]);
    expect(all(en)).toContainEqual(["Yes", "No"]);
    for (const text of ["active", "活跃", "Active"])
      expect(parseCode(text, CLIENT_STATUSES)).toEqual({ ok: true, value: "active" });
    for (const text of ["lost", "输单", "Lost"])
      expect(parseCode(text, STAGES)).toEqual({ ok: true, value: "lost" });
    for (const text of ["phone", "电话", "Phone"])
      expect(parseCode(text, CHANNELS)).toEqual({ ok: true, value: "phone" });
    for (const text of ["yes", "是", "Yes"])
      expect(parseCode(text, YES_NO)).toEqual({ ok: true, value: "yes" });
  });
});
