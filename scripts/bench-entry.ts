/**
 * What `npm run bench` measures, bundled by scripts/bench.mjs with esbuild (so the TypeScript of
 * src/ and of the Apps Script harness runs as it is): sample workbooks of N clients, each action
 * of the command line run on a MemoryWorkbook (time, port calls), and each menu handler of the
 * built dist/Code.js run in node:vm against the counting fakes of test/gas (spreadsheet calls).
 */
import { formatIsoDate, parseIsoDate, type CalDate } from "../src/core/dates";
import { ACTIONS } from "../src/node/cli";
import { createNodeEnv } from "../src/node/env";
import { createWorkbook } from "../src/node/init";
import { isDateCell, type Cell } from "../src/ports";
import { MemoryWorkbook, usedRange } from "../src/workbook/memory";
import { loadBundle, type SeedCell } from "../test/gas/harness";

export interface Sample {
  readonly memory: MemoryWorkbook;
  /** Data rows of every sheet (headers not counted). */
  readonly rows: number;
  readonly clients: number;
}

function isoDate(text: string): CalDate {
  const date = parseIsoDate(text);
  if (date === null) throw new Error(`not a date: ${text}`);
  return date;
}

export function makeSample(clients: number, seed: number, asOf: string): Sample {
  const { memory, sampleRows } = createWorkbook("zh-CN", { clients, seed, asOf: isoDate(asOf) });
  return { memory, rows: sampleRows.reduce((n, s) => n + s.rows, 0), clients };
}

/**
 * A workbook whose readSheet hands out values prepared before the clock starts, as a port that
 * has already read its sheets would: the timed part is the action from the read values on.
 */
class PreparedWorkbook extends MemoryWorkbook {
  private readonly prepared = new Map<string, Cell[][]>();

  prepare(): void {
    for (const sheet of this.sheets) this.prepared.set(sheet.name, usedRange(sheet.cells));
  }

  override readSheet(name: string): Cell[][] | null {
    const values = this.prepared.get(name);
    if (values === undefined) return super.readSheet(name);
    this.prepared.delete(name);
    this.calls.readSheet = (this.calls.readSheet ?? 0) + 1;
    return values;
  }
}

/** A copy with nothing written yet and no calls counted (actions change the workbook they run on). */
export function copyWorkbook(memory: MemoryWorkbook): MemoryWorkbook {
  const copy = new PreparedWorkbook({}, memory.timeZone());
  for (const sheet of memory.sheets) {
    copy.sheets.push({
      name: sheet.name,
      cells: sheet.cells.map((row) => row.slice()),
      formats: [],
      charts: [],
      replaced: false,
      written: new Set(),
      created: false,
    });
  }
  copy.prepare();
  return copy;
}

/** The commands the command line knows. */
export function actionNames(): string[] {
  return ACTIONS.map((a) => a.name);
}

export interface MemoryRun {
  readonly ms: number;
  readonly calls: Readonly<Record<string, number>>;
  readonly totalCalls: number;
  readonly issues: number;
}

/** Runs one command-line action on the workbook (through the same table as the command line). */
export function runInMemory(
  memory: MemoryWorkbook,
  name: string,
  asOf: string,
  options: Readonly<Record<string, string | true>> = {},
): MemoryRun {
  const action = ACTIONS.find((a) => a.name === name);
  if (!action) throw new Error(`the command line has no action ${name}`);
  const date = isoDate(asOf);
  const env = createNodeEnv(memory, { asOf: date });
  const start = performance.now();
  const result = action.run(env, { asOf: date, options });
  const ms = performance.now() - start;
  return { ms, calls: { ...memory.calls }, totalCalls: memory.totalCalls(), issues: result.issues.length };
}

function seedCell(cell: Cell): SeedCell {
  if (isDateCell(cell)) return { date: formatIsoDate(cell.date) };
  return cell;
}

export interface VmRun {
  readonly ms: number;
  readonly spreadsheetCalls: number;
  readonly calls: Readonly<Record<string, number>>;
  readonly alerts: number;
}

/**
 * Runs a menu handler of dist/Code.js on a fake spreadsheet seeded with the workbook, the clock
 * at `now`; counts the calls on Spreadsheet, Sheet and Range objects made by the handler.
 */
export function runInVm(memory: MemoryWorkbook, handler: string, now: string): VmRun {
  const sheets: Record<string, SeedCell[][]> = {};
  for (const sheet of memory.sheets)
    sheets[sheet.name] = usedRange(sheet.cells).map((row) => row.map(seedCell));
  const gas = loadBundle({ seed: { now, timeZone: "Asia/Shanghai", sheets } });
  gas.fake.resetCalls();
  const start = performance.now();
  gas.call(handler);
  const ms = performance.now() - start;
  return {
    ms,
    spreadsheetCalls: gas.fake.spreadsheetCalls(),
    calls: { ...gas.fake.calls },
    alerts: gas.fake.alerts.length,
  };
}
