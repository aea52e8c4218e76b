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
import { reviewDealTerms } from "../actions/approvals";
import { checkData } from "../actions/check";
import { reviewContractsAction } from "../actions/contracts";
import { readWorkbookSettings, type ActionResult } from "../actions/run";
import { setupWorkbook } from "../actions/setup";
import { applyApprovedTierChanges } from "../actions/tierProposals";
import { recalculateTiers } from "../actions/tiers";
import { formatIsoDate, parseIsoDate, type CalDate } from "../core/dates";
import {
  isLanguage,
  msg,
  render,
  t,
  type Language,
  type MessageKey,
  type MessageParams,
  type MessageRef,
} from "../i18n";
import { commandUsage, issueTable, planText, usage } from "./cliText";
import type { Env } from "../ports";
import { formatIssue, isStopError } from "../workbook/issues";
import type { MemoryWorkbook } from "../workbook/memory";
import { DEFAULT_SAMPLE_CLIENTS, MAX_SAMPLE_CLIENTS } from "../workbook/sample";
import { CLI_DEFAULT_TIME_ZONE, createNodeEnv, todayIn } from "./env";
import { createWorkbook } from "./init";
import { emailsCommand } from "./emailsCommand";
import { reportCommand } from "./reportCommand";
import { scheduleCommand } from "./scheduleCommand";
import { loadXlsx, newXlsx, saveXlsx, type XlsxFile } from "./xlsx";

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
  /** The language of the messages: --lang, else the workbook's. */
  readonly language: Language;
  /** `--lang` as given (setup: the language of a workbook without Settings). */
  readonly lang?: Language;
}

/** One action of the command line: `account-desk NAME FILE [--as-of] [--out|--in-place] [--json]`. */
export interface ActionCommand {
  readonly name: string;
  /** One line for `help`. */
  readonly help: MessageKey;
  /** Options of this command beyond the common ones: name (without --) → a flag or an option with a value. */
  readonly options?: Readonly<Record<string, { readonly kind: "flag" | "value"; readonly help: MessageKey }>>;
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
    help: "cli.help.check",
    listsIssues: true,
    run: (env, context) => checkData(env, { asOf: context.asOf }),
  },
  {
    name: "setup",
    help: "cli.help.setup",
    run: (env, context) => setupWorkbook(env, { language: context.lang }),
  },
  scheduleCommand,
  {
    name: "tiers",
    help: "cli.help.tiers",
    options: { review: { kind: "flag", help: "cli.option.review" } },
    run: (env, context) =>
      recalculateTiers(env, { asOf: context.asOf, review: context.options.review === true }),
  },
  {
    name: "apply-tiers",
    help: "cli.help.applyTiers",
    run: (env, context) => applyApprovedTierChanges(env, { asOf: context.asOf }),
  },
  {
    name: "approvals",
    help: "cli.help.approvals",
    run: (env, context) => reviewDealTerms(env, { asOf: context.asOf }),
  },
  {
    name: "contracts",
    help: "cli.help.contracts",
    run: (env, context) => reviewContractsAction(env, { asOf: context.asOf }),
  },
  reportCommand,
  emailsCommand,
];

/** The names of every command the command line knows (the demo skips the others). */
export function commandNames(): string[] {
  return ["init", ...ACTIONS.map((a) => a.name), "help"];
}

/** A usage error: the message, then where to find help; exit 2. */
class UsageError extends Error {
  constructor(readonly problem: MessageRef) {
    super(problem.key);
  }
}
/** The action could not run: one line for the user, exit 2. */
class CannotRun extends Error {
  constructor(readonly problem: MessageRef) {
    super(problem.key);
  }
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const COMMON_OPTIONS: Readonly<Record<string, "flag" | "value">> = {
  "as-of": "value",
  out: "value",
  "in-place": "flag",
  json: "value",
  lang: "value",
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

/** How many issues an action (other than check) lists. */
const ISSUES_SHOWN = 20;
/** Check lists this many issues at most; the rest are in the Data issues sheet. */
const CHECK_ISSUES_SHOWN = 1000;

/**
 * Runs a command. Messages are in the language of `--lang`, else of the workbook's Settings
 * (once it is read), else zh-CN, the product's default.
 */
export async function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  const [command, ...rest] = argv;
  const ui = { language: langInArgs(rest) ?? ("zh-CN" as Language) };
  const line = (message: MessageRef) =>
    `${t(ui.language, "cli.error", { message: render(ui.language, message) })}\n`;
  try {
    if (command === undefined) {
      io.err(usage(ui.language));
      return 2;
    }
    if (command === "help" || command === "--help" || command === "-h") {
      io.out(rest[0] ? commandUsage(rest[0], ui.language) : usage(ui.language));
      return 0;
    }
    if (command === "init") return await runInit(rest, io);
    const action = ACTIONS.find((a) => a.name === command);
    if (!action) throw new UsageError(msg("cli.unknownCommand", { command }));
    return await runAction(action, rest, io, ui);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${line(error.problem)}${t(ui.language, "cli.seeHelp")}\n`);
      return 2;
    }
    if (error instanceof CannotRun) {
      io.err(line(error.problem));
      return 2;
    }
    io.err(line(msg("cli.unexpected", { message: reasonOf(error) })));
    if (process.env.ACCOUNT_DESK_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return 2;
  }
}

/** A valid `--lang` among the arguments (its errors are reported when the options are parsed). */
function langInArgs(args: readonly string[]): Language | undefined {
  for (let i = 0; i < args.length; i++) {
    const value =
      args[i] === "--lang" ? args[i + 1] : args[i].startsWith("--lang=") ? args[i].slice(7) : undefined;
    if (value !== undefined && isLanguage(value)) return value;
  }
  return undefined;
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
      if (arg.startsWith("-") && arg !== "-") throw new UsageError(msg("cli.unknownOption", { option: arg }));
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = known[name];
    if (kind === undefined) throw new UsageError(msg("cli.unknownOption", { option: `--${name}` }));
    if (name in options) throw new UsageError(msg("cli.optionTwice", { option: `--${name}` }));
    if (kind === "flag") {
      if (eq >= 0) throw new UsageError(msg("cli.optionNoValue", { option: `--${name}` }));
      options[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === "")
      throw new UsageError(msg("cli.optionNeedsValue", { option: `--${name}` }));
    options[name] = value;
  }
  return { positional, options };
}

function asOfOption(value: string | true | undefined): CalDate | undefined {
  if (value === undefined || value === true) return undefined;
  const date = parseIsoDate(value);
  if (date === null) throw new UsageError(msg("cli.badAsOf", { value }));
  return date;
}

function languageOption(value: string | true | undefined): Language | undefined {
  if (value === undefined || value === true) return undefined;
  if (!isLanguage(value)) throw new UsageError(msg("cli.badLang", { value }));
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
    throw new UsageError(msg("cli.badNumber", { option: name, min, max, value }));
  }
  return n;
}

function oneFile(positional: readonly string[], command: string): string {
  if (positional.length === 0) throw new UsageError(msg("cli.needsFile", { command }));
  if (positional.length > 1)
    throw new UsageError(msg("cli.oneFile", { command, files: positional.join(" ") }));
  return positional[0];
}

// ---------------------------------------------------------------------------------------
// init

async function runInit(args: readonly string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(args, INIT_OPTIONS);
  const language = languageOption(options.lang) ?? "zh-CN";
  if (options.help) {
    io.out(commandUsage("init", language));
    return 0;
  }
  const file = oneFile(positional, "init");
  const sampleOnly = ["clients", "seed", "as-of"].filter((name) => name in options && !options.sample);
  if (sampleOnly.length > 0)
    throw new UsageError(msg("cli.needSample", { options: sampleOnly.map((n) => `--${n}`).join(", ") }));
  const clients =
    wholeNumberOption("clients", options.clients, 1, MAX_SAMPLE_CLIENTS) ?? DEFAULT_SAMPLE_CLIENTS;
  const seed = wholeNumberOption("seed", options.seed, 0, 2 ** 31 - 1) ?? 1;
  const asOf = asOfOption(options["as-of"]) ?? todayIn(CLI_DEFAULT_TIME_ZONE);
  if (existsSync(file) && !options.force) {
    throw new CannotRun(msg("cli.exists", { file }));
  }
  const created = createWorkbook(language, options.sample ? { clients, seed, asOf } : undefined);
  await save(newXlsx(created.memory), file);
  for (const line of created.setup.summary) io.out(`${render(language, line)}\n`);
  if (created.sampleRows.length > 0) {
    const counts = created.sampleRows.map((s) => `${s.sheet} ${s.rows}`).join(", ");
    io.out(`${t(language, "cli.sample", { seed, asOf: formatIsoDate(asOf), counts })}\n`);
  }
  io.out(`${t(language, "cli.wrote", { file })}\n`);
  return 0;
}

// ---------------------------------------------------------------------------------------
// Actions

async function runAction(
  action: ActionCommand,
  args: readonly string[],
  io: CliIo,
  ui: { language: Language },
): Promise<number> {
  const known: Record<string, "flag" | "value"> = { ...COMMON_OPTIONS };
  for (const [name, option] of Object.entries(action.options ?? {})) known[name] = option.kind;
  const { positional, options } = parseArgs(args, known);
  const lang = languageOption(options.lang);
  if (options.help) {
    io.out(commandUsage(action.name, ui.language));
    return 0;
  }
  const file = oneFile(positional, action.name);
  const asOf = asOfOption(options["as-of"]);
  const out = typeof options.out === "string" ? options.out : null;
  const inPlace = options["in-place"] === true;
  const json = typeof options.json === "string" ? options.json : null;
  if (out !== null && inPlace) throw new UsageError(msg("cli.outAndInPlace"));
  if (out !== null && path.resolve(out) === path.resolve(file)) throw new UsageError(msg("cli.outIsInput"));
  const ownOptions: Record<string, string | true> = {};
  for (const name of Object.keys(action.options ?? {})) if (name in options) ownOptions[name] = options[name];

  const loaded = await load(file);
  const language = lang ?? workbookLanguage(loaded.memory);
  ui.language = language;
  const context: ActionContext = { asOf, options: ownOptions, language, lang };
  const env = createNodeEnv(loaded.memory, { asOf });
  let result: ActionResult<unknown>;
  try {
    result = action.run(env, context);
  } catch (error) {
    if (isStopError(error)) throw new CannotRun(error.problem);
    throw error;
  }
  const say = (key: MessageKey, params?: MessageParams) => `${t(language, key, params)}\n`;
  for (const line of result.summary) io.out(`${render(language, line)}\n`);
  if (action.listsIssues) {
    if (result.issues.length > 0) io.err(issueTable(result.issues, language, CHECK_ISSUES_SHOWN));
  } else if (result.issues.length > 0) {
    io.err(
      say(result.issues.length === 1 ? "cli.issues.one" : "cli.issues", { count: result.issues.length }),
    );
    for (const issue of result.issues.slice(0, ISSUES_SHOWN)) io.err(`  ${formatIssue(issue, language)}\n`);
    if (result.issues.length > ISSUES_SHOWN)
      io.err(`  ${say("cli.more", { count: result.issues.length - ISSUES_SHOWN })}`);
  }
  if (json !== null) {
    await writeOrStop(json, `${JSON.stringify(result.data, null, 2)}\n`);
    io.out(say("cli.wrote", { file: json }));
  }

  if (out === null && !inPlace) {
    io.out(planText(loaded.memory, language));
  } else {
    if (inPlace) await copyOrStop(file, `${file}.bak`);
    const target = out ?? file;
    await save(loaded, target);
    io.out(
      inPlace ? say("cli.wroteInPlace", { file, backup: `${file}.bak` }) : say("cli.wrote", { file: target }),
    );
  }
  const afterCode = action.after ? await action.after(result, context, io) : 0;
  if (afterCode !== 0) return afterCode;
  return action.listsIssues && result.issues.length > 0 ? 1 : 0;
}

async function load(file: string): Promise<XlsxFile> {
  if (!existsSync(file)) throw new CannotRun(msg("cli.noFile", { file }));
  if (!statSync(file).isFile()) throw new CannotRun(msg("cli.notFile", { file }));
  try {
    return await loadXlsx(file);
  } catch (error) {
    throw new CannotRun(msg("cli.cannotRead", { file, reason: reasonOf(error) }));
  }
}

async function save(workbook: XlsxFile, file: string): Promise<void> {
  try {
    await saveXlsx(workbook, file);
  } catch (error) {
    throw new CannotRun(msg("cli.cannotWrite", { file, reason: reasonOf(error) }));
  }
}

async function writeOrStop(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text, "utf8");
  } catch (error) {
    throw new CannotRun(msg("cli.cannotWrite", { file, reason: reasonOf(error) }));
  }
}

async function copyOrStop(from: string, to: string): Promise<void> {
  try {
    await copyFile(from, to);
  } catch (error) {
    throw new CannotRun(msg("cli.cannotCopy", { file: to, reason: reasonOf(error) }));
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
