/**
 * The optional Templates sheet (邮件模板): one read, every row checked. A row's Subject and Body
 * are parsed once (core/emailTemplates.ts); an unknown placeholder is a data issue on its cell and
 * the row is not used; a second row for the same tier and language is a data issue and the first
 * one is used. A template is chosen by the client's tier and the workbook's language; a row with a
 * blank Language serves any language, and another language's template is the last resort.
 */
import { parseTemplate, type TemplatePart } from "../../core/emailTemplates";
import { msg, type Language } from "../../i18n";
import { displayCell } from "../../workbook/cells";
import type { Tier } from "../../workbook/codes";
import type { DataIssue } from "../../workbook/issues";
import { readTable } from "../../workbook/read";
import type { TemplateRow } from "../../workbook/rows";
import type { Run } from "../run";

export interface EmailTemplate {
  readonly row: number;
  readonly tier: Tier;
  readonly language: Language | null;
  readonly subject: readonly TemplatePart[];
  readonly body: readonly TemplatePart[];
}

export interface TemplateBook {
  /** The sheet as found; null when the workbook has none. */
  readonly sheet: string | null;
  readonly templates: readonly EmailTemplate[];
}

/** Reads and checks the Templates sheet; issues go to the run. */
export function readTemplates(run: Run): TemplateBook {
  const ctx = { action: run.action, dateOrder: run.settings.dateOrder };
  const table = readTable(run.env.workbook, run.sheets, "templates", ctx, run.issues);
  if (table.sheet === null) return { sheet: null, templates: [] };
  const sheet = table.sheet;
  if (!table.header.index.has("subject") || !table.header.index.has("body")) {
    run.issues.push({
      action: run.action,
      sheet,
      row: null,
      column: null,
      value: "",
      problem: msg("issue.templateColumns"),
    });
    return { sheet, templates: [] };
  }
  const templates: EmailTemplate[] = [];
  const firstRow = new Map<string, number>();
  for (const row of table.rows) {
    const template = parseRow(row, sheet, table.header.text, run);
    if (template === null) continue;
    const slot = `${template.tier}:${template.language ?? ""}`;
    const first = firstRow.get(slot);
    if (first !== undefined) {
      run.issues.push(
        issueAt(run, sheet, row.row, table.header.text.get("tier") ?? null, row.tier, {
          key: "issue.duplicateTemplate",
          params: { row: first },
        }),
      );
      continue;
    }
    firstRow.set(slot, row.row);
    templates.push(template);
  }
  return { sheet, templates };
}

function parseRow(
  row: TemplateRow,
  sheet: string,
  titles: ReadonlyMap<string, string>,
  run: Run,
): EmailTemplate | null {
  const subject = parseTemplate(row.subject);
  const body = parseTemplate(row.body);
  let usable = true;
  for (const [key, parsed, text] of [
    ["subject", subject, row.subject],
    ["body", body, row.body],
  ] as const) {
    if (parsed.ok) continue;
    usable = false;
    run.issues.push(
      issueAt(run, sheet, row.row, titles.get(key) ?? null, text, {
        key: "issue.unknownPlaceholder",
        params: { placeholders: parsed.unknown.join(" ") },
      }),
    );
  }
  if (!usable || !subject.ok || !body.ok) return null;
  return { row: row.row, tier: row.tier, language: row.language, subject: subject.parts, body: body.parts };
}

function issueAt(
  run: Run,
  sheet: string,
  row: number,
  column: string | null,
  value: string,
  problem: DataIssue["problem"],
): DataIssue {
  return { action: run.action, sheet, row, column, value: displayCell(value), problem };
}

/** The template for a tier in a language: that language, else one without a language, else any. */
export function templateFor(book: TemplateBook, tier: Tier, language: Language): EmailTemplate | null {
  const ofTier = book.templates.filter((t) => t.tier === tier);
  return (
    ofTier.find((t) => t.language === language) ??
    ofTier.find((t) => t.language === null) ??
    ofTier[0] ??
    null
  );
}
