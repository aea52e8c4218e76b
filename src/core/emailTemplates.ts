/**
 * The e-mail templates of tier-C contact (低价值客户自动化邮件): a subject and a body written by the
 * team with the placeholders `{{client}}`, `{{owner}}` and `{{lastContact}}`. A template is parsed
 * once into parts (a placeholder name is matched without regard to case or inner spaces; any other
 * name is reported, never sent as typed), then rendered per client: as plain text, and as HTML in
 * which every character of the template and of the values is escaped, so nothing a user typed can
 * become markup. Plain data in, plain data out.
 */
import { escapeHtml } from "./html";

export const PLACEHOLDERS = ["client", "owner", "lastContact"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type TemplatePart =
  { readonly kind: "text"; readonly text: string } | { readonly kind: "field"; readonly name: Placeholder };

export type ParsedTemplate =
  | { readonly ok: true; readonly parts: readonly TemplatePart[] }
  /** The placeholders as written (`{{ company }}`) that are not known. */
  | { readonly ok: false; readonly unknown: readonly string[] };

/** The values of one message, already in the words to show (a date formatted, a name rather than an address). */
export type PlaceholderValues = Readonly<Record<Placeholder, string>>;

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const BY_NAME = new Map<string, Placeholder>(PLACEHOLDERS.map((p) => [p.toLowerCase(), p] as const));

/** Splits a template into text and placeholders; any unknown placeholder makes it unusable. */
export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const unknown: string[] = [];
  let at = 0;
  for (const match of template.matchAll(FIELD)) {
    const index = match.index ?? 0;
    if (index > at) parts.push({ kind: "text", text: template.slice(at, index) });
    const name = BY_NAME.get(match[1].replace(/\s+/g, "").toLowerCase());
    if (name === undefined) unknown.push(match[0]);
    else parts.push({ kind: "field", name });
    at = index + match[0].length;
  }
  if (at < template.length) parts.push({ kind: "text", text: template.slice(at) });
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, parts };
}

/** The template with its values, as plain text. */
export function renderText(parts: readonly TemplatePart[], values: PlaceholderValues): string {
  let out = "";
  for (const part of parts) out += part.kind === "text" ? part.text : values[part.name];
  return out;
}

/** A subject is one line: line breaks and runs of white space become one space. */
export function renderSubject(parts: readonly TemplatePart[], values: PlaceholderValues): string {
  return renderText(parts, values).replace(/\s+/g, " ").trim();
}

/**
 * The body as HTML: paragraphs at blank lines, `<br>` at single line breaks, every character of
 * the text (template and values alike) escaped.
 */
export function renderHtml(parts: readonly TemplatePart[], values: PlaceholderValues): string {
  const text = renderText(parts, values).replace(/\r\n?/g, "\n").trim();
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.split("\n").map(escapeHtml).join("<br>")}</p>`)
    .join("\n");
}
