/**
 * How the Settings sidebar shows each setting to a manager: the task section it belongs to
 * (report and digest e-mails first), its kind of control (money, percentage, weekdays, months,
 * a holiday list, a drop-down…), its label and help in the workbook language, and the two
 * conversions between what the Settings sheet stores and what the form shows: 1000000 ↔
 * `¥1,000,000`, 0.12 ↔ `12` (with a % beside the field), `Mon,Tue` ↔ ticked boxes,
 * `2026-10-01 国庆节` ↔ a row (date in the workbook's date order, name). The stored side is always
 * checked afterwards by the actions' own schemas (workbook/settings.ts).
 */
import { HOLIDAY_PRESETS } from "../core/holidayPresets";
import { formatMoney } from "../core/money";
import { t, type Language, type MessageKey } from "../i18n";
import { formatDateInOrder, parseAmount, parseFraction, splitList, type DateOrder } from "../workbook/cells";
import { CHANNELS } from "../workbook/codes";
import { trimAll } from "../workbook/names";
import { readHoliday, readHolidayList, type SettingDef, type SettingsGroup } from "../workbook/settings";

export type FieldKind =
  | "text"
  | "select"
  | "money"
  | "percent"
  | "integer"
  | "number"
  | "emails"
  | "weekdays"
  | "months"
  | "holidays";

export type SectionId = "mail" | "contact" | "tiers" | "approvals" | "contracts" | "general";

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** One row of the holiday list as the form shows it: the date in the workbook's date order. */
export interface HolidayRow {
  readonly date: string;
  readonly name: string;
}

/** What a conversion needs to know about the workbook. */
export interface FieldContext {
  readonly language: Language;
  readonly currency: string;
  readonly dateOrder: DateOrder;
}

/** The sections in the order the sidebar shows them, each with its keys in order. */
export const SECTIONS: readonly { readonly id: SectionId; readonly keys: readonly string[] }[] = [
  {
    id: "mail",
    keys: [
      "report.recipients",
      "report.dayOfMonth",
      "report.hour",
      "digest.hour",
      "collection.escalateTo",
      "digest.finance",
    ],
  },
  {
    id: "contact",
    keys: [
      "contact.A.channel",
      "contact.A.intervalDays",
      "contact.B.channel",
      "contact.B.intervalDays",
      "contact.C.channel",
      "contact.C.intervalDays",
      "contact.workingDays",
      "contact.holidayPreset",
      "contact.holidays",
      "contact.responseWindowDays",
      "contact.capacityPerDay",
      "contact.channelWeights",
      "contact.minGapDays",
      "contact.planDays",
      "calendar.owners",
      "calendar.visitTime",
      "calendar.visitMinutes",
      "templates.mode",
      "templates.perDay",
      "templates.detectReplies",
    ],
  },
  {
    id: "tiers",
    keys: [
      "tier.highThreshold",
      "tier.mediumThreshold",
      "tier.downgradeMargin",
      "tier.reviewMonths",
      "tier.risingGrowth",
      "tier.longTermYears",
      "tier.upliftShare",
      "tier.surgeDays",
      "tier.surgeFactor",
      "tier.review",
    ],
  },
  {
    id: "approvals",
    keys: [
      "approval.maxDiscount.A",
      "approval.maxDiscount.B",
      "approval.maxDiscount.C",
      "approval.maxPaymentDays.A",
      "approval.maxPaymentDays.B",
      "approval.maxPaymentDays.C",
      "approval.approver",
    ],
  },
  {
    id: "contracts",
    keys: [
      "renewal.noticeDays",
      "report.underperformShare",
      "pipeline.staleDays",
      "pipeline.staleDaysByStage",
    ],
  },
  { id: "general", keys: ["language", "currency", "timeZone", "dateOrder"] },
];

/** Where a setting not listed above goes (a setting added later still shows). */
export const SECTION_OF_GROUP: Readonly<Record<SettingsGroup, SectionId>> = {
  general: "general",
  tiers: "tiers",
  contact: "contact",
  report: "mail",
  approvals: "approvals",
};

const KINDS: Readonly<Record<string, FieldKind>> = {
  language: "select",
  dateOrder: "select",
  "contact.A.channel": "select",
  "contact.B.channel": "select",
  "contact.C.channel": "select",
  "report.dayOfMonth": "select",
  "report.hour": "select",
  "digest.hour": "select",
  "tier.highThreshold": "money",
  "tier.mediumThreshold": "money",
  "tier.downgradeMargin": "percent",
  "tier.risingGrowth": "percent",
  "tier.upliftShare": "percent",
  "report.underperformShare": "percent",
  "tier.longTermYears": "integer",
  "tier.surgeDays": "integer",
  "contact.A.intervalDays": "integer",
  "contact.B.intervalDays": "integer",
  "contact.C.intervalDays": "integer",
  "contact.responseWindowDays": "integer",
  "renewal.noticeDays": "integer",
  "tier.surgeFactor": "number",
  "tier.reviewMonths": "months",
  "contact.workingDays": "weekdays",
  "contact.holidays": "holidays",
  "contact.holidayPreset": "select",
  "report.recipients": "emails",
  "collection.escalateTo": "emails",
  "digest.finance": "emails",
  "contact.capacityPerDay": "integer",
  "contact.minGapDays": "integer",
  "contact.planDays": "integer",
  "tier.review": "select",
  "calendar.owners": "emails",
  "calendar.visitTime": "select",
  "calendar.visitMinutes": "integer",
  "templates.mode": "select",
  "templates.perDay": "integer",
  "templates.detectReplies": "select",
  "pipeline.staleDays": "integer",
  "approval.maxDiscount.A": "percent",
  "approval.maxDiscount.B": "percent",
  "approval.maxDiscount.C": "percent",
  "approval.maxPaymentDays.A": "integer",
  "approval.maxPaymentDays.B": "integer",
  "approval.maxPaymentDays.C": "integer",
  "approval.approver": "emails",
};

const UNITS: Readonly<Record<string, MessageKey>> = {
  "tier.longTermYears": "settingUnit.years",
  "tier.surgeFactor": "settingUnit.times",
  "contact.capacityPerDay": "settingUnit.points",
  "contact.planDays": "settingUnit.workingDays",
  "calendar.visitMinutes": "settingUnit.minutes",
  "templates.perDay": "settingUnit.messages",
  "approval.maxPaymentDays.A": "settingUnit.days",
  "approval.maxPaymentDays.B": "settingUnit.days",
  "approval.maxPaymentDays.C": "settingUnit.days",
};

export function kindOf(key: string): FieldKind {
  return KINDS[key] ?? "text";
}

/** The word or sign beside a field: `%`, `天`, `×`; for money the currency symbol. */
export function unitOf(key: string, kind: FieldKind, ctx: FieldContext): string | null {
  if (kind === "percent") return "%";
  if (kind === "money") return currencySymbol(ctx.currency);
  if (kind !== "integer" && kind !== "number") return null;
  const unit = UNITS[key];
  if (unit) return t(ctx.language, unit);
  return /days$/i.test(key) ? t(ctx.language, "settingUnit.days") : null;
}

function currencySymbol(currency: string): string {
  return formatMoney(0, currency).slice(0, -1);
}

/** Short label and help; a setting without its own strings uses its description. */
export function labelOf(def: SettingDef, language: Language): { label: string; help: string } {
  const description = def.description[language === "en" ? "en" : "zh"];
  const label = t(language, `settingLabel.${def.key}` as MessageKey);
  const help = t(language, `settingHelp.${def.key}` as MessageKey);
  return {
    label: label === `settingLabel.${def.key}` ? description : label,
    help: help === `settingHelp.${def.key}` ? "" : help,
  };
}

const WEEKDAY_CODES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
/** Monday first, as a Chinese (and ISO) week is shown. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function optionsOf(key: string, language: Language): SelectOption[] | null {
  if (key === "language") {
    return [
      { value: "zh-CN", label: "简体中文" },
      { value: "en", label: "English" },
    ];
  }
  if (key === "dateOrder") {
    return (["YMD", "DMY", "MDY"] as const).map((order) => ({
      value: order,
      label: t(language, `sidebar.dateHint.${order}`),
    }));
  }
  if (key === "tier.review" || key === "templates.detectReplies") {
    return [
      { value: "off", label: t(language, "settingOption.off") },
      { value: "on", label: t(language, "settingOption.on") },
    ];
  }
  if (key === "calendar.visitTime") {
    const slots = range(14, 40).map(
      (half) => `${String(Math.floor(half / 2)).padStart(2, "0")}:${half % 2 ? "30" : "00"}`,
    );
    return [
      { value: "", label: t(language, "settingOption.allDay") },
      ...slots.map((slot) => ({ value: slot, label: slot })),
    ];
  }
  if (key === "contact.holidayPreset") {
    return HOLIDAY_PRESETS.map((code) => ({
      value: code,
      label: t(language, `settingOption.holidayPreset.${code}`),
    }));
  }
  if (key === "templates.mode") {
    return [
      { value: "draft", label: t(language, "settingOption.draft") },
      { value: "send", label: t(language, "settingOption.send") },
    ];
  }
  if (/^contact\.[ABC]\.channel$/.test(key)) {
    return CHANNELS.values.map((code) => ({ value: code, label: CHANNELS.label(code, language) }));
  }
  if (key === "report.hour" || key === "digest.hour") {
    return range(0, 23).map((hour) => ({
      value: String(hour),
      label: t(language, "sidebar.hourOption", { hour: String(hour).padStart(2, "0") }),
    }));
  }
  if (key === "report.dayOfMonth") {
    return range(1, 28).map((day) => ({
      value: String(day),
      label: t(language, "sidebar.dayOption", { day }),
    }));
  }
  if (kindOf(key) === "weekdays") {
    return WEEK_ORDER.map((d) => ({
      value: WEEKDAY_CODES[d],
      label: t(language, `weekday.${d}` as MessageKey),
    }));
  }
  if (kindOf(key) === "months") {
    return range(1, 12).map((m) => ({
      value: String(m),
      label: t(language, `monthName.${m}` as MessageKey),
    }));
  }
  return null;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A fraction as the number of percent the field shows: 0.1 → `10`, 0.125 → `12.5`. */
function percentNumber(fraction: number): string {
  return String(Math.round(fraction * 1_000_000) / 10_000);
}

/** The stored text as the form shows it, and the holiday rows for a holiday list. */
export function displayOf(
  def: SettingDef,
  stored: string,
  ctx: FieldContext,
): { value: string; holidays: HolidayRow[] | null } {
  const kind = kindOf(def.key);
  if (kind === "holidays") return holidayDisplay(stored, ctx.dateOrder);
  if (stored === "") return { value: "", holidays: null };
  const parsed = def.read(stored, { dateOrder: ctx.dateOrder });
  if (!parsed.ok) return { value: stored, holidays: null };
  const value = parsed.value;
  switch (kind) {
    case "money":
      return { value: formatMoney(value as number, ctx.currency), holidays: null };
    case "percent":
      return { value: percentNumber(value as number), holidays: null };
    case "weekdays": {
      const days = value as number[];
      const codes = WEEK_ORDER.filter((d) => days.includes(d)).map((d) => WEEKDAY_CODES[d]);
      return { value: codes.join(","), holidays: null };
    }
    case "months":
      return { value: (value as number[]).join(","), holidays: null };
    case "select":
    case "integer":
    case "number":
      return {
        value: typeof value === "string" || typeof value === "number" ? String(value) : stored,
        holidays: null,
      };
    default:
      return { value: stored, holidays: null };
  }
}

function holidayDisplay(stored: string, order: DateOrder): { value: string; holidays: HolidayRow[] } {
  const rows = splitList(stored).map((entry): HolidayRow => {
    const parsed = readHoliday(entry, order);
    return parsed.ok
      ? { date: formatDateInOrder(parsed.value.date, order), name: parsed.value.name }
      : { date: entry, name: "" };
  });
  return { value: composeHolidays(rows), holidays: rows };
}

/** Holiday rows as one text (`date name, date`): what the page sends back. */
export function composeHolidays(rows: readonly HolidayRow[]): string {
  return rows
    .map((row) => trimAll(`${trimAll(row.date)} ${trimAll(row.name)}`))
    .filter((entry) => entry !== "")
    .join(", ");
}

/**
 * What the Settings sheet stores for a value as the form sent it: amounts as plain numbers,
 * percentages as fractions, holiday dates as ISO dates. Text that does not convert is returned
 * trimmed, for the schema to name the problem.
 */
export function storedOf(def: SettingDef, display: string, ctx: FieldContext): string {
  const text = trimAll(display);
  if (text === "") return "";
  switch (kindOf(def.key)) {
    case "money": {
      const symbol = currencySymbol(ctx.currency);
      const bare = text.startsWith(symbol) ? text.slice(symbol.length) : text;
      const parsed = parseAmount(trimAll(bare));
      return parsed.ok ? String(parsed.value / 100) : text;
    }
    case "percent": {
      const parsed = parseFraction(text.endsWith("%") ? text : `${text}%`);
      return parsed.ok ? String(parsed.value) : text;
    }
    case "holidays":
      return splitList(text)
        .map((entry) => {
          const parsed = readHoliday(entry, ctx.dateOrder);
          if (!parsed.ok) return entry;
          const iso = formatDateInOrder(parsed.value.date, "YMD");
          return parsed.value.name === "" ? iso : `${iso} ${parsed.value.name}`;
        })
        .join(", ");
    default:
      return text;
  }
}

/** True when two stored texts mean the same setting value (nothing to write). */
export function sameStored(def: SettingDef, a: string, b: string, dateOrder: DateOrder): boolean {
  if (a === b) return true;
  if (a === "" || b === "") return false;
  if (kindOf(def.key) === "holidays") {
    const x = readHolidayList(a, dateOrder);
    const y = readHolidayList(b, dateOrder);
    return x.ok && y.ok && JSON.stringify(x.value) === JSON.stringify(y.value);
  }
  const x = def.read(a, { dateOrder });
  const y = def.read(b, { dateOrder });
  return x.ok && y.ok && JSON.stringify(x.value) === JSON.stringify(y.value);
}
