/**
 * A new workbook in memory: Set up on an empty workbook (every sheet, header, drop-down and
 * default setting), optionally filled with the seeded sample of src/workbook/sample.ts. The
 * command line's `init` saves it as an .xlsx; the benchmark runs actions on it directly.
 */
import { setupWorkbook, type SetupData } from "../actions/setup";
import type { ActionResult } from "../actions/run";
import type { CalDate } from "../core/dates";
import type { Language } from "../i18n";
import type { Cell } from "../ports";
import { MemoryWorkbook } from "../workbook/memory";
import { generateSample } from "../workbook/sample";
import { sheetName, TABLES } from "../workbook/schema";
import { COLORS } from "../workbook/write";
import { createNodeEnv } from "./env";

export interface SampleRequest {
  readonly clients: number;
  readonly seed: number;
  readonly asOf: CalDate;
}

export interface NewWorkbook {
  readonly memory: MemoryWorkbook;
  readonly setup: ActionResult<SetupData>;
  /** Data rows per sample sheet (header not counted), in workbook order; empty without a sample. */
  readonly sampleRows: readonly { readonly sheet: string; readonly rows: number }[];
}

export function createWorkbook(language: Language, sample?: SampleRequest): NewWorkbook {
  const memory = new MemoryWorkbook({}, null);
  const env = createNodeEnv(memory, sample ? { asOf: sample.asOf } : {});
  const setup = setupWorkbook(env, { language });
  if (!sample) return { memory, setup, sampleRows: [] };

  const generated = generateSample({
    language,
    clients: sample.clients,
    seed: sample.seed,
    asOf: sample.asOf,
  });
  const sampleRows: { sheet: string; rows: number }[] = [];
  for (const sheet of generated.sheets) {
    if (memory.sheet(sheet.name)) {
      // Over Set up's sheet: its header is the same, and its formats (drop-downs) stay.
      memory.writeBlock(sheet.name, 1, 1, sheet.rows);
    } else {
      memory.replaceSheet(sheet.name, sheet.rows, {
        frozenRows: 1,
        boldHeaderColumns: sheet.rows[0]?.length ?? 0,
        headerBackgrounds: (sheet.rows[0] ?? []).map(() => COLORS.header),
      });
    }
    sampleRows.push({ sheet: sheet.name, rows: Math.max(0, sheet.rows.length - 1) });
  }
  writeSettings(memory, sheetName("settings", language), generated.settings);
  return { memory, setup, sampleRows };
}

/** Sets the values of the given keys in the Settings sheet Set up wrote (one write). */
function writeSettings(memory: MemoryWorkbook, name: string, values: Readonly<Record<string, string>>): void {
  const rows = memory.readSheet(name) ?? [];
  const columns = TABLES.settings.columns.map((c) => c.key);
  const keyAt = columns.indexOf("key");
  const valueAt = columns.indexOf("value");
  const column: Cell[][] = rows.slice(1).map((row) => {
    const key = String(row[keyAt] ?? "");
    return [Object.prototype.hasOwnProperty.call(values, key) ? values[key] : row[valueAt]];
  });
  if (column.length > 0) memory.writeBlock(name, 2, valueAt + 1, column);
}
