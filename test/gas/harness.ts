/**
 * Drives the Apps Script bundle (dist/Code.js) as Sheets would, inside a node:vm context whose
 * global has only ECMAScript built-ins, Intl and console (no require, process, timers, Buffer,
 * URL, TextEncoder, fetch …), with the fakes of test/gas/fakes/services.js evaluated in the same
 * context: every Date, Array and Object the bundle sees is the sandbox's own.
 *
 * Like Apps Script, each call() and fireTrigger() loads the bundle afresh (module-level state does
 * not survive between executions); the fakes' state (the spreadsheet, properties, triggers) does.
 *
 * Values the fakes return are sandbox objects: compare them with toEqual (toStrictEqual compares
 * prototypes across realms and fails).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "..", "..");
export const DEFAULT_BUNDLE = path.join(ROOT, "dist", "Code.js");
export const SERVICES_FILE = path.join(HERE, "fakes", "services.js");

/** Globals Apps Script's V8 does not have; the harness makes sure none is in the sandbox. */
export const FORBIDDEN_GLOBALS = [
  "require",
  "module",
  "exports",
  "process",
  "global",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "setImmediate",
  "clearImmediate",
  "Buffer",
  "URL",
  "URLSearchParams",
  "TextEncoder",
  "TextDecoder",
  "fetch",
  "structuredClone",
  "queueMicrotask",
  "atob",
  "btoa",
  "performance",
  "AbortController",
  "crypto",
] as const;

/** The Apps Script services the fakes define. */
export const SERVICE_GLOBALS = [
  "SpreadsheetApp",
  "Charts",
  "PropertiesService",
  "LockService",
  "MailApp",
  "ScriptApp",
  "Session",
  "Utilities",
  "HtmlService",
  "MimeType",
  "Logger",
  "CacheService",
  "Calendar",
] as const;

// ---- Types of the __fake API ----

/** A seeded cell: stored as is (no parsing); "#N/A"-style text is an error cell. */
export type SeedCell =
  | string
  | number
  | boolean
  | null
  | { readonly date: string }
  | { readonly formula: string; readonly value?: SeedCell }
  | { readonly error: string };

/** A cell as __fake.sheetValues returns it: dates read in the spreadsheet zone, formulas as text. */
export type StoredCell = string | number | boolean | null | { date: string } | { formula: string };

export type ButtonName = "OK" | "CANCEL" | "YES" | "NO" | "CLOSE";
export type ButtonSetName = "OK" | "OK_CANCEL" | "YES_NO" | "YES_NO_CANCEL";
export type AuthModeName = "NONE" | "LIMITED" | "FULL";
export type EventTypeName = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_CHANGE" | "ON_FORM_SUBMIT";

export interface ResetOptions {
  /** The spreadsheet's time zone (default Asia/Shanghai). */
  readonly timeZone?: string;
  /** The spreadsheet's locale (default zh_CN): decides how typed text is parsed and default sheet names. */
  readonly locale?: string;
  readonly name?: string;
  readonly id?: string;
  /** Session.getActiveUser() (default manager@example.com). */
  readonly user?: string;
  /** Session.getEffectiveUser(); default: user. */
  readonly effectiveUser?: string;
  /** Session.getActiveUser() inside an installed trigger (default ""). */
  readonly triggerUser?: string;
  /** MailApp.getRemainingDailyQuota() (default 100). */
  readonly mailQuota?: number;
  /** The Gmail advanced service is enabled (default true). */
  readonly gmailEnabled?: boolean;
  /** Messages in the mailbox the Gmail advanced service searches: From header, arrival instant (ISO). */
  readonly incoming?: readonly { readonly from: string; readonly at: string }[];
  /** The gmail.readonly scope is granted (default true). */
  readonly gmailReadonly?: boolean;
  /** Session.getScriptTimeZone(); default: appsscript.json's. */
  readonly scriptTimeZone?: string;
  /** The fake clock; default: the real clock. */
  readonly now?: string | number;
  /** Sheets in order; none: one empty default sheet ("工作表1" in zh_CN, "Sheet1" otherwise). */
  readonly sheets?: Readonly<Record<string, readonly (readonly SeedCell[])[]>>;
  readonly triggers?: readonly {
    handler: string;
    eventType?: EventTypeName;
    schedule?: Record<string, unknown>;
  }[];
  readonly properties?: {
    document?: Record<string, string>;
    script?: Record<string, string>;
    user?: Record<string, string>;
  };
  readonly htmlFiles?: Record<string, string>;
  readonly answers?: readonly Answer[];
  /** Editor add-on trigger rules: one trigger per event type, at most hourly. */
  readonly addon?: boolean;
  /** With a fixed clock (`now`), milliseconds it moves forward on every service call. */
  readonly msPerCall?: number;
  readonly addonName?: string;
  /** Calendars (owner addresses) the user cannot read or write: the Calendar API answers Not Found. */
  readonly calendarDenied?: readonly string[];
}

/** A Calendar API event as the fake stores it. */
export interface CalendarEventRecord {
  id: string;
  status: "confirmed" | "cancelled";
  summary?: string;
  description?: string;
  start: { date?: string; dateTime?: string; timeZone?: string };
  end: { date?: string; dateTime?: string; timeZone?: string };
  extendedProperties?: { private?: Record<string, string> };
  [field: string]: unknown;
}

export interface Answer {
  readonly button?: ButtonName;
  readonly text?: string;
}

export type MenuItemRecord = { caption: string; functionName: string } | { separator: true } | MenuRecord;

export interface MenuRecord {
  title: string;
  items: MenuItemRecord[];
  addon?: true;
}

export interface AlertRecord {
  title: string;
  message: string;
  buttons: ButtonSetName;
  answer: ButtonName;
}

export interface PromptRecord extends AlertRecord {
  text: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

export interface HtmlRecord {
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  modal?: boolean;
}

export interface MailRecord {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  name: string;
  noReply: boolean;
  subject: string;
  body: string;
  htmlBody: string;
  /** text: the attachment's bytes read as UTF-8 (a fake PDF embeds its HTML). */
  attachments: { name: string | null; contentType: string | null; size: number; text: string }[];
}

export interface DraftRecord {
  id: string;
  mailbox: string;
  to: string;
  replyTo: string;
  subject: string;
  text: string;
  html: string;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: EventTypeName;
  source: "CLOCK" | "SPREADSHEETS";
  sourceId: string | null;
  /** Builder calls: {everyDays: 1, atHour: 8, timezone: "Asia/Shanghai"}, {onMonthDay: 1, atHour: 8}, … */
  schedule: Record<string, unknown>;
}

export interface ChartState {
  id: number;
  type: string;
  ranges: string[];
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
  numHeaders: number;
}

export interface SheetState {
  /** By A1 cell, only cells that have one. */
  notes: Record<string, string>;
  /** Non-default backgrounds by A1 cell. */
  backgrounds: Record<string, string>;
  fontWeights: Record<string, string>;
  fontColors: Record<string, string>;
  /** Runs down each column of cells with the same rule. */
  validations: { a1: string; type: string; values: string[]; allowInvalid: boolean; showDropdown: boolean }[];
  numberFormats: { a1: string; format: string }[];
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  columnWidths: Record<string, number | "auto">;
  tabColor: string | null;
  merges: string[];
  charts: ChartState[];
  /** Protected ranges: who may edit besides the owner (domainEdit: anyone in the domain). */
  protections: { a1: string; type: string; description: string; editors: string[]; domainEdit: boolean }[];
}

export interface CellInfo {
  type: "empty" | "text" | "number" | "boolean" | "date" | "error" | "formula";
  value: StoredCell;
  formula: string | null;
  display: string;
  note: string;
  background: string;
  fontWeight: string;
  numberFormat: string;
  /** `general` until set: `left`, `center`, `right`. */
  horizontalAlignment: string;
  wrap: boolean;
  fontSize: number;
  fontColor: string;
  validation: { type: string; values: string[]; allowInvalid: boolean } | null;
}

/** The sandbox's `__fake`: knobs (assign them), records (read them) and helpers. */
export interface FakeControl {
  /** Calls per "Class.method": "Range.getValues", "Sheet.getRange", "Spreadsheet.getSheetByName", "Ui.alert", … */
  calls: Record<string, number>;
  menus: MenuRecord[];
  alerts: AlertRecord[];
  prompts: PromptRecord[];
  toasts: ToastRecord[];
  sidebars: HtmlRecord[];
  dialogs: HtmlRecord[];
  outbox: MailRecord[];
  logs: { level: string; message: string }[];
  /** Things Apps Script would do silently that a test probably did not mean (host Dates, objects in cells). */
  warnings: string[];
  /**
   * Strings the script wrote that did not land as that text (a number, date, boolean, formula or
   * error; or an apostrophe written into a plain-text cell, where Sheets may keep it).
   */
  coercions: { cell: string; written: string; stored: StoredCell }[];
  /** Answers for the next alerts/prompts, first in first out (default: the first button, ""). */
  answers: Answer[];
  htmlFiles: Record<string, string>;
  lockBusy: boolean;
  mailQuota: number;
  /** Drafts made with the Gmail advanced service, in the mailbox of the effective user. */
  drafts: DraftRecord[];
  gmailEnabled: boolean;
  /** The mailbox Gmail.Users.Messages.list searches: {from, at}. */
  incoming: { from: string; at: string }[];
  user: string;
  effectiveUser: string | null;
  triggerUser: string;
  scriptTimeZone: string;
  addon: boolean;
  addonName: string;
  authMode: AuthModeName;
  uiAvailable: boolean;
  locks: { acquired: number; released: number; refused: number };
  slept: number;
  /** With a fixed clock, milliseconds it moves forward on every service call. */
  msPerCall: number;
  /** The installed triggers, as plain data. */
  readonly triggers: TriggerRecord[];
  reset(options?: ResetOptions): void;
  setProject(settings: { htmlFiles?: Record<string, string>; timeZone?: string }): void;
  /** Fixes the clock (ISO text or ms); null: the real clock. */
  setNow(when: string | number | null): void;
  now(): number;
  resetCalls(): void;
  /** Total calls on Spreadsheet, Sheet and Range objects. */
  spreadsheetCalls(): number;
  /** Calls that change a sheet's grid (insertRowsAfter, deleteRows, insertColumnsAfter, …). */
  gridCalls(): number;
  sheetNames(): string[];
  /** The used range as stored (null for empty cells); throws for an unknown sheet. */
  sheetValues(name: string): StoredCell[][];
  sheetState(name: string): SheetState;
  cell(sheet: string, a1: string): CellInfo;
  setSelection(sheet: string, a1: string): void;
  spreadsheetTimeZone(): string;
  properties(kind?: "document" | "script" | "user"): Record<string, string>;
  /** True while any Lock is held (after an execution, none should be). */
  lockHeld(): boolean;
  importValue<T>(value: T): T;
  calendarDenied: string[];
  /** Calendar.Events insert / patch / remove calls: method, calendar, event id, options. */
  calendarLog: {
    method: "insert" | "patch" | "remove";
    calendarId: string;
    id: string;
    args: Record<string, unknown>;
  }[];
  /** The events of a calendar as stored (deleted ones have status "cancelled"). */
  calendarEvents(calendarId: string): CalendarEventRecord[];
  /** The owner deletes an event in Google Calendar. */
  deleteEventByHand(calendarId: string, eventId: string): void;
  /** The owner edits an event in Google Calendar (patch semantics). */
  editEventByHand(calendarId: string, eventId: string, patch: Record<string, unknown>): void;
  /**
   * Runs the installed trigger of a handler; `extra` adds to its event (an edit: range as
   * {sheet, a1}, value, oldValue, user as an address or "" when Sheets cannot tell).
   */
  runTrigger(handler: string, invoke: (event: unknown) => unknown, extra?: EditEventInput): unknown;
  /** Whether a user could type into a cell, given the sheet's protected ranges. */
  canEdit(sheet: string, a1: string, email: string): boolean;
  runSimpleTrigger(authMode: AuthModeName, invoke: (event: unknown) => unknown): unknown;
}

/** What an edit event adds to a trigger's event, as a test gives it. */
export interface EditEventInput {
  readonly range?: { readonly sheet: string; readonly a1: string };
  readonly value?: unknown;
  readonly oldValue?: unknown;
  readonly user?: string;
}

export interface LoadOptions {
  /** Default: dist/Code.js. */
  readonly bundlePath?: string;
  /** The bundle's source instead of a file (tests of the fakes). */
  readonly bundleCode?: string;
  /** State to start from (__fake.reset). */
  readonly seed?: ResetOptions;
  /** Load the bundle afresh before every call, as Apps Script does (default true). */
  readonly freshPerCall?: boolean;
}

export interface GasHandle {
  readonly context: vm.Context;
  readonly fake: FakeControl;
  /** Runs a top-level function as a menu click or google.script.run does; arguments are copied into the sandbox. */
  call(name: string, ...args: unknown[]): unknown;
  /** Names of the top-level functions the bundle defines, sorted. */
  functions(): string[];
  /** Runs the handler of an installed trigger with its event object (clock triggers: no UI). */
  fireTrigger(handler: string, extra?: EditEventInput): unknown;
  /**
   * Types a value into a cell as a user would (the fakes do not check protection here: see
   * fake.canEdit), then fires the installed edit trigger with the edit's event.
   */
  fireEdit(sheet: string, a1: string, value: string, user: string): unknown;
  /** Opens the spreadsheet: runs onOpen(e) as the simple trigger does, in an authorisation mode (default LIMITED). */
  open(authMode?: AuthModeName): unknown;
  /** Evaluates code in the sandbox (for assertions on sandbox objects). */
  evaluate(code: string): unknown;
}

const servicesScripts = new Map<string, vm.Script>();

function servicesScript(): vm.Script {
  let script = servicesScripts.get(SERVICES_FILE);
  if (!script) {
    script = new vm.Script(fs.readFileSync(SERVICES_FILE, "utf8"), { filename: "fakes/services.js" });
    servicesScripts.set(SERVICES_FILE, script);
  }
  return script;
}

/** HTML files of dist/ (the pages the build inlines), by name without ".html". */
function projectHtmlFiles(bundlePath: string): Record<string, string> {
  const dir = path.dirname(bundlePath);
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const file of fs.readdirSync(dir)) {
    if (file.endsWith(".html")) out[file.slice(0, -5)] = fs.readFileSync(path.join(dir, file), "utf8");
  }
  return out;
}

function manifestTimeZone(bundlePath: string): string | undefined {
  for (const file of [
    path.join(path.dirname(bundlePath), "appsscript.json"),
    path.join(ROOT, "appsscript.json"),
  ]) {
    if (!fs.existsSync(file)) continue;
    try {
      const zone = (JSON.parse(fs.readFileSync(file, "utf8")) as { timeZone?: unknown }).timeZone;
      if (typeof zone === "string") return zone;
    } catch {
      // an unreadable manifest: the default zone applies
    }
  }
  return undefined;
}

/** Creates a fresh sandbox with the fakes and the bundle loaded. */
export function loadBundle(options: LoadOptions = {}): GasHandle {
  const bundlePath = options.bundlePath ?? DEFAULT_BUNDLE;
  let code = options.bundleCode;
  if (code === undefined) {
    if (!fs.existsSync(bundlePath)) {
      throw new Error(`${path.relative(ROOT, bundlePath)} is missing: run npm run build first`);
    }
    code = fs.readFileSync(bundlePath, "utf8");
  }
  const bundle = new vm.Script(code, {
    filename: options.bundleCode === undefined ? path.basename(bundlePath) : "bundle.js",
  });

  const context = vm.createContext({});
  const global = context as Record<string, unknown>;
  for (const name of FORBIDDEN_GLOBALS) {
    if (name in global) delete global[name];
  }
  servicesScript().runInContext(context);
  const fake = global.__fake as FakeControl;
  fake.setProject({ htmlFiles: projectHtmlFiles(bundlePath), timeZone: manifestTimeZone(bundlePath) });
  fake.reset(options.seed ?? {});

  const before = new Set(Object.getOwnPropertyNames(global));
  bundle.runInContext(context, { timeout: 30_000 });
  const defined = Object.getOwnPropertyNames(global)
    .filter((name) => !before.has(name) && typeof global[name] === "function")
    .sort();
  const fresh = options.freshPerCall ?? true;

  const lookup = (name: string): ((...args: unknown[]) => unknown) => {
    if (!defined.includes(name) || typeof global[name] !== "function") {
      throw new Error(`Script function not found: ${name}`);
    }
    if (fresh) bundle.runInContext(context, { timeout: 30_000 });
    return global[name] as (...args: unknown[]) => unknown;
  };

  return {
    context,
    fake,
    call(name: string, ...args: unknown[]): unknown {
      const fn = lookup(name);
      return fn(...args.map((a) => fake.importValue(a)));
    },
    functions(): string[] {
      return [...defined];
    },
    fireTrigger(handler: string, extra?: EditEventInput): unknown {
      if (!fake.triggers.some((t) => t.handler === handler)) {
        throw new Error(
          `No installed trigger runs ${handler} (installed: ${fake.triggers.map((t) => t.handler).join(", ") || "none"})`,
        );
      }
      const fn = lookup(handler);
      return fake.runTrigger(handler, (event) => fn(event), extra);
    },
    fireEdit(sheet: string, a1: string, value: string, user: string): unknown {
      const edit = fake.triggers.find((t) => t.eventType === "ON_EDIT");
      if (edit === undefined) throw new Error("No installed edit trigger");
      const get = `SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${JSON.stringify(sheet)}).getRange(${JSON.stringify(a1)})`;
      const oldValue = vm.runInContext(`${get}.getValue()`, context) as unknown;
      vm.runInContext(`${get}.setValue(${JSON.stringify(value)})`, context);
      const fn = lookup(edit.handler);
      return fake.runTrigger(edit.handler, (event) => fn(event), {
        range: { sheet, a1 },
        value,
        oldValue,
        user,
      });
    },
    open(authMode: AuthModeName = "LIMITED"): unknown {
      const fn = lookup("onOpen");
      return fake.runSimpleTrigger(authMode, (event) => fn(event));
    },
    evaluate(source: string): unknown {
      return vm.runInContext(source, context);
    },
  };
}
