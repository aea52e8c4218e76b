/**
 * What `npm run bench` measures in its child processes, bundled by scripts/bench.mjs with
 * esbuild (so the TypeScript of src/ and of the Apps Script harness runs as it is):
 *   - the sample generator alone, and the generated workbook saved for the other children;
 *   - one command-line action on a workbook whose sheets were read before the clock starts
 *     (compute from values in memory), with the rows it read;
 *   - the menu actions of dist/Code.js in node:vm on the counting Apps Script fakes.
 */
import { deserialize, serialize } from "node:v8";
import { readFileSync, writeFileSync } from "node:fs";
import { parseIsoDate, type CalDate } from "../src/core/dates";
import { ACTIONS } from "../src/node/cli";
import { createNodeEnv } from "../src/node/env";
import { createWorkbook } from "../src/node/init";
import type { Cell } from "../src/ports";
import { MemoryWorkbook, usedRange } from "../src/workbook/memory";
import { generateSample } from "../src/workbook/sample";
import { MENU_RUNS, runMenu, sampleSeed, type MenuResult } from "../test/gas/sampleRuns";

export const AS_OF = "2026-11-27";

function isoDate(text: string): CalDate {
  const date = parseIsoDate(text);
  if (date === null) throw new Error(`not a date: ${text}`);
  return date;
}

export interface GeneratorRun {
  readonly ms: number;
  /** Data rows of every generated sheet (headers not counted). */
  readonly rows: number;
  readonly heapMb: number;
}

/** Times generateSample alone (the rows as values, before any workbook holds them). */
export function timeGenerator(clients: number): GeneratorRun {
  const start = performance.now();
  const sample = generateSample({ language: "zh-CN", clients, seed: 1, asOf: isoDate(AS_OF) });
  const ms = performance.now() - start;
  const rows = sample.sheets.reduce((n, s) => n + Math.max(0, s.rows.length - 1), 0);
  return { ms, rows, heapMb: process.memoryUsage().heapUsed / 2 ** 20 };
}

/** Every sheet's values as a spreadsheet would hand them out (used range), by sheet name. */
type SheetValues = [name: string, values: Cell[][]][];

/** Creates the sample workbook of `clients` clients (Set up, then the sample) and saves its values to `file`. */
export function saveSample(clients: number, file: string): { rows: number } {
  const { memory, sampleRows } = createWorkbook("zh-CN", { clients, seed: 1, asOf: isoDate(AS_OF) });
  const sheets: SheetValues = memory.sheets.map((s) => [s.name, usedRange(s.cells)]);
  writeFileSync(file, serialize({ timeZone: memory.timeZone(), sheets }));
  return { rows: sampleRows.reduce((n, s) => n + s.rows, 0) };
}

/**
 * A workbook whose sheets were read before the clock starts: readSheet hands out those values
 * (as a port that has read them would), once per sheet, and records which sheets and how many
 * data rows the action read; written blocks are kept as given. What is timed is the action's
 * own work from read values to the blocks it writes, not an adapter's.
 */
class ReadWorkbook extends MemoryWorkbook {
  readonly read: string[] = [];
  rowsRead = 0;

  constructor(
    zone: string | null,
    private readonly prepared: Map<string, Cell[][]>,
  ) {
    super({}, zone);
  }

  /** Blocks written, kept as given: the port's own bookkeeping is not what is measured. */
  readonly blocks: (readonly (readonly Cell[])[])[] = [];

  override writeBlock(
    name: string,
    _row: number,
    _column: number,
    values: readonly (readonly Cell[])[],
  ): void {
    this.calls.writeBlock = (this.calls.writeBlock ?? 0) + 1;
    if (!this.sheet(name)) throw new Error(`No sheet named "${name}"`);
    this.blocks.push(values);
  }

  override appendRows(name: string, values: readonly (readonly Cell[])[]): void {
    this.calls.appendRows = (this.calls.appendRows ?? 0) + 1;
    if (!this.sheet(name)) throw new Error(`No sheet named "${name}"`);
    this.blocks.push(values);
  }

  override readSheet(name: string): Cell[][] | null {
    const values = this.prepared.get(name);
    if (values === undefined) return super.readSheet(name);
    this.prepared.delete(name);
    this.calls.readSheet = (this.calls.readSheet ?? 0) + 1;
    this.read.push(name);
    this.rowsRead += Math.max(0, values.length - 1);
    return values;
  }
}

export interface SavedSample {
  readonly timeZone: string | null;
  readonly sheets: SheetValues;
}

export function loadSample(file: string): SavedSample {
  return deserialize(readFileSync(file)) as SavedSample;
}

/**
 * A workbook of a freshly loaded sample, its sheets already read: the values handed out are the
 * sheets' own (an action writes a sheet only after it has read it). Load the sample again for
 * each run, since actions change what they run on.
 */
export function prepare(sample: SavedSample): ReadWorkbook {
  const prepared = new Map<string, Cell[][]>();
  const workbook = new ReadWorkbook(sample.timeZone, prepared);
  for (const [name, values] of sample.sheets) {
    workbook.sheets.push({
      name,
      cells: values,
      formats: [],
      charts: [],
      replaced: false,
      written: new Set(),
      created: false,
    });
    prepared.set(name, values);
  }
  return workbook;
}

/** The commands the command line knows. */
export function actionNames(): string[] {
  return ACTIONS.map((a) => a.name);
}

export interface ActionRun {
  readonly ms: number;
  /** Process CPU time (user + system, all threads) during the run. */
  readonly cpuMs: number;
  readonly rowsRead: number;
  readonly sheetsRead: readonly string[];
  readonly issues: number;
}

/** Runs one command-line action (through the command line's own table) on a prepared workbook. */
export function runAction(
  workbook: ReadWorkbook,
  name: string,
  options: Readonly<Record<string, string | true>> = {},
): ActionRun {
  const action = ACTIONS.find((a) => a.name === name);
  if (!action) throw new Error(`the command line has no action ${name}`);
  const date = isoDate(AS_OF);
  const env = createNodeEnv(workbook, { asOf: date });
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = action.run(env, { asOf: date, options, language: "en" });
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    rowsRead: workbook.rowsRead,
    sheetsRead: [...workbook.read],
    issues: result.issues.length,
  };
}

export { MENU_RUNS, runMenu, sampleSeed, type MenuResult };
