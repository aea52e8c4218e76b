/**
 * Sample workbooks for the report's tests: the demo's sample at a given size, optionally with
 * its clients and deals spread over many owners (each with a target), as a testEnv.
 */
import { calDate } from "../../../src/core/dates";
import type { Cell } from "../../../src/ports";
import { generateSample } from "../../../src/workbook/sample";
import { testEnv, type TestEnv } from "../../helpers/env";

export const asOf = calDate(2026, 11, 27);
export const october = { year: 2026, month: 10 };

export function sampleSheets(
  options: { language?: "zh-CN" | "en"; clients?: number; owners?: number } = {},
): Record<string, Cell[][]> {
  const language = options.language ?? "zh-CN";
  const zh = language === "zh-CN";
  const sample = generateSample({ language, clients: options.clients ?? 150, asOf, seed: 1 });
  const sheets: Record<string, Cell[][]> = {
    [zh ? "设置" : "Settings"]: [["Key", "Value"], ...Object.entries(sample.settings)],
  };
  for (const s of sample.sheets) sheets[s.name] = s.rows;
  const owners = options.owners;
  if (owners !== undefined) {
    const owner = (i: number) => `sales.person${String(i % owners).padStart(2, "0")}@example.com`;
    for (const table of [zh ? "客户" : "Clients", zh ? "商机" : "Deals"]) {
      const rows = sheets[table];
      const at = rows[0].indexOf(zh ? "负责人" : "Owner");
      rows.forEach((row, i) => {
        if (i > 0 && row[at]) row[at] = owner(i);
      });
    }
    const targets = sheets[zh ? "业绩目标" : "Targets"];
    for (let i = 0; i < owners; i++) targets.push([owner(i), "2026-10", 150_000 + i * 1_000]);
  }
  return sheets;
}

export function sampleEnv(options: Parameters<typeof sampleSheets>[0] = {}): TestEnv {
  return testEnv(sampleSheets(options));
}
