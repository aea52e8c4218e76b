/**
 * The seeded sample of src/workbook/sample.ts (after Set up, as `account-desk init --sample`
 * makes it) as the vm harness's seed: the same sheets, header rows and values, dates as date
 * cells. Built once per language and size, then shared by the tests that need a large workbook.
 */
import { formatIsoDate, parseIsoDate, type CalDate } from "../../src/core/dates";
import type { Language } from "../../src/i18n";
import { createWorkbook } from "../../src/node/init";
import { isDateCell, type Cell } from "../../src/ports";
import type { SeedCell } from "./harness";

export type SeedSheets = Record<string, SeedCell[][]>;

const cache = new Map<string, SeedSheets>();

function seedCell(cell: Cell): SeedCell {
  if (isDateCell(cell)) return { date: formatIsoDate(cell.date) };
  return cell;
}

/** Every sheet of a new workbook with the sample of `clients` clients, as of `asOf` (yyyy-mm-dd). */
export function sampleSheets(language: Language, clients: number, asOf: string): SeedSheets {
  const key = `${language}:${clients}:${asOf}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { memory } = createWorkbook(language, { clients, seed: 1, asOf: parseIsoDate(asOf) as CalDate });
  const sheets: SeedSheets = {};
  for (const name of memory.sheetNames()) {
    sheets[name] = (memory.readSheet(name) ?? []).map((row) => row.map(seedCell));
  }
  cache.set(key, sheets);
  return sheets;
}
