/**
 * The public-holiday preset (`contact.holidayPreset`, core/holidayPresets.ts) where the workbook
 * meets it: the data issue Check data gives for a year the preset does not cover, located on the
 * setting's row of the Settings sheet, and the read-only list of the preset's days the Settings
 * sidebar shows next to the workbook's own holidays.
 */
import { horizonDays } from "../core/contactSchedule";
import { calendarOf } from "../core/contacts";
import { parseIsoDate } from "../core/dates";
import { presetYears, yearsWithoutPreset, type HolidayPreset } from "../core/holidayPresets";
import { listOf, msg, t, type Language, type MessageKey } from "../i18n";
import { formatDateInOrder, isBlank, type DateOrder } from "../workbook/cells";
import type { DataIssue } from "../workbook/issues";
import { sheetName } from "../workbook/schema";
import { findSetting } from "../workbook/settings";
import { contactRules } from "./contacts";
import type { Run } from "./run";

export const PRESET_KEY = "contact.holidayPreset";

/**
 * One issue per year that the as-of date or the plan's horizon (`contact.planDays` working days
 * from the as-of date) falls in and the preset does not cover; none when the preset is off.
 */
export function presetYearIssues(run: Run): DataIssue[] {
  const preset = run.settings[PRESET_KEY];
  if (preset === "none") return [];
  const horizon = horizonDays(
    run.asOf,
    run.settings["contact.planDays"],
    calendarOf(contactRules(run.settings)),
  );
  const missing = yearsWithoutPreset(preset, run.asOf, horizon[horizon.length - 1]);
  if (missing.length === 0) return [];
  const place = settingPlace(run);
  const years = listOf(
    run.language,
    presetYears(preset).map((y) => String(y.year)),
  );
  return missing.map((year) => ({
    action: run.action,
    ...place,
    value: preset,
    problem: msg("issue.holidayPresetYear", { year, setting: PRESET_KEY, years }),
  }));
}

/** The preset's cell in the Settings sheet: its row and the Value column, when this run read the sheet. */
function settingPlace(run: Run): Pick<DataIssue, "sheet" | "row" | "column"> {
  const table = run.settingsTable;
  const sheet = run.sheets.get("settings") ?? sheetName("settings", run.language);
  const keyAt = table?.header.index.get("key");
  if (table === undefined || keyAt === undefined) return { sheet, row: null, column: null };
  for (let r = 1; r < table.values.length; r++) {
    const cell = table.values[r][keyAt];
    if (!isBlank(cell) && findSetting(String(cell))?.key === PRESET_KEY)
      return { sheet, row: r + 1, column: table.header.text.get("value") ?? null };
  }
  return { sheet, row: null, column: null };
}

/** One holiday of the preset as the sidebar lists it, dates in the workbook's date order. */
export interface PresetDayRow {
  readonly name: string;
  /** First and last day off, the year written once: `2026-10-01` and `10-07`; `to` "" for one day. */
  readonly from: string;
  readonly to: string;
  /** The make-up working days the notice names with the holiday (may be none). */
  readonly makeUp: readonly string[];
}

/** The preset's days for the Settings sidebar, year by year with the notice each comes from. */
export interface PresetView {
  /** The setting's value the list belongs to (the page shows it only while that is chosen). */
  readonly preset: Exclude<HolidayPreset, "none">;
  readonly title: string;
  /** `调休上班：` before the make-up days, and what separates them. */
  readonly makeUpLabel: string;
  readonly separator: string;
  readonly covers: string;
  readonly years: readonly {
    readonly year: number;
    readonly notice: string;
    readonly rows: readonly PresetDayRow[];
  }[];
}

export function presetView(language: Language, dateOrder: DateOrder): PresetView {
  const years = presetYears("CN");
  const separator = language === "en" ? ", " : "、";
  return {
    preset: "CN",
    title: t(language, "preset.title"),
    makeUpLabel: t(language, "preset.makeUp"),
    separator,
    covers: t(language, "preset.covers", { years: years.map((y) => y.year).join(separator) }),
    years: years.map((year) => ({
      year: year.year,
      notice: t(language, "preset.notice", { ...year.notice }),
      rows: year.holidays.map((item) => ({
        name: language === "en" ? t(language, `holiday.${item.holiday}` as MessageKey) : item.name,
        ...rangeText(item.from, item.to, dateOrder),
        makeUp: item.makeUpDays.map((d) => dateText(d, dateOrder)),
      })),
    })),
  };
}

function dateText(isoText: string, order: DateOrder): string {
  return formatDateInOrder(parseIsoDate(isoText) as number, order);
}

/** `2026-10-01` – `10-07`, `01/10` – `07/10/2026`: the year written once. */
function rangeText(from: string, to: string, order: DateOrder): { from: string; to: string } {
  const first = dateText(from, order);
  if (from === to) return { from: first, to: "" };
  const last = dateText(to, order);
  return order === "YMD" ? { from: first, to: last.slice(5) } : { from: first.slice(0, 5), to: last };
}
