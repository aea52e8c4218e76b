/**
 * Notes on header cells (what Excel calls comments): the comments part with the text and the
 * VML drawing that shows them. A sheet that already has notes keeps them; a note on the same
 * cell is replaced by the tool's.
 */
import { letterOf } from "./cellXml";
import type { XlsxPackage } from "./package";
import { CONTENT_TYPE, type ContentTypes, REL, type Relationships } from "./parts";
import { columnOfRef, rowOfRef } from "./sheetRead";
import { escapeText, rootChildren, XML_DECLARATION } from "./xml";

const AUTHOR = "Account Desk";

/** Writes the notes of row-1 cells (column → text); returns the legacy drawing's relationship id, or null. */
export function writeNotes(
  pkg: XlsxPackage,
  types: ContentTypes,
  rels: Relationships,
  sheetPart: string,
  notes: ReadonlyMap<number, string>,
): string | null {
  if (notes.size === 0) return null;
  const refs = new Map([...notes].map(([column, text]) => [`${letterOf(column)}1`, text] as const));
  const commentsRel = rels.list().find((r) => r.type === REL.comments);
  const vmlRel = rels.list().find((r) => r.type === REL.vmlDrawing);
  const commentsPart = commentsRel ? rels.targetPath(commentsRel) : freeName(pkg, "xl/comments", ".xml");
  const vmlPart = vmlRel ? rels.targetPath(vmlRel) : freeName(pkg, "xl/drawings/vmlDrawing", ".vml");
  pkg.set(commentsPart, commentsXml(pkg.text(commentsPart), refs));
  pkg.set(vmlPart, vmlXml(pkg.text(vmlPart), refs, pkg));
  if (!commentsRel) rels.add(REL.comments, commentsPart);
  types.setOverride(commentsPart, CONTENT_TYPE.comments);
  types.addDefault("vml", CONTENT_TYPE.vml);
  return vmlRel ? vmlRel.id : rels.add(REL.vmlDrawing, vmlPart);
}

function freeName(pkg: XlsxPackage, stem: string, extension: string): string {
  let n = 1;
  while (pkg.has(`${stem}${n}${extension}`)) n++;
  return `${stem}${n}${extension}`;
}

function commentsXml(existing: string | null, refs: ReadonlyMap<string, string>): string {
  const authors: string[] = [];
  const comments: string[] = [];
  if (existing) {
    for (const section of rootChildren(existing).children) {
      const inner = existing.slice(section.start, section.end);
      for (const child of rootChildren(inner).children) {
        const xml = inner.slice(child.start, child.end);
        if (section.name === "authors") authors.push(xml);
        else if (section.name === "commentList" && !refs.has(child.attributes.ref ?? "")) comments.push(xml);
      }
    }
  }
  let author = authors.findIndex((a) => a === `<author>${AUTHOR}</author>`);
  if (author < 0) {
    authors.push(`<author>${AUTHOR}</author>`);
    author = authors.length - 1;
  }
  for (const [ref, text] of refs) {
    comments.push(
      `<comment ref="${ref}" authorId="${author}"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">${escapeText(text)}</t></r></text></comment>`,
    );
  }
  return (
    `${XML_DECLARATION}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<authors>${authors.join("")}</authors><commentList>${comments.join("")}</commentList></comments>`
  );
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shapeXml(id: number, row: number, column: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;` +
    'width:180pt;height:80pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">' +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
    `<x:Anchor>${column + 1}, 15, ${row}, 2, ${column + 4}, 15, ${row + 5}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>`
  );
}

/** The VML of the notes: existing shapes kept (but those of replaced notes), one shape per new note. */
function vmlXml(existing: string | null, refs: ReadonlyMap<string, string>, pkg: XlsxPackage): string {
  const cells = [...refs.keys()].map((ref) => ({ row: rowOfRef(ref) - 1, column: columnOfRef(ref) - 1 }));
  if (existing) {
    const replaced = new Set(cells.map((c) => `${c.row}:${c.column}`));
    const kept = existing.replace(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g, (shape) => {
      const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape)?.[1];
      const column = /<x:Column>(\d+)<\/x:Column>/.exec(shape)?.[1];
      return replaced.has(`${row}:${column}`) ? "" : shape;
    });
    const block = Number(/<o:idmap\b[^>]*data="(\d+)/.exec(kept)?.[1] ?? 1);
    const used = new Set([...kept.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])));
    let id = block * 1024 + 1;
    const shapes = cells.map((c) => {
      while (used.has(id)) id++;
      used.add(id);
      return shapeXml(id, c.row, c.column);
    });
    const withType = /_x0000_t202/.test(kept) ? "" : SHAPE_TYPE;
    const at = kept.lastIndexOf("</xml>");
    return at < 0 ? kept : kept.slice(0, at) + withType + shapes.join("") + kept.slice(at);
  }
  const blocks = new Set<number>();
  for (const name of pkg.names()) {
    if (!/\.vml$/i.test(name)) continue;
    for (const m of (pkg.text(name) ?? "").matchAll(/data="([\d,]+)"/g))
      for (const n of m[1].split(",")) blocks.add(Number(n));
  }
  let block = 1;
  while (blocks.has(block)) block++;
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    SHAPE_TYPE +
    cells.map((c, i) => shapeXml(block * 1024 + 1 + i, c.row, c.column)).join("") +
    "</xml>"
  );
}
