/**
 * The Settings sidebar's server side: the form (every key of the Settings sheet, grouped by
 * topic, with its description, default, current value and whether that value is valid) and
 * the save (every changed value validated with the same zod schemas the actions read Settings
 * with — settingSchema / validateSettingText of workbook/settings.ts — and written to the
 * Settings sheet in one write; an invalid value is reported next to its field and nothing is
 * saved). Also the page text both sidebars get from the server, in the workbook language.
 */
import * as z from "zod";
import { formatIsoDate } from "../core/dates";
import { t, type Language, type MessageKey } from "../i18n";
import { sidebar as sidebarMessages } from "../i18n/sidebar";
import type { Cell, Env } from "../ports";
import { isBlank, parseAmount, type DateOrder } from "../workbook/cells";
import { CHANNELS, TIERS, type Tier } from "../workbook/codes";
import { locateSheets, readSettings, type HeaderMap } from "../workbook/read";
import { headerName, sheetName, TABLES } from "../workbook/schema";
import { trimAll } from "../workbook/names";
import {
  SETTING_DEFS,
  findSetting,
  validateSettingText,
  type SettingDef,
  type SettingsGroup,
} from "../workbook/settings";

// ---------------------------------------------------------------------------------------
// Page text

/** Keys of the strings the pages show; the server sends them rendered in the workbook language. */
export type PageTextKey = Extract<keyof (typeof sidebarMessages)["zh"], `sidebar.${string}`>;
export type PageText = Readonly<Record<PageTextKey, string>>;

const PAGE_TEXT_KEYS = Object.keys(sidebarMessages.zh).filter((key) =>
  key.startsWith("sidebar."),
) as PageTextKey[];

export function pageText(language: Language): PageText {
  const out = {} as Record<PageTextKey, string>;
  for (const key of PAGE_TEXT_KEYS) out[key] = t(language, key as MessageKey);
  return out;
}

// ---------------------------------------------------------------------------------------
// The form

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SettingField {
  readonly key: string;
  readonly group: SettingsGroup;
  /** The setting's description in the workbook language (the field's label). */
  readonly label: string;
  readonly defaultText: string;
  /** The value as the form shows it (the cell's text; a code in its stored form). */
  readonly value: string;
  /** Why the current value is invalid (the actions then use the default), or null. */
  readonly error: string | null;
  /** A drop-down for closed lists; free text otherwise. */
  readonly options: readonly SelectOption[] | null;
  /** The tier of a contact cadence key (`contact.A.channel` → A), else null. */
  readonly cadenceTier: Tier | null;
}

export interface SettingsGroupView {
  readonly id: SettingsGroup;
  readonly title: string;
  readonly fields: readonly SettingField[];
}

export interface SettingsForm {
  readonly language: Language;
  readonly text: PageText;
  /** False when the workbook has no Settings sheet yet (saving creates it). */
  readonly hasSheet: boolean;
  readonly groups: readonly SettingsGroupView[];
}

const GROUP_ORDER: readonly SettingsGroup[] = ["general", "tiers", "contact", "report"];
const GROUP_TITLE: Readonly<Record<SettingsGroup, MessageKey>> = {
  general: "sidebar.group.general",
  tiers: "sidebar.group.tiers",
  contact: "sidebar.group.contact",
  report: "sidebar.group.report",
};

function options(key: string, language: Language): SelectOption[] | null {
  if (key === "language") {
    return [
      { value: "zh-CN", label: "简体中文 (zh-CN)" },
      { value: "en", label: "English (en)" },
    ];
  }
  if (key === "dateOrder") {
    return [
      { value: "YMD", label: "YMD · 2026-10-05" },
      { value: "DMY", label: "DMY · 05/10/2026" },
      { value: "MDY", label: "MDY · 10/05/2026" },
    ];
  }
  if (/^contact\.[ABC]\.channel$/.test(key)) {
    return CHANNELS.values.map((code) => ({ value: code, label: CHANNELS.label(code, language) }));
  }
  return null;
}

/** A settings cell as the text the form shows. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return formatIsoDate(cell.date);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return typeof cell === "string" ? trimAll(cell) : String(cell);
}

/** The form's value of a setting: a closed list shows its stored code when the text is one of its spellings. */
function formValue(def: SettingDef, text: string, language: Language): string {
  if (text === "") return "";
  const list = options(def.key, language);
  if (list === null) return text;
  const parsed = def.read(text, { dateOrder: "YMD" });
  return parsed.ok && typeof parsed.value === "string" ? parsed.value : text;
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
  const sheets = locateSheets(env.workbook.sheetNames());
  const read = readSettings(
    env.workbook,
    sheets,
    { action: "sidebar", defaultTimeZone: env.defaultTimeZone },
    [],
  );
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

function buildForm(
  language: Language,
  hasSheet: boolean,
  textOf: (key: string) => string,
  dateOrder: DateOrder,
  defaultTimeZone: string,
): SettingsForm {
  const groups = GROUP_ORDER.map((group) => ({
    id: group,
    title: t(language, GROUP_TITLE[group]),
    fields: SETTING_DEFS.filter((d) => d.group === group).map((d): SettingField => {
      const def = d as SettingDef;
      const text = textOf(def.key);
      const cadence = /^contact\.([ABC])\./.exec(def.key);
      return {
        key: def.key,
        group,
        label: def.description[language === "en" ? "en" : "zh"],
        // The time zone defaults to the spreadsheet's own (Set up writes it).
        defaultText: def.key === "timeZone" ? defaultTimeZone : def.defaultText,
        value: formValue(def, text, language),
        error: validate(def.key, text, language, dateOrder),
        options: options(def.key, language),
        cadenceTier: cadence ? TIERS.match(cadence[1]) : null,
      };
    }),
  }));
  return { language, text: pageText(language), hasSheet, groups };
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

const SubmittedSettings = z.record(z.string().max(100), z.string().max(5000));

/** Text that is a plain number is written as a number; everything else as literal text. */
function cellOfText(text: string): Cell {
  return /^\d{1,15}(\.\d{1,10})?$/.test(text) && !/^0\d/.test(text) ? Number(text) : text;
}

/**
 * Validates the submitted values (key → text as typed) and writes the changed ones to the
 * Settings sheet in one write. Nothing is written when any value is invalid.
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
  const currentValue = (key: string): string =>
    formValue(findSetting(key) as SettingDef, current.text.get(key) ?? "", language);
  const changed = new Map<string, string>();
  for (const [key, raw] of Object.entries(shape.data)) {
    const text = trimAll(raw);
    if (text !== currentValue(key)) changed.set(key, text);
  }
  const after = (key: string): string => changed.get(key) ?? currentValue(key);

  // dateOrder first: the holidays are read with the order being saved.
  const dateOrder = dateOrderOf(after("dateOrder"), current.dateOrder);
  const errors: Record<string, string> = {};
  for (const [key, text] of changed) {
    const problem = validate(key, text, language, dateOrder);
    if (problem !== null) errors[key] = problem;
  }
  const holidays = after("contact.holidays");
  if (changed.has("dateOrder") && !errors["contact.holidays"]) {
    const problem = validate("contact.holidays", holidays, language, dateOrder);
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
  const count = Object.keys(errors).length;
  if (count > 0) {
    return { ok: false, errors, message: t(language, "sidebar.settings.fixErrors", { count }) };
  }
  if (changed.size > 0) writeSettings(env, current, changed);
  return { ok: true, saved: [...changed.keys()], form: settingsFormFrom(env, current, changed) };
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
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (const place of cells.keys()) {
    const [r, c] = place.split(":").map(Number);
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, c);
    right = Math.max(right, c);
  }
  const block: Cell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line: Cell[] = [];
    for (let c = left; c <= right; c++) {
      const place = `${r}:${c}`;
      line.push(cells.has(place) ? (cells.get(place) as Cell) : (current.values[r]?.[c] ?? null));
    }
    block.push(line);
  }
  port.writeBlock(current.sheet, top + 1, left + 1, block);
}
