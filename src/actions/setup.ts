/**
 * Set up workbook: creates the missing sheets and columns of the contract (new columns go
 * after the user's own; nothing of the user is reordered, renamed or deleted), writes headers
 * in the workbook language, freezes header rows, adds drop-downs to code columns, marks the
 * tool's computed columns, and writes the default of every missing setting. Running it twice
 * changes nothing the second time.
 */
import { msg, render, type Language } from "../i18n";
import type { Cell, ColumnNumberFormat, ColumnValidation, Env, SheetFormat } from "../ports";
import { isBlank } from "../workbook/cells";
import { locateSheets, mapHeaders } from "../workbook/read";
import { headerName, sheetName, SETUP_TABLES, TABLES, type TableKey } from "../workbook/schema";
import { findSetting, SETTING_DEFS, setupValue } from "../workbook/settings";
import { defaultTemplateRows } from "../workbook/templates";
import { COLORS } from "../workbook/write";
import { finishRun, readWorkbookSettings, type ActionResult, type Run } from "./run";

export interface SetupData {
  readonly createdSheets: string[];
  readonly addedColumns: { sheet: string; columns: string[] }[];
  readonly addedSettings: string[];
}

export interface SetupOptions {
  /** Language of a workbook without a Settings sheet (default zh-CN). */
  readonly language?: Language;
}

export function setupWorkbook(env: Env, options: SetupOptions = {}): ActionResult<SetupData> {
  const port = env.workbook;
  const issues: Run["issues"] = [];
  const read = readWorkbookSettings(port, env.defaultTimeZone, "setup");
  let sheets = read.sheets;
  issues.push(...read.issues);
  const { settings, sheet: settingsSheet } = read;
  const language: Language = settingsSheet === null ? (options.language ?? "zh-CN") : settings.language;
  const data: SetupData = { createdSheets: [], addedColumns: [], addedSettings: [] };

  // Tier proposals belong to the review of tier changes: created only when it is on.
  const tables = settings["tier.review"] ? [...SETUP_TABLES, "tierProposals" as const] : SETUP_TABLES;
  for (const table of tables) {
    const existing = sheets.get(table);
    if (existing === undefined) {
      const name = sheetName(table, language);
      const rows: Cell[][] = [TABLES[table].columns.map((c) => headerName(c, language))];
      if (table === "templates") rows.push(...defaultTemplateRows());
      if (table === "settings") {
        for (const def of SETTING_DEFS) {
          rows.push([
            def.key,
            def.key === "timeZone"
              ? env.defaultTimeZone
              : def.key === "language"
                ? language
                : setupValue(def, language),
            def.description[language === "en" ? "en" : "zh"],
          ]);
          data.addedSettings.push(def.key);
        }
      }
      port.replaceSheet(name, rows, tableFormat(table, allColumns(table), rows[0].length, language, true));
      data.createdSheets.push(name);
      continue;
    }
    const values = port.readSheet(existing) ?? [];
    const header = mapHeaders(
      table,
      values[0] ?? [],
      existing,
      { action: "setup", dateOrder: "YMD", mapping: settings.mapping },
      issues,
    );
    const index = new Map(header.index);
    const missing = TABLES[table].columns.filter((c) => !index.has(c.key));
    let width = lastFilled(values[0] ?? []) + 1;
    if (missing.length > 0) {
      const titles = missing.map((c) => headerName(c, language));
      port.writeBlock(existing, 1, width + 1, [titles]);
      missing.forEach((c, i) => index.set(c.key, width + i));
      data.addedColumns.push({ sheet: existing, columns: titles });
      width += missing.length;
    }
    port.format(
      existing,
      tableFormat(table, index, width, language, false, new Set(missing.map((c) => c.key))),
    );
    if (table === "settings") {
      const keyAt = index.get("key") as number;
      const present = new Set<string>();
      for (let r = 1; r < values.length; r++) {
        const cell = values[r][keyAt];
        if (isBlank(cell)) continue;
        const found = findSetting(String(cell));
        if (found) present.add(found.key);
      }
      const add = SETTING_DEFS.filter((d) => !present.has(d.key));
      if (add.length > 0) {
        const rows = add.map((def) => {
          const line: Cell[] = new Array(width).fill("");
          line[keyAt] = def.key;
          const valueAt = index.get("value");
          const descriptionAt = index.get("description");
          if (valueAt !== undefined)
            line[valueAt] = def.key === "timeZone" ? env.defaultTimeZone : setupValue(def, language);
          if (descriptionAt !== undefined)
            line[descriptionAt] = def.description[language === "en" ? "en" : "zh"];
          return line;
        });
        port.appendRows(existing, rows);
        data.addedSettings.push(...add.map((d) => d.key));
      }
    }
  }
  sheets = locateSheets(port.sheetNames(), settings.mapping);

  const summary = [];
  if (data.createdSheets.length > 0)
    summary.push(msg("setup.createdSheets", { sheets: data.createdSheets.join(", ") }));
  for (const added of data.addedColumns) {
    summary.push(msg("setup.addedColumns", { sheet: added.sheet, columns: added.columns.join(", ") }));
  }
  if (data.addedSettings.length > 0 && !data.createdSheets.includes(sheetName("settings", language))) {
    summary.push(msg("setup.addedSettings", { count: data.addedSettings.length }));
  }
  if (summary.length === 0) summary.push(msg("setup.nothingToDo"));
  const run: Run = { env, action: "setup", sheets, settings, language, asOf: 0, issues, summary };
  return finishRun(run, data);
}

function allColumns(table: TableKey): Map<string, number> {
  return new Map(TABLES[table].columns.map((c, i) => [c.key, i] as const));
}

function lastFilled(row: readonly Cell[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i;
  return -1;
}

/**
 * The format of a contract table: frozen header, drop-downs on code columns, computed columns
 * marked. Number formats only on columns the tool has just created (users own the others).
 */
function tableFormat(
  table: TableKey,
  index: ReadonlyMap<string, number>,
  width: number,
  language: Language,
  created: boolean,
  newColumns: ReadonlySet<string> = new Set(),
): SheetFormat {
  const notes: (string | null)[] = new Array(width).fill(null);
  const colors: (string | null)[] = new Array(width).fill(null);
  const validations: ColumnValidation[] = [];
  const numberFormats: ColumnNumberFormat[] = [];
  for (const column of TABLES[table].columns) {
    const at = index.get(column.key);
    if (at === undefined) continue;
    colors[at] = column.computed ? COLORS.computedHeader : COLORS.header;
    if (column.computed) notes[at] = render(language, msg("setup.computedNote"));
    // A list of codes in one cell (the contracts' approvals) gets no drop-down: it holds several.
    if (column.codes && !column.computed && column.type === "code") {
      validations.push({ column: at + 1, fromRow: 2, toRow: null, values: column.codes.dropdown(language) });
    }
    if (created || newColumns.has(column.key)) {
      const kind =
        column.type === "date"
          ? "date"
          : column.type === "amount"
            ? "amount"
            : column.type === "growth" || column.type === "probability" || column.type === "rate"
              ? "percent"
              : column.type === "text" && column.key.toLowerCase().endsWith("id")
                ? "text"
                : null;
      if (kind) numberFormats.push({ column: at + 1, fromRow: 2, toRow: null, kind });
    }
  }
  return {
    frozenRows: 1,
    boldHeaderColumns: width,
    headerNotes: notes,
    headerBackgrounds: colors,
    validations,
    numberFormats,
  };
}
