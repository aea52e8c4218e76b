/**
 * An in-memory workbook: the WorkbookPort used by action tests, by the benchmark, and by the
 * command line (which loads an .xlsx into it, runs the action, then saves what changed). It
 * behaves like a spreadsheet's used range: reads are rectangular copies, blank cells are "".
 * It counts calls and remembers which cells each write touched.
 */
import type { Cell, ChartSpec, SheetFormat, WorkbookPort } from "../ports";

export interface MemorySheet {
  name: string;
  /** Row-major values; ragged rows are allowed, missing cells are blank. */
  cells: Cell[][];
  formats: SheetFormat[];
  charts: ChartSpec[];
  /** True once an action replaced the whole sheet (the writer then rewrites it entirely). */
  replaced: boolean;
  /**
   * Cells written since load, as "row:column" (1-based). Not kept for a sheet created or
   * replaced since load: its writer writes it whole.
   */
  written: Set<string>;
  /** The sheet was created since load. */
  created: boolean;
  /** Each written cell's value before its first write since load, by "row:column" (for previews). */
  previous?: Map<string, Cell>;
}

export class MemoryWorkbook implements WorkbookPort {
  readonly sheets: MemorySheet[] = [];
  readonly calls: Record<string, number> = {};
  /** The sheets read, in order (a test can hold an action to one read per table). */
  readonly reads: string[] = [];
  private readonly zone: string | null;

  constructor(
    sheets: Readonly<Record<string, readonly (readonly Cell[])[]>> = {},
    timeZone: string | null = null,
  ) {
    this.zone = timeZone;
    for (const [name, cells] of Object.entries(sheets)) {
      this.sheets.push(
        newSheet(
          name,
          cells.map((row) => [...row]),
          false,
        ),
      );
    }
  }

  private count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  /** Total number of port calls so far. */
  totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private require(name: string): MemorySheet {
    const found = this.sheet(name);
    if (!found) throw new Error(`No sheet named "${name}"`);
    return found;
  }

  sheetNames(): string[] {
    this.count("sheetNames");
    return this.sheets.map((s) => s.name);
  }

  readSheet(name: string): Cell[][] | null {
    this.count("readSheet");
    this.reads.push(name);
    const found = this.sheet(name);
    return found ? usedRange(found.cells) : null;
  }

  addSheet(name: string): void {
    this.count("addSheet");
    if (this.sheet(name)) throw new Error(`A sheet named "${name}" already exists`);
    this.sheets.push(newSheet(name, [], true));
  }

  writeBlock(name: string, row: number, column: number, values: readonly (readonly Cell[])[]): void {
    this.count("writeBlock");
    const target = this.require(name);
    const track = !target.created && !target.replaced;
    values.forEach((line, i) => {
      const r = row - 1 + i;
      while (target.cells.length <= r) target.cells.push([]);
      const cells = target.cells[r];
      line.forEach((value, j) => {
        const c = column - 1 + j;
        while (cells.length < c) cells.push("");
        if (track) remember(target, r, c);
        cells[c] = value === null ? "" : value;
        if (track) target.written.add(`${r + 1}:${c + 1}`);
      });
    });
  }

  appendRows(name: string, values: readonly (readonly Cell[])[]): void {
    this.count("appendRows");
    const target = this.require(name);
    const last = usedRange(target.cells).length;
    if (values.length > 0) this.writeBlockUncounted(target, last + 1, values);
  }

  private writeBlockUncounted(target: MemorySheet, row: number, values: readonly (readonly Cell[])[]): void {
    const track = !target.created && !target.replaced;
    values.forEach((line, i) => {
      const r = row - 1 + i;
      while (target.cells.length <= r) target.cells.push([]);
      if (track) line.forEach((_, j) => remember(target, r, j));
      target.cells[r] = line.map((v) => (v === null ? "" : v));
      if (track) line.forEach((_, j) => target.written.add(`${r + 1}:${j + 1}`));
    });
  }

  replaceSheet(name: string, values: readonly (readonly Cell[])[], format?: SheetFormat): void {
    this.count("replaceSheet");
    let target = this.sheet(name);
    if (!target) {
      target = newSheet(name, [], true);
      this.sheets.push(target);
    }
    target.cells = values.map((line) => line.map((v) => (v === null ? "" : v)));
    target.formats = format ? [format] : [];
    target.charts = [];
    target.replaced = true;
  }

  format(name: string, format: SheetFormat): void {
    this.count("format");
    this.require(name).formats.push(format);
  }

  addCharts(name: string, charts: readonly ChartSpec[]): void {
    this.count("addCharts");
    this.require(name).charts.push(...charts);
  }

  timeZone(): string | null {
    return this.zone;
  }

  /** The values of a sheet as a plain grid (for tests), or undefined. */
  values(name: string): Cell[][] | undefined {
    const found = this.sheet(name);
    return found ? usedRange(found.cells) : undefined;
  }
}

/** Keeps a cell's value before its first write (0-based row and column). */
function remember(target: MemorySheet, r: number, c: number): void {
  const key = `${r + 1}:${c + 1}`;
  if (target.written.has(key)) return;
  if (!target.previous) target.previous = new Map();
  if (!target.previous.has(key)) target.previous.set(key, target.cells[r]?.[c] ?? "");
}

function newSheet(name: string, cells: Cell[][], created: boolean): MemorySheet {
  return { name, cells, formats: [], charts: [], replaced: false, written: new Set(), created };
}

/** The rectangular used range: trailing blank rows and columns dropped, rows padded with "". */
export function usedRange(cells: readonly (readonly Cell[])[]): Cell[][] {
  let rows = 0;
  let columns = 0;
  cells.forEach((line, r) => {
    for (let c = line.length - 1; c >= 0; c--) {
      const v = line[c];
      if (v !== "" && v !== null && v !== undefined) {
        if (c + 1 > columns) columns = c + 1;
        rows = r + 1;
        break;
      }
    }
  });
  const out: Cell[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const line = cells[r] ?? [];
    const copy: Cell[] = new Array(columns);
    for (let c = 0; c < columns; c++) {
      const v = line[c];
      copy[c] = v === undefined || v === null ? "" : v;
    }
    out[r] = copy;
  }
  return out;
}
