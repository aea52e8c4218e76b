/**
 * Reading the workbook: finds each table by sheet name and header row (English or Chinese),
 * reads each sheet once, parses every cell into the typed rows of rows.ts and turns every
 * problem into a data issue. Cross-table references (deals → clients, payments → contracts)
 * are checked with indexes by ID, never nested scans.
 */
import { msg } from "../i18n";
import type { Cell, WorkbookPort } from "../ports";
import {
  MAX_ID_LENGTH,
  displayCell,
  formulaError,
  isBlank,
  parseAmount,
  parseCode,
  parseDate,
  parseEmail,
  parseFraction,
  parseInteger,
  parsePeriod,
  parseTargetOwner,
  parseText,
  type DateOrder,
  type Parsed,
} from "./cells";
import { StopError, type ActionName, type DataIssue } from "./issues";
import { normalizeName } from "./names";
import type { RowTypes } from "./rows";
import { TABLES, type ColumnDef, type InputTableKey, type TableKey } from "./schema";
import { defaultSettings, findSetting, type SettingDef, type Settings } from "./settings";

/** Where each table lives: its sheet's name as it is in the workbook. */
export type SheetMap = ReadonlyMap<TableKey, string>;

const TABLE_BY_NAME = new Map<string, TableKey>();
for (const table of Object.values(TABLES)) {
  TABLE_BY_NAME.set(normalizeName(table.en), table.key);
  TABLE_BY_NAME.set(normalizeName(table.zh), table.key);
}

/** The table a sheet name stands for, if any. */
export function tableOfSheet(name: string): TableKey | null {
  return TABLE_BY_NAME.get(normalizeName(name)) ?? null;
}

/** Finds every known table's sheet; two sheets for one table stop the action. */
export function locateSheets(names: readonly string[]): SheetMap {
  const found = new Map<TableKey, string>();
  for (const name of names) {
    const table = tableOfSheet(name);
    if (table === null) continue;
    const other = found.get(table);
    if (other !== undefined) throw new StopError("stop.duplicateSheet", { first: other, second: name });
    found.set(table, name);
  }
  return found;
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
}

export function mapHeaders(
  table: TableKey,
  headerRow: readonly Cell[],
  sheet: string,
  ctx: ReadContext,
  issues: DataIssue[],
): HeaderMap {
  const byName = new Map<string, ColumnDef>();
  for (const column of TABLES[table].columns) {
    byName.set(normalizeName(column.en), column);
    byName.set(normalizeName(column.zh), column);
  }
  const index = new Map<string, number>();
  const text = new Map<string, string>();
  headerRow.forEach((cell, i) => {
    if (typeof cell !== "string" || isBlank(cell)) return;
    const column = byName.get(normalizeName(cell));
    if (!column) return;
    if (index.has(column.key)) {
      issues.push({
        action: ctx.action,
        sheet,
        row: 1,
        column: cell,
        value: cell,
        problem: msg("issue.duplicateHeader"),
      });
      return;
    }
    index.set(column.key, i);
    text.set(column.key, cell);
  });
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
}

type CellParser = (cell: Cell) => Parsed<unknown>;

function parserFor(column: ColumnDef, dateOrder: DateOrder): CellParser {
  switch (column.type) {
    case "text":
      return column.unique || column.requiredColumn
        ? (c) => parseText(c, MAX_ID_LENGTH)
        : (c) => parseText(c);
    case "email":
      return parseEmail;
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
    case "code": {
      const codes = column.codes;
      if (!codes) throw new Error(`Column ${column.key} has no code list`);
      return (c) => parseCode(c, codes);
    }
    case "targetOwner":
      return parseTargetOwner;
    case "period":
      return parsePeriod;
  }
}

/** Values a blank cell takes (where the contract gives one). */
const BLANK_DEFAULTS: Partial<Record<TableKey, Readonly<Record<string, unknown>>>> = {
  clients: { status: "active" },
  payments: { amountPaid: 0 },
};

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
): TableRead<K> {
  const sheet = sheets.get(table) ?? null;
  const values = sheet === null ? [] : (port.readSheet(sheet) ?? []);
  return parseTable(table, sheet, values, ctx, issues);
}

/** Parses the values of one sheet (header row first) into typed rows. */
export function parseTable<K extends keyof RowTypes>(
  table: K,
  sheet: string | null,
  values: Cell[][],
  ctx: ReadContext,
  issues: DataIssue[],
): TableRead<K> {
  const def = TABLES[table];
  const emptyHeader: HeaderMap = { index: new Map(), text: new Map(), width: 0 };
  if (sheet === null) return { table, sheet, rows: [], header: emptyHeader, values };
  const header = mapHeaders(table, values[0] ?? [], sheet, ctx, issues);
  const missing = def.columns.filter((c) => c.requiredColumn && !header.index.has(c.key));
  if (missing.length > 0) {
    throw new StopError("stop.missingColumn", {
      sheet,
      columns: missing.map((c) => `${c.zh} / ${c.en}`).join(", "),
    });
  }
  const present = def.columns
    .filter((c) => header.index.has(c.key))
    .map((c) => ({
      column: c,
      at: header.index.get(c.key) as number,
      parse: parserFor(c, ctx.dateOrder),
      title: header.text.get(c.key) as string,
    }));
  const absent = def.columns.filter((c) => !header.index.has(c.key));
  const defaults: Readonly<Record<string, unknown>> = BLANK_DEFAULTS[table] ?? {};
  const rows: RowTypes[K][] = [];
  const uniqueColumn = present.find((p) => p.column.unique);
  const seen = new Map<string, { rowIndex: number; reported: boolean }>();
  const dropped = new Set<number>();

  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    let blank = true;
    for (const p of present) {
      if (!isBlank(line[p.at])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const rowNumber = r + 1;
    const record: Record<string, unknown> = { row: rowNumber };
    let readable = true;
    for (const p of present) {
      const cell = line[p.at] ?? null;
      const parsed = readCell(cell, p);
      if (parsed.ok) {
        record[p.column.key] = parsed.value === null ? (defaults[p.column.key] ?? null) : parsed.value;
        continue;
      }
      const problem = parsed.problem;
      issues.push({
        action: ctx.action,
        sheet,
        row: rowNumber,
        column: p.title,
        value: displayCell(cell),
        problem,
      });
      record[p.column.key] = defaults[p.column.key] ?? null;
      // The tool's own columns are outputs: a bad value there is reported and read as blank.
      if (!p.column.computed) readable = false;
    }
    for (const c of absent) record[c.key] = defaults[c.key] ?? null;
    const id = uniqueColumn ? (record[uniqueColumn.column.key] as string | null) : null;
    if (uniqueColumn && id !== null) {
      const first = seen.get(id);
      if (first) {
        if (!first.reported) {
          first.reported = true;
          dropped.add(first.rowIndex);
          issues.push(duplicateIssue(ctx, sheet, values, first.rowIndex, uniqueColumn));
        }
        issues.push(duplicateIssue(ctx, sheet, values, r, uniqueColumn));
        continue;
      }
      seen.set(id, { rowIndex: r, reported: false });
    }
    if (readable) rows.push(record as RowTypes[K]);
  }
  const kept = dropped.size === 0 ? rows : rows.filter((row) => !dropped.has(row.row - 1));
  return { table, sheet, rows: kept, header, values };
}

/** A cell's typed value (null when blank), or the reason it cannot be read. */
function readCell(cell: Cell, p: { column: ColumnDef; parse: CellParser }): Parsed<unknown> {
  if (cell === null || cell === "") return blankValue(p.column);
  if (typeof cell === "string") {
    if (cell.indexOf("#") !== -1) {
      const error = formulaError(cell);
      if (error !== null) return { ok: false, problem: msg("issue.formulaError", { error }) };
    }
    if (isBlank(cell)) return blankValue(p.column);
  }
  return p.parse(cell);
}

const NULL_VALUE: Parsed<unknown> = { ok: true, value: null };

function blankValue(column: ColumnDef): Parsed<unknown> {
  return column.required ? { ok: false, problem: msg("issue.requiredValue") } : NULL_VALUE;
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
    const found = findSetting(String(keyCell));
    if (!found) {
      issues.push({
        action: ctx.action,
        sheet,
        row: r + 1,
        column: header.text.get("key") ?? "Key",
        value: displayCell(keyCell),
        problem: msg("issue.unknownSetting"),
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

type DataTable = "clients" | "deals" | "contracts" | "payments" | "interactions" | "targets" | "industries";

/**
 * Reads the tables an action uses (others come back empty without a read). A table in
 * `required` whose sheet is missing stops the action.
 */
export function readData(
  port: WorkbookPort,
  sheets: SheetMap,
  use: readonly DataTable[],
  required: readonly DataTable[],
  ctx: ReadContext,
  issues: DataIssue[],
): WorkbookData {
  for (const table of required) {
    if (!sheets.has(table)) {
      throw new StopError("stop.missingSheet", { zh: TABLES[table].zh, en: TABLES[table].en });
    }
  }
  const read = <K extends DataTable>(table: K): TableRead<K> =>
    use.includes(table)
      ? readTable(port, sheets, table, ctx, issues)
      : parseTable(table, null, [], ctx, issues);
  const clients = read("clients");
  const deals = read("deals");
  const contracts = read("contracts");
  const payments = read("payments");
  const interactions = read("interactions");
  const targets = read("targets");
  const industries = read("industries");
  const missingSheets = use.filter((t) => !sheets.has(t));

  const clientIds = new Set(clients.rows.map((c) => c.clientId));
  const droppedClients = droppedIds(clients, "clientId");
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
  const contractIds = new Set(keptContracts.rows.map((c) => c.contractId));
  const droppedContracts = droppedIds(contracts, "contractId");
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
  const keptDeals = keepKnown(deals);
  // Won and lost deals need their Closed on date.
  const closedDeals =
    keptDeals.sheet === null
      ? keptDeals
      : {
          ...keptDeals,
          rows: keptDeals.rows.filter((d) => {
            if ((d.stage !== "won" && d.stage !== "lost") || d.closedOn !== null) return true;
            issues.push({
              action: ctx.action,
              sheet: keptDeals.sheet as string,
              row: d.row,
              column:
                keptDeals.header.text.get("closedOn") ?? keptDeals.header.text.get("stage") ?? "Closed on",
              value: "",
              problem: msg("issue.closedOnRequired"),
            });
            return false;
          }),
        };
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

/** IDs present in the sheet but not among the readable rows (their rows were dropped). */
function droppedIds<K extends "clients" | "contracts">(
  t: TableRead<K>,
  key: "clientId" | "contractId",
): Set<string> {
  const out = new Set<string>();
  const at = t.header.index.get(key);
  if (at === undefined) return out;
  const kept = new Set(t.rows.map((r) => (r as unknown as Record<string, string>)[key]));
  for (let r = 1; r < t.values.length; r++) {
    const cell = t.values[r][at];
    if (isBlank(cell)) continue;
    const id = typeof cell === "string" ? cell.trim() : String(cell);
    if (!kept.has(id)) out.add(id);
  }
  return out;
}
