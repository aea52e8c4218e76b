/**
 * `xl/styles.xml`: which cell formats show dates (to read date cells), and new cell formats
 * the tool needs (number formats, bold, fills, alignment, wrap, font size and colour), each
 * derived from a cell's current format and appended once (deduplicated). Existing fonts, fills,
 * number formats and cell formats are never changed or renumbered.
 */
import { attributesXml, childrenOf, escapeAttribute, rootChildren, type Attributes, type Slice } from "./xml";

/** What the tool changes in a cell's look; undefined fields keep the current format's. */
export interface StylePatch {
  readonly numFmt?: string;
  /** Set the number format only when the current one does not show dates. */
  readonly dateIfNotDate?: boolean;
  readonly bold?: boolean;
  readonly fill?: string;
  readonly align?: "left" | "center" | "right";
  readonly wrap?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
}

/** Built-in number formats that show dates (ECMA-376 18.8.30, with the East Asian ones). */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Whether a format code shows a date or time (quoted text, [colours] and escapes aside). */
export function isDateCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

const FONT_ORDER = [
  "b",
  "i",
  "strike",
  "condense",
  "extend",
  "outline",
  "shadow",
  "u",
  "vertAlign",
  "sz",
  "color",
  "name",
  "family",
  "charset",
  "scheme",
];

interface Section {
  readonly slice: Slice | null;
  readonly items: string[];
  readonly added: string[];
}

export const DEFAULT_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

export class StyleSheet {
  private readonly xml: string;
  private readonly numFmtCodes = new Map<number, string>();
  private readonly numFmtIds = new Map<string, number>();
  private readonly addedNumFmts: { id: number; code: string }[] = [];
  private readonly fonts: Section;
  private readonly fills: Section;
  private readonly xfs: Section;
  private readonly xfAttributes: Attributes[] = [];
  private readonly dateXf: boolean[] = [];
  private readonly derived = new Map<string, number>();
  private readonly fontIndex = new Map<string, number>();
  private readonly fillIndex = new Map<string, number>();
  private readonly xfIndex = new Map<string, number>();
  private numFmtsSlice: Slice | null = null;

  constructor(xml: string | null) {
    this.xml = xml ?? DEFAULT_STYLES;
    const { children } = rootChildren(this.xml);
    const find = (name: string): Slice | null => children.find((c) => c.name === name) ?? null;
    this.numFmtsSlice = find("numFmts");
    if (this.numFmtsSlice) {
      for (const f of childrenOf(this.xml, this.numFmtsSlice.start, this.numFmtsSlice.end)) {
        const id = Number(f.attributes.numFmtId);
        const code = f.attributes.formatCode ?? "";
        this.numFmtCodes.set(id, code);
        if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
      }
    }
    this.fonts = this.section(find("fonts"));
    this.fills = this.section(find("fills"));
    this.xfs = this.section(find("cellXfs"));
    const xfSlice = find("cellXfs");
    if (xfSlice) {
      for (const xf of childrenOf(this.xml, xfSlice.start, xfSlice.end)) {
        this.xfAttributes.push(xf.attributes);
        this.dateXf.push(this.isDateNumFmt(Number(xf.attributes.numFmtId ?? 0)));
      }
    }
    this.fonts.items.forEach((font, i) => this.fontIndex.set(font, i));
    this.fills.items.forEach((fill, i) => this.fillIndex.set(fill, i));
    this.xfs.items.forEach((xf, i) => this.xfIndex.set(xf, i));
  }

  private section(slice: Slice | null): Section {
    const items = slice
      ? childrenOf(this.xml, slice.start, slice.end).map((c) => this.xml.slice(c.start, c.end))
      : [];
    return { slice, items, added: [] };
  }

  private isDateNumFmt(id: number): boolean {
    const code = this.numFmtCodes.get(id);
    return code !== undefined ? isDateCode(code) : BUILTIN_DATE_IDS.has(id);
  }

  /** Whether cells of this cell format (the `s` attribute) show dates. */
  isDate(xf: number): boolean {
    return this.dateXf[xf] ?? false;
  }

  /** The format code of a cell format ("General" for the built-ins other than dates). */
  numFmtCode(xf: number): string {
    const id = Number(this.xfAttributes[xf]?.numFmtId ?? 0);
    return this.numFmtCodes.get(id) ?? (BUILTIN_DATE_IDS.has(id) ? "yyyy-mm-dd" : "General");
  }

  /** The cell format that is `base` with `patch` applied (appended once per distinct result). */
  derive(base: number, patch: StylePatch): number {
    const key = `${base}|${JSON.stringify(patch)}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const xf = this.build(base, patch);
    let index = this.xfIndex.get(xf);
    if (index === undefined) {
      index = this.xfs.items.length + this.xfs.added.length;
      this.xfs.added.push(xf);
      this.xfIndex.set(xf, index);
      const numFmtId = Number(/numFmtId="(\d+)"/.exec(xf)?.[1] ?? 0);
      this.dateXf[index] = this.isDateNumFmt(numFmtId);
    }
    this.derived.set(key, index);
    return index;
  }

  private build(base: number, patch: StylePatch): string {
    const baseXml =
      this.xfs.items[base] ?? this.xfs.added[base - this.xfs.items.length] ?? this.xfs.items[0] ?? "<xf/>";
    const attributes: Record<string, string> = { ...(this.xfAttributes[base] ?? {}) };
    if (attributes.numFmtId === undefined) attributes.numFmtId = "0";
    if (attributes.fontId === undefined) attributes.fontId = "0";
    if (attributes.fillId === undefined) attributes.fillId = "0";
    if (attributes.borderId === undefined) attributes.borderId = "0";
    if (patch.numFmt !== undefined && !(patch.dateIfNotDate && this.isDate(base))) {
      attributes.numFmtId = String(this.numFmtId(patch.numFmt));
      attributes.applyNumberFormat = "1";
    }
    if (patch.bold !== undefined || patch.fontSize !== undefined || patch.fontColor !== undefined) {
      attributes.fontId = String(this.font(Number(attributes.fontId), patch));
      attributes.applyFont = "1";
    }
    if (patch.fill !== undefined) {
      attributes.fillId = String(this.fill(patch.fill));
      attributes.applyFill = "1";
    }
    const inner = /^<xf\b[^>]*\/>$/.test(baseXml)
      ? ""
      : baseXml.replace(/^<xf\b[^>]*>/, "").replace(/<\/xf>$/, "");
    let children = inner;
    if (patch.align !== undefined || patch.wrap !== undefined) {
      attributes.applyAlignment = "1";
      const current = /<alignment\b([^>]*?)\/?>(?:<\/alignment>)?/.exec(inner);
      const alignment: Record<string, string> = {};
      for (const m of (current?.[1] ?? "").matchAll(/(\w+)="([^"]*)"/g)) alignment[m[1]] = m[2];
      if (patch.align !== undefined) alignment.horizontal = patch.align;
      if (patch.wrap !== undefined) alignment.wrapText = patch.wrap ? "1" : "0";
      const element = `<alignment${attributesXml(alignment)}/>`;
      children = current ? inner.replace(current[0], element) : element + inner;
    }
    return children === ""
      ? `<xf${attributesXml(attributes)}/>`
      : `<xf${attributesXml(attributes)}>${children}</xf>`;
  }

  private numFmtId(code: string): number {
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    if (code === "General") return 0;
    if (code === "@") return 49;
    if (code === "0") return 1;
    let id = 164;
    for (const existing of this.numFmtCodes.keys()) id = Math.max(id, existing + 1);
    this.numFmtCodes.set(id, code);
    this.numFmtIds.set(code, id);
    this.addedNumFmts.push({ id, code });
    return id;
  }

  private font(base: number, patch: StylePatch): number {
    const baseXml = this.fonts.items[base] ?? this.fonts.added[base - this.fonts.items.length] ?? "<font/>";
    const parts = new Map<string, string>();
    const body = /^<font\b[^>]*\/>$/.test(baseXml)
      ? ""
      : baseXml.replace(/^<font\b[^>]*>/, "").replace(/<\/font>$/, "");
    if (body) {
      for (const child of childrenOf(`<font>${body}</font>`, 0, body.length + 13)) {
        parts.set(child.name, `<font>${body}</font>`.slice(child.start, child.end));
      }
    }
    if (patch.bold === true) parts.set("b", "<b/>");
    if (patch.bold === false) parts.delete("b");
    if (patch.fontSize !== undefined) parts.set("sz", `<sz val="${patch.fontSize}"/>`);
    if (patch.fontColor !== undefined) parts.set("color", `<color rgb="${argb(patch.fontColor)}"/>`);
    const ordered = FONT_ORDER.filter((name) => parts.has(name)).map((name) => parts.get(name) ?? "");
    const extra = [...parts.keys()]
      .filter((name) => !FONT_ORDER.includes(name))
      .map((name) => parts.get(name) ?? "");
    return this.intern(this.fonts, this.fontIndex, `<font>${[...ordered, ...extra].join("")}</font>`);
  }

  private fill(color: string): number {
    return this.intern(
      this.fills,
      this.fillIndex,
      `<fill><patternFill patternType="solid"><fgColor rgb="${argb(color)}"/><bgColor indexed="64"/></patternFill></fill>`,
    );
  }

  private intern(section: Section, index: Map<string, number>, xml: string): number {
    const known = index.get(xml);
    if (known !== undefined) return known;
    const at = section.items.length + section.added.length;
    section.added.push(xml);
    index.set(xml, at);
    return at;
  }

  /** Whether anything was appended (styles.xml must then be written). */
  changed(): boolean {
    return (
      this.addedNumFmts.length + this.fonts.added.length + this.fills.added.length + this.xfs.added.length > 0
    );
  }

  /** styles.xml with the appended entries and updated counts. */
  toXml(): string {
    const edits: { start: number; end: number; xml: string }[] = [];
    const sectionXml = (name: string, section: Section): void => {
      if (!section.slice || section.added.length === 0) return;
      const all = [...section.items, ...section.added];
      const open = this.xml.slice(section.slice.start, this.xml.indexOf(">", section.slice.start) + 1);
      const tag = open.replace(/\s*\/?>$/, "").replace(/\scount="\d*"/, "");
      edits.push({
        start: section.slice.start,
        end: section.slice.end,
        xml: `${tag} count="${all.length}">${all.join("")}</${name}>`,
      });
    };
    if (this.addedNumFmts.length > 0) {
      const items = [...this.numFmtCodes.entries()]
        .filter(([id]) => this.numFmtsSlice !== null || this.addedNumFmts.some((f) => f.id === id))
        .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
      const xml = `<numFmts count="${items.length}">${items.join("")}</numFmts>`;
      if (this.numFmtsSlice) edits.push({ start: this.numFmtsSlice.start, end: this.numFmtsSlice.end, xml });
      else {
        const at = this.xml.indexOf(">", this.xml.indexOf("<styleSheet")) + 1;
        edits.push({ start: at, end: at, xml });
      }
    }
    sectionXml("fonts", this.fonts);
    sectionXml("fills", this.fills);
    sectionXml("cellXfs", this.xfs);
    edits.sort((a, b) => b.start - a.start || b.end - a.end);
    let out = this.xml;
    for (const edit of edits) out = out.slice(0, edit.start) + edit.xml + out.slice(edit.end);
    return out;
  }
}

/** `#d2e3fc` → `FFD2E3FC`. */
export function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}
