/**
 * The .xlsx adapter of the command line. `loadXlsx` opens the package (src/node/xlsx/) and
 * gives the actions a MemoryWorkbook whose sheets are parsed the first time an action reads
 * them; `saveXlsx` edits the package: sheets an action created or replaced are generated
 * (with their formats, notes and charts), existing sheets an action wrote into are patched
 * cell by cell, styles get the formats they need appended, and every other part — the user's
 * sheets, charts, pivot tables, pictures, defined names — is written back unchanged.
 */
import { readFile } from "node:fs/promises";
import type { Cell } from "../ports";
import { MemoryWorkbook, type MemorySheet } from "../workbook/memory";
import { SharedStringsWriter } from "./xlsx/cellXml";
import { quoteSheet } from "./xlsx/xml";
import { writeCharts } from "./xlsx/charts";
import { layoutOf } from "./xlsx/layout";
import { writeNotes } from "./xlsx/notes";
import { PartWriter, XlsxPackage } from "./xlsx/package";
import { CONTENT_TYPE, ContentTypes, REL, Relationships } from "./xlsx/parts";
import { readSharedStrings, readSheetValues } from "./xlsx/sheetRead";
import {
  newSheetWidths,
  newSheetXml,
  patchSheetXml,
  usedSize,
  type SheetExtras,
  type WriteContext,
} from "./xlsx/sheetWrite";
import { StyleSheet } from "./xlsx/styles";
import { newWorkbookPackage, WorkbookPart, type SheetEntry } from "./xlsx/workbookPart";

export { columnLetter } from "./xlsx/cellXml";
export { quoteSheet } from "./xlsx/xml";
export { VALIDATION_GRID_ROWS } from "./xlsx/layout";

/** An .xlsx file opened for an action. */
export interface XlsxFile {
  /** What the actions read and write; a sheet's cells are parsed on first use. */
  readonly memory: MemoryWorkbook;
  readonly pkg: XlsxPackage;
  readonly workbook: WorkbookPart;
  readonly styles: StyleSheet;
  readonly stylesPart: string;
  /** A new workbook (init): its text goes into a shared strings table. */
  readonly fresh?: boolean;
}

/** What a save wrote. */
export interface SaveReport {
  readonly sheetsRewritten: readonly string[];
  readonly sheetsPatched: readonly string[];
  readonly cellsWritten: number;
  readonly charts: number;
}

/** Reads an .xlsx file. Throws when the file cannot be read or is not an .xlsx workbook. */
export async function loadXlsx(file: string): Promise<XlsxFile> {
  return openXlsx(await readFile(file));
}

export async function openXlsx(bytes: Uint8Array): Promise<XlsxFile> {
  const pkg = await XlsxPackage.open(bytes);
  const workbook = new WorkbookPart(pkg);
  const stylesPart = workbook.related(REL.styles) ?? "xl/styles.xml";
  const styles = new StyleSheet(pkg.text(stylesPart));
  const stringsPart = workbook.related(REL.sharedStrings);
  let strings: string[] | null = null;
  const texts = new Map<string, string>();
  const memory = new MemoryWorkbook({}, null);
  for (const entry of workbook.sheets) {
    memory.sheets.push(
      lazySheet(entry.name, () => {
        if (strings === null) strings = readSharedStrings(stringsPart ? pkg.bytes(stringsPart) : null);
        const bytes = pkg.bytes(entry.part);
        if (bytes === null) return [];
        return readSheetValues(bytes, { strings, styles, date1904: workbook.date1904, texts }).cells;
      }),
    );
  }
  return { memory, pkg, workbook, styles, stylesPart };
}

/** A new, empty workbook package around a MemoryWorkbook built in memory (init). */
export function newXlsx(memory: MemoryWorkbook): XlsxFile {
  const pkg = XlsxPackage.empty();
  newWorkbookPackage(pkg);
  const workbook = new WorkbookPart(pkg);
  return { memory, pkg, workbook, styles: new StyleSheet(null), stylesPart: "xl/styles.xml", fresh: true };
}

/** A sheet whose cells are read from the package the first time they are used. */
function lazySheet(name: string, load: () => Cell[][]): MemorySheet {
  let cells: Cell[][] | null = null;
  return {
    name,
    get cells(): Cell[][] {
      if (cells === null) cells = load();
      return cells;
    },
    set cells(value: Cell[][]) {
      cells = value;
    },
    formats: [],
    charts: [],
    replaced: false,
    written: new Set(),
    created: false,
  };
}

/** Applies what the actions changed to the package and writes it to `file`. */
export async function saveXlsx(file: XlsxFile, target: string): Promise<SaveReport> {
  const report = applyChanges(file);
  file.pkg.writeFile(target);
  return report;
}

/** Puts what the actions changed into the package (no file I/O). */
export function applyChanges(file: XlsxFile): SaveReport {
  const { memory, pkg, workbook, styles } = file;
  const types = new ContentTypes(pkg);
  const strings = file.fresh ? new SharedStringsWriter() : undefined;
  const context: WriteContext = { styles, date1904: workbook.date1904, strings };
  const sheetsRewritten: string[] = [];
  const sheetsPatched: string[] = [];
  let cellsWritten = 0;
  let charts = 0;
  const entries = new Map(workbook.sheets.map((e) => [e.name, e] as const));
  for (const sheet of memory.sheets) {
    const existing = entries.get(sheet.name);
    const whole = existing === undefined || sheet.created || sheet.replaced;
    if (!whole && sheet.written.size === 0 && sheet.formats.length === 0 && sheet.charts.length === 0)
      continue;
    const entry: SheetEntry = existing ?? workbook.addSheet(pkg, types, sheet.name);
    const values = sheet.cells;
    const size = usedSize(values);
    const layout = layoutOf(sheet.formats, size.rows, size.columns);
    const rels = new Relationships(pkg, entry.part);
    if (whole && existing !== undefined) dropOwnedParts(pkg, types, rels);
    const widths = whole ? newSheetWidths(values, layout) : new Map<number, number>();
    const extras: SheetExtras = {
      legacyDrawing: writeNotes(pkg, types, rels, entry.part, layout.notes) ?? undefined,
      drawing:
        writeCharts(pkg, types, rels, sheet.charts, {
          sheetName: sheet.name,
          values,
          columnWidths: widths,
          formats: layout.formattedColumns,
        }) ?? undefined,
    };
    charts += sheet.charts.length;
    if (layout.print?.repeatRows) {
      const { from, to } = layout.print.repeatRows;
      workbook.setDefinedName("_xlnm.Print_Titles", entry.index, `${quoteSheet(sheet.name)}!$${from}:$${to}`);
    }
    if (whole) {
      const writer = new PartWriter();
      newSheetXml(values, layout, widths, context, extras, writer);
      pkg.set(entry.part, writer.seal());
      sheetsRewritten.push(sheet.name);
      for (const line of values.slice(0, size.rows)) {
        for (const value of line ?? [])
          if (value !== "" && value !== null && value !== undefined) cellsWritten++;
      }
    } else {
      const xml = pkg.text(entry.part) ?? "";
      pkg.set(
        entry.part,
        patchSheetXml(xml, { cells: sheet.cells, written: sheet.written, layout }, context, extras),
      );
      sheetsPatched.push(sheet.name);
      cellsWritten += sheet.written.size;
    }
    rels.save(pkg);
  }
  if (strings && strings.size > 0) writeSharedStrings(pkg, types, workbook, strings);
  if (styles.changed()) {
    pkg.set(file.stylesPart, styles.toXml());
    types.setOverride(file.stylesPart, CONTENT_TYPE.styles);
  }
  workbook.save(pkg);
  types.save(pkg);
  return { sheetsRewritten, sheetsPatched, cellsWritten, charts };
}

/** The shared strings part of a new workbook, with its relationship and content type. */
function writeSharedStrings(
  pkg: XlsxPackage,
  types: ContentTypes,
  workbook: WorkbookPart,
  strings: SharedStringsWriter,
): void {
  const part = "xl/sharedStrings.xml";
  const writer = new PartWriter();
  writer.add(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${strings.size}">`,
  );
  for (const item of strings.items()) writer.add(item);
  writer.add("</sst>");
  pkg.set(part, writer.seal());
  workbook.rels.add(REL.sharedStrings, part);
  types.setOverride(part, CONTENT_TYPE.sharedStrings);
}

/**
 * Before a sheet is replaced, the parts only it used — its drawing with the charts in it, its
 * notes — are removed with their relationships (the tool writes its own again).
 */
function dropOwnedParts(pkg: XlsxPackage, types: ContentTypes, rels: Relationships): void {
  for (const rel of rels.list()) {
    if (rel.external) {
      rels.remove(rel.id);
      continue;
    }
    const part = rels.targetPath(rel);
    if (rel.type === REL.drawing) {
      const drawingRels = new Relationships(pkg, part);
      for (const inner of drawingRels.list()) {
        if (inner.type === REL.chart) removePart(pkg, types, drawingRels.targetPath(inner));
      }
      removePart(pkg, types, part);
    } else if (rel.type === REL.comments || rel.type === REL.vmlDrawing) {
      removePart(pkg, types, part);
    } else {
      continue;
    }
    rels.remove(rel.id);
  }
}

function removePart(pkg: XlsxPackage, types: ContentTypes, part: string): void {
  pkg.remove(part);
  const relsPart = `${part.slice(0, part.lastIndexOf("/") + 1)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
  const chartRels = new Relationships(pkg, part);
  for (const rel of chartRels.list()) {
    // A chart's own style and colour parts go with it.
    if (!rel.external && /chartStyle|chartColorStyle|themeOverride/.test(rel.type))
      removePart(pkg, types, chartRels.targetPath(rel));
  }
  pkg.remove(relsPart);
  types.removeOverride(part);
}
