/**
 * Map my sheets, the server side: the form (for each table of the contract, required ones
 * first, the workbook's sheet that holds it and, for each column, the header that holds it —
 * the saved mapping, else the contract's own names, else the best guess of guess.ts — with the
 * header rows of every sheet, so the page can guess again when the user picks another sheet)
 * and the save (validated here: sheets and headers that exist, one header per column, one sheet
 * per table, required columns mapped; written to Settings as `map.TABLE` and `map.TABLE.COLUMN`
 * rows in one write). Nothing in the user's sheets is read beyond row 1, renamed or moved.
 */
import * as z from "zod/mini";
import { listOf, t, type Language, type MessageKey } from "../i18n";
import { start as startMessages } from "../i18n/start";
import type { Cell, Env, WorkbookPort } from "../ports";
import { isBlank } from "../workbook/cells";
import { assign, type GuessTarget } from "../workbook/guess";
import {
  MAP_PREFIX,
  MAPPABLE_TABLES,
  mappingKey,
  parseMappingKey,
  type MappableTable,
} from "../workbook/mapping";
import { normalizeName, trimAll } from "../workbook/names";
import { headerName, sheetName, TABLES, type ColumnDef } from "../workbook/schema";
import { SETTING_DEFS, type SettingDef } from "../workbook/settings";
import { columnSynonyms, SHEET_SYNONYMS } from "../workbook/synonyms";
import { writeCells } from "../workbook/write";
import { readWorkbookSettings, type WorkbookSettings } from "./run";

/** Tables an action cannot run without (Check data, tiers and the report need both). */
export const REQUIRED_TABLES: readonly MappableTable[] = ["clients", "deals"];

/** The tables in the form's order: required first. */
export const FORM_TABLES: readonly MappableTable[] = [
  ...REQUIRED_TABLES,
  ...MAPPABLE_TABLES.filter((table) => !REQUIRED_TABLES.includes(table)),
];

export type StartTextKey = Extract<keyof (typeof startMessages)["zh"], `start.${string}`>;
export type StartText = Readonly<Record<StartTextKey, string>>;

/** The Get started page's strings, in the workbook language only. */
export function startText(language: Language): StartText {
  const out = {} as Record<StartTextKey, string>;
  for (const key of Object.keys(startMessages.zh) as StartTextKey[]) {
    if (key.startsWith("start.")) out[key] = t(language, key as MessageKey);
  }
  return out;
}

export interface MappingField {
  readonly key: string;
  /** The column's name in the workbook language. */
  readonly label: string;
  readonly required: boolean;
  /** The tool writes it (Tier…); mapped, it writes into the user's column, else it adds one. */
  readonly computed: boolean;
  /** Every name the column is known by (for the page's guess when another sheet is chosen). */
  readonly names: readonly string[];
  /** The header chosen now (saved, standard or guessed), or null. */
  readonly header: string | null;
}

export interface MappingTable {
  readonly table: MappableTable;
  readonly title: string;
  readonly required: boolean;
  readonly names: readonly string[];
  readonly sheet: string | null;
  readonly fields: readonly MappingField[];
}

export interface MappingForm {
  readonly language: Language;
  readonly text: StartText;
  /** The workbook's sheets a table may live in, with their header rows (text headers only). */
  readonly sheets: readonly { readonly name: string; readonly headers: readonly string[] }[];
  readonly tables: readonly MappingTable[];
}

const column = (table: MappableTable, key: string): ColumnDef =>
  TABLES[table].columns.find((c) => c.key === key) as ColumnDef;

function fieldTargets(table: MappableTable, saved: ReadonlyMap<string, string> | undefined): GuessTarget[] {
  return TABLES[table].columns.map((c) => ({
    key: c.key,
    names: [
      ...(saved?.has(c.key) ? [saved.get(c.key) as string] : []),
      c.en,
      c.zh,
      ...columnSynonyms(table, c.key),
    ],
    required: c.requiredColumn === true,
  }));
}

/** Row 1 of a sheet as its text headers. */
function headersOf(port: WorkbookPort, sheet: string): string[] {
  const row: readonly Cell[] = port.readHeaderRow?.(sheet) ?? port.readSheet(sheet)?.[0] ?? [];
  const out: string[] = [];
  for (const cell of row) if (typeof cell === "string" && !isBlank(cell)) out.push(trimAll(cell));
  return out;
}

/** The sheets a table may be mapped to: all but Settings and the tool's own output sheets. */
function candidateSheets(read: WorkbookSettings, names: readonly string[]): string[] {
  const own = new Set<string>();
  for (const [table, sheet] of read.sheets) if (table === "settings" || TABLES[table].output) own.add(sheet);
  return names.filter((name) => !own.has(name));
}

/** The Map my sheets form: one read of Settings, row 1 of every other sheet. */
export function mappingForm(env: Env): MappingForm {
  const read = readWorkbookSettings(env.workbook, env.defaultTimeZone, "sidebar");
  const language = read.settings.language;
  const names = candidateSheets(read, env.workbook.sheetNames());
  const sheets = names.map((name) => ({ name, headers: headersOf(env.workbook, name) }));
  const located = new Map<MappableTable, string>();
  for (const table of FORM_TABLES) {
    const sheet = read.sheets.get(table);
    if (sheet !== undefined && names.includes(sheet)) located.set(table, sheet);
  }
  const unplaced = FORM_TABLES.filter((table) => !located.has(table));
  const guessed = assign(
    unplaced.map((table) => ({
      key: table,
      names: [TABLES[table].en, TABLES[table].zh, ...SHEET_SYNONYMS[table]],
    })),
    names,
    new Set(located.values()),
  );
  const tables = FORM_TABLES.map((table): MappingTable => {
    const sheet = located.get(table) ?? guessed.get(table) ?? null;
    const saved = read.settings.mapping.get(table)?.columns;
    const targets = fieldTargets(table, saved);
    const headers = sheet === null ? [] : (sheets.find((s) => s.name === sheet)?.headers ?? []);
    const chosen = assign(targets, headers);
    return {
      table,
      title: sheetName(table, language),
      required: REQUIRED_TABLES.includes(table),
      names: [TABLES[table].en, TABLES[table].zh, ...SHEET_SYNONYMS[table]],
      sheet,
      fields: TABLES[table].columns.map((c, i) => ({
        key: c.key,
        label: headerName(c, language),
        required: c.requiredColumn === true,
        computed: c.computed === true,
        names: targets[i].names.slice(saved?.has(c.key) ? 1 : 0),
        header: chosen.get(c.key) ?? null,
      })),
    };
  });
  return { language, text: startText(language), sheets, tables };
}

// ---------------------------------------------------------------------------------------
// Saving

/** What the page sends: per table, the chosen sheet (null: none) and header per column (null: none). */
export type MappingInput = Readonly<
  Record<string, { readonly sheet: string | null; readonly columns: Readonly<Record<string, string | null>> }>
>;

export type SaveMappingResult =
  | { readonly ok: true; readonly saved: number; readonly message: string }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>>; readonly message: string };

const Name = z.nullable(z.string().check(z.maxLength(200)));
const Submitted = z.record(
  z.string().check(z.maxLength(40)),
  z.object({ sheet: Name, columns: z.record(z.string().check(z.maxLength(40)), Name) }),
);

/**
 * Validates and saves a mapping: every problem is returned by table (`clients`) or column
 * (`clients.clientId`) and nothing is written; otherwise the `map.*` rows of Settings are set
 * in one write (a choice that is the contract's own name needs no row; a row no longer needed
 * is blanked, never deleted).
 */
export function saveMapping(env: Env, submitted: unknown): SaveMappingResult {
  const read = readWorkbookSettings(env.workbook, env.defaultTimeZone, "sidebar");
  const language = read.settings.language;
  const shape = Submitted.safeParse(submitted);
  if (!shape.success) return { ok: false, errors: {}, message: t(language, "start.map.badInput") };
  const names = candidateSheets(read, env.workbook.sheetNames());
  const errors = problemsOf(env.workbook, shape.data, names, language);
  const count = Object.keys(errors).length;
  if (count > 0) return { ok: false, errors, message: t(language, "start.map.fixErrors", { count }) };
  const wanted = settingsRows(shape.data);
  const saved = writeMappingRows(env, read, wanted, language);
  return { ok: true, saved, message: t(language, "start.map.saved", { count: saved }) };
}

function problemsOf(
  port: WorkbookPort,
  input: MappingInput,
  names: readonly string[],
  language: Language,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const sheetOwner = new Map<string, MappableTable>();
  for (const [key, choice] of Object.entries(input)) {
    const table = FORM_TABLES.find((t) => t === key);
    if (table === undefined) {
      errors[key] = t(language, "start.map.unknownTable", { table: key });
      continue;
    }
    const title = sheetName(table, language);
    if (choice.sheet === null) {
      if (REQUIRED_TABLES.includes(table))
        errors[table] = t(language, "start.map.requiredSheet", { table: title });
      continue;
    }
    if (!names.includes(choice.sheet)) {
      errors[table] = t(language, "start.map.noSuchSheet", { sheet: choice.sheet });
      continue;
    }
    const other = sheetOwner.get(choice.sheet);
    if (other !== undefined) {
      errors[table] = t(language, "start.map.sheetTwice", {
        sheet: choice.sheet,
        table: sheetName(other, language),
      });
      continue;
    }
    sheetOwner.set(choice.sheet, table);
    const headers = headersOf(port, choice.sheet);
    const used = new Map<string, string>();
    for (const [columnKey, header] of Object.entries(choice.columns)) {
      const def = TABLES[table].columns.find((c) => c.key === columnKey);
      const at = `${table}.${columnKey}`;
      if (def === undefined) errors[at] = t(language, "start.map.unknownColumn", { column: columnKey });
      else if (header === null) continue;
      else if (!headers.includes(header))
        errors[at] = t(language, "start.map.noSuchHeader", { header, sheet: choice.sheet });
      else if (used.has(header))
        errors[at] = t(language, "start.map.headerTwice", { header, column: used.get(header) as string });
      else used.set(header, headerName(def, language));
    }
    const missing = TABLES[table].columns.filter((c) => c.requiredColumn && !choice.columns[c.key]);
    if (missing.length > 0 && errors[table] === undefined) {
      errors[table] = t(language, "start.map.requiredColumns", {
        sheet: choice.sheet,
        columns: listOf(
          language,
          missing.map((c) => headerName(c, language)),
        ),
      });
    }
  }
  for (const table of REQUIRED_TABLES) {
    if (input[table] === undefined)
      errors[table] = t(language, "start.map.requiredSheet", { table: sheetName(table, language) });
  }
  return errors;
}

const isStandard = (name: string, def: { en: string; zh: string }) =>
  normalizeName(name) === normalizeName(def.en) || normalizeName(name) === normalizeName(def.zh);

/** The `map.*` rows the input calls for: key → value (only choices that differ from the contract's names). */
function settingsRows(input: MappingInput): Map<string, string> {
  const out = new Map<string, string>();
  for (const table of FORM_TABLES) {
    const choice = input[table];
    if (choice === undefined || choice.sheet === null) continue;
    if (!isStandard(choice.sheet, TABLES[table])) out.set(mappingKey(table), choice.sheet);
    for (const c of TABLES[table].columns) {
      const header = choice.columns[c.key];
      if (header && !isStandard(header, c)) out.set(mappingKey(table, c.key), header);
    }
  }
  return out;
}

/** The description a `map.*` row gets, in the workbook language. */
function describe(key: string, language: Language): string {
  const parsed = parseMappingKey(key);
  if (parsed === null || parsed === "unknown") return "";
  const table = sheetName(parsed.table, language);
  return parsed.column === null
    ? t(language, "start.map.describeSheet", { table })
    : t(language, "start.map.describeColumn", {
        table,
        column: headerName(column(parsed.table, parsed.column), language),
      });
}

/**
 * Sets the `map.*` rows in one write: changed values in place, new keys appended, rows of keys
 * no longer wanted blanked. Without a Settings sheet, creates it with every default and the rows.
 * Returns the number of rows written or blanked.
 */
function writeMappingRows(
  env: Env,
  read: WorkbookSettings,
  wanted: ReadonlyMap<string, string>,
  language: Language,
): number {
  const port = env.workbook;
  if (read.sheet === null) {
    const header = TABLES.settings.columns.map((c) => headerName(c, language));
    const rows: Cell[][] = SETTING_DEFS.map((d) => {
      const def = d as SettingDef;
      const value = def.key === "timeZone" ? env.defaultTimeZone : def.defaultText;
      return [def.key, value, def.description[language === "en" ? "en" : "zh"]];
    });
    for (const [key, value] of wanted) rows.push([key, value, describe(key, language)]);
    port.replaceSheet(sheetName("settings", language), [header, ...rows], {
      frozenRows: 1,
      boldHeaderColumns: 3,
    });
    return wanted.size;
  }
  const keyAt = read.header.index.get("key") as number;
  const valueAt = read.header.index.get("value") as number;
  const descAt = read.header.index.get("description");
  const cells = new Map<string, Cell>();
  const present = new Set<string>();
  let changed = 0;
  for (let r = 1; r < read.values.length; r++) {
    const keyCell = read.values[r][keyAt];
    if (typeof keyCell !== "string" || !normalizeName(keyCell).startsWith(MAP_PREFIX)) continue;
    const parsed = parseMappingKey(keyCell);
    if (parsed === null || parsed === "unknown") continue;
    const key = mappingKey(parsed.table, parsed.column ?? undefined);
    const now = read.values[r][valueAt];
    const value = present.has(key) ? "" : (wanted.get(key) ?? "");
    present.add(key);
    if ((isBlank(now) ? "" : String(now)) === value) continue;
    cells.set(`${r}:${valueAt}`, value);
    changed++;
  }
  let next = read.values.length;
  for (const [key, value] of wanted) {
    if (present.has(key)) continue;
    cells.set(`${next}:${keyAt}`, key);
    cells.set(`${next}:${valueAt}`, value);
    if (descAt !== undefined) cells.set(`${next}:${descAt}`, describe(key, language));
    next++;
    changed++;
  }
  writeCells(port, read.sheet, read.values, cells);
  return changed;
}
