/**
 * Get started, the server side: the page's first data (its strings), Set up run from the page,
 * and filling in the sample — only while the workbook holds no data of the team's, so it never
 * overwrites or mixes with a team's data. The sample goes through Set up first (missing sheets and
 * columns), then each sample sheet is written under the headers the workbook has (mapped or
 * standard, in any order) in one write per sheet. Map my sheets is in mapSheets.ts.
 */
import { listOf, render, type Language } from "../i18n";
import type { Cell, Env } from "../ports";
import { isBlank } from "../workbook/cells";
import { locateSheets, mapHeaders } from "../workbook/read";
import { generateSample } from "../workbook/sample";
import { TABLES, type TableKey } from "../workbook/schema";
import { findSetting } from "../workbook/settings";
import { writeCells } from "../workbook/write";
import { startText, type StartText } from "./mapSheets";
import { readWorkbookSettings } from "./run";
import { setupWorkbook } from "./setup";

export interface GetStartedForm {
  readonly language: Language;
  readonly text: StartText;
}

export interface StartResult {
  readonly ok: boolean;
  /** Lines for the user, in the workbook language. */
  readonly lines: readonly string[];
}

/** The page's first data: its strings in the workbook language (one read of Settings). */
export function getStartedForm(env: Env): GetStartedForm {
  const language = readWorkbookSettings(env.workbook, env.defaultTimeZone, "sidebar").settings.language;
  return { language, text: startText(language) };
}

/** Set up workbook, as the menu item runs it; its summary as lines. */
export function setupFromPage(env: Env): StartResult {
  const result = setupWorkbook(env);
  return { ok: true, lines: result.summary.map((line) => render(result.language, line)) };
}

/** Settings the sample sets when they hold their defaults (its e-mail addresses are never written into a team's workbook). */
const SAMPLE_SETTINGS = ["contact.capacityPerDay", "contact.minGapDays", "contact.planDays"] as const;

/**
 * Fills in the sample (in the workbook language, as of today) when no sheet but Settings and the
 * tool's own has a row below its header (the team's sheets may not be mapped yet); otherwise
 * refuses and names the sheets with data.
 */
export function fillSample(env: Env): StartResult {
  const port = env.workbook;
  const before = readWorkbookSettings(port, env.defaultTimeZone, "setup");
  const language = before.settings.language;
  const sample = generateSample({ language, asOf: env.clock.today(before.settings.timeZone) });
  // Any sheet of the team's (mapped, named as the contract's or not) with a row below its header.
  const own = new Set<string>();
  for (const [table, name] of before.sheets) if (table === "settings" || TABLES[table].output) own.add(name);
  const withData = port.sheetNames().filter((name) => !own.has(name) && hasRows(port.readSheet(name) ?? []));
  const list = (names: readonly string[]) =>
    listOf(
      language,
      names.map((n) => `「${n}」`),
    );
  if (withData.length > 0) {
    return {
      ok: false,
      lines: [render(language, { key: "start.sample.refused", params: { sheets: list(withData) } })],
    };
  }
  const setup = setupWorkbook(env);
  const read = readWorkbookSettings(port, env.defaultTimeZone, "setup");
  const sheets = locateSheets(port.sheetNames(), read.settings.mapping);
  const filled: string[] = [];
  let rows = 0;
  for (const sheet of sample.sheets) {
    const name = sheets.get(sheet.table);
    if (name === undefined) continue;
    const values = port.readSheet(name) ?? [];
    const ctx = { action: "setup", dateOrder: "YMD", mapping: read.settings.mapping } as const;
    const header = mapHeaders(sheet.table, values[0] ?? [], name, ctx, []);
    const body = alignedRows(sheet.rows, sheet.table, header.index, Math.max(header.width, 1));
    if (body.length === 0) continue;
    port.writeBlock(name, 2, 1, body);
    filled.push(name);
    rows += body.length;
  }
  writeSampleSettings(env, read, sample.settings);
  const done = render(language, { key: "start.sample.done", params: { rows, sheets: list(filled) } });
  return { ok: true, lines: [...setup.summary.map((line) => render(language, line)), done] };
}

function hasRows(values: readonly (readonly Cell[])[]): boolean {
  for (let r = 1; r < values.length; r++) if (values[r].some((cell) => !isBlank(cell))) return true;
  return false;
}

/** The sample's rows (header first, in the contract's column order) placed under the sheet's own headers. */
function alignedRows(
  rows: readonly (readonly Cell[])[],
  table: TableKey,
  index: ReadonlyMap<string, number>,
  width: number,
): Cell[][] {
  const [head, ...body] = rows;
  if (head === undefined) return [];
  const keys = sampleKeys(table, head);
  return body.map((line) => {
    const out: Cell[] = new Array<Cell>(width).fill(null);
    keys.forEach((key, i) => {
      const at = key === null ? undefined : index.get(key);
      if (at !== undefined) out[at] = line[i] ?? null;
    });
    return out;
  });
}

/** The column key of each header of a sample sheet (the sample writes the contract's headers). */
function sampleKeys(table: TableKey, head: readonly Cell[]): (string | null)[] {
  const header = mapHeaders(table, head, "", { action: "setup", dateOrder: "YMD" }, []);
  const byAt = new Map<number, string>();
  for (const [key, at] of header.index) byAt.set(at, key);
  return head.map((_, i) => byAt.get(i) ?? null);
}

/** The sample's planning settings, each only where the sheet holds the default or nothing (one write). */
function writeSampleSettings(
  env: Env,
  read: ReturnType<typeof readWorkbookSettings>,
  values: Readonly<Record<string, string>>,
): void {
  const keyAt = read.header.index.get("key");
  const valueAt = read.header.index.get("value");
  if (read.sheet === null || keyAt === undefined || valueAt === undefined) return;
  const cells = new Map<string, Cell>();
  for (let r = 1; r < read.values.length; r++) {
    const key = read.values[r][keyAt];
    const wanted = SAMPLE_SETTINGS.find((k) => k === key);
    const now = read.values[r][valueAt];
    const atDefault = isBlank(now) || String(now) === findSetting(wanted ?? "")?.defaultText;
    if (wanted === undefined || !atDefault || values[wanted] === undefined) continue;
    cells.set(`${r}:${valueAt}`, values[wanted]);
  }
  writeCells(env.workbook, read.sheet, read.values, cells);
}
