/**
 * The package's bookkeeping parts: relationships (`*.rels`), `[Content_Types].xml` and the
 * list of sheets in `xl/workbook.xml`. Each edit inserts or removes single elements and keeps
 * every other element's XML as it was.
 */
import type { XlsxPackage } from "./package";
import { attributesXml, escapeAttribute, rootChildren, XML_DECLARATION, type Slice } from "./xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** As written in the part (relative to its folder, or absolute from `/`). */
  readonly target: string;
  readonly external: boolean;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship of `source` points to (package path, no leading slash). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return normalize(target.slice(1));
  const folder = source.slice(0, source.lastIndexOf("/") + 1);
  return normalize(folder + target);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const piece of path.split("/")) {
    if (piece === "..") out.pop();
    else if (piece !== "." && piece !== "") out.push(piece);
  }
  return out.join("/");
}

/** `target` written relative to the folder of `source`. */
export function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** The relationships of a part, editable, written back only when changed. */
export class Relationships {
  readonly part: string;
  private xml: string;
  private items: { rel: Relationship; xml: string }[];
  private changed = false;

  constructor(pkg: XlsxPackage, part: string) {
    this.part = part;
    this.xml = pkg.text(relsPathOf(part)) ?? "";
    this.items = [];
    if (this.xml) {
      for (const child of rootChildren(this.xml).children) {
        if (child.name !== "Relationship") continue;
        const a = child.attributes;
        this.items.push({
          rel: {
            id: a.Id ?? "",
            type: a.Type ?? "",
            target: a.Target ?? "",
            external: a.TargetMode === "External",
          },
          xml: this.xml.slice(child.start, child.end),
        });
      }
    }
  }

  list(): Relationship[] {
    return this.items.map((item) => item.rel);
  }

  byId(id: string): Relationship | undefined {
    return this.items.find((item) => item.rel.id === id)?.rel;
  }

  /** Package path of an internal relationship's target. */
  targetPath(rel: Relationship): string {
    return resolveTarget(this.part, rel.target);
  }

  /** Adds a relationship to a part (package path); returns its id. */
  add(type: string, targetPart: string): string {
    const used = new Set(this.items.map((item) => item.rel.id));
    let n = this.items.length + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = { id, type, target: relativeTarget(this.part, targetPart), external: false };
    this.items.push({
      rel,
      xml: `<Relationship${attributesXml({ Id: id, Type: type, Target: rel.target })}/>`,
    });
    this.changed = true;
    return id;
  }

  remove(id: string): void {
    const before = this.items.length;
    this.items = this.items.filter((item) => item.rel.id !== id);
    if (this.items.length !== before) this.changed = true;
  }

  save(pkg: XlsxPackage): void {
    if (!this.changed) return;
    const path = relsPathOf(this.part);
    if (this.items.length === 0) {
      pkg.remove(path);
      return;
    }
    pkg.set(
      path,
      `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${this.items
        .map((item) => item.xml)
        .join("")}</Relationships>`,
    );
  }
}

/** `[Content_Types].xml`: overrides per part and defaults per extension. */
export class ContentTypes {
  private readonly head: string;
  private readonly tail: string;
  private entries: { xml: string; slice: Slice | null; key: string }[] = [];
  private changed = false;

  constructor(pkg: XlsxPackage) {
    const xml =
      pkg.text("[Content_Types].xml") ??
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`;
    const { children, contentStart, contentEnd } = rootChildren(xml);
    this.head = xml.slice(0, contentStart);
    this.tail = xml.slice(contentEnd);
    for (const child of children) {
      const key =
        child.name === "Override"
          ? `part:${(child.attributes.PartName ?? "").toLowerCase()}`
          : `ext:${(child.attributes.Extension ?? "").toLowerCase()}`;
      this.entries.push({ xml: xml.slice(child.start, child.end), slice: child, key });
    }
  }

  hasDefault(extension: string): boolean {
    return this.entries.some((e) => e.key === `ext:${extension.toLowerCase()}`);
  }

  addDefault(extension: string, type: string): void {
    if (this.hasDefault(extension)) return;
    this.entries.unshift({
      xml: `<Default Extension="${escapeAttribute(extension)}" ContentType="${escapeAttribute(type)}"/>`,
      slice: null,
      key: `ext:${extension.toLowerCase()}`,
    });
    this.changed = true;
  }

  setOverride(part: string, type: string): void {
    const key = `part:/${part.toLowerCase()}`;
    const xml = `<Override PartName="/${escapeAttribute(part)}" ContentType="${escapeAttribute(type)}"/>`;
    if (this.entries.some((e) => e.key === key && (e.slice?.attributes.ContentType ?? "") === type)) return;
    this.entries = this.entries.filter((e) => e.key !== key);
    this.entries.push({ xml, slice: null, key });
    this.changed = true;
  }

  removeOverride(part: string): void {
    const key = `part:/${part.toLowerCase()}`;
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.key !== key);
    if (before !== this.entries.length) this.changed = true;
  }

  save(pkg: XlsxPackage): void {
    if (!this.changed) return;
    pkg.set("[Content_Types].xml", this.head + this.entries.map((e) => e.xml).join("") + this.tail);
  }
}
