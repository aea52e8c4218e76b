/**
 * China's working calendar (法定节假日与调休) as the State Council General Office publishes it
 * each year in its notice on the arrangement of public holidays (国务院办公厅关于某年部分节假日
 * 安排的通知): the statutory holidays (days off, named) and the make-up working days (调休上班,
 * a Saturday or Sunday that is worked). Only years whose notice has been checked are listed;
 * a year that is not listed has no preset, and the contact plan falls back to the weekdays and
 * holidays of Settings for it (Check data names such a year).
 *
 * Adding a year: copy the dates of that year's notice (title, document number, date of issue,
 * address on www.gov.cn) into one more entry of CN_YEARS; test/core/holidayPresets.test.ts checks
 * that every holiday is inside its year, that no day is listed twice and that every make-up day
 * is a weekend.
 */
import { addDays, dateParts, parseIsoDate, weekday, type CalDate } from "./dates";

/** The Settings value: no preset, or China's. */
export type HolidayPreset = "none" | "CN";
export const HOLIDAY_PRESETS: readonly HolidayPreset[] = ["none", "CN"];

/** The seven statutory holidays of the notices (全体公民放假的节日). */
export type StatutoryHoliday =
  "newYear" | "springFestival" | "qingming" | "labourDay" | "dragonBoat" | "midAutumn" | "nationalDay";

/** The notice a year's dates come from. */
export interface PresetNotice {
  readonly title: string;
  /** The document number (文号). */
  readonly number: string;
  /** Date of issue, `YYYY-MM-DD`. */
  readonly issued: string;
  readonly url: string;
}

/** One item of a notice: the days off of a holiday and the weekend days worked for it. */
export interface PresetHoliday {
  readonly holiday: StatutoryHoliday;
  /** The holiday's name as the notice writes it. */
  readonly name: string;
  /** First and last day off, `YYYY-MM-DD`, both included. */
  readonly from: string;
  readonly to: string;
  /** Make-up working days (调休上班) the notice names with this holiday. */
  readonly makeUpDays: readonly string[];
}

export interface PresetYear {
  readonly year: number;
  readonly notice: PresetNotice;
  readonly holidays: readonly PresetHoliday[];
}

const day = (
  holiday: StatutoryHoliday,
  name: string,
  from: string,
  to: string,
  makeUpDays: readonly string[] = [],
): PresetHoliday => ({ holiday, name, from, to, makeUpDays });

/**
 * China's years, from the notices of the State Council General Office. The notice for 2027 was
 * not available to check when this list was last updated: 2027 has no preset yet.
 */
export const CN_YEARS: readonly PresetYear[] = [
  {
    year: 2026,
    notice: {
      title: "国务院办公厅关于2026年部分节假日安排的通知",
      number: "国办发明电〔2025〕7号",
      issued: "2025-11-04",
      url: "https://www.gov.cn/zhengce/content/202511/content_7047090.htm",
    },
    holidays: [
      day("newYear", "元旦", "2026-01-01", "2026-01-03", ["2026-01-04"]),
      day("springFestival", "春节", "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
      day("qingming", "清明节", "2026-04-04", "2026-04-06"),
      day("labourDay", "劳动节", "2026-05-01", "2026-05-05", ["2026-05-09"]),
      day("dragonBoat", "端午节", "2026-06-19", "2026-06-21"),
      day("midAutumn", "中秋节", "2026-09-25", "2026-09-27"),
      day("nationalDay", "国庆节", "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]),
    ],
  },
];

/** The years of a preset, oldest first (none for `none`). */
export function presetYears(preset: HolidayPreset): readonly PresetYear[] {
  return preset === "CN" ? CN_YEARS : [];
}

/** A day of a preset: its date and the holiday it belongs to. */
export interface PresetDay {
  readonly date: CalDate;
  readonly holiday: StatutoryHoliday;
  readonly name: string;
}

/** A preset as dates: every day off, every make-up working day, and the years it covers. */
export interface PresetDays {
  readonly holidays: readonly PresetDay[];
  readonly makeUpDays: readonly PresetDay[];
  readonly years: readonly number[];
}

function isoDay(text: string): CalDate {
  const date = parseIsoDate(text);
  if (date === null) throw new Error(`Not a date in the holiday preset: ${text}`);
  return date;
}

/** The preset's days, each range of a holiday written out day by day. */
export function presetDays(preset: HolidayPreset): PresetDays {
  const holidays: PresetDay[] = [];
  const makeUpDays: PresetDay[] = [];
  const years = presetYears(preset);
  for (const year of years) {
    for (const item of year.holidays) {
      const last = isoDay(item.to);
      for (let date = isoDay(item.from); date <= last; date = addDays(date, 1))
        holidays.push({ date, holiday: item.holiday, name: item.name });
      for (const text of item.makeUpDays)
        makeUpDays.push({ date: isoDay(text), holiday: item.holiday, name: item.name });
    }
  }
  return { holidays, makeUpDays, years: years.map((y) => y.year) };
}

/**
 * The days off and make-up working days of the contact rules: the workbook's own holidays with
 * the preset's days off added (a day of both is simply a holiday), and the preset's make-up days.
 */
export function withPreset(
  ownHolidays: readonly CalDate[],
  preset: HolidayPreset,
): { holidays: CalDate[]; makeUpDays: CalDate[] } {
  const days = presetDays(preset);
  return {
    holidays: [...ownHolidays, ...days.holidays.map((d) => d.date)],
    makeUpDays: days.makeUpDays.map((d) => d.date),
  };
}

/**
 * The years from `from` to `to` (both included) that the preset does not cover, in order;
 * none when the preset is `none` (the setting is off, nothing is missing).
 */
export function yearsWithoutPreset(preset: HolidayPreset, from: CalDate, to: CalDate): number[] {
  if (preset === "none") return [];
  const covered = new Set(presetYears(preset).map((y) => y.year));
  const out: number[] = [];
  for (let year = dateParts(from).year; year <= dateParts(to).year; year++)
    if (!covered.has(year)) out.push(year);
  return out;
}

/** True for Saturday and Sunday. */
export function isWeekend(date: CalDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}
