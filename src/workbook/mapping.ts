/**
 * A team's own sheets, mapped: which of the workbook's sheets holds each table of the contract
 * and which of its headers holds each column, as saved in Settings (`map.clients` = the sheet's
 * name, `map.clients.clientId` = the header). The lookup of sheets and headers (read.ts) goes
 * through here for every table and column alike, so nothing per table is needed: a mapped name
 * wins, and whatever is not mapped is found by the contract's English or Chinese name as before.
 * Nothing in the user's sheets is renamed or moved.
 */
import type { Cell } from "../ports";
import { isBlank } from "./cells";
import { normalizeName, trimAll } from "./names";
import { INPUT_TABLES, TABLES, type InputTableKey } from "./schema";

/** The tables a team may map to sheets of its own (Settings holds the mapping and is never mapped). */
export type MappableTable = Exclude<InputTableKey, "settings">;

export const MAPPABLE_TABLES: readonly MappableTable[] = INPUT_TABLES.filter(
  (t): t is MappableTable => t !== "settings",
);

/** Where one table lives in the team's workbook: its sheet (null: found by name) and headers by column key. */
export interface TableMapping {
  readonly sheet: string | null;
  readonly columns: ReadonlyMap<string, string>;
}

/** The mapping of a workbook, by table; a table not in it is found by the contract's names. */
export type SheetMapping = ReadonlyMap<MappableTable, TableMapping>;

export const NO_MAPPING: SheetMapping = new Map();

/** The Settings key prefix of the mapping. */
export const MAP_PREFIX = "map.";

/** The Settings key of a table's sheet (`map.clients`) or of one of its columns (`map.clients.clientId`). */
export function mappingKey(table: MappableTable, column?: string): string {
  return column === undefined ? `${MAP_PREFIX}${table}` : `${MAP_PREFIX}${table}.${column}`;
}

const TABLE_BY_KEY = new Map<string, MappableTable>(MAPPABLE_TABLES.map((t) => [t.toLowerCase(), t]));

/**
 * What a Settings key of the mapping names: null when the key is not a mapping key at all,
 * "unknown" when it starts with `map.` but names no table or column of the contract.
 */
export function parseMappingKey(
  key: string,
): { readonly table: MappableTable; readonly column: string | null } | "unknown" | null {
  const text = normalizeName(key);
  if (!text.startsWith(MAP_PREFIX)) return null;
  const [tablePart, columnPart, ...rest] = text.slice(MAP_PREFIX.length).split(".");
  const table = TABLE_BY_KEY.get(tablePart);
  if (table === undefined || rest.length > 0) return "unknown";
  if (columnPart === undefined) return { table, column: null };
  const column = TABLES[table].columns.find((c) => c.key.toLowerCase() === columnPart);
  return column === undefined ? "unknown" : { table, column: column.key };
}

/** Builds a mapping from entries read from Settings (blank names are left out: not mapped). */
export function mappingOf(
  entries: readonly { table: MappableTable; column: string | null; name: string }[],
): SheetMapping {
  const sheets = new Map<MappableTable, string>();
  const columns = new Map<MappableTable, Map<string, string>>();
  for (const { table, column, name } of entries) {
    const text = trimAll(name);
    if (text === "") continue;
    if (column === null) sheets.set(table, text);
    else {
      const own = columns.get(table) ?? new Map<string, string>();
      own.set(column, text);
      columns.set(table, own);
    }
  }
  const out = new Map<MappableTable, TableMapping>();
  for (const table of MAPPABLE_TABLES) {
    const sheet = sheets.get(table) ?? null;
    const own = columns.get(table);
    if (sheet !== null || own !== undefined) out.set(table, { sheet, columns: own ?? new Map() });
  }
  return out;
}

/** A mapping cell's text (a number typed as a header reads as its digits). */
export function mappingText(cell: Cell): string {
  if (isBlank(cell)) return "";
  return typeof cell === "string"
    ? trimAll(cell)
    : typeof cell === "object" && cell !== null
      ? ""
      : String(cell);
}

/** The sheets each mapped table claims: table → the sheet's name as the workbook has it. */
export function mappedSheets(names: readonly string[], mapping: SheetMapping): Map<MappableTable, string> {
  const byName = new Map<string, string>();
  for (const name of names) byName.set(normalizeName(name), name);
  const out = new Map<MappableTable, string>();
  for (const [table, own] of mapping) {
    if (own.sheet === null) continue;
    const found = byName.get(normalizeName(own.sheet));
    if (found !== undefined) out.set(table, found);
  }
  return out;
}

/** The result of finding a table's columns in its header row. */
export interface HeaderLookup {
  /** Column key → 0-based position. */
  readonly index: Map<string, number>;
  /** Column key → the header as written. */
  readonly text: Map<string, string>;
  /** Positions of headers that name a column already found (reported, not read). */
  readonly duplicates: number[];
  /** Mapped headers that are not in the row: column key → the mapped header. */
  readonly missing: Map<string, string>;
}

/**
 * Finds a table's columns in a header row: first the headers the mapping names (each column
 * once, each header once), then the contract's English or Chinese header for every column
 * still unfound, skipping the headers the mapping took.
 */
export function lookUpHeaders(
  table: keyof typeof TABLES,
  headerRow: readonly Cell[],
  mapped: ReadonlyMap<string, string> | undefined,
): HeaderLookup {
  const index = new Map<string, number>();
  const text = new Map<string, string>();
  const duplicates: number[] = [];
  const missing = new Map<string, string>();
  const names: (string | null)[] = headerRow.map((cell) =>
    typeof cell === "string" && !isBlank(cell) ? normalizeName(cell) : null,
  );
  const taken = new Set<number>();
  for (const [key, header] of mapped ?? []) {
    const wanted = normalizeName(header);
    const at = names.findIndex((name, i) => name === wanted && !taken.has(i));
    if (at < 0) {
      missing.set(key, header);
      continue;
    }
    taken.add(at);
    index.set(key, at);
    text.set(key, headerRow[at] as string);
  }
  const byName = new Map<string, string>();
  for (const column of TABLES[table].columns) {
    byName.set(normalizeName(column.en), column.key);
    byName.set(normalizeName(column.zh), column.key);
  }
  names.forEach((name, i) => {
    if (name === null || taken.has(i)) return;
    const key = byName.get(name);
    if (key === undefined) return;
    if (index.has(key)) {
      // A column the mapping placed elsewhere: its standard header is the user's own column.
      if (!mapped?.has(key) || missing.has(key)) duplicates.push(i);
      return;
    }
    index.set(key, i);
    text.set(key, headerRow[i] as string);
  });
  return { index, text, duplicates, missing };
}
