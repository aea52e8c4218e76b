/**
 * A worksheet part around its cells: the root element and its other children (views, column
 * widths, merges, drop-downs, print setup, drawing…) as XML slices in schema order. The
 * sheet writers set the elements the tool owns and keep every other one as it was.
 */
import { isBlank } from "./cellXml";
import { letterOf } from "./cellXml";
import { columnOfRef, rowOfRef } from "./sheetRead";
import { attributesXml, escapeAttribute, escapeText, rootChildren } from "./xml";
import type { ListValidation, SheetLayout } from "./layout";
import type { Cell, PrintSetup } from "../../ports";

/** CT_Worksheet's children, in the order the schema requires. */
const ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const RANK = new Map(ORDER.map((name, i) => [name, i]));

export const WORKSHEET_OPEN =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

export interface Element {
  readonly name: string;
  readonly xml: string;
}

export class Shell {
  readonly open: string;
  readonly close: string;
  private elements: Element[];
  /** The prefix bound to the relationships namespace in the root element (usually `r`). */
  readonly relPrefix: string;

  constructor(open: string, elements: Element[], close: string) {
    this.open = open;
    this.close = close;
    this.elements = elements.filter((e) => e.name !== "sheetData");
    const m = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      open,
    );
    this.relPrefix = m ? m[1] : "";
  }

  static fresh(): Shell {
    return new Shell(WORKSHEET_OPEN, [], "</worksheet>");
  }

  get(name: string): Element | undefined {
    return this.elements.find((e) => e.name === name);
  }

  /** Replaces every element of that name with `xml` (null removes them), in schema order. */
  set(name: string, xml: string | null): void {
    this.elements = this.elements.filter((e) => e.name !== name);
    if (xml === null) return;
    const rank = RANK.get(name) ?? ORDER.length;
    const at = this.elements.findIndex((e) => (RANK.get(e.name) ?? ORDER.length) > rank);
    const element = { name, xml };
    if (at < 0) this.elements.push(element);
    else this.elements.splice(at, 0, element);
  }

  /** An `r:id` attribute for a relationship, declaring the namespace when the root does not. */
  relAttribute(id: string): string {
    return this.relPrefix
      ? `${this.relPrefix}:id="${id}"`
      : `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"`;
  }

  /** The elements before and after `<sheetData>`. */
  head(): string {
    const sheetData = RANK.get("sheetData") ?? 0;
    return this.elements
      .filter((e) => (RANK.get(e.name) ?? ORDER.length) < sheetData)
      .map((e) => e.xml)
      .join("");
  }

  tail(): string {
    const sheetData = RANK.get("sheetData") ?? 0;
    return this.elements
      .filter((e) => (RANK.get(e.name) ?? ORDER.length) > sheetData)
      .map((e) => e.xml)
      .join("");
  }
}

/** Applies the sheet-level parts of a layout: frozen rows, widths, merges, drop-downs, print. */
export function decorate(
  shell: Shell,
  layout: SheetLayout,
  widths: Map<number, number>,
  columnStyles: Map<number, number>,
): void {
  if (layout.frozenRows !== undefined)
    shell.set("sheetViews", sheetViews(shell.get("sheetViews")?.xml, layout.frozenRows));
  if (widths.size > 0 || columnStyles.size > 0)
    shell.set("cols", cols(shell.get("cols")?.xml, widths, columnStyles));
  if (layout.merges.length > 0) {
    const refs = new Set(existingMerges(shell.get("mergeCells")?.xml));
    for (const m of layout.merges) refs.add(`${letterOf(m.left)}${m.top}:${letterOf(m.right)}${m.bottom}`);
    shell.set(
      "mergeCells",
      `<mergeCells count="${refs.size}">${[...refs].map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`,
    );
  }
  if (layout.validations.length > 0)
    shell.set("dataValidations", dataValidations(shell.get("dataValidations")?.xml, layout.validations));
  if (layout.print) printSetup(shell, layout.print);
}

function sheetViews(existing: string | undefined, frozenRows: number): string {
  const view = existing ? /<sheetView\b[^>]*?(\/?)>/.exec(existing) : null;
  const attributes: Record<string, string> = {};
  for (const m of (view?.[0] ?? "").matchAll(/(\w+)="([^"]*)"/g)) attributes[m[1]] = m[2];
  if (attributes.workbookViewId === undefined) attributes.workbookViewId = "0";
  const pane = existing ? /<pane\b[^>]*\/>/.exec(existing)?.[0] : undefined;
  const xSplit = pane && /state="frozen"/.test(pane) ? Number(/xSplit="(\d+)"/.exec(pane)?.[1] ?? 0) : 0;
  if (frozenRows <= 0 && xSplit <= 0)
    return `<sheetViews><sheetView${attributesXml(attributes)}/></sheetViews>`;
  const topLeft = `${letterOf(xSplit + 1)}${frozenRows + 1}`;
  const active = xSplit > 0 ? (frozenRows > 0 ? "bottomRight" : "topRight") : "bottomLeft";
  const paneXml = `<pane${attributesXml({
    xSplit: xSplit > 0 ? xSplit : undefined,
    ySplit: frozenRows > 0 ? frozenRows : undefined,
    topLeftCell: topLeft,
    activePane: active,
    state: "frozen",
  })}/>`;
  return `<sheetViews><sheetView${attributesXml(attributes)}>${paneXml}<selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`;
}

/** `<col>` attributes per column, from existing ranges. */
function existingCols(xml: string | undefined): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  if (!xml) return out;
  for (const child of rootChildren(xml).children) {
    const min = Number(child.attributes.min);
    const max = Math.min(Number(child.attributes.max), 16384);
    for (let c = min; c <= max; c++) out.set(c, { ...child.attributes });
  }
  return out;
}

/** Columns the user gave a width (kept as they are). */
export function sizedColumns(xml: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const [column, attributes] of existingCols(xml)) {
    if (
      attributes.width !== undefined &&
      attributes.customWidth !== undefined &&
      attributes.customWidth !== "0"
    )
      out.add(column);
  }
  return out;
}

function cols(
  existing: string | undefined,
  widths: Map<number, number>,
  styles: Map<number, number>,
): string {
  const columns = existingCols(existing);
  for (const [column, width] of widths) {
    const attributes = columns.get(column) ?? {};
    columns.set(column, { ...attributes, width: String(width), customWidth: "1" });
  }
  for (const [column, style] of styles) {
    const attributes = columns.get(column) ?? { width: "9.140625" };
    columns.set(column, { ...attributes, style: String(style) });
  }
  const sorted = [...columns.keys()].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    const first = sorted[i];
    const attributes = columns.get(first) ?? {};
    const key = JSON.stringify({ ...attributes, min: 0, max: 0 });
    let last = first;
    while (
      i + 1 < sorted.length &&
      sorted[i + 1] === last + 1 &&
      JSON.stringify({ ...(columns.get(sorted[i + 1]) ?? {}), min: 0, max: 0 }) === key
    ) {
      i++;
      last = sorted[i];
    }
    i++;
    const { min: _min, max: _max, ...rest } = attributes;
    void _min;
    void _max;
    ranges.push(`<col${attributesXml({ min: first, max: last, ...rest })}/>`);
  }
  return `<cols>${ranges.join("")}</cols>`;
}

function existingMerges(xml: string | undefined): string[] {
  if (!xml) return [];
  return rootChildren(xml)
    .children.map((c) => c.attributes.ref ?? "")
    .filter((ref) => ref !== "");
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function boxOf(ref: string): Box {
  const [from, to = from] = ref.replace(/\$/g, "").split(":");
  return { top: rowOfRef(from), left: columnOfRef(from), bottom: rowOfRef(to), right: columnOfRef(to) };
}

function dataValidations(existing: string | undefined, added: readonly ListValidation[]): string {
  const kept: string[] = [];
  if (existing) {
    for (const child of rootChildren(existing).children) {
      // An older drop-down of the same column within the new one's rows is replaced by it.
      const boxes = (child.attributes.sqref ?? "").split(/\s+/).filter(Boolean).map(boxOf);
      const covered = boxes.every((box) =>
        added.some(
          (v) =>
            box.left === v.column && box.right === v.column && box.top >= v.fromRow && box.bottom <= v.toRow,
        ),
      );
      if (!covered || boxes.length === 0) kept.push(existing.slice(child.start, child.end));
    }
  }
  for (const v of added) {
    const letter = letterOf(v.column);
    const list = `"${v.values.map((value) => value.replace(/"/g, '""')).join(",")}"`;
    kept.push(
      `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="${letter}${v.fromRow}:${letter}${v.toRow}"><formula1>${escapeText(list)}</formula1></dataValidation>`,
    );
  }
  return `<dataValidations count="${kept.length}">${kept.join("")}</dataValidations>`;
}

function printSetup(shell: Shell, print: PrintSetup): void {
  if (print.fitToWidth) {
    const sheetPr = shell.get("sheetPr")?.xml;
    if (!sheetPr) shell.set("sheetPr", '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    else if (!/fitToPage=/.test(sheetPr)) {
      shell.set(
        "sheetPr",
        /<pageSetUpPr\b/.test(sheetPr)
          ? sheetPr.replace(/<pageSetUpPr\b/, '<pageSetUpPr fitToPage="1"')
          : sheetPr
              .replace(/\/>$/, '><pageSetUpPr fitToPage="1"/></sheetPr>')
              .replace(/<\/sheetPr>$/, '<pageSetUpPr fitToPage="1"/></sheetPr>'),
      );
    }
  }
  if (!shell.get("pageMargins"))
    shell.set(
      "pageMargins",
      '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    );
  shell.set(
    "pageSetup",
    `<pageSetup${attributesXml({
      paperSize: 9,
      orientation: print.orientation,
      fitToWidth: print.fitToWidth ? 1 : undefined,
      fitToHeight: print.fitToWidth ? 0 : undefined,
    })}/>`,
  );
  const header = print.headerText
    ? `<oddHeader>&amp;L${escapeText(print.headerText.replace(/&/g, "&&"))}</oddHeader>`
    : "";
  const footer = print.pageNumbers ? "<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>" : "";
  if (header || footer) shell.set("headerFooter", `<headerFooter>${header}${footer}</headerFooter>`);
}

/** `<dimension>` for a used range. */
export function dimensionXml(rows: number, columns: number): string {
  return `<dimension ref="A1${rows > 1 || columns > 1 ? `:${letterOf(Math.max(columns, 1))}${Math.max(rows, 1)}` : ""}"/>`;
}

export function hasValue(value: Cell | undefined): boolean {
  return !isBlank(value);
}

export { escapeAttribute };
