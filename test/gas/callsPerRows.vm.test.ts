/**
 * Spreadsheet calls do not grow with rows: every menu action that reads or writes the
 * workbook, run through dist/Code.js on the generated sample of 100 and of 2,000 clients
 * (3,600 and 73,000 data rows), makes exactly the same number of Spreadsheet, Sheet and Range
 * calls, shows the same alerts, and none says the action failed. The one exception is growing
 * a grid: an output block longer than its sheet's rows takes one insertRowsAfter first, as
 * Sheets needs, so the larger run may add one such call per output sheet, never one per row.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/i18n";
import type { SeedCell } from "./harness";
import { MENU_RUNS, runMenu, sampleSeed } from "./sampleRuns";

let small: Record<string, SeedCell[][]>;
let large: Record<string, SeedCell[][]>;

describe("spreadsheet calls per menu action on 100 and on 2,000 clients", () => {
  beforeAll(() => {
    small = sampleSeed(100).sheets;
    large = sampleSeed(2000).sheets;
  });

  for (const run of MENU_RUNS) {
    it(`${run.handler} makes the same calls on both`, () => {
      const few = runMenu(small, run);
      const many = runMenu(large, run);
      expect(many.alerts).toEqual(few.alerts);
      const failed = t("zh-CN", "stop.unexpected", { message: "" });
      expect([...few.messages, ...many.messages].filter((m) => m.includes(failed))).toEqual([]);
      expect(few.spreadsheetCalls).toBeGreaterThan(0);
      expect(many.spreadsheetCalls - many.gridCalls).toBe(few.spreadsheetCalls - few.gridCalls);
      // Contact plan and Data issues, or Tier history: at most one insertion per output sheet.
      expect(many.gridCalls).toBeLessThanOrEqual(2);
    }, 180_000);
  }
});
