/**
 * XML helpers over saxes: a streaming scan of a part (text decoded piece by piece, so a
 * 100 MB sheet is never one string), element slices with their offsets (to keep the original
 * XML of what a save does not change), and escaping for what we write.
 */
import { SaxesParser, type SaxesTag } from "saxes";

export type Attributes = Readonly<Record<string, string>>;

export interface ScanHandlers {
  /** An element opened; `start` is the offset of its `<` in the text. */
  readonly open?: (name: string, attributes: Attributes, start: number, selfClosing: boolean) => void;
  /** An element closed; `end` is the offset just after its `>`. */
  readonly close?: (name: string, end: number) => void;
  readonly text?: (text: string) => void;
}

const CHUNK = 1 << 20;

/** Element names without their namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Parses XML text or UTF-8 bytes, calling the handlers in document order. Throws on malformed XML. */
export function scanXml(source: string | Uint8Array, handlers: ScanHandlers): void {
  const parser = new SaxesParser({ position: true });
  let start = 0;
  parser.on("opentagstart", (tag) => {
    // saxes reports the position after the name and the character that follows it.
    start = parser.position - tag.name.length - 2;
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag: SaxesTag) =>
      open(localName(tag.name), tag.attributes as unknown as Attributes, start, tag.isSelfClosing),
    );
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name), parser.position));
  }
  if (handlers.text) parser.on("text", handlers.text);
  parser.on("error", (error) => {
    throw error;
  });
  if (typeof source === "string") {
    for (let at = 0; at < source.length; at += CHUNK) parser.write(source.slice(at, at + CHUNK));
  } else {
    const decoder = new TextDecoder("utf-8");
    for (let at = 0; at < source.length; at += CHUNK) {
      parser.write(decoder.decode(source.subarray(at, at + CHUNK), { stream: true }));
    }
    const rest = decoder.decode();
    if (rest) parser.write(rest);
  }
  parser.close();
}

/** One element of a part: name, attributes and where its XML starts and ends. */
export interface Slice {
  readonly name: string;
  readonly attributes: Attributes;
  readonly start: number;
  readonly end: number;
}

/**
 * The children of the root element (depth 1) with their offsets, plus where the root's content
 * starts and ends. Small parts only (workbook, rels, styles, a sheet's head and tail).
 */
export function rootChildren(xml: string): { children: Slice[]; contentStart: number; contentEnd: number } {
  const children: Slice[] = [];
  let depth = 0;
  let contentStart = -1;
  let contentEnd = -1;
  let current: { name: string; attributes: Attributes; start: number } | null = null;
  scanXml(xml, {
    open: (name, attributes, start, selfClosing) => {
      depth++;
      if (depth === 1 && !selfClosing) contentStart = xml.indexOf(">", start) + 1;
      if (depth === 2) current = { name, attributes, start };
    },
    close: (name, end) => {
      if (depth === 2 && current) children.push({ ...current, end });
      if (depth === 1 && contentStart >= 0) contentEnd = xml.lastIndexOf("</", end - 1);
      depth--;
    },
  });
  return { children, contentStart, contentEnd };
}

/** The direct children of the element at [start, end) of `xml`, with offsets into `xml`. */
export function childrenOf(xml: string, start: number, end: number): Slice[] {
  const piece = xml.slice(start, end);
  return rootChildren(piece).children.map((child) => ({
    ...child,
    start: child.start + start,
    end: child.end + start,
  }));
}

export function escapeText(text: string): string {
  return text
    .replace(/[&<>]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : "&gt;"))
    .replace(
      // Characters XML 1.0 cannot hold at all.
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      "",
    );
}

export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

/** ` name="value"` for each defined attribute. */
export function attributesXml(attributes: Readonly<Record<string, string | number | undefined>>): string {
  let out = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) out += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}

/** `'Sheet name'` as formulas quote it (quotes inside doubled). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
