/**
 * The Settings sheet: every key with its default, description, topic and a zod schema that
 * reads the raw cell (the same cell formats as data: `100万`, `10%`). The actions and the
 * settings sidebar validate through these schemas, so there is one source of truth.
 */
import * as z from "zod/mini";
import type { CalDate } from "../core/dates";
import type { HolidayPreset } from "../core/holidayPresets";
import type { TermLimits } from "../core/dealTerms";
import type { Cents } from "../core/money";
import { msg, type Language, type MessageRef, render } from "../i18n";
import type { Cell } from "../ports";
import {
  isBlank,
  parseAmount,
  parseDate,
  parseEmail,
  parseFraction,
  parseInteger,
  splitList,
  type DateOrder,
  type Parsed,
} from "./cells";
import { CHANNELS, OPEN_STAGES, STAGES, type Channel, type Tier } from "./codes";
import { FUNNEL_STAGES, type OpenStage } from "../core/funnel";
import { NO_MAPPING, type SheetMapping } from "./mapping";
import { normalizeName, trimAll } from "./names";

z.config({ jitless: true });

export type SettingsGroup = "general" | "tiers" | "contact" | "report" | "approvals";

/** Reads a raw cell into a setting's value; issues carry a message key. */
type CellReader<T> = (cell: Cell, context: { dateOrder: DateOrder }) => Parsed<T>;

export interface SettingDef<T = unknown> {
  readonly key: string;
  readonly group: SettingsGroup;
  /** The default as written in the sheet. */
  readonly defaultText: string;
  readonly description: { readonly zh: string; readonly en: string };
  readonly read: CellReader<T>;
  /** What Set up writes into a workbook of each language, when it differs from `defaultText`. */
  readonly setupText?: { readonly zh: string; readonly en: string };
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  周日: 0,
  周一: 1,
  周二: 2,
  周三: 3,
  周四: 4,
  周五: 5,
  周六: 6,
  星期日: 0,
  星期天: 0,
  星期一: 1,
  星期二: 2,
  星期三: 3,
  星期四: 4,
  星期五: 5,
  星期六: 6,
  周天: 0,
};

/** Points a contact costs when `contact.channelWeights` does not name its channel. */
export const DEFAULT_CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = {
  visit: 1,
  phone: 1,
  video: 1,
  email: 1,
  online: 1,
};

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (problem: MessageRef): Parsed<never> => ({ ok: false, problem });

function textOf(cell: Cell): string {
  return cell === null ? "" : typeof cell === "string" ? trimAll(cell) : String(cell);
}

const readers = {
  language: ((cell) => {
    const text = normalizeName(textOf(cell));
    if (["zh-cn", "zh", "中文", "简体中文", "cn"].includes(text)) return ok<Language>("zh-CN");
    if (["en", "english", "英文", "en-us", "en-gb"].includes(text)) return ok<Language>("en");
    return fail(msg("issue.expectedLanguage"));
  }) as CellReader<Language>,
  currency: ((cell) => {
    const text = textOf(cell).toUpperCase();
    return /^[A-Z]{3}$/.test(text) ? ok(text) : fail(msg("issue.expectedCurrency"));
  }) as CellReader<string>,
  timeZone: ((cell) => {
    const text = textOf(cell);
    return isTimeZone(text) ? ok(text) : fail(msg("issue.expectedTimeZone"));
  }) as CellReader<string>,
  dateOrder: ((cell) => {
    const text = textOf(cell).toUpperCase();
    return text === "YMD" || text === "DMY" || text === "MDY"
      ? ok<DateOrder>(text)
      : fail(msg("issue.expectedDateOrder"));
  }) as CellReader<DateOrder>,
  amount: ((cell) => parseAmount(cell)) as CellReader<Cents>,
  share: ((cell) => parseFraction(cell, { min: 0, max: 1 })) as CellReader<number>,
  growth: ((cell) => parseFraction(cell, { min: -1, max: 10 })) as CellReader<number>,
  positiveShare: ((cell) => parseFraction(cell, { min: 0.01, max: 1 })) as CellReader<number>,
  years: ((cell) => parseInteger(cell, 0, 100)) as CellReader<number>,
  days: ((cell) => parseInteger(cell, 1, 3660)) as CellReader<number>,
  factor: ((cell) => {
    const value = typeof cell === "number" ? cell : Number(textOf(cell));
    return Number.isFinite(value) && value >= 1 && value <= 100 && textOf(cell) !== ""
      ? ok(value)
      : fail(msg("issue.expectedNumber", { min: 1, max: 100 }));
  }) as CellReader<number>,
  hour: ((cell) => parseInteger(cell, 0, 23)) as CellReader<number>,
  dayOfMonth: ((cell) => parseInteger(cell, 1, 28)) as CellReader<number>,
  months: ((cell) => {
    const parts = splitList(textOf(cell));
    const months = parts.map(Number);
    return parts.length > 0 && months.every((m) => Number.isInteger(m) && m >= 1 && m <= 12)
      ? ok([...new Set(months)].sort((a, b) => a - b))
      : fail(msg("issue.expectedMonths"));
  }) as CellReader<number[]>,
  channel: ((cell) => {
    const found = CHANNELS.match(textOf(cell));
    return found ? ok(found) : fail(msg("issue.unknownCode", { allowed: CHANNELS.values.join(" / ") }));
  }) as CellReader<Channel>,
  weekdays: ((cell) => {
    const parts = splitList(textOf(cell));
    const days = parts.map((p) => WEEKDAYS[normalizeName(p)]);
    return parts.length > 0 && days.every((d) => d !== undefined)
      ? ok([...new Set(days as number[])].sort((a, b) => a - b))
      : fail(msg("issue.expectedWeekdays"));
  }) as CellReader<number[]>,
  dates: ((cell, context) => {
    if (isBlank(cell)) return ok<CalDate[]>([]);
    if (typeof cell === "object" && cell !== null) {
      const one = parseDate(cell, context.dateOrder);
      return one.ok ? ok([one.value]) : one;
    }
    const list = readHolidayList(textOf(cell), context.dateOrder);
    return list.ok ? ok(list.value.map((h) => h.date)) : list;
  }) as CellReader<CalDate[]>,
  optionalPoints: ((cell) =>
    isBlank(cell) ? ok<number | null>(null) : parseInteger(cell, 1, 1000)) as CellReader<number | null>,
  gapDays: ((cell) => parseInteger(cell, 0, 365)) as CellReader<number>,
  planDays: ((cell) => parseInteger(cell, 1, 60)) as CellReader<number>,
  channelWeights: ((cell) => {
    const weights: Record<Channel, number> = { ...DEFAULT_CHANNEL_WEIGHTS };
    for (const part of splitList(textOf(cell))) {
      const m = /^(.+?)\s*[:：=]\s*(\d{1,3})$/.exec(part);
      const channel = m ? CHANNELS.match(m[1]) : null;
      if (!m || channel === null || Number(m[2]) < 1)
        return fail(msg("issue.expectedChannelWeights", { value: part }));
      weights[channel] = Number(m[2]);
    }
    return ok(weights);
  }) as CellReader<Record<Channel, number>>,
  stageDays: ((cell) => {
    const days: Partial<Record<OpenStage, number>> = {};
    for (const part of splitList(textOf(cell))) {
      const m = /^(.+?)\s*[:：=]\s*(\d{1,4})$/.exec(part);
      const stage = m ? STAGES.match(m[1]) : null;
      const value = m ? Number(m[2]) : 0;
      if (!m || stage === null || !OPEN_STAGES.includes(stage) || value < 1 || value > 3660)
        return fail(msg("issue.expectedStageDays", { value: part }));
      days[stage as OpenStage] = value;
    }
    return ok(days);
  }) as CellReader<Partial<Record<OpenStage, number>>>,
  onOff: ((cell) => {
    if (isBlank(cell) || cell === false) return ok(false);
    if (cell === true) return ok(true);
    const text = normalizeName(textOf(cell));
    if (["on", "yes", "true", "1", "开", "开启", "是", "启用"].includes(text)) return ok(true);
    if (["off", "no", "false", "0", "关", "关闭", "否", "停用"].includes(text)) return ok(false);
    return fail(msg("issue.expectedOnOff"));
  }) as CellReader<boolean>,
  timeOfDay: ((cell) => {
    if (isBlank(cell)) return ok("");
    if (typeof cell === "number" && cell >= 0 && cell < 1) {
      const minute = Math.round(cell * 1440) % 1440;
      return ok(
        `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`,
      );
    }
    const m = /^(\d{1,2})\s*[:：]\s*(\d{2})$/.exec(textOf(cell));
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return fail(msg("issue.expectedTimeOfDay"));
    return ok(`${m[1].padStart(2, "0")}:${m[2]}`);
  }) as CellReader<string>,
  eventMinutes: ((cell) => parseInteger(cell, 15, 720)) as CellReader<number>,
  holidayPreset: ((cell) => {
    if (isBlank(cell)) return ok<HolidayPreset>("none");
    const text = normalizeName(textOf(cell));
    if (["cn", "china", "中国", "中国大陆", "国务院"].includes(text)) return ok<HolidayPreset>("CN");
    if (["none", "off", "no", "无", "不使用", "关", "关闭"].includes(text)) return ok<HolidayPreset>("none");
    return fail(msg("issue.expectedHolidayPreset"));
  }) as CellReader<HolidayPreset>,
  emailMode: ((cell) => {
    const text = normalizeName(textOf(cell));
    if (["draft", "drafts", "草稿", "存草稿", "草稿箱"].includes(text)) return ok<EmailMode>("draft");
    if (["send", "直接发送", "发送", "自动发送"].includes(text)) return ok<EmailMode>("send");
    return fail(msg("issue.expectedEmailMode"));
  }) as CellReader<EmailMode>,
  perDay: ((cell) => parseInteger(cell, 1, 1500)) as CellReader<number>,
  optionalEmail: ((cell) => {
    if (isBlank(cell)) return ok<string | null>(null);
    const parsed = parseEmail(textOf(cell));
    return parsed.ok ? parsed : fail(msg("issue.expectedEmailList", { value: textOf(cell) }));
  }) as CellReader<string | null>,
  paymentDays: ((cell) => parseInteger(cell, 0, 3660)) as CellReader<number>,
  emails: ((cell) => {
    const out: string[] = [];
    for (const part of splitList(textOf(cell))) {
      const parsed = parseEmail(part);
      if (!parsed.ok) return fail(msg("issue.expectedEmailList", { value: part }));
      out.push(parsed.value);
    }
    return ok(out);
  }) as CellReader<string[]>,
};

/** How tier-C e-mails are prepared: as Gmail drafts for the owner to send, or sent directly. */
export type EmailMode = "draft" | "send";

/** A holiday of the `contact.holidays` list: its date and the name written after it (may be empty). */
export interface Holiday {
  readonly date: CalDate;
  readonly name: string;
}

/**
 * One entry of a holiday list: a date, optionally followed by white space and a name
 * (`2026-10-01 国庆节`, `01/10/2026 National Day`). The longest leading text that is a date wins,
 * so dates written with spaces (`2026 年 10 月 1 日 国庆节`) keep their name apart.
 */
export function readHoliday(entry: string, dateOrder: DateOrder): Parsed<Holiday> {
  const text = trimAll(entry);
  const whole = parseDate(text, dateOrder);
  if (whole.ok) return ok({ date: whole.value, name: "" });
  for (let at = text.length - 1; at > 0; at--) {
    if (!/\s/.test(text[at])) continue;
    const parsed = parseDate(text.slice(0, at), dateOrder);
    if (parsed.ok) return ok({ date: parsed.value, name: trimAll(text.slice(at)) });
  }
  return fail(msg("issue.expectedDateList", { value: text }));
}

/** A holiday list as written in Settings: entries separated by `,` `，` `;` or `；`. */
export function readHolidayList(text: string, dateOrder: DateOrder): Parsed<Holiday[]> {
  const out: Holiday[] = [];
  for (const part of splitList(text)) {
    const parsed = readHoliday(part, dateOrder);
    if (!parsed.ok) return parsed;
    out.push(parsed.value);
  }
  return ok(out);
}

/** True for an IANA zone name the runtime knows (Intl is in Apps Script V8 and Node). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(name) && name !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const def = <K extends string, T>(
  key: K,
  group: SettingsGroup,
  defaultText: string,
  read: CellReader<T>,
  zh: string,
  en: string,
): SettingDef<T> & { readonly key: K } => ({ key, group, defaultText, read, description: { zh, en } });

/** Every setting, in the order Set up writes them. */
export const SETTING_DEFS = [
  def(
    "language",
    "general",
    "zh-CN",
    readers.language,
    "界面与报表语言：zh-CN 或 en",
    "Language of sheets, menus and reports: zh-CN or en",
  ),
  def(
    "currency",
    "general",
    "CNY",
    readers.currency,
    "金额的货币代码（ISO）",
    "ISO currency code for amounts",
  ),
  def(
    "timeZone",
    "general",
    "Asia/Shanghai",
    readers.timeZone,
    "所有日期计算使用的时区（IANA 名称）",
    "IANA time zone for all date math",
  ),
  def(
    "dateOrder",
    "general",
    "YMD",
    readers.dateOrder,
    "如何读取有歧义的文本日期：YMD、DMY 或 MDY",
    "How to read ambiguous text dates: YMD, DMY or MDY",
  ),
  def(
    "tier.highThreshold",
    "tiers",
    "1000000",
    readers.amount,
    "近12个月采购额达到此值为A级（高价值）",
    "12-month purchase at or above which a client is tier A",
  ),
  def(
    "tier.mediumThreshold",
    "tiers",
    "200000",
    readers.amount,
    "近12个月采购额达到此值为B级",
    "12-month purchase at or above which a client is tier B",
  ),
  def(
    "tier.downgradeMargin",
    "tiers",
    "0.10",
    readers.share,
    "降级需低于门槛 ×（1 − 此比例）",
    "A downgrade needs purchase below threshold × (1 − margin)",
  ),
  def(
    "tier.risingGrowth",
    "tiers",
    "0.10",
    readers.growth,
    "行业增长率达到此值视为上升行业",
    "Industry growth at or above which an industry is rising",
  ),
  def(
    "tier.longTermYears",
    "tiers",
    "3",
    readers.years,
    "合作满此年数为长期合作伙伴",
    "Years of cooperation that make a long-term partner",
  ),
  def(
    "tier.upliftShare",
    "tiers",
    "0.5",
    readers.positiveShare,
    "战略上调要求采购额 ≥ 上一级门槛 × 此比例",
    "Uplift needs purchase ≥ this share of the next threshold",
  ),
  def(
    "tier.surgeDays",
    "tiers",
    "90",
    readers.days,
    "订单激增的观察窗口（天）",
    "Window for surge detection, in days",
  ),
  def(
    "tier.surgeFactor",
    "tiers",
    "2",
    readers.factor,
    "激增：最近窗口 ≥ 此倍数 × 前一窗口",
    "Surge: last window ≥ factor × the window before",
  ),
  def(
    "tier.reviewMonths",
    "tiers",
    "1,4,7,10",
    readers.months,
    "季度复核（可降级）的月份",
    "Months whose quarterly review may downgrade",
  ),
  def(
    "tier.review",
    "tiers",
    "off",
    readers.onOff,
    "分级变更需审核：on 时「重新计算客户分级」只写入「分级提议」，批准后再生效（订单激增的升级立即生效）",
    "Tier changes need approval: when on, Recalculate tiers writes Tier proposals; approved rows apply later (surge upgrades apply at once)",
  ),
  def(
    "contact.A.channel",
    "contact",
    "visit",
    readers.channel,
    "A级客户的沟通渠道",
    "Tier A contact channel",
  ),
  def(
    "contact.A.intervalDays",
    "contact",
    "7",
    readers.days,
    "A级客户的沟通间隔（天）",
    "Tier A contact interval, in days",
  ),
  def(
    "contact.B.channel",
    "contact",
    "phone",
    readers.channel,
    "B级客户的沟通渠道",
    "Tier B contact channel",
  ),
  def(
    "contact.B.intervalDays",
    "contact",
    "15",
    readers.days,
    "B级客户的沟通间隔（天）",
    "Tier B contact interval, in days",
  ),
  def(
    "contact.C.channel",
    "contact",
    "email",
    readers.channel,
    "C级客户的沟通渠道",
    "Tier C contact channel",
  ),
  def(
    "contact.C.intervalDays",
    "contact",
    "30",
    readers.days,
    "C级客户的沟通间隔（天）",
    "Tier C contact interval, in days",
  ),
  def(
    "contact.workingDays",
    "contact",
    "Mon,Tue,Wed,Thu,Fri",
    readers.weekdays,
    "可安排沟通的工作日",
    "Days a contact may be due",
  ),
  def(
    "contact.holidays",
    "contact",
    "",
    readers.dates,
    "不安排沟通的节假日（逗号分隔的日期）",
    "Comma-separated dates on which no contact is due",
  ),
  {
    ...def(
      "contact.holidayPreset",
      "contact",
      "none",
      readers.holidayPreset,
      "法定节假日与调休：CN 按国务院办公厅的放假安排（节假日不安排沟通，调休上班的周末照常安排），none 不使用",
      "Public holidays and make-up working days: CN follows the State Council's notices, none uses no preset",
    ),
    // A new Chinese workbook gets China's calendar; a workbook without the row keeps `none`.
    setupText: { zh: "CN", en: "none" },
  },
  def(
    "contact.responseWindowDays",
    "contact",
    "90",
    readers.days,
    "渠道响应率的统计窗口（天）",
    "Window for channel response rates, in days",
  ),
  def(
    "contact.capacityPerDay",
    "contact",
    "",
    readers.optionalPoints,
    "每位负责人每个工作日最多可安排的沟通点数（按渠道权重计）；留空表示不限",
    "Contact points an owner can spend per working day (by channel weight); blank for no limit",
  ),
  def(
    "contact.channelWeights",
    "contact",
    "visit:3, video:2, phone:1, email:1, online:1",
    readers.channelWeights,
    "每次沟通按渠道占用的点数，例如 面访:3, 电话:1",
    "Points one contact costs by channel, e.g. visit:3, phone:1",
  ),
  def(
    "contact.minGapDays",
    "contact",
    "0",
    readers.gapDays,
    "同一客户两次沟通之间至少间隔的天数（0 表示不限）",
    "Shortest number of days between two contacts of one client (0 for none)",
  ),
  def(
    "contact.planDays",
    "contact",
    "10",
    readers.planDays,
    "沟通排期覆盖的工作日数（含今天）",
    "Working days the contact schedule covers, today included",
  ),
  def(
    "templates.mode",
    "contact",
    "draft",
    readers.emailMode,
    "C级客户自动邮件：draft 存为负责人的Gmail草稿（默认），send 直接发送",
    "Tier-C automated e-mails: draft = Gmail drafts for the owner to send (default), send = sent directly",
  ),
  def(
    "templates.detectReplies",
    "contact",
    "off",
    readers.onOff,
    "在 Gmail 中检测客户回复：on 时运行前查找C级客户在上次自动邮件后发来的邮件，并记为已回应（需要 gmail.readonly 权限，见权限说明）",
    "Detect replies in Gmail: when on, a run first looks for mail a tier-C client sent after its last automated e-mail and logs it as a response (needs the gmail.readonly scope, see the scopes page)",
  ),
  def(
    "templates.perDay",
    "contact",
    "30",
    readers.perDay,
    "每天最多准备的C级客户自动邮件数，其余顺延到后面的工作日",
    "Most tier-C automated e-mails prepared per day; the rest move to the next working days",
  ),
  def(
    "report.recipients",
    "report",
    "",
    readers.emails,
    "月报收件人（逗号分隔的邮箱）",
    "Comma-separated e-mails for the monthly report",
  ),
  def(
    "report.dayOfMonth",
    "report",
    "1",
    readers.dayOfMonth,
    "每月发送月报的日期（1–28）",
    "Day of the month the report trigger runs (1–28)",
  ),
  def(
    "report.hour",
    "report",
    "8",
    readers.hour,
    "发送月报的时刻（0–23）",
    "Hour the report trigger runs (0–23)",
  ),
  def(
    "report.underperformShare",
    "report",
    "0.8",
    readers.share,
    "达成率低于此值标记为未达标",
    "Attainment below this flags an owner",
  ),
  def(
    "digest.hour",
    "report",
    "8",
    readers.hour,
    "每日沟通提醒的发送时刻（0–23）",
    "Hour the daily contact digest runs (0–23)",
  ),
  def(
    "renewal.noticeDays",
    "report",
    "90",
    readers.days,
    "合同到期前多少天提示续约",
    "Contracts ending within this many days are due for renewal",
  ),
  def(
    "collection.escalateTo",
    "report",
    "",
    readers.emails,
    "回款逾期 90 天以上时通知的经理邮箱（团队表中没有经理时使用）",
    "Managers told of instalments 90 or more days overdue (when the Team sheet names none)",
  ),
  def(
    "digest.finance",
    "report",
    "",
    readers.emails,
    "接收每日提醒中回款部分的财务邮箱（逗号分隔）",
    "Finance addresses that receive the receivables part of the daily digest",
  ),
  def(
    "calendar.owners",
    "contact",
    "",
    readers.emails,
    "把计划中的面访同步到自己 Google 日历的负责人（逗号分隔的邮箱）",
    "Owners whose planned visits go to their Google Calendar (comma-separated e-mails)",
  ),
  def(
    "calendar.visitTime",
    "contact",
    "",
    readers.timeOfDay,
    "面访日程的开始时间（如 10:00）；留空为全天日程",
    "Start time of a visit event (e.g. 10:00); blank for an all-day event",
  ),
  def(
    "calendar.visitMinutes",
    "contact",
    "90",
    readers.eventMinutes,
    "有开始时间时，面访日程的时长（分钟，15–720）",
    "Length of a visit event with a start time, in minutes (15–720)",
  ),
  def(
    "pipeline.staleDays",
    "report",
    "30",
    readers.days,
    "商机在同一阶段停留超过此天数即为停滞（每日提醒和月报中列出）",
    "An open deal in one stage longer than this many days is stale (listed in the digest and the report)",
  ),
  def(
    "pipeline.staleDaysByStage",
    "report",
    "",
    readers.stageDays,
    "个别阶段的停滞天数，例如 方案报价:45, 商务谈判:20；未列出的阶段用上一项",
    "Stale limit of particular stages, e.g. proposal:45, negotiation:20; other stages use the limit above",
  ),
  def(
    "approval.maxDiscount.A",
    "approvals",
    "0.15",
    readers.share,
    "A级客户无需审批的最大折扣（如 15%）",
    "Largest discount for a tier A client without approval (e.g. 15%)",
  ),
  def(
    "approval.maxDiscount.B",
    "approvals",
    "0.10",
    readers.share,
    "B级客户无需审批的最大折扣（如 10%）",
    "Largest discount for a tier B client without approval (e.g. 10%)",
  ),
  def(
    "approval.maxDiscount.C",
    "approvals",
    "0.05",
    readers.share,
    "C级客户无需审批的最大折扣（如 5%）",
    "Largest discount for a tier C client without approval (e.g. 5%)",
  ),
  def(
    "approval.maxPaymentDays.A",
    "approvals",
    "90",
    readers.paymentDays,
    "A级客户无需审批的最长账期（天）",
    "Longest payment term for a tier A client without approval, in days",
  ),
  def(
    "approval.maxPaymentDays.B",
    "approvals",
    "60",
    readers.paymentDays,
    "B级客户无需审批的最长账期（天）",
    "Longest payment term for a tier B client without approval, in days",
  ),
  def(
    "approval.maxPaymentDays.C",
    "approvals",
    "30",
    readers.paymentDays,
    "C级客户无需审批的最长账期（天）",
    "Longest payment term for a tier C client without approval, in days",
  ),
  def(
    "approval.approver",
    "approvals",
    "",
    readers.optionalEmail,
    "审批人：负责人在「团队」表中没有上级时，由此邮箱审批",
    "Approver of deal terms when the owner has no manager on the Team sheet",
  ),
] as const;

type Defs = typeof SETTING_DEFS;
type ValueOf<D> = D extends SettingDef<infer T> ? T : never;
/** All settings by key, typed; and the team's own sheets and headers (the `map.*` keys, see mapping.ts). */
export type Settings = { readonly [D in Defs[number] as D["key"]]: ValueOf<D> } & {
  readonly mapping: SheetMapping;
};
export type SettingKey = Defs[number]["key"];

const DEF_BY_KEY = new Map<string, SettingDef>(
  SETTING_DEFS.map((d) => [normalizeName(d.key), d as SettingDef]),
);

export function findSetting(key: string): SettingDef | undefined {
  return DEF_BY_KEY.get(normalizeName(key));
}

/** One setting's zod schema over a raw cell: the single validator of sheet and sidebar. */
export function settingSchema(def: SettingDef, dateOrder: DateOrder = "YMD"): z.ZodMiniType<unknown> {
  return z.pipe(
    z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ date: z.number() })]),
    z.transform((cell, payload) => {
      const parsed = def.read(cell as Cell, { dateOrder });
      if (parsed.ok) return parsed.value;
      payload.issues.push({
        code: "custom",
        message: parsed.problem.key,
        params: { problem: parsed.problem },
        input: cell,
      });
      return z.NEVER;
    }),
  );
}

/** Validates one value as typed in the sidebar; the message is in the given language. */
export function validateSettingText(
  key: string,
  text: string,
  language: Language,
  dateOrder: DateOrder = "YMD",
): { ok: true } | { ok: false; message: string } {
  const found = findSetting(key);
  if (!found) return { ok: false, message: render(language, msg("issue.unknownSetting")) };
  const result = settingSchema(found, dateOrder).safeParse(text);
  if (result.success) return { ok: true };
  const issue = result.error.issues[0] as { params?: { problem?: MessageRef } } | undefined;
  const problem = issue?.params?.problem ?? msg("issue.invalidSetting");
  return { ok: false, message: render(language, problem) };
}

/** The value Set up writes for a setting into a workbook of `language` (the time zone aside). */
export function setupValue(def: SettingDef, language: Language): string {
  return def.setupText?.[language === "en" ? "en" : "zh"] ?? def.defaultText;
}

/** The defaults, parsed. */
export function defaultSettings(overrides: { timeZone?: string } = {}): Settings {
  const out: Record<string, unknown> = {};
  for (const d of SETTING_DEFS) {
    const parsed = (d as SettingDef).read(d.defaultText, { dateOrder: "YMD" });
    if (!parsed.ok) throw new Error(`Default of ${d.key} does not parse`);
    out[d.key] = parsed.value;
  }
  if (overrides.timeZone && isTimeZone(overrides.timeZone)) out.timeZone = overrides.timeZone;
  out.mapping = NO_MAPPING;
  return out as Settings;
}

/** The tier a contact setting belongs to. */
export function contactSettings(settings: Settings, tier: Tier): { channel: Channel; intervalDays: number } {
  return {
    channel: settings[`contact.${tier}.channel`] as Channel,
    intervalDays: settings[`contact.${tier}.intervalDays`] as number,
  };
}

/** Days an open deal may sit in each stage before it is stale: the stage's own limit, else `pipeline.staleDays`. */
export function staleLimits(settings: Settings): Record<OpenStage, number> {
  const byStage = settings["pipeline.staleDaysByStage"];
  const out = {} as Record<OpenStage, number>;
  for (const stage of FUNNEL_STAGES) out[stage] = byStage[stage] ?? settings["pipeline.staleDays"];
  return out;
}

/** The negotiation limits by tier (approval.maxDiscount.*, approval.maxPaymentDays.*). */
export function termLimits(settings: Settings): TermLimits {
  return {
    maxDiscount: {
      A: settings["approval.maxDiscount.A"],
      B: settings["approval.maxDiscount.B"],
      C: settings["approval.maxDiscount.C"],
    },
    maxPaymentDays: {
      A: settings["approval.maxPaymentDays.A"],
      B: settings["approval.maxPaymentDays.B"],
      C: settings["approval.maxPaymentDays.C"],
    },
  };
}
