/**
 * The command-line entry: `account-desk ACTION FILE [options]` on an .xlsx file. It only
 * parses arguments and prints; the work is in the actions (src/actions/) on a MemoryWorkbook
 * loaded and saved by the .xlsx adapter (xlsx.ts). Each action is one entry of ACTIONS; a
 * feature adds its command with one entry there.
 *
 * Exit codes: 0 done; 1 `check` found data issues; 2 usage error, or the action could not run
 * (missing file, sheet or column; a file it cannot read or write).
 */
import { copyFile, writeFile } from "node:fs/promises";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { checkData } from "../actions/check";
import { buildContactPlanSheet } from "../actions/contacts";
import { reviewContractsAction } from "../actions/contracts";
import { readWorkbookSettings, type ActionResult } from "../actions/run";
import { setupWorkbook } from "../actions/setup";
import { applyApprovedTierChanges } from "../actions/tierProposals";
import { recalculateTiers } from "../actions/tiers";
import { formatIsoDate, parseIsoDate, type CalDate } from "../core/dates";
import { isLanguage, render, type Language } from "../i18n";
import { isDateCell, type Cell, type Env } from "../ports";
import { displayCell } from "../workbook/cells";
import { formatIssue, isStopError, type DataIssue } from "../workbook/issues";
import { usedRange, type MemoryWorkbook } from "../workbook/memory";
import { DEFAULT_SAMPLE_CLIENTS, MAX_SAMPLE_CLIENTS } from "../workbook/sample";
import { headerName, TABLES } from "../workbook/schema";
import { CLI_DEFAULT_TIME_ZONE, createNodeEnv, todayIn } from "./env";
import { createWorkbook } from "./init";
import { reportCommand } from "./reportCommand";
import { columnLetter, loadXlsx, newXlsx, saveXlsx, type XlsxFile } from "./xlsx";

/** Where the command line prints; tests pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const PROCESS_IO: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** The options an action command receives besides the workbook. */
export interface ActionContext {
  /** `--as-of`; undefined: today in the workbook's time zone. */
  readonly asOf?: CalDate;
  /** The command's own options (see ActionCommand.options): a value, or true for a flag. */
  readonly options: Readonly<Record<string, string | true>>;
}

/** One action of the command line: `account-desk NAME FILE [--as-of] [--out|--in-place] [--json]`. */
export interface ActionCommand {
  readonly name: string;
  /** One line for `help`. */
  readonly help: string;
  /** Options of this command beyond the common ones: name (without --) → a flag or an option with a value. */
  readonly options?: Readonly<Record<string, { readonly kind: "flag" | "value"; readonly help: string }>>;
  /** Exit 1 when the action found data issues, and list every issue as a table (Check data). */
  readonly listsIssues?: boolean;
  readonly run: (env: Env, context: ActionContext) => ActionResult<unknown>;
  /** Writes the command's own files after the run (report --html/--pdf); returns 0, or 2 when one could not be written. */
  readonly after?: (result: ActionResult<unknown>, context: ActionContext, io: CliIo) => Promise<number>;
}

/** Every action command, in help order; each feature adds its entry here. */
export const ACTIONS: readonly ActionCommand[] = [
  {
    name: "check",
    help: "check every table and list the data issues (exit 1 when there are any)",
    listsIssues: true,
    run: (env, context) => checkData(env, { asOf: context.asOf }),
  },
  {
    name: "setup",
    help: "add the missing sheets, columns, drop-downs and default settings",
    options: { lang: { kind: "value", help: "zh-CN|en: language of a workbook without a Settings sheet" } },
    run: (env, context) => setupWorkbook(env, { language: languageOption(context.options.lang) }),
  },
  {
    name: "schedule",
    help: "build the contact plan (沟通计划) and the channel response rates",
    run: (env, context) => buildContactPlanSheet(env, { asOf: context.asOf }),
  },
  {
    name: "tiers",
    help: "recalculate client tiers (客户分级) with reasons; --review: the quarterly review, which may downgrade",
    options: { review: { kind: "flag", help: "the quarterly review: downgrades beyond the margin apply" } },
    run: (env, context) =>
      recalculateTiers(env, { asOf: context.asOf, review: context.options.review === true }),
  },
  {
    name: "apply-tiers",
    help: "apply the approved rows of Tier proposals (分级提议; tier.review on): tiers, history, owners told",
    run: (env, context) => applyApprovedTierChanges(env, { asOf: context.asOf }),
  },
  {
    name: "contracts",
    help: "review contracts and payments (合同与回款): renewals due, overdue instalments, per-owner totals",
    run: (env, context) => reviewContractsAction(env, { asOf: context.asOf }),
  },
  reportCommand,
];

/** The names of every command the command line knows (the demo skips the others). */
export function commandNames(): string[] {
  return ["init", ...ACTIONS.map((a) => a.name), "help"];
}

class UsageError extends Error {}
/** The action could not run: one line for the user, exit 2. */
class CannotRun extends Error {}

const COMMON_OPTIONS: Readonly<Record<string, "flag" | "value">> = {
  "as-of": "value",
  out: "value",
  "in-place": "flag",
  json: "value",
  help: "flag",
};

const INIT_OPTIONS: Readonly<Record<string, "flag" | "value">> = {
  sample: "flag",
  lang: "value",
  clients: "value",
  seed: "value",
  "as-of": "value",
  force: "flag",
  help: "flag",
};

/** How many issues an action (other than check) lists, and how many changes per sheet the plan shows. */
const ISSUES_SHOWN = 20;
const CHANGES_SHOWN = 5;
/** Check lists this many issues at most; the rest are in the Data issues sheet. */
const CHECK_ISSUES_SHOWN = 1000;

export async function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.err(usage());
      return 2;
    }
    if (command === "help" || command === "--help" || command === "-h") {
      io.out(rest[0] ? commandUsage(rest[0]) : usage());
      return 0;
    }
    if (command === "init") return await runInit(rest, io);
    const action = ACTIONS.find((a) => a.name === command);
    if (!action) throw new UsageError(`unknown command "${command}"`);
    return await runAction(action, rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`account-desk: ${error.message}\nRun "account-desk help" for usage.\n`);
      return 2;
    }
    if (error instanceof CannotRun) {
      io.err(`account-desk: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`account-desk: unexpected error: ${message}\n`);
    if (process.env.ACCOUNT_DESK_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return 2;
  }
}

// ---------------------------------------------------------------------------------------
// Arguments

interface ParsedArgs {
  readonly positional: string[];
  readonly options: Record<string, string | true>;
}

/** `--name value`, `--name=value` and flags; anything else after the command is positional. */
function parseArgs(args: readonly string[], known: Readonly<Record<string, "flag" | "value">>): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--") || arg === "-") {
      if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = known[name];
    if (kind === undefined) throw new UsageError(`unknown option --${name}`);
    if (name in options) throw new UsageError(`--${name} given twice`);
    if (kind === "flag") {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === "") throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return { positional, options };
}

function asOfOption(value: string | true | undefined): CalDate | undefined {
  if (value === undefined || value === true) return undefined;
  const date = parseIsoDate(value);
  if (date === null) throw new UsageError(`--as-of takes a date as YYYY-MM-DD, not "${value}"`);
  return date;
}

function languageOption(value: string | true | undefined): Language | undefined {
  if (value === undefined || value === true) return undefined;
  if (!isLanguage(value)) throw new UsageError(`--lang takes zh-CN or en, not "${value}"`);
  return value;
}

function wholeNumberOption(
  name: string,
  value: string | true | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined || value === true) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

function oneFile(positional: readonly string[], command: string): string {
  if (positional.length === 0) throw new UsageError(`${command} needs a FILE`);
  if (positional.length > 1) throw new UsageError(`${command} takes one FILE, not "${positional.join(" ")}"`);
  return positional[0];
}

// ---------------------------------------------------------------------------------------
// init

async function runInit(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, INIT_OPTIONS);
  if (options.help) {
    io.out(commandUsage("init"));
    return 0;
  }
  const file = oneFile(positional, "init");
  const language = languageOption(options.lang) ?? "zh-CN";
  const sampleOnly = ["clients", "seed", "as-of"].filter((name) => name in options && !options.sample);
  if (sampleOnly.length > 0)
    throw new UsageError(`${sampleOnly.map((n) => `--${n}`).join(", ")} need --sample`);
  const clients =
    wholeNumberOption("clients", options.clients, 1, MAX_SAMPLE_CLIENTS) ?? DEFAULT_SAMPLE_CLIENTS;
  const seed = wholeNumberOption("seed", options.seed, 0, 2 ** 31 - 1) ?? 1;
  const asOf = asOfOption(options["as-of"]) ?? todayIn(CLI_DEFAULT_TIME_ZONE);
  if (existsSync(file) && !options.force) {
    throw new CannotRun(`${file} already exists; add --force to overwrite it`);
  }
  const created = createWorkbook(language, options.sample ? { clients, seed, asOf } : undefined);
  await save(newXlsx(created.memory), file);
  for (const line of created.setup.summary) io.out(`${render(language, line)}\n`);
  if (created.sampleRows.length > 0) {
    const counts = created.sampleRows.map((s) => `${s.sheet} ${s.rows}`).join(", ");
    io.out(`Sample (seed ${seed}, as of ${formatIsoDate(asOf)}): ${counts}\n`);
  }
  io.out(`Wrote ${file}\n`);
  return 0;
}

// ---------------------------------------------------------------------------------------
// Actions

async function runAction(action: ActionCommand, args: readonly string[], io: CliIo): Promise<number> {
  const known: Record<string, "flag" | "value"> = { ...COMMON_OPTIONS };
  for (const [name, option] of Object.entries(action.options ?? {})) known[name] = option.kind;
  const { positional, options } = parseArgs(args, known);
  if (options.help) {
    io.out(commandUsage(action.name));
    return 0;
  }
  const file = oneFile(positional, action.name);
  const asOf = asOfOption(options["as-of"]);
  const out = typeof options.out === "string" ? options.out : null;
  const inPlace = options["in-place"] === true;
  const json = typeof options.json === "string" ? options.json : null;
  if (out !== null && inPlace) throw new UsageError("use either --out FILE or --in-place, not both");
  if (out !== null && path.resolve(out) === path.resolve(file)) {
    throw new UsageError("--out names the input file; use --in-place to overwrite it (a .bak copy is kept)");
  }
  const ownOptions: Record<string, string | true> = {};
  for (const name of Object.keys(action.options ?? {})) if (name in options) ownOptions[name] = options[name];

  const loaded = await load(file);
  const env = createNodeEnv(loaded.memory, { asOf });
  let result: ActionResult<unknown>;
  try {
    result = action.run(env, { asOf, options: ownOptions });
  } catch (error) {
    if (isStopError(error)) throw new CannotRun(render(workbookLanguage(loaded.memory), error.problem));
    throw error;
  }
  const language = result.language;
  for (const line of result.summary) io.out(`${render(language, line)}\n`);
  if (action.listsIssues) {
    if (result.issues.length > 0) io.err(issueTable(result.issues, language, CHECK_ISSUES_SHOWN));
  } else if (result.issues.length > 0) {
    io.err(`${result.issues.length} data issue${result.issues.length === 1 ? "" : "s"}:\n`);
    for (const issue of result.issues.slice(0, ISSUES_SHOWN)) io.err(`  ${formatIssue(issue, language)}\n`);
    if (result.issues.length > ISSUES_SHOWN) io.err(`  … and ${result.issues.length - ISSUES_SHOWN} more\n`);
  }
  if (json !== null) {
    await writeOrStop(json, `${JSON.stringify(result.data, null, 2)}\n`);
    io.out(`Wrote ${json}\n`);
  }

  if (out === null && !inPlace) {
    io.out(planText(loaded.memory));
  } else {
    if (inPlace) await copyOrStop(file, `${file}.bak`);
    const target = out ?? file;
    await save(loaded, target);
    io.out(inPlace ? `Wrote ${file} (previous version in ${file}.bak)\n` : `Wrote ${target}\n`);
  }
  const afterCode = action.after ? await action.after(result, { asOf, options: ownOptions }, io) : 0;
  if (afterCode !== 0) return afterCode;
  return action.listsIssues && result.issues.length > 0 ? 1 : 0;
}

async function load(file: string): Promise<XlsxFile> {
  if (!existsSync(file)) throw new CannotRun(`no such file: ${file}`);
  if (!statSync(file).isFile()) throw new CannotRun(`not a file: ${file}`);
  try {
    return await loadXlsx(file);
  } catch (error) {
    throw new CannotRun(
      `cannot read ${file} as an .xlsx workbook (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

async function save(workbook: XlsxFile, file: string): Promise<void> {
  try {
    await saveXlsx(workbook, file);
  } catch (error) {
    throw new CannotRun(`cannot write ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function writeOrStop(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text, "utf8");
  } catch (error) {
    throw new CannotRun(`cannot write ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function copyOrStop(from: string, to: string): Promise<void> {
  try {
    await copyFile(from, to);
  } catch (error) {
    throw new CannotRun(
      `cannot keep a copy as ${to} (${error instanceof Error ? error.message : String(error)}); nothing was written`,
    );
  }
}

/** The workbook's language for a stop message, zh-CN when Settings cannot tell. */
function workbookLanguage(memory: MemoryWorkbook): Language {
  try {
    return readWorkbookSettings(memory, CLI_DEFAULT_TIME_ZONE, "check").settings.language;
  } catch {
    return "zh-CN";
  }
}

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
  if (issues.length > limit)
    lines.push(`… and ${issues.length - limit} more (all are in the Data issues sheet when saved)`);
  return `${lines.join("\n")}\n`;
}

/** Display width in a terminal: East Asian wide and full-width characters take two columns. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/** What saving would change, per sheet: created and replaced sheets, and changed cells. */
export function planText(memory: MemoryWorkbook): string {
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
      lines.push(`  ${sheet.name}: new sheet, ${rows} row${rows === 1 ? "" : "s"}`);
      continue;
    }
    if (sheet.replaced) {
      lines.push(`  ${sheet.name}: replaced, ${rows} row${rows === 1 ? "" : "s"}`);
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
    lines.push(`  ${sheet.name}: ${changes.length} cell${changes.length === 1 ? "" : "s"} changed`);
    for (const change of changes.slice(0, CHANGES_SHOWN)) {
      lines.push(
        `    ${sheet.name}!${columnLetter(change.column)}${change.row}: ${shown(change.from)} → ${shown(change.to)}`,
      );
    }
    if (changes.length > CHANGES_SHOWN) lines.push(`    … and ${changes.length - CHANGES_SHOWN} more`);
  }
  if (formatted.length > 0) {
    lines.push(
      `  formats (frozen header, drop-downs, header colours) of ${formatted.length} sheet${formatted.length === 1 ? "" : "s"}: ${formatted.join(", ")}`,
    );
  }
  if (lines.length === 0) return "Nothing to change; nothing written.\n";
  return `Would change (nothing written; save with --out FILE or --in-place):\n${lines.join("\n")}\n`;
}

function sameCell(a: Cell, b: Cell): boolean {
  const blankA = a === null || a === "";
  const blankB = b === null || b === "";
  if (blankA || blankB) return blankA && blankB;
  if (isDateCell(a) || isDateCell(b)) return isDateCell(a) && isDateCell(b) && a.date === b.date;
  return a === b;
}

function shown(cell: Cell): string {
  if (cell === null || cell === "") return "(blank)";
  return clip(displayCell(cell), 40);
}

// ---------------------------------------------------------------------------------------
// Usage

function usage(): string {
  const width = Math.max(...ACTIONS.map((a) => a.name.length), 4);
  const actions = ACTIONS.map((a) => `  ${a.name.padEnd(width)}  ${a.help}`).join("\n");
  return `Account Desk on .xlsx workbooks.

Usage:
  account-desk init FILE [--sample] [--lang zh-CN|en] [--clients N] [--seed N] [--as-of YYYY-MM-DD] [--force]
  account-desk ACTION FILE [--as-of YYYY-MM-DD] [--out FILE | --in-place] [--json FILE]
  account-desk help [COMMAND]

Actions:
${actions}

Options of every action:
  --as-of YYYY-MM-DD  the date to treat as today (default: today in the workbook's time zone)
  --out FILE          write the result to FILE (the input file is left as it is)
  --in-place          overwrite the input file, keeping the previous version as FILE.bak
  --json FILE         write the action's figures as JSON
  With neither --out nor --in-place nothing is written: the command prints what it would change.

Exit codes: 0 done, 1 check found data issues, 2 usage error or the action could not run.
`;
}

function commandUsage(name: string): string {
  if (name === "init") {
    return `Usage: account-desk init FILE [--sample] [--lang zh-CN|en] [--clients N] [--seed N] [--as-of YYYY-MM-DD] [--force]

Creates a new workbook with every sheet, header, drop-down and default setting.
  --sample            fill it with a generated sample (clients, deals, contracts, payments, …)
  --lang zh-CN|en     language of sheet names, headers and reports (default zh-CN)
  --clients N         sample size, 1 to ${MAX_SAMPLE_CLIENTS} (default ${DEFAULT_SAMPLE_CLIENTS})
  --seed N            sample seed (default 1); the same seed gives the same workbook
  --as-of YYYY-MM-DD  the date the sample is built around (default today in ${CLI_DEFAULT_TIME_ZONE})
  --force             overwrite FILE if it exists
`;
  }
  const action = ACTIONS.find((a) => a.name === name);
  if (!action) return usage();
  const own = Object.entries(action.options ?? {})
    .map(([option, def]) => `  --${option}${def.kind === "value" ? " VALUE" : ""}  ${def.help}\n`)
    .join("");
  return `Usage: account-desk ${action.name} FILE [--as-of YYYY-MM-DD] [--out FILE | --in-place] [--json FILE]${
    action.options ? " [options]" : ""
  }

${action.help[0].toUpperCase()}${action.help.slice(1)}.
${own}`;
}
