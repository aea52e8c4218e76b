/**
 * Menu actions of dist/Code.js run on the fake spreadsheet seeded with the generated sample
 * workbook of N clients (zh-CN, seed 1, as of 2026-11-27): the spreadsheet calls each makes.
 * Shared by the test that holds those calls independent of the number of rows and by
 * `npm run bench`.
 */
import { formatIsoDate, parseIsoDate, type CalDate } from "../../src/core/dates";
import { createWorkbook } from "../../src/node/init";
import { isDateCell, type Cell } from "../../src/ports";
import { usedRange } from "../../src/workbook/memory";
import { loadBundle, type ButtonName, type SeedCell } from "./harness";

export const SAMPLE_AS_OF = "2026-11-27";
/** 09:00 in Shanghai on the as-of date. */
export const SAMPLE_NOW = "2026-11-27T01:00:00Z";

export interface MenuRun {
  readonly handler: string;
  /** Answers to the prompts and alerts the action shows, in order. */
  readonly answers?: readonly { readonly button: ButtonName; readonly text?: string }[];
}

/** The menu actions that read or write the workbook, each with the answers it asks for. */
export const MENU_RUNS: readonly MenuRun[] = [
  { handler: "menuSetup" },
  { handler: "menuCheck" },
  { handler: "menuTiers" },
  { handler: "menuTierReview" },
  { handler: "menuContactPlan" },
  { handler: "menuContracts" },
  { handler: "menuApprovals" },
  { handler: "menuReport", answers: [{ button: "OK", text: "2026-10" }] },
  { handler: "menuSendReport", answers: [{ button: "OK", text: "2026-10" }] },
];

function asOfDate(): CalDate {
  return parseIsoDate(SAMPLE_AS_OF) as CalDate;
}

function seedCell(cell: Cell): SeedCell {
  return isDateCell(cell) ? { date: formatIsoDate(cell.date) } : cell;
}

/** The sample workbook of `clients` clients as the fake spreadsheet's seed, and its data rows. */
export function sampleSeed(clients: number): {
  sheets: Record<string, SeedCell[][]>;
  rows: number;
} {
  const { memory, sampleRows } = createWorkbook("zh-CN", { clients, seed: 1, asOf: asOfDate() });
  const sheets: Record<string, SeedCell[][]> = {};
  for (const sheet of memory.sheets)
    sheets[sheet.name] = usedRange(sheet.cells).map((row) => row.map(seedCell));
  return { sheets, rows: sampleRows.reduce((n, s) => n + s.rows, 0) };
}

export interface MenuResult {
  readonly handler: string;
  /** Calls on Spreadsheet, Sheet and Range objects during the action. */
  readonly spreadsheetCalls: number;
  /** Of these, calls that grow a sheet's grid (insertRowsAfter, …) to make room for a block. */
  readonly gridCalls: number;
  readonly ms: number;
  /** The titles of the alerts the action showed (an error shows here). */
  readonly alerts: readonly string[];
  /** Their messages. */
  readonly messages: readonly string[];
}

/** Runs one menu action on a fresh fake spreadsheet seeded with `sheets`. */
export function runMenu(sheets: Record<string, SeedCell[][]>, run: MenuRun): MenuResult {
  const gas = loadBundle({
    seed: { now: SAMPLE_NOW, timeZone: "Asia/Shanghai", sheets, answers: run.answers ?? [] },
  });
  gas.fake.resetCalls();
  const start = performance.now();
  gas.call(run.handler);
  const ms = performance.now() - start;
  return {
    handler: run.handler,
    spreadsheetCalls: gas.fake.spreadsheetCalls(),
    gridCalls: gas.fake.gridCalls(),
    ms,
    alerts: gas.fake.alerts.map((a) => a.title),
    messages: gas.fake.alerts.map((a) => a.message),
  };
}
