/**
 * What the command line prints besides the actions' own summaries: the issue table, what saving
 * would change, and the usage, every sentence through src/i18n/ in the language of the run.
 */
import { render, t, type Language, type MessageKey, type MessageParams } from "../i18n";
import { isDateCell, type Cell } from "../ports";
import { displayCell } from "../workbook/cells";
import type { DataIssue } from "../workbook/issues";
import { usedRange, type MemoryWorkbook } from "../workbook/memory";
import { DEFAULT_SAMPLE_CLIENTS, MAX_SAMPLE_CLIENTS } from "../workbook/sample";
import { headerName, TABLES } from "../workbook/schema";
import { ACTIONS } from "./cli";
import { CLI_DEFAULT_TIME_ZONE } from "./env";
import { columnLetter } from "./xlsx";
import { textWidth } from "./xlsx/cellXml";

/** Messages with a singular form (`KEY.one`) for a count of 1. */
type PluralKey = "cli.plan.newSheet" | "cli.plan.replaced" | "cli.plan.changed" | "cli.plan.formats";

/** How many changes per sheet the plan shows. */
const CHANGES_SHOWN = 5;

// ---------------------------------------------------------------------------------------
// Output

/** Issues as a table: sheet, row, column, value, problem (headers in the workbook language). */
export function issueTable(issues: readonly DataIssue[], language: Language, limit: number): string {
  const columns = TABLES.dataIssues.columns
    .filter((c) => c.key !== "action" && c.key !== "foundAt")
    .map((c) => headerName(c, language));
  const rows = issues
    .slice(0, limit)
    .map((issue) => [
      issue.sheet,
      issue.row === null ? "" : String(issue.row),
      issue.column ?? "",
      clip(issue.value, 30),
      render(language, issue.problem),
    ]);
  const widths = columns.map((title, i) => Math.max(textWidth(title), ...rows.map((r) => textWidth(r[i]))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell + " ".repeat(widths[i] - textWidth(cell))))
      .join("  ")
      .trimEnd();
  const lines = [line(columns), line(widths.map((w) => "-".repeat(Math.min(w, 40)))), ...rows.map(line)];
  if (issues.length > limit) lines.push(t(language, "cli.moreInSheet", { count: issues.length - limit }));
  return `${lines.join("\n")}\n`;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/** What saving would change, per sheet: created and replaced sheets, and changed cells. */
export function planText(memory: MemoryWorkbook, language: Language): string {
  const say = (key: MessageKey, params?: MessageParams) => t(language, key, params);
  const count = (key: PluralKey, n: number, params: MessageParams) =>
    t(language, n === 1 ? `${key}.one` : key, params);
  const lines: string[] = [];
  /** Sheets whose only change is formatting re-applied (frozen header, drop-downs, header colours). */
  const formatted: string[] = [];
  for (const sheet of memory.sheets) {
    if (!sheet.created && !sheet.replaced && sheet.written.size === 0) {
      if (sheet.formats.length > 0) formatted.push(sheet.name);
      continue;
    }
    const rows = usedRange(sheet.cells).length;
    if (sheet.created) {
      lines.push(`  ${count("cli.plan.newSheet", rows, { sheet: sheet.name, rows })}`);
      continue;
    }
    if (sheet.replaced) {
      lines.push(`  ${count("cli.plan.replaced", rows, { sheet: sheet.name, rows })}`);
      continue;
    }
    const changes: { row: number; column: number; from: Cell; to: Cell }[] = [];
    for (const key of sheet.written) {
      const [row, column] = key.split(":").map(Number);
      const from = sheet.previous?.get(key) ?? "";
      const to = sheet.cells[row - 1]?.[column - 1] ?? "";
      if (!sameCell(from, to)) changes.push({ row, column, from, to });
    }
    if (changes.length === 0) {
      if (sheet.formats.length > 0) formatted.push(sheet.name);
      continue;
    }
    changes.sort((a, b) => a.row - b.row || a.column - b.column);
    lines.push(
      `  ${count("cli.plan.changed", changes.length, { sheet: sheet.name, count: changes.length })}`,
    );
    for (const change of changes.slice(0, CHANGES_SHOWN)) {
      lines.push(
        `    ${sheet.name}!${columnLetter(change.column)}${change.row}: ${shown(change.from, language)} → ${shown(change.to, language)}`,
      );
    }
    if (changes.length > CHANGES_SHOWN)
      lines.push(`    ${say("cli.more", { count: changes.length - CHANGES_SHOWN })}`);
  }
  if (formatted.length > 0) {
    lines.push(
      `  ${count("cli.plan.formats", formatted.length, { count: formatted.length, sheets: formatted.join(", ") })}`,
    );
  }
  if (lines.length === 0) return `${say("cli.plan.nothing")}\n`;
  return `${say("cli.plan.header")}\n${lines.join("\n")}\n`;
}

function sameCell(a: Cell, b: Cell): boolean {
  const blankA = a === null || a === "";
  const blankB = b === null || b === "";
  if (blankA || blankB) return blankA && blankB;
  if (isDateCell(a) || isDateCell(b)) return isDateCell(a) && isDateCell(b) && a.date === b.date;
  return a === b;
}

function shown(cell: Cell, language: Language): string {
  if (cell === null || cell === "") return t(language, "cli.blank");
  return clip(displayCell(cell), 40);
}

// ---------------------------------------------------------------------------------------
// Usage

export function usage(language: Language): string {
  const width = Math.max(...ACTIONS.map((a) => a.name.length), 4);
  const actions = ACTIONS.map((a) => `  ${a.name.padEnd(width)}  ${t(language, a.help)}`).join("\n");
  return t(language, "cli.usage", { actions });
}

export function commandUsage(name: string, language: Language): string {
  if (name === "init") {
    return t(language, "cli.usage.init", {
      max: MAX_SAMPLE_CLIENTS,
      default: DEFAULT_SAMPLE_CLIENTS,
      zone: CLI_DEFAULT_TIME_ZONE,
    });
  }
  const action = ACTIONS.find((a) => a.name === name);
  if (!action) return usage(language);
  const options = Object.entries(action.options ?? {})
    .map(
      ([option, def]) => `  --${option}${def.kind === "value" ? " VALUE" : ""}  ${t(language, def.help)}\n`,
    )
    .join("");
  const more = action.options ? t(language, "cli.usage.moreOptions") : "";
  return t(language, "cli.usage.action", {
    command: action.name,
    more,
    help: t(language, action.help),
    options,
  });
}
