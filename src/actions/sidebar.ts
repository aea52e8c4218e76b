/**
 * The Settings sidebar's server side: the form (every key of the Settings sheet, in task
 * sections, with its label, help, default, current value as a manager reads it — see
 * settingsFields.ts — and whether that value is valid) and the save (every changed value
 * converted back to what the sheet stores, validated with the same zod schemas the actions
 * read Settings with — validateSettingText of workbook/settings.ts — and written to the
 * Settings sheet in one write; an invalid value is reported next to its field and nothing is
 * saved). The page itself carries no validation library: the server is the validator. Also the
 * page text both sidebars get from the server, in the workbook language only.
 */
import * as z from "zod/mini";
import { formatIsoDate } from "../core/dates";
import { t, type Language, type MessageKey } from "../i18n";
import { settings as settingsMessages } from "../i18n/settings";
import { sidebar as sidebarMessages } from "../i18n/sidebar";
import type { Cell, Env } from "../ports";
import { isBlank, parseAmount, type DateOrder } from "../workbook/cells";
import { TIERS, type Tier } from "../workbook/codes";
import { type HeaderMap } from "../workbook/read";
import { PRESET_KEY, presetView, type PresetView } from "./holidayPreset";
import { readWorkbookSettings } from "./run";
import { headerName, sheetName, TABLES } from "../workbook/schema";
import { trimAll } from "../workbook/names";
import { SETTING_DEFS, findSetting, validateSettingText, type SettingDef } from "../workbook/settings";
import { writeCells } from "../workbook/write";
import {
  SECTIONS,
  SECTION_OF_GROUP,
  displayOf,
  kindOf,
  labelOf,
  optionsOf,
  sameStored,
  storedOf,
  unitOf,
  type FieldContext,
  type FieldKind,
  type HolidayRow,
  type SectionId,
  type SelectOption,
} from "./settingsFields";

// ---------------------------------------------------------------------------------------
// Page text

/**
 * Keys of the strings the pages show. The server sends them rendered in the workbook language
 * only, so a page carries no dictionary of its own.
 */
export type PageTextKey = Extract<
  keyof (typeof sidebarMessages)["zh"] | keyof (typeof settingsMessages)["zh"],
  `sidebar.${string}`
>;
export type PageText = Readonly<Record<PageTextKey, string>>;

const PAGE_TEXT_KEYS = [...Object.keys(sidebarMessages.zh), ...Object.keys(settingsMessages.zh)].filter(
  (key) => key.startsWith("sidebar."),
) as PageTextKey[];

export function pageText(language: Language): PageText {
  const out = {} as Record<PageTextKey, string>;
  for (const key of PAGE_TEXT_KEYS) out[key] = t(language, key as MessageKey);
  return out;
}

// ---------------------------------------------------------------------------------------
// The form

export type { FieldKind, HolidayRow, SectionId, SelectOption } from "./settingsFields";

export interface SettingField {
  readonly key: string;
  readonly section: SectionId;
  readonly kind: FieldKind;
  /** Short label and a sentence of help, in the workbook language. */
  readonly label: string;
  readonly help: string;
  /** The default as the form shows it ("" when the default is blank). */
  readonly defaultText: string;
  /** The value as the form shows it: `¥1,000,000`, `10` (percent), `Mon,Tue`, `1,4,7,10`. */
  readonly value: string;
  /** The holiday list's rows (date in the workbook's date order, name); null for other kinds. */
  readonly holidays: readonly HolidayRow[] | null;
  /** Why the current value is invalid (the actions then use the default), or null. */
  readonly error: string | null;
  /** Choices of a drop-down or of a row of check boxes; null otherwise. */
  readonly options: readonly SelectOption[] | null;
  /** What stands beside the field: `%`, `天`, `×`, or the currency symbol of an amount. */
  readonly unit: string | null;
  /** The tier of a contact cadence key (`contact.A.channel` → A), else null. */
  readonly cadenceTier: Tier | null;
  /** The public-holiday preset's days, read-only, on the preset's field only. */
  readonly preset?: PresetView;
}

export interface SettingsGroupView {
  readonly id: SectionId;
  readonly title: string;
  readonly fields: readonly SettingField[];
}

export interface SettingsForm {
  readonly language: Language;
  readonly text: PageText;
  /** False when the workbook has no Settings sheet yet (saving creates it). */
  readonly hasSheet: boolean;
  /** How dates are typed in this workbook (the `dateOrder` setting) and the hint that says so. */
  readonly dateOrder: DateOrder;
  readonly dateHint: string;
  readonly groups: readonly SettingsGroupView[];
}

/** A settings cell as the text the form shows. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return formatIsoDate(cell.date);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return typeof cell === "string" ? trimAll(cell) : String(cell);
}

function validate(key: string, text: string, language: Language, dateOrder: DateOrder): string | null {
  if (text === "") return null; // blank: the default applies
  const result = validateSettingText(key, text, language, dateOrder);
  return result.ok ? null : result.message;
}

/** The settings as the sheet has them: key → cell text (keys not in the sheet are absent). */
interface SheetSettings {
  readonly sheet: string | null;
  readonly language: Language;
  readonly dateOrder: DateOrder;
  readonly values: Cell[][];
  readonly header: HeaderMap;
  /** Setting key → 0-based row index of its first row. */
  readonly rowOf: ReadonlyMap<string, number>;
  readonly text: ReadonlyMap<string, string>;
}

function readSheetSettings(env: Env): SheetSettings {
  const read = readWorkbookSettings(env.workbook, env.defaultTimeZone, "sidebar");
  const rowOf = new Map<string, number>();
  const text = new Map<string, string>();
  const keyAt = read.header.index.get("key");
  const valueAt = read.header.index.get("value");
  if (keyAt !== undefined && valueAt !== undefined) {
    for (let r = 1; r < read.values.length; r++) {
      const keyCell = read.values[r][keyAt];
      if (isBlank(keyCell)) continue;
      const def = findSetting(String(keyCell));
      if (!def || rowOf.has(def.key)) continue;
      rowOf.set(def.key, r);
      text.set(def.key, cellText(read.values[r][valueAt]));
    }
  }
  return {
    sheet: read.sheet,
    language: read.settings.language,
    dateOrder: read.settings.dateOrder,
    values: read.values,
    header: read.header,
    rowOf,
    text,
  };
}

/** What the form's conversions need, from the values the form is built on. */
function contextOf(textOf: (key: string) => string, language: Language, dateOrder: DateOrder): FieldContext {
  const currency = (findSetting("currency") as SettingDef).read(textOf("currency") || "CNY", { dateOrder });
  return { language, dateOrder, currency: currency.ok ? (currency.value as string) : "CNY" };
}

/** Every setting's key in the order of its section; a key no section lists goes last into its topic's section. */
function sectionKeys(): Map<SectionId, SettingDef[]> {
  const out = new Map<SectionId, SettingDef[]>(SECTIONS.map((section) => [section.id, []]));
  const listed = new Set<string>();
  for (const section of SECTIONS) {
    for (const key of section.keys) {
      const def = findSetting(key);
      if (def === undefined) continue;
      (out.get(section.id) as SettingDef[]).push(def);
      listed.add(def.key);
    }
  }
  for (const d of SETTING_DEFS) {
    const def = d as SettingDef;
    if (!listed.has(def.key)) (out.get(SECTION_OF_GROUP[def.group]) as SettingDef[]).push(def);
  }
  return out;
}

function fieldOf(
  def: SettingDef,
  section: SectionId,
  stored: string,
  defaultText: string,
  ctx: FieldContext,
): SettingField {
  const cadence = /^contact\.([ABC])\./.exec(def.key);
  const kind = kindOf(def.key);
  // A choice left blank shows its default chosen (blank means the default); text fields show
  // the default as their placeholder instead.
  const choice = kind === "select" || kind === "weekdays" || kind === "months";
  const shown = displayOf(def, stored === "" && choice ? defaultText : stored, ctx);
  return {
    key: def.key,
    section,
    kind,
    ...labelOf(def, ctx.language),
    defaultText: displayOf(def, defaultText, ctx).value,
    value: shown.value,
    holidays: shown.holidays,
    error: validate(def.key, stored, ctx.language, ctx.dateOrder),
    options: optionsOf(def.key, ctx.language),
    unit: unitOf(def.key, kind, ctx),
    cadenceTier: cadence ? TIERS.match(cadence[1]) : null,
    ...(def.key === PRESET_KEY ? { preset: presetView(ctx.language, ctx.dateOrder) } : {}),
  };
}

function buildForm(
  language: Language,
  hasSheet: boolean,
  textOf: (key: string) => string,
  dateOrder: DateOrder,
  defaultTimeZone: string,
): SettingsForm {
  const ctx = contextOf(textOf, language, dateOrder);
  const groups = [...sectionKeys()].map(([section, defs]) => ({
    id: section,
    title: t(language, `sidebar.section.${section}`),
    // The time zone defaults to the spreadsheet's own (Set up writes it).
    fields: defs.map((def) =>
      fieldOf(def, section, textOf(def.key), def.key === "timeZone" ? defaultTimeZone : def.defaultText, ctx),
    ),
  }));
  return {
    language,
    text: pageText(language),
    hasSheet,
    dateOrder,
    dateHint: t(language, `sidebar.dateHint.${dateOrder}`),
    groups: groups.filter((group) => group.fields.length > 0),
  };
}

/** The Settings sidebar's form: one read of the Settings sheet. */
export function settingsForm(env: Env): SettingsForm {
  const current = readSheetSettings(env);
  return buildForm(
    current.language,
    current.sheet !== null,
    (key) => current.text.get(key) ?? "",
    current.dateOrder,
    env.defaultTimeZone,
  );
}

// ---------------------------------------------------------------------------------------
// Saving

export type SaveSettingsResult =
  | { readonly ok: true; readonly saved: readonly string[]; readonly form: SettingsForm }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>>; readonly message: string };

const SubmittedSettings = z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(5000)));

/** Text that is a plain number is written as a number; everything else as literal text. */
function cellOfText(text: string): Cell {
  return /^\d{1,15}(\.\d{1,10})?$/.test(text) && !/^0\d/.test(text) ? Number(text) : text;
}

/**
 * Saves the values the page sent (key → text as the form shows it, usually only the changed
 * ones): each is converted to what the sheet stores (¥1,500,000 → 1500000, 12 % → 0.12, holiday
 * dates → ISO), validated with the actions' own schemas, and the values that differ from the
 * sheet are written in one write. Nothing is written when any value is invalid.
 */
export function saveSettings(env: Env, submitted: unknown): SaveSettingsResult {
  const current = readSheetSettings(env);
  const language = current.language;
  const shape = SubmittedSettings.safeParse(submitted);
  if (!shape.success) {
    return { ok: false, errors: {}, message: t(language, "sidebar.log.badInput") };
  }
  const unknown = Object.keys(shape.data).filter((key) => findSetting(key)?.key !== key);
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: {},
      message: t(language, "sidebar.settings.unknownKeys", { keys: unknown.slice(0, 5).join(", ") }),
    };
  }
  const storedNow = (key: string): string => current.text.get(key) ?? "";
  const ctx = contextOf(storedNow, language, current.dateOrder);
  const changed = new Map<string, string>();
  for (const [key, shown] of Object.entries(shape.data)) {
    const def = findSetting(key) as SettingDef;
    const stored = storedOf(def, shown, ctx);
    // A blank value means the default: a choice shown at its default is no change.
    const orDefault = (text: string) =>
      text === "" ? (key === "timeZone" ? env.defaultTimeZone : def.defaultText) : text;
    if (!sameStored(def, orDefault(stored), orDefault(storedNow(key)), current.dateOrder))
      changed.set(key, stored);
  }
  const errors = problemsOf(changed, storedNow, current.dateOrder, language);
  const count = Object.keys(errors).length;
  if (count > 0) {
    return { ok: false, errors, message: t(language, "sidebar.settings.fixErrors", { count }) };
  }
  if (changed.size > 0) writeSettings(env, current, changed);
  return { ok: true, saved: [...changed.keys()], form: settingsFormFrom(env, current, changed) };
}

/** The problems of the values to be written, by key: each value's schema, then the thresholds' order. */
function problemsOf(
  changed: ReadonlyMap<string, string>,
  storedNow: (key: string) => string,
  currentOrder: DateOrder,
  language: Language,
): Record<string, string> {
  const after = (key: string): string => changed.get(key) ?? storedNow(key);
  // dateOrder first: the holidays are read with the order being saved.
  const dateOrder = dateOrderOf(after("dateOrder"), currentOrder);
  const errors: Record<string, string> = {};
  for (const [key, text] of changed) {
    const problem = validate(key, text, language, dateOrder);
    if (problem !== null) errors[key] = problem;
  }
  if (changed.has("dateOrder") && !errors["contact.holidays"]) {
    const problem = validate("contact.holidays", after("contact.holidays"), language, dateOrder);
    if (problem !== null) errors["contact.holidays"] = problem;
  }
  const threshold = (key: string): number | null => {
    const text = after(key);
    const parsed = parseAmount(text === "" ? (findSetting(key) as SettingDef).defaultText : text);
    return parsed.ok ? parsed.value : null;
  };
  const high = threshold("tier.highThreshold");
  const medium = threshold("tier.mediumThreshold");
  if (high !== null && medium !== null && medium > high && !errors["tier.mediumThreshold"]) {
    errors["tier.mediumThreshold"] = t(language, "sidebar.settings.thresholdOrder");
  }
  return errors;
}

function settingsFormFrom(
  env: Env,
  current: SheetSettings,
  changed: ReadonlyMap<string, string>,
): SettingsForm {
  const created = current.sheet === null && changed.size > 0;
  const textOf = (key: string) =>
    changed.get(key) ??
    (created ? createdText(env, findSetting(key) as SettingDef) : (current.text.get(key) ?? ""));
  return buildForm(
    languageOf(textOf("language"), current.language),
    current.sheet !== null || changed.size > 0,
    textOf,
    dateOrderOf(textOf("dateOrder"), current.dateOrder),
    env.defaultTimeZone,
  );
}

/** The value a new Settings sheet gets for a key nobody changed: its default, as Set up writes it. */
function createdText(env: Env, def: SettingDef): string {
  return def.key === "timeZone" ? env.defaultTimeZone : def.defaultText;
}

/** The language a Language value stands for (blank: the default), or the fallback when it is invalid. */
function languageOf(text: string, fallback: Language): Language {
  if (text === "") return "zh-CN";
  const parsed = (findSetting("language") as SettingDef).read(text, { dateOrder: "YMD" });
  return parsed.ok ? (parsed.value as Language) : fallback;
}

function dateOrderOf(text: string, fallback: DateOrder): DateOrder {
  if (text === "") return "YMD";
  const parsed = (findSetting("dateOrder") as SettingDef).read(text, { dateOrder: "YMD" });
  return parsed.ok ? (parsed.value as DateOrder) : fallback;
}

/**
 * One write: existing keys get their Value cell, missing keys a new row (key, value,
 * description) below the table; the block spans only the rows and columns that change, and
 * any cell inside it that does not change is written back as read. Without a Settings sheet,
 * the sheet is created with every key (one call).
 */
function writeSettings(env: Env, current: SheetSettings, changed: ReadonlyMap<string, string>): void {
  const port = env.workbook;
  const languageText = changed.get("language");
  const language = languageText === undefined ? current.language : languageOf(languageText, current.language);
  const description = (def: SettingDef) => def.description[language === "en" ? "en" : "zh"];

  if (current.sheet === null) {
    const header = TABLES.settings.columns.map((c) => headerName(c, language));
    const rows: Cell[][] = SETTING_DEFS.map((d) => {
      const def = d as SettingDef;
      const text = changed.get(def.key) ?? createdText(env, def);
      return [def.key, cellOfText(text), description(def)];
    });
    port.replaceSheet(sheetName("settings", language), [header, ...rows], {
      frozenRows: 1,
      boldHeaderColumns: header.length,
    });
    return;
  }

  const keyAt = current.header.index.get("key") as number;
  const valueAt = current.header.index.get("value") as number;
  const descAt = current.header.index.get("description");
  const cells = new Map<string, Cell>(); // "row:column" (0-based) → new value
  let nextRow = Math.max(current.values.length, 1);
  for (const [key, text] of changed) {
    const row = current.rowOf.get(key);
    if (row !== undefined) {
      cells.set(`${row}:${valueAt}`, cellOfText(text));
      continue;
    }
    cells.set(`${nextRow}:${keyAt}`, key);
    cells.set(`${nextRow}:${valueAt}`, cellOfText(text));
    if (descAt !== undefined) cells.set(`${nextRow}:${descAt}`, description(findSetting(key) as SettingDef));
    nextRow++;
  }
  writeCells(port, current.sheet, current.values, cells);
}

// ---------------------------------------------------------------------------------------
// First data in the page

/** The id of the element a page reads its first data from (see pageWithData). */
export const PAGE_DATA_ID = "page-data";

/**
 * The built page with `data` put into it as JSON in a non-executed script element, so the page
 * needs no round trip to the server before it shows. `<`, U+2028 and U+2029 are escaped, so no
 * text of the workbook can end the element or run as script.
 */
export function pageWithData(html: string, data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  const element = `<script type="application/json" id="${PAGE_DATA_ID}">${json}</script>`;
  const at = html.indexOf("</head>");
  return at < 0 ? element + html : html.slice(0, at) + element + html.slice(at);
}
