/**
 * What every action does around its own work: take the document lock, find the sheets, read
 * Settings, fix the as-of date, collect data issues, and at the end write the Data issues
 * sheet and return a summary. Actions return results; the entries (menu, trigger, CLI) show them.
 */
import type { CalDate } from "../core/dates";
import { msg, type Language, type MessageRef } from "../i18n";
import type { Cell, Env, WorkbookPort } from "../ports";
import type { ActionName, DataIssue } from "../workbook/issues";
import { locateSheets, readSettings, type HeaderMap, type SheetMap } from "../workbook/read";
import { TABLES, type InputTableKey } from "../workbook/schema";
import type { Settings } from "../workbook/settings";
import { writeDataIssues } from "../workbook/write";
import { formatTimestamp } from "./mail";

export interface ActionResult<D = unknown> {
  readonly action: ActionName;
  readonly language: Language;
  readonly asOf: CalDate;
  readonly issues: readonly DataIssue[];
  /** Lines for the user, in order. */
  readonly summary: readonly MessageRef[];
  /** The action's figures (the command line's --json). */
  readonly data: D;
}

export interface Run {
  readonly env: Env;
  readonly action: ActionName;
  sheets: SheetMap;
  readonly settings: Settings;
  readonly language: Language;
  readonly asOf: CalDate;
  readonly issues: DataIssue[];
  readonly summary: MessageRef[];
  /** After finishRun: the rows of the Data issues sheet, every action's. */
  issuesListed?: number;
  /** The Settings sheet as this run read it (absent when settings were passed on), to locate a setting. */
  readonly settingsTable?: Pick<WorkbookSettings, "sheet" | "values" | "header">;
}

export interface RunOptions {
  /** The as-of date; default: today in the workbook's time zone. */
  readonly asOf?: CalDate;
  /**
   * Settings already read in this execution (a menu that asked the user first, the scheduled
   * jobs of one tick), with their issues: the action does not read them again.
   */
  readonly settings?: Pick<WorkbookSettings, "settings" | "issues">;
}

/** Settings as one read of the Settings sheet gives them. */
export interface WorkbookSettings {
  readonly settings: Settings;
  /** The sheet's data issues (unknown keys, invalid values: their defaults apply). */
  readonly issues: readonly DataIssue[];
  readonly sheets: SheetMap;
  /** The Settings sheet as found (null: none, every default applies), its cells and header. */
  readonly sheet: string | null;
  readonly values: Cell[][];
  readonly header: HeaderMap;
}

/**
 * The one place Settings are parsed: every action, menu, trigger tick and the command line read
 * them here, once per execution, and pass the result on (`RunOptions.settings`). Issues are
 * recorded for `action`. A Settings sheet without its Key or Value column stops (StopError).
 */
export function readWorkbookSettings(
  workbook: WorkbookPort,
  defaultTimeZone: string,
  action: ActionName,
): WorkbookSettings {
  const names = workbook.sheetNames();
  const issues: DataIssue[] = [];
  const read = readSettings(workbook, locateSheets(names), { action, defaultTimeZone }, issues);
  // The tables are found again with the mapping of the team's own sheets that Settings hold.
  return { ...read, issues, sheets: locateSheets(names, read.settings.mapping) };
}

/** Starts an action: sheets located, Settings read once (its issues collected), as-of fixed. */
export function startRun(env: Env, action: ActionName, options: RunOptions = {}): Run {
  // Settings passed on were read earlier in the execution: the sheets are located afresh.
  const read = options.settings ?? readWorkbookSettings(env.workbook, env.defaultTimeZone, action);
  const sheets = options.settings
    ? locateSheets(env.workbook.sheetNames(), read.settings.mapping)
    : (read as WorkbookSettings).sheets;
  const issues: DataIssue[] = [...read.issues];
  const settings = read.settings;
  const asOf = options.asOf ?? env.clock.today(settings.timeZone);
  const full = options.settings ? null : (read as WorkbookSettings);
  const settingsTable = full ? { sheet: full.sheet, values: full.values, header: full.header } : undefined;
  return {
    env,
    action,
    sheets,
    settings,
    language: settings.language,
    asOf,
    issues,
    summary: [],
    settingsTable,
  };
}

/** Notes input sheets that were missing and read as empty (not a data issue). */
export function noteMissingSheets(run: Run, missing: readonly InputTableKey[]): void {
  if (missing.length === 0) return;
  const names = missing.map((t) => (run.language === "en" ? TABLES[t].en : TABLES[t].zh)).join(", ");
  run.summary.push(msg("summary.missingSheets", { sheets: names }));
}

/**
 * Ends an action: replaces this action's rows of the Data issues sheet with its latest issues
 * (always, so that fixed problems disappear; other actions' rows stay) and adds the count.
 */
export function finishRun<D>(run: Run, data: D): ActionResult<D> {
  const written = writeDataIssues(
    run.env.workbook,
    run.sheets,
    run.action,
    run.issues,
    formatTimestamp(run.env.clock.now(), run.settings.timeZone),
    run.language,
  );
  run.issuesListed = written.total;
  const count = run.issues.length;
  const { sheet, total } = written;
  if (total > count) run.summary.push(msg("summary.issuesAll", { count, total, sheet }));
  else if (count > 0) run.summary.push(msg("summary.issues", { count, sheet }));
  return {
    action: run.action,
    language: run.language,
    asOf: run.asOf,
    issues: run.issues,
    summary: run.summary,
    data,
  };
}
