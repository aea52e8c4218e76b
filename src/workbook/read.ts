/**
 * Reading the workbook: finds each table by sheet name and header row (English or Chinese),
 * reads each sheet once, parses every cell into the typed rows of rows.ts and turns every
 * problem into a data issue. Cross-table references (deals → clients, payments → contracts)
 * are checked with indexes by ID, never nested scans.
 */
import { toCents } from "../core/money";
import { msg } from "../i18n";
import { isDateCell, type Cell, type WorkbookPort } from "../ports";
import {
  MAX_ID_LENGTH,
  MAX_TEXT_LENGTH,
  displayCell,
  formulaError,
  isBlank,
  parseAmount,
  parseCode,
  parseCodeSet,
  parseDate,
  parseEmail,
  parseFraction,
  parseInteger,
  parsePeriod,
  parseTargetOwner,
  parseText,
  parseUrl,
  type DateOrder,
  type Parsed,
} from "./cells";
import { StopError, type ActionName, type DataIssue } from "./issues";
import {
  lookUpHeaders,
  mappedSheets,
  mappingOf,
  mappingText,
  NO_MAPPING,
  parseMappingKey,
  type MappableTable,
  type SheetMapping,
} from "./mapping";
import { normalizeName } from "./names";
import { ROW_BUILDERS, type RowSlots } from "./rowBuilders";
import type { RowTypes } from "./rows";
import { TABLES, type ColumnDef, type InputTableKey, type TableKey } from "./schema";
import { defaultSettings, findSetting, type SettingDef, type Settings } from "./settings";

/**
 * Where each table lives: its sheet's name as it is in the workbook; and the mapping of Settings
 * the sheets were found with, which the readers apply to the headers too.
 */
export type SheetMap = ReadonlyMap<TableKey, string> & { readonly mapping?: SheetMapping };

const TABLE_BY_NAME = new Map<string, TableKey>();
for (const table of Object.values(TABLES)) {
  TABLE_BY_NAME.set(normalizeName(table.en), table.key);
  TABLE_BY_NAME.set(normalizeName(table.zh), table.key);
}

/** The table a sheet name stands for, if any. */
export function tableOfSheet(name: string): TableKey | null {
  return TABLE_BY_NAME.get(normalizeName(name)) ?? null;
}

/**
 * Finds every known table's sheet: the sheet the mapping names (when the workbook has it), else
 * the sheet with the table's English or Chinese name that no mapping took; two sheets for one
 * table stop the action.
 */
export function locateSheets(names: readonly string[], mapping: SheetMapping = NO_MAPPING): SheetMap {
  const found = new Map<TableKey, string>(mappedSheets(names, mapping));
  const taken = new Set([...found.values()]);
  for (const name of names) {
    const table = tableOfSheet(name);
    if (table === null || taken.has(name) || (found.has(table) && taken.has(found.get(table) as string)))
      continue;
    const other = found.get(table);
    if (other !== undefined) throw new StopError("stop.duplicateSheet", { first: other, second: name });
    found.set(table, name);
  }
  return Object.assign(found, { mapping });
}

/** The table a sheet of the workbook holds, as found (by the mapping or by name), if any. */
export function tableAt(sheets: SheetMap, name: string): TableKey | null {
  for (const [table, sheet] of sheets) if (sheet === name) return table;
  return null;
}

/** The sheet a table is mapped to in Settings, if any (for messages about a missing sheet). */
export function mappedSheetName(sheets: SheetMap, table: TableKey): string | null {
  return sheets.mapping?.get(table as MappableTable)?.sheet ?? null;
}

/** Header positions: column key → 0-based index, and the header text as the user wrote it. */
export interface HeaderMap {
  readonly index: ReadonlyMap<string, number>;
  readonly text: ReadonlyMap<string, string>;
  /** Number of columns in row 1 (user columns included). */
  readonly width: number;
}

export interface ReadContext {
  readonly action: ActionName;
  readonly dateOrder: DateOrder;
  /** The team's own headers (Settings' `map.*`); readTable and readData take it from the SheetMap. */
  readonly mapping?: SheetMapping;
}

export function mapHeaders(
  table: TableKey,
  headerRow: readonly Cell[],
  sheet: string,
  ctx: ReadContext,
  issues: DataIssue[],
): HeaderMap {
  const mapped = ctx.mapping?.get(table as MappableTable)?.columns;
  const { index, text, duplicates, missing } = lookUpHeaders(table, headerRow, mapped);
  for (const i of duplicates) {
    const cell = headerRow[i] as string;
    issues.push({
      action: ctx.action,
      sheet,
      row: 1,
      column: cell,
      value: cell,
      problem: msg("issue.duplicateHeader"),
    });
  }
  for (const [key, header] of missing) {
    const def = TABLES[table].columns.find((c) => c.key === key) as ColumnDef;
    issues.push({
      action: ctx.action,
      sheet,
      row: 1,
      column: header,
      value: header,
      problem: msg("issue.mappedHeaderMissing", { zh: def.zh, en: def.en }),
    });
  }
  return { index, text, width: headerRow.length };
}

/** The result of reading one table. */
export interface TableRead<K extends keyof RowTypes> {
  readonly table: K;
  /** The sheet's name as found, or null when the sheet is missing (read as empty). */
  readonly sheet: string | null;
  readonly rows: RowTypes[K][];
  readonly header: HeaderMap;
  /** Every value of the sheet as read (row 1 first); the writer keeps what it does not own. */
  readonly values: Cell[][];
  /** 0-based indexes into `values` of rows with content that were not kept (unreadable or duplicate). */
  readonly unkept: readonly number[];
}

type CellParser = (cell: Cell) => Parsed<unknown>;

function parserFor(column: ColumnDef, dateOrder: DateOrder): CellParser {
  switch (column.type) {
    case "text":
      return column.unique || column.requiredColumn
        ? (c) => parseText(c, MAX_ID_LENGTH)
        : (c) => parseText(c);
    case "email":
      return remembered(parseEmail);
    case "date":
      return (c) => parseDate(c, dateOrder);
    case "amount":
      return parseAmount;
    case "growth":
      return (c) => parseFraction(c, { min: -1, max: 10 });
    case "probability":
      return (c) => parseFraction(c, { min: 0, max: 1, bareNumbersArePercent: true });
    case "satisfaction":
      return (c) => parseInteger(c, 1, 5);
    case "discount":
      return (c) => parseFraction(c, { min: 0, max: 1, bareNumbersArePercent: true });
    case "days":
      return (c) => parseInteger(c, 0, 3660);
    case "code": {
      const codes = column.codes;
      if (!codes) throw new Error(`Column ${column.key} has no code list`);
      return remembered((c) => parseCode(c, codes));
    }
    case "targetOwner":
      return parseTargetOwner;
    case "period":
      return parsePeriod;
    case "rate":
      return (c) => parseFraction(c, { min: 0, max: 1 });
    case "codeSet": {
      const codes = column.codes;
      if (!codes) throw new Error(`Column ${column.key} has no code list`);
      return remembered((c) => parseCodeSet(c, codes));
    }
    case "url":
      return parseUrl;
  }
}

/** Distinct texts one parser remembers (codes and owners' e-mails repeat a handful of values). */
const REMEMBERED_TEXTS = 2000;

/** The parser, remembering what each text cell read as (within one table read). */
function remembered(parse: CellParser): CellParser {
  const seen = new Map<string, Parsed<unknown>>();
  return (cell) => {
    if (typeof cell !== "string") return parse(cell);
    const known = seen.get(cell);
    if (known !== undefined) return known;
    const parsed = parse(cell);
    if (parsed.ok && seen.size < REMEMBERED_TEXTS) seen.set(cell, parsed);
    return parsed;
  };
}

/** Values a blank cell takes (where the contract gives one). */
const BLANK_DEFAULTS: Partial<Record<TableKey, Readonly<Record<string, unknown>>>> = {
  clients: { status: "active" },
  payments: { amountPaid: 0 },
  team: { active: "yes" },
};

/** The tables readData reads. */
export type DataTable =
  "clients" | "deals" | "contracts" | "payments" | "interactions" | "targets" | "industries";

/** A column key of a table's typed rows. */
export type FieldOf<K extends keyof RowTypes> = Exclude<keyof RowTypes[K] & string, "row">;

/**
 * The columns an action reads of a table: "all" (Check data), or the keys it uses. Columns not
 * listed are not parsed (their cells raise no data issue and the rows lack those keys); the
 * reader always adds the required columns and those its own rules use (see ALWAYS_READ).
 */
export type Fields<K extends keyof RowTypes> = "all" | readonly FieldOf<K>[];

/** The tables an action reads, each with the columns it uses. */
export type ReadPlan = { readonly [K in DataTable]?: Fields<K> };

/** Columns the reader's own rules use beyond the required ones (won and lost deals need Closed on). */
const ALWAYS_READ: Partial<Record<TableKey, readonly string[]>> = { deals: ["closedOn"] };

let guardUnread = false;

/**
 * Test support: while on, a row throws when code reads a column its action did not list, so the
 * tests prove each action's Fields complete. Off in production.
 */
export function guardUnreadFields(on: boolean): void {
  guardUnread = on;
}

function guarded<T extends object>(record: T, unread: ReadonlySet<string>, table: string): T {
  return new Proxy(record, {
    get(target, key, receiver) {
      if (typeof key === "string" && unread.has(key)) {
        throw new Error(`${table}.${key} was read but not listed in the action's fields`);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** How a column's common cells are read without the general parser (same result, no allocation). */
const enum Fast {
  None,
  Text,
  Date,
  Amount,
}

/** One column of the header that is parsed. */
interface ReadColumn {
  readonly column: ColumnDef;
  /** Position in the table's columns (the row builder's slot). */
  readonly slot: number;
  readonly at: number;
  readonly parse: CellParser;
  readonly fast: Fast;
  readonly maxLength: number;
  readonly title: string;
  readonly required: boolean;
  readonly computed: boolean;
  /** A bad value reads as blank and keeps the row (the tool's own columns, lenient columns). */
  readonly keepsRow: boolean;
  readonly blank: unknown;
}

/** The columns of a table to parse: those listed (or all), the required ones and ALWAYS_READ. */
function columnsToRead(
  table: TableKey,
  fields: Fields<keyof RowTypes> | undefined,
): (c: ColumnDef) => boolean {
  if (fields === undefined || fields === "all") return () => true;
  const wanted = new Set<string>([...fields, ...(ALWAYS_READ[table] ?? [])]);
  return (c) => c.required === true || c.requiredColumn === true || wanted.has(c.key);
}

function fastOf(column: ColumnDef): Fast {
  if (column.type === "text") return Fast.Text;
  if (column.type === "date") return Fast.Date;
  if (column.type === "amount") return Fast.Amount;
  return Fast.None;
}

/**
 * Reads one input table. A missing sheet reads as empty (the caller decides whether the
 * action needs it); a missing required column stops the action.
 */
export function readTable<K extends keyof RowTypes>(
  port: WorkbookPort,
  sheets: SheetMap,
  table: K,
  ctx: ReadContext,
  issues: DataIssue[],
  fields: Fields<K> = "all",
): TableRead<K> {
  const sheet = sheets.get(table) ?? null;
  const values = sheet === null ? [] : (port.readSheet(sheet) ?? []);
  return parseTable(table, sheet, values, { ...ctx, mapping: ctx.mapping ?? sheets.mapping }, issues, fields);
}

/**
 * Parses the values of one sheet (header row first) into typed rows: each listed cell once.
 * A row is a row when any recognised column has content (listed or not).
 */
export function parseTable<K extends keyof RowTypes>(
  table: K,
  sheet: string | null,
  values: Cell[][],
  ctx: ReadContext,
  issues: DataIssue[],
  fields: Fields<K> = "all",
): TableRead<K> {
  const def = TABLES[table];
  const emptyHeader: HeaderMap = { index: new Map(), text: new Map(), width: 0 };
  if (sheet === null) return { table, sheet, rows: [], header: emptyHeader, values, unkept: [] };
  const header = mapHeaders(table, values[0] ?? [], sheet, ctx, issues);
  const missing = def.columns.filter((c) => c.requiredColumn && !header.index.has(c.key));
  if (missing.length > 0) {
    const mapped = ctx.mapping?.get(table as MappableTable)?.columns;
    throw new StopError("stop.missingColumn", {
      sheet,
      columns: missing.map((c) => mapped?.get(c.key) ?? `${c.zh} / ${c.en}`).join(", "),
    });
  }
  const wanted = columnsToRead(table, fields as Fields<keyof RowTypes>);
  const defaults: Readonly<Record<string, unknown>> = BLANK_DEFAULTS[table] ?? {};
  const read: ReadColumn[] = [];
  const presentAt: number[] = [];
  // Slots of columns not parsed: absent columns take their blank value, unread ones stay undefined.
  const slots: unknown[] = def.columns.map(() => undefined);
  const unread = new Set<string>();
  def.columns.forEach((c, slot) => {
    const at = header.index.get(c.key);
    if (at !== undefined) presentAt.push(at);
    if (!wanted(c)) unread.add(c.key);
    else if (at === undefined) slots[slot] = defaults[c.key] ?? null;
    else
      read.push({
        column: c,
        slot,
        at,
        parse: parserFor(c, ctx.dateOrder),
        fast: fastOf(c),
        maxLength: c.unique || c.requiredColumn ? MAX_ID_LENGTH : MAX_TEXT_LENGTH,
        title: header.text.get(c.key) as string,
        required: c.required === true,
        computed: c.computed === true,
        keepsRow: c.computed === true || c.lenient === true,
        blank: defaults[c.key] ?? null,
      });
  });
  const build = ROW_BUILDERS[table] as (row: number, v: RowSlots) => RowTypes[K];
  const guard = guardUnread && unread.size > 0;
  const rows: RowTypes[K][] = [];
  const unkept: number[] = [];
  const uniqueColumn = read.find((p) => p.column.unique);
  /** Row index of each ID's first row; IDs whose first row was already reported as a duplicate. */
  const seen = new Map<string, number>();
  const reported = new Set<string>();
  const dropped = new Set<number>();

  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    if (isBlankRow(line, presentAt)) continue;
    let readable = true;
    for (let i = 0; i < read.length; i++) {
      const p = read[i];
      const cell = line[p.at] ?? null;
      const value = fastValue(cell, p);
      if (value !== SLOW) {
        slots[p.slot] = value;
        continue;
      }
      const parsed = readCell(cell, p);
      if (parsed.ok) {
        slots[p.slot] = parsed.value === null ? p.blank : parsed.value;
        continue;
      }
      issues.push({
        action: ctx.action,
        sheet,
        row: r + 1,
        column: p.title,
        value: displayCell(cell),
        problem: parsed.problem,
      });
      slots[p.slot] = p.blank;
      // The tool's own columns are outputs, lenient ones optional extras: reported, read as blank.
      if (!p.keepsRow) readable = false;
    }
    const id = uniqueColumn ? (slots[uniqueColumn.slot] as string | null) : null;
    if (uniqueColumn && id !== null) {
      const first = seen.get(id);
      if (first !== undefined) {
        if (!reported.has(id)) {
          reported.add(id);
          dropped.add(first);
          issues.push(duplicateIssue(ctx, sheet, values, first, uniqueColumn));
        }
        issues.push(duplicateIssue(ctx, sheet, values, r, uniqueColumn));
        unkept.push(r);
        continue;
      }
      seen.set(id, r);
    }
    if (!readable) {
      unkept.push(r);
      continue;
    }
    const record = build(r + 1, slots);
    rows.push(guard ? (guarded(record as object, unread, table) as RowTypes[K]) : record);
  }
  if (dropped.size === 0) return { table, sheet, rows, header, values, unkept };
  for (const r of dropped) unkept.push(r);
  const kept = rows.filter((row) => !dropped.has(row.row - 1));
  return { table, sheet, rows: kept, header, values, unkept };
}

const SLOW: unique symbol = Symbol("slow");

/**
 * The value of the most common cells (plain text, a date cell, a non-negative number in an
 * amount column) exactly as the parsers would read them, or SLOW for the general path.
 */
function fastValue(cell: Cell, p: ReadColumn): unknown {
  switch (p.fast) {
    case Fast.Text: {
      if (typeof cell !== "string" || cell.length === 0 || cell.length > p.maxLength) return SLOW;
      const first = cell.charCodeAt(0);
      const last = cell.charCodeAt(cell.length - 1);
      // Visible ASCII at both ends: nothing to trim, not blank, not a formula error (#…).
      return first > 32 && first < 127 && first !== 35 && last > 32 && last < 127 ? cell : SLOW;
    }
    case Fast.Date:
      return isDateCell(cell) ? cell.date : SLOW;
    case Fast.Amount:
      return typeof cell === "number" && cell >= 0 && cell <= 1e13 ? toCents(cell) : SLOW;
    default:
      return SLOW;
  }
}

/** True when no recognised column of the row has content. */
function isBlankRow(line: readonly Cell[], columns: readonly number[]): boolean {
  for (let i = 0; i < columns.length; i++) {
    if (!isBlank(line[columns[i]])) return false;
  }
  return true;
}

/** A cell's typed value (null when blank), or the reason it cannot be read. */
function readCell(cell: Cell, p: ReadColumn): Parsed<unknown> {
  if (cell === null || cell === "") return blankValue(p);
  if (typeof cell === "string") {
    if (cell.indexOf("#") !== -1) {
      const error = formulaError(cell);
      if (error !== null) return { ok: false, problem: msg("issue.formulaError", { error }) };
    }
    if (isBlank(cell)) return blankValue(p);
  }
  return p.parse(cell);
}

const NULL_VALUE: Parsed<unknown> = { ok: true, value: null };

function blankValue(p: { readonly required: boolean }): Parsed<unknown> {
  return p.required ? { ok: false, problem: msg("issue.requiredValue") } : NULL_VALUE;
}

function duplicateIssue(
  ctx: ReadContext,
  sheet: string,
  values: Cell[][],
  rowIndex: number,
  p: { at: number; title: string },
): DataIssue {
  return {
    action: ctx.action,
    sheet,
    row: rowIndex + 1,
    column: p.title,
    value: displayCell(values[rowIndex][p.at]),
    problem: msg("issue.duplicateId"),
  };
}

/** Reads Settings: unknown keys and invalid values are issues; a missing key takes its default. */
export function readSettings(
  port: WorkbookPort,
  sheets: SheetMap,
  ctx: { action: ActionName; defaultTimeZone: string },
  issues: DataIssue[],
): { settings: Settings; sheet: string | null; values: Cell[][]; header: HeaderMap } {
  const base = defaultSettings({ timeZone: ctx.defaultTimeZone });
  const sheet = sheets.get("settings") ?? null;
  const values = sheet === null ? [] : (port.readSheet(sheet) ?? []);
  const emptyHeader: HeaderMap = { index: new Map(), text: new Map(), width: 0 };
  if (sheet === null) return { settings: base, sheet, values, header: emptyHeader };
  const header = mapHeaders(
    "settings",
    values[0] ?? [],
    sheet,
    { action: ctx.action, dateOrder: "YMD" },
    issues,
  );
  const keyAt = header.index.get("key");
  const valueAt = header.index.get("value");
  if (keyAt === undefined || valueAt === undefined) {
    throw new StopError("stop.missingColumn", { sheet, columns: "键 / Key, 值 / Value" });
  }
  const out: Record<string, unknown> = { ...base };
  const entries: { def: SettingDef; cell: Cell; row: number }[] = [];
  const mapped: { table: MappableTable; column: string | null; name: string }[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < values.length; r++) {
    const keyCell = values[r][keyAt];
    const valueCell = values[r][valueAt] ?? null;
    if (isBlank(keyCell)) {
      if (!isBlank(valueCell)) {
        issues.push({
          action: ctx.action,
          sheet,
          row: r + 1,
          column: header.text.get("key") ?? "Key",
          value: "",
          problem: msg("issue.requiredValue"),
        });
      }
      continue;
    }
    const mapKey = parseMappingKey(String(keyCell));
    if (mapKey !== null && mapKey !== "unknown") {
      const id = `map:${mapKey.table}.${mapKey.column ?? ""}`;
      const error = formulaError(valueCell);
      const duplicate = seen.has(id);
      const problem = duplicate
        ? msg("issue.duplicateSetting")
        : error !== null
          ? msg("issue.formulaError", { error })
          : null;
      seen.add(id);
      if (problem === null) mapped.push({ ...mapKey, name: mappingText(valueCell) });
      else {
        const onKey = duplicate;
        issues.push({
          action: ctx.action,
          sheet,
          row: r + 1,
          column: header.text.get(onKey ? "key" : "value") ?? (onKey ? "Key" : "Value"),
          value: displayCell(onKey ? keyCell : valueCell),
          problem,
        });
      }
      continue;
    }
    const found = mapKey === "unknown" ? undefined : findSetting(String(keyCell));
    if (!found) {
      issues.push({
        action: ctx.action,
        sheet,
        row: r + 1,
        column: header.text.get("key") ?? "Key",
        value: displayCell(keyCell),
        problem: msg(mapKey === "unknown" ? "issue.unknownMappingKey" : "issue.unknownSetting"),
      });
      continue;
    }
    if (seen.has(found.key)) {
      issues.push({
        action: ctx.action,
        sheet,
        row: r + 1,
        column: header.text.get("key") ?? "Key",
        value: displayCell(keyCell),
        problem: msg("issue.duplicateSetting"),
      });
      continue;
    }
    seen.add(found.key);
    entries.push({ def: found, cell: valueCell, row: r + 1 });
  }
  // dateOrder first: holiday dates are read with it.
  entries.sort((a, b) => (a.def.key === "dateOrder" ? -1 : b.def.key === "dateOrder" ? 1 : 0));
  for (const entry of entries) {
    const blankAllowed = entry.def.defaultText === "";
    if (isBlank(entry.cell) && !blankAllowed) continue; // blank: the default applies silently
    const error = formulaError(entry.cell);
    const parsed =
      error !== null ? null : entry.def.read(entry.cell, { dateOrder: out.dateOrder as DateOrder });
    if (parsed && parsed.ok) {
      out[entry.def.key] = parsed.value;
      continue;
    }
    issues.push({
      action: ctx.action,
      sheet,
      row: entry.row,
      column: header.text.get("value") ?? "Value",
      value: displayCell(entry.cell),
      problem: parsed ? parsed.problem : msg("issue.formulaError", { error: error ?? "" }),
    });
  }
  out.mapping = mappingOf(mapped);
  const settings = out as Settings;
  if (settings["tier.mediumThreshold"] > settings["tier.highThreshold"]) {
    issues.push({
      action: ctx.action,
      sheet,
      row: null,
      column: null,
      value: "",
      problem: msg("issue.thresholdOrder"),
    });
    out["tier.highThreshold"] = base["tier.highThreshold"];
    out["tier.mediumThreshold"] = base["tier.mediumThreshold"];
  }
  return { settings, sheet, values, header };
}

/** Input tables of an action, read once each, with cross references checked. */
export interface WorkbookData {
  readonly sheets: SheetMap;
  readonly clients: TableRead<"clients">;
  readonly deals: TableRead<"deals">;
  readonly contracts: TableRead<"contracts">;
  readonly payments: TableRead<"payments">;
  readonly interactions: TableRead<"interactions">;
  readonly targets: TableRead<"targets">;
  readonly industries: TableRead<"industries">;
  /** Input sheets that were missing and read as empty. */
  readonly missingSheets: readonly InputTableKey[];
}

/**
 * Reads the tables an action uses (others come back empty without a read): a list of tables
 * reads every column, a ReadPlan only the columns it names. A table in `required` whose sheet
 * is missing stops the action.
 */
export function readData(
  port: WorkbookPort,
  sheets: SheetMap,
  use: readonly DataTable[] | ReadPlan,
  required: readonly DataTable[],
  ctx: ReadContext,
  issues: DataIssue[],
): WorkbookData {
  for (const table of required) {
    if (!sheets.has(table)) {
      const mapped = mappedSheetName(sheets, table);
      if (mapped !== null) throw new StopError("stop.missingMappedSheet", { sheet: mapped });
      throw new StopError("stop.missingSheet", { zh: TABLES[table].zh, en: TABLES[table].en });
    }
  }
  const plan: ReadPlan = isTableList(use) ? Object.fromEntries(use.map((t) => [t, "all"])) : use;
  const read = <K extends DataTable>(table: K): TableRead<K> => {
    const fields = plan[table] as Fields<K> | undefined;
    return fields === undefined
      ? parseTable(table, null, [], ctx, issues)
      : readTable(port, sheets, table, ctx, issues, fields);
  };
  const clients = read("clients");
  const deals = read("deals");
  const contracts = read("contracts");
  const payments = read("payments");
  const interactions = read("interactions");
  const targets = read("targets");
  const industries = read("industries");
  const missingSheets = (Object.keys(plan) as DataTable[]).filter((t) => !sheets.has(t));

  const clientIds = new Set<string>();
  for (const c of clients.rows) clientIds.add(c.clientId);
  const droppedClients = droppedIds(clients, "clientId", clientIds);
  const keepKnown = <K extends "deals" | "contracts" | "interactions">(t: TableRead<K>): TableRead<K> => {
    if (t.sheet === null || (clients.sheet === null && !required.includes("clients"))) return t;
    const keep = t.rows.filter((row) => {
      if (clientIds.has(row.clientId)) return true;
      const column = t.header.text.get("clientId") ?? "Client ID";
      issues.push({
        action: ctx.action,
        sheet: t.sheet as string,
        row: row.row,
        column,
        value: row.clientId,
        problem: droppedClients.has(row.clientId)
          ? msg("issue.refersToDroppedRow", { sheet: clients.sheet ?? "" })
          : msg("issue.unknownClient"),
      });
      return false;
    });
    return { ...t, rows: keep };
  };
  const keptContracts = keepKnown(contracts);
  const contractIds = new Set<string>();
  for (const c of keptContracts.rows) contractIds.add(c.contractId);
  const allContractIds = new Set<string>();
  for (const c of contracts.rows) allContractIds.add(c.contractId);
  const droppedContracts = droppedIds(contracts, "contractId", allContractIds);
  for (const c of contracts.rows) if (!contractIds.has(c.contractId)) droppedContracts.add(c.contractId);
  const keptPayments =
    payments.sheet === null || contracts.sheet === null
      ? payments
      : {
          ...payments,
          rows: payments.rows.filter((p) => {
            if (contractIds.has(p.contractId)) return true;
            issues.push({
              action: ctx.action,
              sheet: payments.sheet as string,
              row: p.row,
              column: payments.header.text.get("contractId") ?? "Contract ID",
              value: p.contractId,
              problem: droppedContracts.has(p.contractId)
                ? msg("issue.refersToDroppedRow", { sheet: contracts.sheet ?? "" })
                : msg("issue.unknownContract"),
            });
            return false;
          }),
        };
  const closedDeals = requireClosedOn(keepKnown(deals), ctx.action, issues);
  return {
    sheets,
    clients,
    deals: closedDeals,
    contracts: keptContracts,
    payments: keptPayments,
    interactions: keepKnown(interactions),
    targets,
    industries,
    missingSheets,
  };
}

/** One plan reading every column any of the plans (or table lists) reads. */
export function mergeReadPlans(plans: readonly (ReadPlan | readonly DataTable[])[]): ReadPlan {
  const merged: Partial<Record<DataTable, "all" | Set<string>>> = {};
  for (const plan of plans) {
    const entries: [DataTable, Fields<DataTable>][] = isTableList(plan)
      ? plan.map((t) => [t, "all"])
      : (Object.entries(plan) as [DataTable, Fields<DataTable>][]);
    for (const [table, fields] of entries) {
      const now = merged[table];
      if (now === "all" || fields === "all") merged[table] = "all";
      else merged[table] = new Set([...(now ?? []), ...fields]);
    }
  }
  const out: Record<string, "all" | string[]> = {};
  for (const [table, fields] of Object.entries(merged)) out[table] = fields === "all" ? "all" : [...fields];
  return out as ReadPlan;
}

function isTableList(use: readonly DataTable[] | ReadPlan): use is readonly DataTable[] {
  return Array.isArray(use);
}

/**
 * The "closed on" rule of the reader: a won or lost deal needs its Closed on date; one without
 * it is a data issue (on the Closed on column) and is dropped. Every reader of Deals applies it.
 */
export function requireClosedOn<T extends Pick<TableRead<"deals">, "sheet" | "header" | "rows">>(
  deals: T,
  action: ActionName,
  issues: DataIssue[],
): T {
  const sheet = deals.sheet;
  if (sheet === null) return deals;
  const rows = deals.rows.filter((d) => {
    if ((d.stage !== "won" && d.stage !== "lost") || d.closedOn !== null) return true;
    issues.push({
      action,
      sheet,
      row: d.row,
      column: deals.header.text.get("closedOn") ?? deals.header.text.get("stage") ?? "Closed on",
      value: "",
      problem: msg("issue.closedOnRequired"),
    });
    return false;
  });
  return { ...deals, rows };
}

/** IDs present in the sheet but not among the readable rows (their rows were dropped). */
function droppedIds<K extends "clients" | "contracts">(
  t: TableRead<K>,
  key: "clientId" | "contractId",
  kept: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  const at = t.header.index.get(key);
  if (at === undefined) return out;
  for (const r of t.unkept) {
    const cell = t.values[r][at];
    if (isBlank(cell)) continue;
    const id = typeof cell === "string" ? cell.trim() : String(cell);
    if (!kept.has(id)) out.add(id);
  }
  return out;
}
