/**
 * A sheet's SheetFormats resolved against its size: cell style rules (rectangles with a
 * StylePatch, later formats win), column default styles, the frozen header, header notes,
 * drop-downs, merges, explicit widths and print setup — what the sheet writers apply.
 */
import type { PrintSetup, SheetFormat } from "../../ports";
import { numberPattern } from "../../workbook/formats";
import type { StylePatch } from "./styles";

export interface StyleRule {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly patch: StylePatch;
  /** A rule that only sets a number format applies to cells that exist; others create styled blank cells. */
  readonly createsCells: boolean;
}

export interface ListValidation {
  readonly column: number;
  readonly fromRow: number;
  readonly toRow: number;
  readonly values: readonly string[];
}

export interface SheetLayout {
  readonly rules: StyleRule[];
  /** Column → default style of rows typed later (a number format down to the sheet's last row). */
  readonly columnStyles: Map<number, StylePatch>;
  /** Columns given a number format (their width must fit the formatted values). */
  readonly formattedColumns: Map<number, string>;
  /** Every number format a column is given (a report's column holds amounts, rates and counts). */
  readonly columnPatterns: Map<number, string[]>;
  frozenRows: number | undefined;
  /** Column → note on its row-1 cell. */
  readonly notes: Map<number, string>;
  readonly validations: ListValidation[];
  /** Merged ranges, 1-based boxes. */
  readonly merges: { top: number; left: number; bottom: number; right: number }[];
  /** Column → width in pixels asked for by the action. */
  readonly widths: Map<number, number>;
  print: PrintSetup | undefined;
}

/**
 * Rows a drop-down covers when an action asks for "down to the sheet's last row": the used
 * rows, but at least as many as a new Google Sheets grid, so rows typed later get it too.
 */
export const VALIDATION_GRID_ROWS = 1000;

export function layoutOf(formats: readonly SheetFormat[], lastRow: number, lastColumn: number): SheetLayout {
  const layout: SheetLayout = {
    rules: [],
    columnStyles: new Map(),
    formattedColumns: new Map(),
    columnPatterns: new Map(),
    frozenRows: undefined,
    notes: new Map(),
    validations: [],
    merges: [],
    widths: new Map(),
    print: undefined,
  };
  for (const format of formats) addFormat(layout, format, lastRow, lastColumn);
  return layout;
}

function addFormat(layout: SheetLayout, format: SheetFormat, lastRow: number, lastColumn: number): void {
  const rule = (top: number, left: number, rows: number, columns: number, patch: StylePatch): void => {
    if (rows <= 0 || columns <= 0) return;
    const createsCells = Object.keys(patch).some((key) => key !== "numFmt");
    layout.rules.push({ top, left, bottom: top + rows - 1, right: left + columns - 1, patch, createsCells });
  };
  if (format.frozenRows !== undefined) layout.frozenRows = format.frozenRows;
  format.headerNotes?.forEach((note, i) => {
    if (note !== null) layout.notes.set(i + 1, note);
  });
  format.headerBackgrounds?.forEach((color, i) => {
    if (color !== null) rule(1, i + 1, 1, 1, { fill: color });
  });
  if (format.boldHeaderColumns) rule(1, 1, 1, format.boldHeaderColumns, { bold: true });
  const gridRows = Math.max(lastRow, VALIDATION_GRID_ROWS);
  for (const v of format.validations ?? []) {
    const toRow = v.toRow ?? gridRows;
    if (toRow < v.fromRow) continue;
    // A later drop-down over the same cells replaces the earlier one (no two may overlap).
    const kept = layout.validations.filter(
      (old) => old.column !== v.column || old.toRow < v.fromRow || old.fromRow > toRow,
    );
    layout.validations.length = 0;
    layout.validations.push(...kept, { column: v.column, fromRow: v.fromRow, toRow, values: v.values });
  }
  for (const n of format.numberFormats ?? []) {
    const pattern = numberPattern(n.kind, n.currency);
    const toRow = n.toRow ?? Math.max(lastRow, n.fromRow);
    rule(n.fromRow, n.column, toRow - n.fromRow + 1, 1, { numFmt: pattern });
    layout.formattedColumns.set(n.column, pattern);
    const patterns = layout.columnPatterns.get(n.column) ?? [];
    if (!patterns.includes(pattern)) layout.columnPatterns.set(n.column, [...patterns, pattern]);
    if (n.toRow === null) layout.columnStyles.set(n.column, { numFmt: pattern });
  }
  if (format.backgrounds) {
    const { row, column, colors } = format.backgrounds;
    colors.forEach((line, i) =>
      line.forEach((color, j) => {
        if (color !== null) rule(row + i, column + j, 1, 1, { fill: color });
      }),
    );
  }
  for (const r of format.boldRows ?? []) rule(r, 1, 1, Math.max(lastColumn, 1), { bold: true });
  format.columnWidths?.forEach((pixels, i) => layout.widths.set(i + 1, pixels));
  for (const a of format.alignments ?? [])
    rule(a.range.row, a.range.column, a.range.rows, a.range.columns, { align: a.align });
  for (const w of format.wraps ?? []) rule(w.row, w.column, w.rows, w.columns, { wrap: true });
  for (const f of format.fontSizes ?? [])
    rule(f.range.row, f.range.column, f.range.rows, f.range.columns, { fontSize: f.size });
  for (const f of format.fontColors ?? [])
    rule(f.range.row, f.range.column, f.range.rows, f.range.columns, { fontColor: f.color });
  for (const m of format.merges ?? []) {
    if (m.rows * m.columns > 1) {
      layout.merges.push({
        top: m.row,
        left: m.column,
        bottom: m.row + m.rows - 1,
        right: m.column + m.columns - 1,
      });
    }
  }
  if (format.print) layout.print = format.print;
}

interface RowRules {
  readonly rules: StyleRule[];
  readonly indices: number[];
  readonly creating: number[];
  /** Combined patch per column, for cells that exist and for blank ones (filled on demand). */
  readonly existing: (StylePatch | null | undefined)[];
  readonly blank: (StylePatch | null | undefined)[];
}

/**
 * Finds the style of each cell quickly: the rules that touch a row (rows touched by the same
 * rules share one entry), then those that touch the cell, combined into one patch per
 * distinct set of rules — no allocation per cell.
 */
export class RuleIndex {
  private readonly rules: readonly StyleRule[];
  private readonly combined = new Map<string, StylePatch>();
  private readonly byKey = new Map<string, RowRules>();
  private current: RowRules | null = null;
  private readonly limit: number;

  /** `limit`: the last column styled blank cells are created in. */
  constructor(rules: readonly StyleRule[], limit: number) {
    this.rules = rules;
    this.limit = limit;
  }

  /** Selects the rules of a row; call before `patchAt` for cells of that row. */
  selectRow(row: number): boolean {
    let key = "";
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i];
      if (rule.top <= row && row <= rule.bottom) key += `${i},`;
    }
    if (key === "") {
      this.current = null;
      return false;
    }
    let entry = this.byKey.get(key);
    if (!entry) {
      const indices = key.slice(0, -1).split(",").map(Number);
      const rules = indices.map((i) => this.rules[i]);
      const creating = new Set<number>();
      for (const rule of rules) {
        if (!rule.createsCells) continue;
        for (let c = rule.left; c <= Math.min(rule.right, this.limit); c++) creating.add(c);
      }
      entry = { rules, indices, creating: [...creating].sort((a, b) => a - b), existing: [], blank: [] };
      this.byKey.set(key, entry);
    }
    this.current = entry;
    return true;
  }

  /** The combined patch of the selected row's rules at a column, or null; `existing`: the cell is there. */
  patchAt(column: number, existing: boolean): StylePatch | null {
    const entry = this.current;
    if (entry === null) return null;
    const cache = existing ? entry.existing : entry.blank;
    const known = cache[column];
    if (known !== undefined) return known;
    let key = "";
    for (let i = 0; i < entry.rules.length; i++) {
      const rule = entry.rules[i];
      if (rule.left <= column && column <= rule.right && (existing || rule.createsCells))
        key += `${entry.indices[i]},`;
    }
    let patch: StylePatch | null = null;
    if (key !== "") {
      patch = this.combined.get(key) ?? null;
      if (!patch) {
        const merged: Record<string, unknown> = {};
        for (const index of key.slice(0, -1).split(","))
          Object.assign(merged, this.rules[Number(index)].patch);
        patch = merged as StylePatch;
        this.combined.set(key, patch);
      }
    }
    cache[column] = patch;
    return patch;
  }

  /** Columns of the selected row where a rule creates cells (styled blanks), ascending. */
  creatingColumns(): readonly number[] {
    return this.current ? this.current.creating : [];
  }
}
