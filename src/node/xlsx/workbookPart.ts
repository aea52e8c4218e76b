/**
 * `xl/workbook.xml` and its relationships: the sheets in workbook order (name → part), the
 * date system, and edits that add sheets and defined names (print titles) while every other
 * element of the part keeps its XML.
 */
import type { XlsxPackage } from "./package";
import { CONTENT_TYPE, ContentTypes, REL, Relationships } from "./parts";
import { attributesXml, escapeText, rootChildren, XML_DECLARATION } from "./xml";

export interface SheetEntry {
  readonly name: string;
  /** Package path of the worksheet part. */
  readonly part: string;
  /** Position among the workbook's sheets (0-based; what `localSheetId` counts). */
  readonly index: number;
}

const WORKBOOK_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Elements of CT_Workbook that come after `<definedNames>`. */
const AFTER_DEFINED_NAMES = new Set([
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
]);

export class WorkbookPart {
  readonly part: string;
  readonly rels: Relationships;
  readonly sheets: SheetEntry[] = [];
  readonly date1904: boolean;
  private xml: string;
  private readonly addedSheets: string[] = [];
  private readonly names = new Map<string, string>();
  private nextSheetId = 1;

  constructor(pkg: XlsxPackage) {
    const root = new Relationships(pkg, "");
    const office = root
      .list()
      .find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
    this.part = office ? root.targetPath(office) : "xl/workbook.xml";
    const xml = pkg.text(this.part);
    if (xml === null) throw new Error("the file has no workbook part (not an .xlsx workbook)");
    this.xml = xml;
    this.rels = new Relationships(pkg, this.part);
    let date1904 = false;
    for (const child of rootChildren(xml).children) {
      if (child.name === "workbookPr") date1904 = ["1", "true"].includes(child.attributes.date1904 ?? "");
      if (child.name !== "sheets") continue;
      scanSheets(xml.slice(child.start, child.end), (attributes) => {
        const id =
          attributes["r:id"] ?? Object.entries(attributes).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
        const rel = this.rels.byId(id);
        this.nextSheetId = Math.max(this.nextSheetId, Number(attributes.sheetId ?? 0) + 1);
        if (!rel) return;
        this.sheets.push({
          name: attributes.name ?? "",
          part: this.rels.targetPath(rel),
          index: this.sheets.length,
        });
      });
    }
    this.date1904 = date1904;
  }

  /** Package path of a workbook-level part by relationship type (styles, shared strings), or null. */
  related(type: string): string | null {
    const rel = this.rels.list().find((r) => r.type === type);
    return rel ? this.rels.targetPath(rel) : null;
  }

  /** Adds a worksheet at the end; returns its part path. */
  addSheet(pkg: XlsxPackage, types: ContentTypes, name: string): SheetEntry {
    let n = this.sheets.length + 1;
    while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    const id = this.rels.add(REL.worksheet, part);
    types.setOverride(part, CONTENT_TYPE.worksheet);
    const prefix = this.relationshipPrefix();
    const idAttribute = prefix ? `${prefix}:id="${id}"` : `r:id="${id}" xmlns:r="${RELATIONSHIPS_NS}"`;
    this.addedSheets.push(`<sheet${attributesXml({ name, sheetId: this.nextSheetId++ })} ${idAttribute}/>`);
    const entry = { name, part, index: this.sheets.length };
    this.sheets.push(entry);
    return entry;
  }

  /** Sets a sheet-scoped defined name (e.g. `_xlnm.Print_Titles`), replacing the same name of that sheet. */
  setDefinedName(name: string, sheetIndex: number, formula: string): void {
    this.names.set(
      `${name}|${sheetIndex}`,
      `<definedName${attributesXml({ name, localSheetId: sheetIndex })}>${escapeText(formula)}</definedName>`,
    );
  }

  private relationshipPrefix(): string | null {
    const open = /<(?:\w+:)?workbook\b[^>]*>/.exec(this.xml)?.[0] ?? "";
    const m = new RegExp(`xmlns:(\\w+)="${RELATIONSHIPS_NS.replace(/[.]/g, "\\.")}"`).exec(open);
    return m ? m[1] : null;
  }

  save(pkg: XlsxPackage): void {
    if (this.addedSheets.length === 0 && this.names.size === 0) {
      this.rels.save(pkg);
      return;
    }
    const { children } = rootChildren(this.xml);
    const edits: { start: number; end: number; xml: string }[] = [];
    const sheets = children.find((c) => c.name === "sheets");
    if (sheets && this.addedSheets.length > 0) {
      const close = this.xml.lastIndexOf("</", sheets.end - 1);
      const selfClosing = close < sheets.start;
      edits.push(
        selfClosing
          ? { start: sheets.start, end: sheets.end, xml: `<sheets>${this.addedSheets.join("")}</sheets>` }
          : { start: close, end: close, xml: this.addedSheets.join("") },
      );
    }
    if (this.names.size > 0) edits.push(this.definedNamesEdit(children));
    edits.sort((a, b) => b.start - a.start || b.end - a.end);
    let out = this.xml;
    for (const edit of edits) out = out.slice(0, edit.start) + edit.xml + out.slice(edit.end);
    this.xml = out;
    this.addedSheets.length = 0;
    this.names.clear();
    pkg.set(this.part, out);
    this.rels.save(pkg);
  }

  private definedNamesEdit(children: ReturnType<typeof rootChildren>["children"]): {
    start: number;
    end: number;
    xml: string;
  } {
    const existing = children.find((c) => c.name === "definedNames");
    const kept: string[] = [];
    if (existing) {
      const inner = this.xml.slice(existing.start, existing.end);
      for (const child of rootChildren(inner).children) {
        const key = `${child.attributes.name}|${child.attributes.localSheetId ?? ""}`;
        if (!this.names.has(key)) kept.push(inner.slice(child.start, child.end));
      }
    }
    const xml = `<definedNames>${kept.join("")}${[...this.names.values()].join("")}</definedNames>`;
    if (existing) return { start: existing.start, end: existing.end, xml };
    const after = children.find((c) => AFTER_DEFINED_NAMES.has(c.name));
    const at = after ? after.start : (rootChildren(this.xml).contentEnd ?? this.xml.length);
    return { start: at, end: at, xml };
  }
}

function scanSheets(xml: string, each: (attributes: Readonly<Record<string, string>>) => void): void {
  for (const child of rootChildren(xml).children) if (child.name === "sheet") each(child.attributes);
}

/** The parts of a new, empty workbook package (sheets are added by the writer). */
export function newWorkbookPackage(pkg: XlsxPackage): void {
  pkg.set(
    "[Content_Types].xml",
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`,
  );
  pkg.set(
    "_rels/.rels",
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
  );
  pkg.set(
    "xl/workbook.xml",
    `${XML_DECLARATION}<workbook xmlns="${WORKBOOK_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
      '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets/><calcPr calcId="191029"/></workbook>',
  );
  pkg.set(
    "xl/_rels/workbook.xml.rels",
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
  );
}
