/**
 * A deterministic, seeded generator of a realistic sample workbook for the demo, the
 * benchmarks and the tests: clients spread over tiers A/B/C, two years of deals, contracts
 * with payment instalments, contact records, targets and industries, in Chinese or English.
 * Everything is built around an as-of date, so the tier, contact, contract and report actions
 * all find something to say: surging and long-term clients, tiers that will change, contacts
 * that are overdue, renewals and overdue receivables. The only data issue on purpose is one
 * tier override without a reason. Same options and seed, same workbook (deep-equal).
 */
import { defaultTemplateRows } from "./templates";
import type { Language } from "../i18n";
import { addMonths, addYears, calDate, dateParts, shiftMonth, weekday, type CalDate } from "../core/dates";
import { formatMoney } from "../core/money";
import type { Cell, DateCell } from "../ports";
import {
  APPROVAL_STATUSES,
  CHANNELS,
  CLIENT_STATUSES,
  CONTRACT_STATUSES,
  SOURCES,
  STAGES,
  TIERS,
  TIER_RANK,
  YES_NO,
  type Channel,
  type CodeList,
  type ContractStatus,
  type Source,
  type Stage,
  type Tier,
  type YesNo,
} from "./codes";
import { sampleContractApprovals, samplePartners, type SamplePartners } from "./samplePartners";
import { TABLES, headerName, sheetName, type TableKey } from "./schema";
import { sampleTerms, type SampleTermsResult } from "./sampleTerms";

export interface SampleOptions {
  readonly language: Language;
  /** Number of clients: default 150, at most 20000. Everything else scales with it. */
  readonly clients?: number;
  /** Default 1. */
  readonly seed?: number;
  /** The "today" the data is built around. */
  readonly asOf: CalDate;
}

export interface SampleSheet {
  readonly table: TableKey;
  readonly name: string;
  /** Row 0 is the header row. */
  readonly rows: Cell[][];
}

export interface SampleWorkbook {
  readonly sheets: SampleSheet[];
  /** Settings keys to write besides the defaults. */
  readonly settings: Record<string, string>;
}

export const DEFAULT_SAMPLE_CLIENTS = 150;
export const MAX_SAMPLE_CLIENTS = 20000;

/** The sheets of a sample, in workbook order. */
export const SAMPLE_TABLES: readonly TableKey[] = [
  "clients",
  "deals",
  "contracts",
  "payments",
  "interactions",
  "targets",
  "industries",
  "tierHistory",
  "team",
  "partners",
  "templates",
  "approvals",
];

// The default tier settings; the sample is shaped against them.
const HIGH = 1_000_000;
const MEDIUM = 200_000;
const DOWNGRADE_FACTOR = 0.9;
const RISING_GROWTH = 0.1;
const SURGE_DAYS = 90;
const INTERVAL_DAYS: Readonly<Record<Tier, number>> = { A: 7, B: 15, C: 30 };

// ---------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: tiny, fast, and good enough for sample data. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  real(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

/** Independent streams per purpose, so the zh and en samples share every figure and date. */
function streamSeed(seed: number, stream: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(stream, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------
// Vocabulary

type Text = readonly [zh: string, en: string];

interface IndustryDef {
  readonly name: Text;
  readonly growth: number;
  readonly zhSuffixes: readonly string[];
  readonly enSuffixes: readonly string[];
}

const INDUSTRIES: readonly IndustryDef[] = [
  {
    name: ["新能源", "New energy"],
    growth: 0.18,
    zhSuffixes: ["新能源科技", "储能技术", "光伏科技"],
    enSuffixes: ["Solar", "Energy Systems", "Power Storage"],
  },
  {
    name: ["半导体", "Semiconductors"],
    growth: 0.15,
    zhSuffixes: ["半导体", "微电子", "芯片科技"],
    enSuffixes: ["Semiconductor", "Microelectronics", "Chip Technologies"],
  },
  {
    name: ["医疗器械", "Medical devices"],
    growth: 0.11,
    zhSuffixes: ["医疗器械", "医疗科技", "生物医疗"],
    enSuffixes: ["Medical", "MedTech", "Health Devices"],
  },
  {
    name: ["跨境电商", "Cross-border e-commerce"],
    growth: 0.09,
    zhSuffixes: ["电子商务", "跨境贸易", "国际贸易"],
    enSuffixes: ["Commerce", "Global Trade", "E-Commerce"],
  },
  {
    name: ["智能制造", "Smart manufacturing"],
    growth: 0.12,
    zhSuffixes: ["精密制造", "智能装备", "自动化设备"],
    enSuffixes: ["Precision Manufacturing", "Automation", "Robotics"],
  },
  {
    name: ["软件服务", "Software services"],
    growth: 0.08,
    zhSuffixes: ["科技", "软件", "信息技术"],
    enSuffixes: ["Software", "Digital", "Systems"],
  },
  {
    name: ["物流", "Logistics"],
    growth: 0.04,
    zhSuffixes: ["物流", "供应链管理", "国际货运"],
    enSuffixes: ["Logistics", "Freight", "Supply Chain"],
  },
  {
    name: ["零售", "Retail"],
    growth: -0.02,
    zhSuffixes: ["商贸", "连锁超市", "百货"],
    enSuffixes: ["Retail", "Stores", "Mart"],
  },
  {
    name: ["房地产", "Real estate"],
    growth: -0.08,
    zhSuffixes: ["置业", "房地产开发", "地产"],
    enSuffixes: ["Properties", "Realty", "Estates"],
  },
  {
    name: ["教育培训", "Education & training"],
    growth: 0.03,
    zhSuffixes: ["教育科技", "职业培训", "文化教育"],
    enSuffixes: ["Learning", "Education", "Academy"],
  },
  {
    name: ["食品饮料", "Food & beverage"],
    growth: 0.05,
    zhSuffixes: ["食品", "饮品", "食品科技"],
    enSuffixes: ["Foods", "Beverages", "Kitchen"],
  },
  {
    name: ["汽车零部件", "Auto parts"],
    growth: 0.06,
    zhSuffixes: ["汽车零部件", "汽车配件", "汽车电子"],
    enSuffixes: ["Auto Parts", "Automotive", "Motor Components"],
  },
];
const INDUSTRY_WEIGHTS = [9, 7, 8, 8, 12, 11, 8, 8, 5, 6, 9, 9];
const RISING_INDUSTRIES = INDUSTRIES.map((def, i) => (def.growth >= RISING_GROWTH ? i : -1)).filter(
  (i) => i >= 0,
);

const REGIONS: readonly Text[] = [
  ["华东", "East"],
  ["华南", "South"],
  ["华北", "North"],
  ["西南", "Southwest"],
  ["华中", "Central"],
];

/** City, its pinyin (for e-mail addresses) and its region. */
const CITIES: readonly (readonly [string, string, number])[] = [
  ["上海", "shanghai", 0],
  ["杭州", "hangzhou", 0],
  ["苏州", "suzhou", 0],
  ["南京", "nanjing", 0],
  ["宁波", "ningbo", 0],
  ["无锡", "wuxi", 0],
  ["合肥", "hefei", 0],
  ["常州", "changzhou", 0],
  ["绍兴", "shaoxing", 0],
  ["嘉兴", "jiaxing", 0],
  ["深圳", "shenzhen", 1],
  ["广州", "guangzhou", 1],
  ["东莞", "dongguan", 1],
  ["佛山", "foshan", 1],
  ["厦门", "xiamen", 1],
  ["珠海", "zhuhai", 1],
  ["北京", "beijing", 2],
  ["天津", "tianjin", 2],
  ["青岛", "qingdao", 2],
  ["济南", "jinan", 2],
  ["石家庄", "shijiazhuang", 2],
  ["成都", "chengdu", 3],
  ["重庆", "chongqing", 3],
  ["昆明", "kunming", 3],
  ["贵阳", "guiyang", 3],
  ["武汉", "wuhan", 4],
  ["长沙", "changsha", 4],
  ["郑州", "zhengzhou", 4],
  ["南昌", "nanchang", 4],
];

const ZH_CORE_FIRST: readonly (readonly [string, string])[] = [
  ["云", "yun"],
  ["恒", "heng"],
  ["华", "hua"],
  ["启", "qi"],
  ["瑞", "rui"],
  ["博", "bo"],
  ["中", "zhong"],
  ["天", "tian"],
  ["鼎", "ding"],
  ["宏", "hong"],
  ["盛", "sheng"],
  ["新", "xin"],
  ["海", "hai"],
  ["金", "jin"],
  ["远", "yuan"],
  ["德", "de"],
  ["嘉", "jia"],
  ["凯", "kai"],
  ["明", "ming"],
  ["正", "zheng"],
  ["安", "an"],
  ["卓", "zhuo"],
  ["泰", "tai"],
  ["汇", "hui"],
  ["融", "rong"],
  ["创", "chuang"],
  ["锐", "rui"],
  ["星", "xing"],
  ["智", "zhi"],
  ["诚", "cheng"],
];
const ZH_CORE_SECOND: readonly (readonly [string, string])[] = [
  ["达", "da"],
  ["启", "qi"],
  ["科", "ke"],
  ["通", "tong"],
  ["源", "yuan"],
  ["信", "xin"],
  ["联", "lian"],
  ["辰", "chen"],
  ["邦", "bang"],
  ["航", "hang"],
  ["峰", "feng"],
  ["越", "yue"],
  ["拓", "tuo"],
  ["宇", "yu"],
  ["晟", "sheng"],
  ["诺", "nuo"],
  ["捷", "jie"],
  ["弘", "hong"],
  ["润", "run"],
  ["力", "li"],
];
const EN_CORE_FIRST = [
  "Blue",
  "North",
  "Silver",
  "Bright",
  "Golden",
  "Red",
  "Green",
  "East",
  "Clear",
  "Summit",
  "Harbor",
  "Crown",
  "Ever",
  "Sun",
  "Star",
  "River",
  "Stone",
  "Oak",
  "Pine",
  "West",
  "Iron",
  "Cedar",
  "Maple",
  "Falcon",
  "Lake",
  "Swift",
  "True",
  "Noble",
  "Alder",
  "Sky",
];
const EN_CORE_SECOND = [
  "stone",
  "field",
  "bridge",
  "wave",
  "point",
  "gate",
  "ridge",
  "line",
  "path",
  "view",
  "crest",
  "well",
  "way",
  "peak",
  "dale",
  "brook",
  "haven",
  "light",
  "wood",
  "port",
];
const EN_COMPANY_SUFFIXES = ["Ltd.", "Co., Ltd.", "Inc.", "Group", "Ltd."];

const OWNERS: Readonly<Record<Language, readonly string[]>> = {
  "zh-CN": ["li.na", "wang.wei", "zhang.min", "liu.yang", "chen.jing", "zhao.lei"],
  en: ["emily.chen", "james.wong", "sarah.lin", "david.zhang", "olivia.wang", "ryan.zhao"],
};
const OWNER_WEIGHTS = [22, 20, 18, 16, 14, 10];
const MANAGER: Readonly<Record<Language, string>> = { "zh-CN": "zhou.hong", en: "grace.ho" };
/** The note of the sample's approved terms. */
const APPROVED_NOTE: Text = [
  "年度框架客户，同意 120 天账期，下不为例",
  "Annual framework client: 120-day term accepted this once",
];
/** The Team sheet's names: the owners in OWNERS' order, then the manager. */
const TEAM_NAMES: Readonly<Record<Language, readonly string[]>> = {
  "zh-CN": ["李娜", "王伟", "张敏", "刘洋", "陈静", "赵磊", "周红"],
  en: ["Emily Chen", "James Wong", "Sarah Lin", "David Zhang", "Olivia Wang", "Ryan Zhao", "Grace Ho"],
};
const EMAIL_DOMAIN = "example.com";

const PRODUCTS: readonly Text[] = [
  ["工业传感器", "Industrial sensors"],
  ["数据采集平台", "Data acquisition platform"],
  ["智能仓储系统", "Smart warehouse system"],
  ["MES系统", "MES"],
  ["设备维保服务", "Maintenance service"],
  ["检测仪器", "Test instruments"],
  ["云服务订阅", "Cloud subscription"],
  ["产线自动化改造", "Line automation retrofit"],
  ["能耗管理系统", "Energy management system"],
  ["质量追溯系统", "Quality traceability system"],
  ["工业网关", "Industrial gateways"],
  ["备品备件", "Spare parts"],
];
const DEAL_KINDS: readonly Text[] = [
  ["采购", "purchase"],
  ["项目", "project"],
  ["年度框架", "annual framework"],
  ["二期", "phase 2"],
  ["扩容", "expansion"],
  ["升级", "upgrade"],
];
const LOST_REASONS: readonly Text[] = [
  ["价格过高", "Price too high"],
  ["选择竞品", "Chose a competitor"],
  ["预算取消", "Budget cancelled"],
  ["需求变化", "Requirements changed"],
  ["交付周期过长", "Lead time too long"],
];
const LOST_REASON_WEIGHTS = [35, 28, 14, 15, 8];

/** Competitors met in deals: whom the team beats more often, and whom it loses to (price). */
const COMPETITORS: readonly Text[] = [
  ["华控智能", "Huakong Intelligent"],
  ["启明自动化", "Qiming Automation"],
  ["拓维仪器", "Tuowei Instruments"],
  ["海川科技", "Haichuan Technology"],
];
const COMPETITOR_WEIGHTS_WON = [30, 14, 36, 20];
const COMPETITOR_WEIGHTS_LOST = [28, 42, 10, 20];
/** How often a deal names a competitor: won, open, and lost by reason (LOST_REASONS order). */
const COMPETITOR_NAMED_WON = 0.55;
const COMPETITOR_NAMED_OPEN = 0.3;
const COMPETITOR_NAMED_LOST = [0.8, 1, 0.2, 0.3, 0.5];

const SOURCE_CODES: readonly Source[] = ["trade-show", "visit", "data", "referral", "partner", "other"];
const SOURCE_WEIGHTS = [15, 26, 14, 20, 15, 10];
const OPEN_STAGE_CODES: readonly Stage[] = ["lead", "qualified", "proposal", "negotiation"];
const OPEN_STAGE_WEIGHTS = [30, 26, 24, 20];

const CHANNEL_CODES: readonly Channel[] = ["visit", "phone", "video", "email", "online"];
/** Channel mix per tier (visit, phone, video, email, online): the seed duties' channel rules. */
const CHANNEL_WEIGHTS: Readonly<Record<Tier, readonly number[]>> = {
  A: [55, 20, 12, 10, 3],
  B: [12, 43, 22, 15, 8],
  C: [3, 20, 7, 45, 25],
};
/** Chance of Responded yes / no per channel; the rest is left blank. */
const RESPONSE: Readonly<Record<Channel, readonly [number, number]>> = {
  visit: [0.88, 0.02],
  phone: [0.72, 0.18],
  video: [0.82, 0.08],
  email: [0.5, 0.35],
  online: [0.4, 0.42],
};
const SATISFACTION_WEIGHTS = [3, 6, 19, 42, 30]; // 1..5

const SUMMARIES: Readonly<Record<Channel, readonly Text[]>> = {
  visit: [
    ["上门拜访采购部，沟通下季度采购计划", "Visited purchasing to go through next quarter's plan"],
    ["拜访技术负责人，现场演示新方案", "Met the technical lead and demonstrated the new solution on site"],
    ["陪同客户参观工厂，确认交付细节", "Hosted a factory tour and confirmed delivery details"],
    ["拜访客户高层，回顾年度合作情况", "Met senior management to review the year's cooperation"],
    ["现场调研产线，收集改造需求", "Surveyed the production line and collected retrofit needs"],
  ],
  phone: [
    [
      "电话跟进报价反馈，客户希望下周定价",
      "Followed up the quote by phone; client wants final pricing next week",
    ],
    ["电话确认到货情况，客户反馈正常", "Called to confirm delivery; all received in good order"],
    ["电话沟通回款安排", "Discussed the payment schedule by phone"],
    ["电话了解新项目需求", "Phoned about requirements for a new project"],
    ["电话回访售后服务满意度", "After-sales satisfaction call"],
  ],
  video: [
    ["视频会议演示系统新功能", "Video call demonstrating new system features"],
    ["视频会议讨论技术方案细节", "Video call on the details of the technical proposal"],
    ["线上季度业务回顾", "Quarterly business review over video"],
  ],
  email: [
    ["邮件发送新品资料及报价单", "Sent new product sheets and a quotation by e-mail"],
    ["邮件确认合同条款修改", "Confirmed contract amendments by e-mail"],
    ["邮件回复客户技术咨询", "Answered a technical question by e-mail"],
    ["邮件发送月度服务报告", "Sent the monthly service report"],
  ],
  online: [
    ["通过企业微信解答使用问题", "Answered usage questions on WeCom"],
    ["在线平台推送促销信息，客户已咨询", "Promotion pushed online; client asked for details"],
    ["在线答复售后问题", "Handled an after-sales question online"],
  ],
};
const NO_RESPONSE_SUMMARIES: Readonly<Record<Channel, Text>> = {
  visit: ["到访未见到负责人，已留资料", "Visited but the contact was out; left materials"],
  phone: ["电话未接通，已发短信留言", "No answer; left a text message"],
  video: ["视频会议邀请未获回复", "Video meeting invitation not answered"],
  email: ["邮件发送产品更新资料，暂未回复", "Sent product updates by e-mail; no reply yet"],
  online: ["在线推送活动信息，客户未回复", "Event invitation sent online; no reply"],
};

const OVERRIDE_UP: readonly Text[] = [
  ["集团战略合作客户，总部要求重点维护", "Group strategic account, headquarters asks for priority care"],
  [
    "新签三年框架协议，预计年采购额超百万",
    "New three-year framework agreement, expected to exceed ¥1M a year",
  ],
  ["总部统一采购，实际用量远高于记录", "Purchases through headquarters; real volume far above records"],
];
const OVERRIDE_DOWN: readonly Text[] = [
  ["回款逾期严重，暂按低一级管理", "Serious payment delays; managed one tier lower for now"],
  ["客户业务收缩，采购转向集团集采", "Client is downsizing; purchasing moves to group procurement"],
];

/** Signing discounts in ‰ of the deal amount, and how often each is given. */
const DISCOUNTS = [1000, 985, 970, 950];
const DISCOUNT_WEIGHTS = [85, 5, 5, 5];
/** A contract of an order won in the last 30 days: draft, in review, or signed and starting soon. */
const RECENT_CONTRACT_WEIGHTS = [30, 25, 45];
/** Contract terms of 1, 2 and 3 years. */
const TERM_WEIGHTS = [50, 30, 20];
/** Paid on time, late (11–60 days), very late (61–120 days). */
const LATENESS_WEIGHTS = [78, 19, 3];

const INSTALMENT_SHARES: readonly (readonly number[])[] = [
  [50, 50],
  [30, 70],
  [30, 60, 10],
  [30, 40, 30],
  [40, 50, 10],
  [25, 25, 25, 25],
  [30, 30, 30, 10],
];

// ---------------------------------------------------------------------------------------
// The model the rows are built from

/** mover: bought in another band a year ago, so the tier of the earlier run changes now. */
type Role = "normal" | "surge" | "longTerm" | "inactive" | "new" | "mover";

interface Deal {
  readonly client: number;
  readonly title: number; // product * DEAL_KINDS.length + kind
  readonly ownerBlank: boolean;
  readonly stage: Stage;
  readonly amount: number; // whole yuan
  readonly probability: number | null;
  readonly created: CalDate;
  readonly expectedClose: CalDate | null;
  closedOn: CalDate | null;
  readonly source: Source;
  readonly lostReason: number; // -1: none
  /** Position in creation order, and the ID made from it. */
  seq: number;
  id: string;
}

interface Client {
  readonly index: number;
  readonly role: Role;
  /** The band of the 12-month purchase: A, B or C by the default thresholds. */
  readonly band: Tier;
  readonly city: number;
  readonly industry: number;
  readonly owner: number;
  p12: number;
  prevYear: number;
  won: Deal[];
  cooperationSince: CalDate | null;
  status: "active" | "inactive" | null;
  purchaseOverride: number | null;
  tierOverride: Tier | null;
  /** i ≥ 0: OVERRIDE_UP[i]; i < 0: OVERRIDE_DOWN[-1 - i]. */
  overrideReason: number;
  hasOverrideReason: boolean;
  preferred: Channel | null;
  tier: Tier | null;
  tierReason: Text | null;
  purchase12m: number | null;
  tierSince: CalDate | null;
}

interface Contract {
  readonly client: number;
  readonly deal: Deal;
  readonly valueCents: number;
  status: ContractStatus;
  readonly signedOn: CalDate | null;
  readonly start: CalDate | null;
  readonly end: CalDate | null;
  readonly ownerBlank: boolean;
  readonly payments: Payment[];
  id: string;
}

interface Payment {
  readonly due: CalDate;
  readonly dueCents: number;
  readonly paidOn: CalDate | null;
  readonly paidCents: number | null;
}

interface TierHistoryEntry {
  readonly date: CalDate;
  readonly client: number;
  readonly from: Tier;
  readonly to: Tier;
  readonly reason: Text;
}

const RAISE: Readonly<Record<Tier, Tier>> = { A: "A", B: "A", C: "B" };
const NEXT_THRESHOLD: Readonly<Record<Tier, number>> = { A: Infinity, B: HIGH, C: MEDIUM };

function baseTier(p12: number, factor: number): Tier {
  return p12 >= HIGH * factor ? "A" : p12 >= MEDIUM * factor ? "B" : "C";
}

/** Rounds to a multiple of `step`. */
function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** Rounds to two (or `digits`) significant figures: a target someone would type. */
function roundNice(value: number, digits = 2): number {
  if (value <= 0) return 0;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(value)) - (digits - 1));
  return roundTo(value, step);
}

/**
 * How a row written in the order of `keys` lands in the table's columns: as it is when the
 * schema lists exactly these columns in this order (no copy for the large tables), else
 * rearranged.
 */
function rowLayout(table: TableKey, keys: readonly string[]): (cells: Cell[]) => Cell[] {
  const columns = TABLES[table].columns;
  const positions = keys.map((key) => {
    const index = columns.findIndex((column) => column.key === key);
    if (index < 0) throw new Error(`No column ${key} in ${table}`);
    return index;
  });
  if (columns.length === keys.length && positions.every((p, i) => p === i)) return (cells) => cells;
  return (cells) => {
    const row = new Array<Cell>(columns.length).fill(null);
    positions.forEach((p, i) => (row[p] = cells[i] ?? null));
    return row;
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

// ---------------------------------------------------------------------------------------
// The generator

export function generateSample(options: SampleOptions): SampleWorkbook {
  const n = options.clients ?? DEFAULT_SAMPLE_CLIENTS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLE_CLIENTS) {
    throw new RangeError(`clients must be a whole number from 1 to ${MAX_SAMPLE_CLIENTS}, not ${n}`);
  }
  if (!Number.isInteger(options.asOf)) throw new RangeError(`asOf must be a CalDate, not ${options.asOf}`);
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, not ${seed}`);
  return new SampleBuilder(options.language, n, seed, options.asOf).build();
}

class SampleBuilder {
  private readonly rnd: Random;
  private readonly nameRnd: Random;
  private readonly partnerRnd: Random;
  private readonly termsRnd: Random;
  private readonly zh: boolean;
  private readonly lang: 0 | 1;

  private readonly d: CalDate; // as-of
  private readonly from12: CalDate; // first day of the 12-month window
  private readonly from24: CalDate; // first day of the two years of history
  /** The earlier tier run whose Tier and Tier since cells the sample carries. */
  private readonly earlierRun: CalDate;
  /** Cooperation on or before this date makes a long-term partner. */
  private readonly longTermLimit: CalDate;
  /** The rule windows of the dates tiers are computed at. */
  private readonly windows = new Map<CalDate, { from12: CalDate; longTerm: CalDate }>();

  private readonly clients: Client[] = [];
  private readonly deals: Deal[] = [];
  /** Stage since and competitors: a stream of their own, so the other figures stay as they were. */
  private readonly marketRnd: Random;
  private readonly contracts: Contract[] = [];
  /** Shared date cells: a few thousand distinct dates serve hundreds of thousands of cells. */
  private readonly dateCells = new Map<CalDate, DateCell>();
  private readonly later = new Map<number, CalDate>();
  private readonly history: TierHistoryEntry[] = [];

  constructor(
    private readonly language: Language,
    private readonly n: number,
    seed: number,
    asOf: CalDate,
  ) {
    this.rnd = new Random(streamSeed(seed, 1));
    this.nameRnd = new Random(streamSeed(seed, 2));
    this.partnerRnd = new Random(streamSeed(seed, 3));
    this.marketRnd = new Random(streamSeed(seed, 14));
    this.termsRnd = new Random(streamSeed(seed, 5));
    this.zh = language === "zh-CN";
    this.lang = this.zh ? 0 : 1;
    this.d = asOf;
    this.from12 = addMonths(asOf, -12) + 1;
    this.from24 = addMonths(asOf, -24) + 1;
    this.longTermLimit = addYears(asOf, -3);
    // The last quarter start (a review month) at least two months back.
    const back = dateParts(addMonths(asOf, -2));
    this.earlierRun = calDate(back.year, back.month - ((back.month - 1) % 3), 1);
  }

  build(): SampleWorkbook {
    this.makeClients();
    this.makeOverrides();
    this.makeEarlierTiers();
    this.numberDeals();
    this.makeContracts();
    const owners = OWNERS[this.language].map((o) => `${o}@${EMAIL_DOMAIN}`);
    const clientIds = this.clients.map((c) => this.clientId(c.index));
    const partners = samplePartners(
      this.language,
      this.d,
      this.deals,
      this.clients.length,
      this.partnerRnd,
      (date) => this.dateCell(date),
    );
    const terms = this.makeTerms();
    const clients = this.sheet("clients", this.clientRows(owners, clientIds, partners));
    return {
      sheets: [
        clients,
        this.sheet("deals", this.dealRows(owners, clientIds, partners, terms)),
        this.sheet("contracts", this.contractRows(owners, clientIds)),
        this.sheet("payments", this.paymentRows()),
        this.sheet("interactions", this.interactionRows(owners, clientIds)),
        this.sheet("targets", this.targetRows(owners)),
        this.sheet("industries", this.industryRows()),
        this.sheet("tierHistory", this.historyRows(clientIds)),
        this.sheet("team", this.teamRows(owners)),
        this.sheet("partners", partners.rows),
        this.sheet("templates", defaultTemplateRows()),
        this.sheet("approvals", this.approvalRows(owners, terms, clients)),
      ],
      settings: {
        language: this.language,
        "report.recipients": `${MANAGER[this.language]}@${EMAIL_DOMAIN},${owners[0] ?? ""}`,
        // A day of an owner: two visits, or a visit and three calls or e-mails; a working week planned.
        "contact.capacityPerDay": "6",
        "contact.minGapDays": "3",
        "contact.planDays": "5",
        // A team in China: statutory holidays off, make-up working weekends worked.
        "contact.holidayPreset": "CN",
        "collection.escalateTo": `${MANAGER[this.language]}@${EMAIL_DOMAIN}`,
        "digest.finance": `finance@${EMAIL_DOMAIN}`,
        // Two owners have their planned visits in their calendars (.ics from the command line).
        "calendar.owners": owners.slice(0, 2).join(","),
        // A proposal takes longer to answer; a negotiation that stalls three weeks needs a push.
        "pipeline.staleDaysByStage": this.zh ? "方案报价:45, 商务谈判:21" : "proposal:45, negotiation:21",
      },
    };
  }

  // -- clients and their deals ---------------------------------------------------------

  private makeClients(): void {
    const n = this.n;
    const nA = Math.round(n * 0.15);
    const nB = Math.round(n * 0.3);
    const nC = n - nA - nB;
    const plans: (readonly [Tier, Role])[] = [];
    const take = (band: Tier, total: number, roles: readonly (readonly [Role, number])[]) => {
      let left = total;
      for (const [role, wanted] of roles) {
        const count = Math.min(left, wanted);
        for (let i = 0; i < count; i++) plans.push([band, role]);
        left -= count;
      }
      for (let i = 0; i < left; i++) plans.push([band, "normal"]);
    };
    const few = (share: number, min: number) => Math.max(min, Math.round(n * share));
    take("A", nA, [["mover", few(0.02, 1)]]);
    take("B", nB, [
      ["surge", few(0.012, 1)],
      ["longTerm", few(0.015, 1)],
      ["mover", few(0.03, 1)],
    ]);
    take("C", nC, [
      ["surge", few(0.02, 1)],
      ["longTerm", few(0.015, 1)],
      ["mover", few(0.025, 1)],
      ["inactive", Math.round(n * 0.08)],
      ["new", Math.round(n * 0.02)],
    ]);
    this.rnd.shuffle(plans);
    plans.forEach(([band, role], index) => this.clients.push(this.makeClient(index, band, role)));
  }

  private makeClient(index: number, band: Tier, role: Role): Client {
    const r = this.rnd;
    const industry = role === "longTerm" ? r.pick(RISING_INDUSTRIES) : r.weighted(INDUSTRY_WEIGHTS);
    const client: Client = {
      index,
      role,
      band,
      city: r.int(0, CITIES.length - 1),
      industry,
      owner: r.weighted(OWNER_WEIGHTS),
      p12: 0,
      prevYear: 0,
      won: [],
      cooperationSince: null,
      status: role === "inactive" ? "inactive" : r.chance(0.85) ? "active" : null,
      purchaseOverride: null,
      tierOverride: null,
      overrideReason: 0,
      hasOverrideReason: false,
      preferred: role !== "inactive" && r.chance(0.1) ? r.pick(CHANNEL_CODES) : null,
      tier: null,
      tierReason: null,
      purchase12m: null,
      tierSince: null,
    };
    const firstDeal = this.deals.length;
    this.makeDeals(client);
    let firstCreated = this.d;
    for (let i = firstDeal; i < this.deals.length; i++)
      firstCreated = Math.min(firstCreated, this.deals[i]!.created);
    this.makeCooperationSince(client, firstCreated);
    return client;
  }

  private logUniform(lo: number, hi: number): number {
    return Math.exp(this.rnd.real(Math.log(lo), Math.log(hi)));
  }

  private makeDeals(c: Client): void {
    const r = this.rnd;
    const d = this.d;
    const to12 = this.from12 - 1;
    let p12: number;
    switch (c.role) {
      case "surge":
        p12 = c.band === "B" ? r.real(600_000, 950_000) : r.real(120_000, 185_000);
        break;
      case "longTerm":
        p12 = c.band === "B" ? r.real(520_000, 950_000) : r.real(110_000, 185_000);
        break;
      case "inactive":
      case "new":
        p12 = 0;
        break;
      case "mover":
        p12 =
          c.band === "A"
            ? this.logUniform(1_100_000, 3_000_000)
            : c.band === "B"
              ? this.logUniform(250_000, 900_000)
              : this.logUniform(30_000, 180_000);
        break;
      default:
        p12 =
          c.band === "A"
            ? this.logUniform(1_050_000, 4_500_000)
            : c.band === "B"
              ? this.logUniform(215_000, 950_000)
              : r.chance(0.2)
                ? 0
                : this.logUniform(8_000, 185_000);
    }
    c.p12 = roundTo(p12, 100);
    const trend =
      c.role === "surge" ? r.real(0.3, 0.8) : c.role === "longTerm" ? r.real(0.8, 1.2) : r.real(0.5, 1.5);
    c.prevYear =
      c.role === "inactive" ? roundTo(this.logUniform(30_000, 150_000), 100) : roundTo(c.p12 * trend, 100);
    if (c.role === "new") c.prevYear = 0;
    // A rising mover bought little a year ago and all of this year's orders came after the
    // earlier run; a falling one bought a band higher a year ago.
    const risingMover = c.role === "mover" && (c.band === "A" || (c.band === "B" && r.chance(0.5)));
    if (c.role === "mover") {
      const prev = risingMover
        ? c.band === "A"
          ? this.logUniform(250_000, 700_000)
          : this.logUniform(10_000, 100_000)
        : c.band === "B"
          ? this.logUniform(1_600_000, 3_000_000)
          : this.logUniform(450_000, 900_000);
      c.prevYear = roundTo(prev, 100);
    }

    const count = (a: number, b: number, cc: number) => (c.band === "A" ? a : c.band === "B" ? b : cc);

    // Won in the last 12 months.
    if (c.role === "surge") {
      const recent = roundTo(c.p12 * r.real(0.55, 0.7), 100);
      const before = roundTo(c.p12 * r.real(0.05, 0.12), 100);
      this.wonDeals(c, recent, r.int(2, 3), d - SURGE_DAYS + 1, d);
      this.wonDeals(c, before, 1, d - 2 * SURGE_DAYS + 1, d - SURGE_DAYS);
      this.wonDeals(c, c.p12 - recent - before, r.int(1, 2), this.from12, d - 2 * SURGE_DAYS);
    } else if (c.p12 > 0) {
      const from = risingMover ? this.earlierRun + 1 : this.from12;
      this.wonDeals(c, c.p12, count(r.int(2, 3), r.int(1, 2), 1), from, d);
      this.avoidSurge(c);
    }
    // Won in the year before.
    if (c.prevYear > 0) {
      this.wonDeals(c, c.prevYear, count(r.int(1, 3), r.int(1, 2), 1), this.from24, to12);
    }

    const typical = Math.max(c.p12, c.prevYear, 60_000) / count(2.5, 1.5, 1);
    // Lost deals over the two years.
    const lost = c.role === "new" ? r.int(0, 1) : count(r.int(8, 12), r.int(5, 9), r.int(3, 6));
    for (let i = 0; i < lost; i++) {
      const closed =
        c.role === "new"
          ? d - r.int(0, 40)
          : c.role === "inactive"
            ? r.int(this.from24, to12)
            : r.int(this.from24, d);
      this.addDeal(c, "lost", this.dealAmount(typical), closed);
    }
    // Open deals.
    if (c.role !== "inactive") {
      const open = c.role === "new" ? r.int(1, 2) : count(r.int(2, 4), r.int(1, 3), r.int(1, 2));
      for (let i = 0; i < open; i++) {
        const stage = OPEN_STAGE_CODES[r.weighted(OPEN_STAGE_WEIGHTS)] as Stage;
        const created = d - r.int(0, c.role === "new" ? 50 : 120);
        this.deals.push({
          client: c.index,
          title: this.dealTitle(),
          ownerBlank: r.chance(0.08),
          stage,
          amount: this.dealAmount(typical),
          probability: r.chance(0.2) ? 0.6 : null,
          created,
          expectedClose: d + r.int(15, 120),
          closedOn: null,
          source: SOURCE_CODES[r.weighted(SOURCE_WEIGHTS)] as Source,
          lostReason: -1,
          seq: 0,
          id: "",
        });
      }
    }
  }

  private dealAmount(typical: number): number {
    return Math.max(1_000, roundTo(typical * this.rnd.real(0.5, 1.5), 100));
  }

  private dealTitle(): number {
    return this.rnd.int(0, PRODUCTS.length * DEAL_KINDS.length - 1);
  }

  /** Splits `total` into `count` won deals closed in [from, to]. */
  private wonDeals(c: Client, total: number, count: number, from: CalDate, to: CalDate): void {
    if (total <= 0) return;
    const r = this.rnd;
    const parts = Math.max(1, Math.min(count, Math.floor(total / 1_000)));
    const weights: number[] = [];
    let sum = 0;
    for (let i = 0; i < parts; i++) {
      const w = r.real(0.4, 1.6);
      weights.push(w);
      sum += w;
    }
    let left = total;
    for (let i = 0; i < parts; i++) {
      const amount = i === parts - 1 ? left : roundTo((total * (weights[i] as number)) / sum, 100);
      left -= amount;
      this.addDeal(c, "won", amount, r.int(from, Math.max(from, to)));
    }
  }

  private addDeal(c: Client, stage: "won" | "lost", amount: number, closed: CalDate): void {
    const r = this.rnd;
    const deal: Deal = {
      client: c.index,
      title: this.dealTitle(),
      ownerBlank: r.chance(0.08),
      stage,
      amount,
      probability: null,
      created: Math.max(this.from24 - 30, closed - r.int(10, 120)),
      expectedClose: r.chance(0.5) ? closed + r.int(-20, 10) : null,
      closedOn: closed,
      source: SOURCE_CODES[r.weighted(SOURCE_WEIGHTS)] as Source,
      lostReason: stage === "lost" ? r.weighted(LOST_REASON_WEIGHTS) : -1,
      seq: 0,
      id: "",
    };
    this.deals.push(deal);
    if (stage === "won") c.won.push(deal);
  }

  private wonIn(c: Client, from: CalDate, to: CalDate): number {
    let sum = 0;
    for (const deal of c.won) {
      const closed = deal.closedOn as CalDate;
      if (closed >= from && closed <= to) sum += deal.amount;
    }
    return sum;
  }

  /**
   * Only the clients meant to surge do. Where recent orders would look like a surge, an order
   * from earlier in the year moves into the quarter before (so recent business stays where it
   * is); failing that, the largest recent order moves back a quarter.
   */
  private avoidSurge(c: Client): void {
    const next = NEXT_THRESHOLD[c.band] * DOWNGRADE_FACTOR;
    if (!Number.isFinite(next)) return;
    const d = this.d;
    const quarterStart = d - 2 * SURGE_DAYS + 1;
    const quarterEnd = d - SURGE_DAYS;
    for (;;) {
      const recent = this.wonIn(c, quarterEnd + 1, d);
      const before = this.wonIn(c, quarterStart, quarterEnd);
      if (!(recent > 0 && recent >= 2 * before && (recent * 365) / SURGE_DAYS >= next)) return;
      let older: Deal | null = null;
      let largest: Deal | null = null;
      for (const deal of c.won) {
        const closed = deal.closedOn as CalDate;
        if (
          closed >= this.from12 &&
          closed < quarterStart &&
          (older === null || deal.amount > older.amount)
        ) {
          older = deal;
        }
        if (closed > quarterEnd && (largest === null || deal.amount > largest.amount)) largest = deal;
      }
      const moved = older ?? largest;
      if (moved === null) return;
      moved.closedOn = this.rnd.int(quarterStart, quarterEnd);
    }
  }

  private firstWon(c: Client): CalDate | null {
    let first: CalDate | null = null;
    for (const deal of c.won) {
      const closed = deal.closedOn as CalDate;
      if (first === null || closed < first) first = closed;
    }
    return first;
  }

  /** Long cooperation only where it is meant to lift a tier (rules.md §1.3, strategic uplift). */
  private makeCooperationSince(c: Client, firstDeal: CalDate): void {
    const r = this.rnd;
    const d = this.d;
    const longTermLimit = this.longTermLimit;
    if (c.role === "longTerm") {
      c.cooperationSince = longTermLimit - r.int(120, 1800);
      return;
    }
    if (c.role === "new") {
      c.cooperationSince = r.chance(0.5) ? d - r.int(10, 60) : null;
      return;
    }
    if (r.chance(0.15)) return;
    // In a rising industry only small clients may be old partners: 0.35 of the next threshold
    // stays below the review's lowered uplift share (0.45) even after a purchase override (≤ ×1.2).
    const rising = INDUSTRIES[c.industry]!.growth >= RISING_GROWTH;
    const small = Math.max(c.p12, c.prevYear) < 0.35 * NEXT_THRESHOLD[c.band];
    if (rising && !small) {
      const from = longTermLimit + 30;
      c.cooperationSince = from <= firstDeal ? r.int(from, firstDeal) : null;
    } else {
      c.cooperationSince = Math.max(longTermLimit - 7 * 365, firstDeal - r.int(0, 6 * 365));
    }
  }

  /** The tier rules 1–3 at `date` (surge left out: the earlier run is a plain recalculation). */
  private tierAt(c: Client, date: CalDate, factor: number): { tier: Tier; p12: number; uplift: boolean } {
    const window = this.windows.get(date) ?? {
      from12: addMonths(date, -12) + 1,
      longTerm: addYears(date, -3),
    };
    this.windows.set(date, window);
    const p12 = c.purchaseOverride ?? this.wonIn(c, window.from12, date);
    const base = baseTier(p12, factor);
    const start = c.cooperationSince ?? this.firstWon(c);
    const uplift =
      base !== "A" &&
      INDUSTRIES[c.industry]!.growth >= RISING_GROWTH &&
      start !== null &&
      start <= window.longTerm &&
      p12 >= 0.5 * NEXT_THRESHOLD[base] * factor;
    return { tier: uplift ? RAISE[base] : base, p12, uplift };
  }

  // -- overrides and the earlier tier run ----------------------------------------------

  private makeOverrides(): void {
    const r = this.rnd;
    const candidates = r.shuffle(this.clients.filter((c) => c.role === "normal"));
    const withReason = Math.max(2, Math.round(this.n * 0.02));
    let used = 0;
    for (const c of candidates.slice(0, withReason + 1)) {
      const last = used === withReason; // one override without a reason: a realistic data issue
      const up = c.band === "C" || (c.band === "B" && (last || r.chance(0.6)));
      c.tierOverride = up ? RAISE[c.band] : c.band === "A" ? "B" : "C";
      c.hasOverrideReason = !last;
      c.overrideReason = up ? r.int(0, OVERRIDE_UP.length - 1) : -1 - r.int(0, OVERRIDE_DOWN.length - 1);
      used++;
    }
    // A group buying on a client's behalf: the manual figure stays within the client's band.
    for (const c of candidates.slice(withReason + 1, withReason + 1 + Math.round(this.n * 0.01))) {
      if (c.p12 <= 0) continue;
      const cap = c.band === "A" ? Infinity : c.band === "B" ? HIGH * 0.95 : MEDIUM * 0.95;
      c.purchaseOverride = Math.max(10_000, roundTo(Math.min(cap, c.p12 * r.real(1.05, 1.2)), 10_000));
      if (baseTier(c.purchaseOverride, 1) !== c.band) c.purchaseOverride = null;
    }
  }

  private overrideText(c: Client): Text {
    return c.overrideReason >= 0
      ? (OVERRIDE_UP[c.overrideReason] as Text)
      : (OVERRIDE_DOWN[-1 - c.overrideReason] as Text);
  }

  private reasonText(
    p12: number,
    tier: Tier,
    factor: number,
    uplift: boolean,
    c: Client,
    review: boolean,
  ): Text {
    const money = (yuan: number) => formatMoney(Math.round(yuan * 100), "CNY");
    if (uplift) {
      const growth = `${Math.round(INDUSTRIES[c.industry]!.growth * 100)}%`;
      const share = money(0.5 * NEXT_THRESHOLD[tier === "A" ? "B" : "C"] * factor);
      return [
        `行业增长 ${growth} ≥ 10%，合作满3年，近12个月采购额 ${money(p12)} ≥ ${share} → ${tier}`,
        `Rising industry ${growth} ≥ 10%, partner for 3+ years, 12-month purchase ${money(p12)} ≥ ${share} → ${tier}`,
      ];
    }
    const threshold = (tier === "A" ? HIGH : MEDIUM) * factor;
    const cmp = tier === "C" ? "<" : "≥";
    const zhPrefix = review ? "季度复核：" : "";
    const enPrefix = review ? "Quarterly review: " : "";
    return [
      `${zhPrefix}近12个月采购额 ${money(p12)} ${cmp} ${money(threshold)} → ${tier}`,
      `${enPrefix}12-month purchase ${money(p12)} ${cmp} ${money(threshold)} → ${tier}`,
    ];
  }

  /**
   * About 40% of clients carry the Tier, reason, purchase and Tier since of an earlier run
   * (a quarter start at least two months back), computed from their own deals; the run before
   * it, half a year earlier, explains the history rows. Some of these tiers will change now.
   */
  private makeEarlierTiers(): void {
    const r = this.rnd;
    const run = this.earlierRun;
    const before = addMonths(run, -6);
    const movers = this.clients.filter((c) => c.role === "mover");
    const others = r.shuffle(this.clients.filter((c) => c.role !== "new" && c.role !== "mover"));
    const picked = [...movers, ...others].slice(0, Math.round(this.n * 0.4));
    picked.sort((a, b) => a.index - b.index);
    for (const c of picked) {
      const now = this.tierAt(c, run, 1);
      c.purchase12m = now.p12;
      if (c.tierOverride) {
        const text = this.overrideText(c);
        c.tier = c.tierOverride;
        c.tierReason = c.hasOverrideReason
          ? [`手工分级 → ${c.tier}：${text[0]}`, `Override → ${c.tier}: ${text[1]}`]
          : [`手工分级 → ${c.tier}`, `Override → ${c.tier}`];
        c.tierSince = before;
        continue;
      }
      const earlier = this.tierAt(c, before, 1).tier;
      let tier = now.tier;
      let reason = this.reasonText(now.p12, now.tier, 1, now.uplift, c, false);
      if (TIER_RANK[now.tier] < TIER_RANK[earlier]) {
        // The run was a quarterly review: a downgrade needs the margin.
        const review = this.tierAt(c, run, DOWNGRADE_FACTOR);
        if (TIER_RANK[review.tier] < TIER_RANK[earlier]) {
          tier = review.tier;
          reason = this.reasonText(review.p12, review.tier, DOWNGRADE_FACTOR, review.uplift, c, true);
        } else {
          tier = earlier;
          const floor = formatMoney((earlier === "A" ? HIGH : MEDIUM) * DOWNGRADE_FACTOR * 100, "CNY");
          const p12 = formatMoney(now.p12 * 100, "CNY");
          reason = [
            `近12个月采购额 ${p12}，降级需低于 ${floor}，保持 ${tier}`,
            `12-month purchase ${p12}, a downgrade needs less than ${floor}: ${tier} kept`,
          ];
        }
      }
      c.tier = tier;
      c.tierReason = reason;
      if (tier !== earlier) {
        c.tierSince = run;
        this.history.push({ date: run, client: c.index, from: earlier, to: tier, reason });
      } else {
        c.tierSince = r.chance(0.3) ? addMonths(before, -3 * r.int(1, 2)) : before;
      }
    }
  }

  // -- IDs -----------------------------------------------------------------------------

  /** Deal IDs in order of creation; a counting sort keeps clients in order within a day. */
  private numberDeals(): void {
    let min = this.d;
    for (const deal of this.deals) min = Math.min(min, deal.created);
    const byDay: Deal[][] = [];
    for (const deal of this.deals) (byDay[deal.created - min] ??= []).push(deal);
    const prefix = this.zh ? "SJ" : "D";
    let next = 0;
    for (const day of byDay) {
      if (day === undefined) continue;
      for (const deal of day) {
        this.deals[next] = deal;
        deal.seq = next;
        deal.id = `${prefix}${pad(++next, 6)}`;
      }
    }
  }

  private clientId(index: number): string {
    return `${this.zh ? "KH" : "C"}${pad(index + 1, 5)}`;
  }

  // -- contracts and payments ------------------------------------------------------------

  /** addYears, remembered: contracts start on a few hundred distinct days. */
  private yearsLater(date: CalDate, years: number): CalDate {
    const key = date * 8 + years;
    let later = this.later.get(key);
    if (later === undefined) {
      later = addYears(date, years);
      this.later.set(key, later);
    }
    return later;
  }

  private makeContracts(): void {
    const r = this.rnd;
    const byClient: Deal[][] = this.clients.map(() => []);
    for (const deal of this.deals) if (deal.stage === "won") byClient[deal.client]!.push(deal);
    for (const c of this.clients) {
      const won = byClient[c.index]!;
      if (won.length === 0) continue;
      // Every order won more than 30 days ago has its contract; of the latest, most have one
      // in draft, in review or just signed.
      for (const deal of won) {
        if ((deal.closedOn as CalDate) <= this.d - 30 || r.chance(0.6))
          this.contracts.push(this.makeContract(c, deal));
      }
    }
    // A contract is only "renewed" when a later one of the client follows it.
    const latest = new Map<number, CalDate>();
    for (const k of this.contracts) {
      const time = k.start ?? k.signedOn ?? Infinity;
      if (time > (latest.get(k.client) ?? -Infinity)) latest.set(k.client, time);
    }
    for (const k of this.contracts) {
      const time = k.start ?? k.signedOn ?? Infinity;
      if (k.status === "renewed" && !((latest.get(k.client) ?? -Infinity) > time)) k.status = "expired";
    }
    // Numbered by signing date (drafts by order date), as a contracts register would be.
    const key = (k: Contract) => (k.signedOn ?? (k.deal.closedOn as CalDate) + 30) * 1e7 + k.deal.seq;
    this.contracts.sort((a, b) => key(a) - key(b));
    const prefix = this.zh ? "HT" : "CT";
    this.contracts.forEach((contract, i) => (contract.id = `${prefix}${pad(i + 1, 6)}`));
  }

  private makeContract(c: Client, deal: Deal): Contract {
    const r = this.rnd;
    const d = this.d;
    const closed = deal.closedOn as CalDate;
    const discount = DISCOUNTS[r.weighted(DISCOUNT_WEIGHTS)]!;
    const valueCents = Math.round((deal.amount * 100 * discount) / 1000);
    const ownerBlank = r.chance(0.1);
    // Recent orders: contracts still in draft or review, or signed and starting soon.
    const recent = closed > d - 30 ? r.weighted(RECENT_CONTRACT_WEIGHTS) : -1;
    if (recent === 0 || recent === 1) {
      const status: ContractStatus = recent === 0 ? "draft" : "review";
      const start = status === "review" ? d + r.int(10, 30) : null;
      const end = start === null ? null : this.yearsLater(start, 1) - 1;
      return {
        client: c.index,
        deal,
        valueCents,
        ownerBlank,
        status,
        signedOn: null,
        start,
        end,
        payments: [],
        id: "",
      };
    }
    const signedOn = Math.min(d, closed + r.int(0, 10));
    const start = recent === 2 ? d + r.int(3, 40) : signedOn + r.int(0, 14);
    const end = this.yearsLater(start, 1 + r.weighted(TERM_WEIGHTS)) - 1;
    let status: ContractStatus;
    if (start > d) status = "signed";
    else if (end < d) status = r.chance(0.75) ? "expired" : "renewed";
    else status = signedOn <= d - 220 && r.chance(0.05) ? "terminated" : "active";
    const payments = this.makePayments(valueCents, signedOn, end, status);
    return { client: c.index, deal, valueCents, ownerBlank, status, signedOn, start, end, payments, id: "" };
  }

  private makePayments(
    valueCents: number,
    signedOn: CalDate,
    end: CalDate,
    status: ContractStatus,
  ): Payment[] {
    const r = this.rnd;
    // Small contracts are paid in two instalments, larger ones in up to three or four.
    const plans = valueCents < 5_000_000 ? 2 : valueCents < 30_000_000 ? 5 : INSTALMENT_SHARES.length;
    const shares = INSTALMENT_SHARES[r.int(0, plans - 1)]!;
    const terminated = status === "terminated";
    const payments: Payment[] = [];
    let left = valueCents;
    let due = signedOn + r.int(7, 30);
    shares.forEach((share, i) => {
      if (i > 0) due = Math.min(end, due + (terminated ? r.int(20, 45) : r.int(30, 120)));
      const dueCents = i === shares.length - 1 ? left : Math.round((valueCents * share) / 100);
      left -= dueCents;
      payments.push(this.settle(due, dueCents, terminated));
    });
    return payments;
  }

  /** Most instalments are paid on time, some late, a few partly or not at all. */
  private settle(due: CalDate, dueCents: number, alwaysPaid: boolean): Payment {
    const r = this.rnd;
    const d = this.d;
    if (due >= d) {
      if (due - 20 <= d && r.chance(0.05))
        return { due, dueCents, paidOn: r.int(due - 20, d), paidCents: dueCents };
      return { due, dueCents, paidOn: null, paidCents: null };
    }
    const age = d - due;
    if (!alwaysPaid) {
      const unpaid = age <= 30 ? 0.1 : age <= 90 ? 0.02 : 0.002;
      if (r.chance(unpaid)) return { due, dueCents, paidOn: null, paidCents: null };
      if (r.chance(0.005)) {
        const part = Math.max(100, roundTo(dueCents * r.real(0.3, 0.7), 10_000));
        if (part < dueCents)
          return { due, dueCents, paidOn: Math.min(d, due + r.int(0, 20)), paidCents: part };
      }
    }
    const lateness = r.weighted(LATENESS_WEIGHTS);
    const delay = lateness === 0 ? r.int(-5, 10) : lateness === 1 ? r.int(11, 60) : r.int(61, 120);
    const paidOn = due + delay;
    if (paidOn > d) {
      return alwaysPaid
        ? { due, dueCents, paidOn: d, paidCents: dueCents }
        : { due, dueCents, paidOn: null, paidCents: null };
    }
    return { due, dueCents, paidOn, paidCents: dueCents };
  }

  // -- rows --------------------------------------------------------------------------------

  /** The Team sheet: every owner by name, reporting to the manager. */
  private teamRows(owners: readonly string[]): Cell[][] {
    const manager = `${MANAGER[this.language]}@${EMAIL_DOMAIN}`;
    const names = TEAM_NAMES[this.language];
    return [
      ...owners.map((owner, i) => [owner, names[i] ?? owner, manager, this.code(YES_NO, "yes")]),
      [manager, names[owners.length] ?? manager, "", this.code(YES_NO, "yes")],
    ];
  }

  private sheet(table: TableKey, rows: Cell[][]): SampleSheet {
    const header = TABLES[table].columns.map((column) => headerName(column, this.language));
    rows.unshift(header);
    return { table, name: sheetName(table, this.language), rows };
  }

  /** A row builder for the small tables: cells by column key, in the schema's column order. */
  private rowMaker(table: TableKey): (values: Readonly<Record<string, Cell>>) => Cell[] {
    const keys = TABLES[table].columns.map((column) => column.key);
    return (values) => keys.map((key) => values[key] ?? null);
  }

  private dateCell(date: CalDate | null): DateCell | null {
    if (date === null) return null;
    let cell = this.dateCells.get(date);
    if (cell === undefined) {
      cell = { date };
      this.dateCells.set(date, cell);
    }
    return cell;
  }

  /** A code cell as the tool writes one: the label in the workbook's language, as its drop-down offers. */
  private code<C extends string>(list: CodeList<C>, value: C | null): Cell {
    return value === null ? null : list.cell(value, this.language);
  }

  private text(text: Text): string {
    return text[this.lang];
  }

  private clientRows(
    owners: readonly string[],
    clientIds: readonly string[],
    partners: SamplePartners,
  ): Cell[][] {
    const row = this.rowMaker("clients");
    const names = new Set<string>();
    const emails = new Map<string, number>();
    return this.clients.map((c) => {
      const [name, handle] = this.companyName(c, names);
      const used = emails.get(handle) ?? 0;
      emails.set(handle, used + 1);
      const reason = c.tierOverride !== null && c.hasOverrideReason ? this.text(this.overrideText(c)) : null;
      return row({
        clientId: clientIds[c.index] ?? null,
        name,
        industry: this.text(INDUSTRIES[c.industry]!.name),
        region: this.text(REGIONS[CITIES[c.city]![2]]!),
        owner: owners[c.owner] ?? null,
        email: `${handle}${used === 0 ? "" : used + 1}@${EMAIL_DOMAIN}`,
        status: this.code(CLIENT_STATUSES, c.status),
        cooperationSince: this.dateCell(c.cooperationSince),
        purchaseOverride: c.purchaseOverride,
        tierOverride: this.code(TIERS, c.tierOverride),
        overrideReason: reason,
        preferredChannel: this.code(CHANNELS, c.preferred),
        tier: c.tier,
        tierReason: c.tierReason === null ? null : this.text(c.tierReason),
        purchase12m: c.purchase12m,
        tierSince: this.dateCell(c.tierSince),
        partner: partners.clientPartner[c.index] ?? null,
      });
    });
  }

  /** A unique company name and the handle of its contact e-mail. */
  private companyName(c: Client, names: Set<string>): [string, string] {
    const r = this.nameRnd;
    const industry = INDUSTRIES[c.industry]!;
    const [city, cityPinyin] = CITIES[c.city]!;
    for (let attempt = 0; ; attempt++) {
      let name: string;
      let handle: string;
      if (this.zh) {
        const first = r.pick(ZH_CORE_FIRST);
        let second = r.pick(ZH_CORE_SECOND);
        if (second[0] === first[0]) second = ZH_CORE_SECOND[0]!;
        const form = r.chance(0.15) ? "股份有限公司" : "有限公司";
        name = `${city}${first[0]}${second[0]}${r.pick(industry.zhSuffixes)}${form}`;
        handle = `${first[1]}${second[1]}.${cityPinyin}`;
      } else {
        const core = `${r.pick(EN_CORE_FIRST)}${r.pick(EN_CORE_SECOND)}`;
        name = `${core} ${r.pick(industry.enSuffixes)} ${r.pick(EN_COMPANY_SUFFIXES)}`;
        handle = core.toLowerCase();
      }
      if (attempt >= 20) name = this.zh ? `${name}（${attempt}）` : `${name} (${attempt})`;
      if (!names.has(name)) {
        names.add(name);
        return [name, handle];
      }
    }
  }

  /** Titles by product × kind, built once. */
  private titles(suffix: Text | null): string[] {
    const titles: string[] = [];
    for (const product of PRODUCTS) {
      for (const kind of DEAL_KINDS) {
        titles.push(
          this.zh
            ? `${product[0]}${kind[0]}${suffix?.[0] ?? ""}`
            : `${product[1]} ${kind[1]}${suffix === null ? "" : ` ${suffix[1]}`}`,
        );
      }
    }
    return titles;
  }

  /** Negotiated terms of the deals under negotiation and the recent wins (sampleTerms.ts). */
  private makeTerms(): SampleTermsResult {
    const deals = this.deals.map((deal) => ({
      stage: deal.stage,
      amount: deal.amount,
      closedOn: deal.closedOn,
      tier: this.clients[deal.client]!.tier ?? "C",
    }));
    return sampleTerms(deals, this.termsRnd, this.d);
  }

  /** The Approvals sheet as a manager left it: one win approved beyond its payment limit. */
  private approvalRows(owners: readonly string[], terms: SampleTermsResult, clients: SampleSheet): Cell[][] {
    if (terms.approved === null) return [];
    const deal = this.deals[terms.approved]!;
    const t = terms.terms[terms.approved]!;
    const client = this.clients[deal.client]!;
    const manager = `${MANAGER[this.language]}@${EMAIL_DOMAIN}`;
    const nameAt = TABLES.clients.columns.findIndex((c) => c.key === "name");
    const decided = dateParts((deal.closedOn ?? this.d) - 3);
    const at = `${decided.year}-${pad(decided.month, 2)}-${pad(decided.day, 2)} 16:20`;
    const row = this.rowMaker("approvals");
    return [
      row({
        dealId: deal.id,
        client: clients.rows[client.index + 1]?.[nameAt] ?? null,
        owner: owners[client.owner] ?? null,
        stage: this.code(STAGES, deal.stage),
        amount: deal.amount,
        listPrice: t.listPrice,
        floorPrice: t.floorPrice,
        discount: t.discount,
        paymentDays: t.paymentDays,
        approver: manager,
        status: this.code(APPROVAL_STATUSES, "approved"),
        decidedAt: at,
        decidedBy: manager,
        note: this.text(APPROVED_NOTE),
      }),
    ];
  }

  private dealRows(
    owners: readonly string[],
    clientIds: readonly string[],
    partners: SamplePartners,
    terms: SampleTermsResult,
  ): Cell[][] {
    const row = rowLayout("deals", [
      "dealId",
      "clientId",
      "title",
      "owner",
      "stage",
      "amount",
      "probability",
      "created",
      "expectedClose",
      "closedOn",
      "source",
      "lostReason",
      "partner",
      "stageSince",
      "competitor",
      "listPrice",
      "floorPrice",
      "discount",
      "paymentDays",
    ]);
    const titles = this.titles(null);
    const lostReasons = LOST_REASONS.map((reason) => this.text(reason));
    const competitors = COMPETITORS.map((name) => this.text(name));
    return this.deals.map((deal, i) => {
      const market = this.dealMarket(deal);
      const t = terms.terms[i] ?? null;
      return row([
        deal.id,
        clientIds[deal.client] ?? null,
        titles[deal.title] ?? null,
        deal.ownerBlank ? null : (owners[this.clients[deal.client]!.owner] ?? null),
        this.code(STAGES, deal.stage),
        deal.amount,
        deal.probability,
        this.dateCell(deal.created),
        this.dateCell(deal.expectedClose),
        this.dateCell(deal.closedOn),
        this.code(SOURCES, deal.source),
        lostReasons[deal.lostReason] ?? null,
        partners.dealPartner[i] ?? null,
        this.dateCell(market.stageSince),
        market.competitor < 0 ? null : (competitors[market.competitor] ?? null),
        t?.listPrice ?? null,
        t?.floorPrice ?? null,
        t?.discount ?? null,
        t?.paymentDays ?? null,
      ]);
    });
  }

  /**
   * An open deal's Stage since: most entered their stage within the last four weeks, about a
   * quarter earlier (stale at the default 30 days), one in eight left blank (Created applies).
   * The competitor named in the deal (-1: none), more often in losses to a competitor or on price.
   */
  private dealMarket(deal: Deal): { stageSince: CalDate | null; competitor: number } {
    const r = this.marketRnd;
    const open = deal.stage !== "won" && deal.stage !== "lost";
    let stageSince: CalDate | null = null;
    if (open && !r.chance(0.12)) {
      const inStage = Math.min(this.d - deal.created, r.chance(0.26) ? r.int(31, 80) : r.int(0, 28));
      stageSince = this.d - Math.max(0, inStage);
    }
    const named =
      deal.stage === "won"
        ? COMPETITOR_NAMED_WON
        : deal.stage === "lost"
          ? (COMPETITOR_NAMED_LOST[deal.lostReason] ?? 0.3)
          : COMPETITOR_NAMED_OPEN;
    const weights = deal.stage === "lost" ? COMPETITOR_WEIGHTS_LOST : COMPETITOR_WEIGHTS_WON;
    return { stageSince, competitor: r.chance(named) ? r.weighted(weights) : -1 };
  }

  private contractRows(owners: readonly string[], clientIds: readonly string[]): Cell[][] {
    const row = rowLayout("contracts", [
      "contractId",
      "clientId",
      "dealId",
      "title",
      "owner",
      "value",
      "status",
      "signedOn",
      "start",
      "end",
      "approvals",
      "archiveLink",
    ]);
    const titles = this.titles(["合同", "contract"]);
    const { approvals, links } = sampleContractApprovals(this.language, this.contracts);
    return this.contracts.map((contract, i) =>
      row([
        contract.id,
        clientIds[contract.client] ?? null,
        contract.deal.id,
        titles[contract.deal.title] ?? null,
        contract.ownerBlank ? null : (owners[this.clients[contract.client]!.owner] ?? null),
        contract.valueCents / 100,
        this.code(CONTRACT_STATUSES, contract.status),
        this.dateCell(contract.signedOn),
        this.dateCell(contract.start),
        this.dateCell(contract.end),
        approvals[i] ?? null,
        links[i] ?? null,
      ]),
    );
  }

  private paymentRows(): Cell[][] {
    const row = rowLayout("payments", ["contractId", "due", "amountDue", "paidOn", "amountPaid"]);
    const rows: Cell[][] = [];
    for (const contract of this.contracts) {
      for (const p of contract.payments) {
        rows.push(
          row([
            contract.id,
            this.dateCell(p.due),
            p.dueCents / 100,
            this.dateCell(p.paidOn),
            p.paidCents === null ? null : p.paidCents / 100,
          ]),
        );
      }
    }
    return rows;
  }

  /** The tier the client is really managed at: its band, raised when it surges or is a lifted partner. */
  private managedTier(c: Client): Tier {
    if (c.tierOverride) return c.tierOverride;
    return c.role === "surge" || c.role === "longTerm" ? RAISE[c.band] : c.band;
  }

  /**
   * Contact records, built straight into rows (they are the bulk of the workbook): a cadence
   * by tier with some clients behind it, sorted by date with a counting sort.
   */
  private interactionRows(owners: readonly string[], clientIds: readonly string[]): Cell[][] {
    const r = this.rnd;
    const d = this.d;
    const row = rowLayout("interactions", [
      "date",
      "clientId",
      "owner",
      "channel",
      "responded",
      "satisfaction",
      "summary",
    ]);
    const summaries = CHANNEL_CODES.map((channel) => SUMMARIES[channel].map((text) => this.text(text)));
    const noResponse = CHANNEL_CODES.map((channel) => this.text(NO_RESPONSE_SUMMARIES[channel]));
    const oldest = d - 400;
    const byDay: Cell[][][] = [];
    for (const c of this.clients) {
      const tier = this.managedTier(c);
      const interval = INTERVAL_DAYS[tier];
      let last: CalDate;
      let from: CalDate;
      if (c.role === "inactive") {
        last = d - r.int(200, 260);
        from = d - 330;
      } else if (c.role === "new") {
        if (r.chance(0.3)) continue;
        last = d - r.int(0, 20);
        from = d - 45;
      } else {
        const overdue = r.chance(tier === "C" ? 0.25 : 0.2);
        last =
          d -
          (overdue ? r.int(interval + 1, interval + 1 + Math.round(interval * 1.5)) : r.int(0, interval - 2));
        from = d - 250;
      }
      const lo = Math.round(interval * 0.6);
      const hi = Math.round(interval * 1.25);
      const weights = CHANNEL_WEIGHTS[tier];
      const preferred = c.preferred === null ? -1 : CHANNEL_CODES.indexOf(c.preferred);
      const owner = owners[c.owner] ?? null;
      for (let date = last; date >= from; date -= r.int(lo, hi)) {
        const day = this.workday(date);
        const ch = preferred >= 0 && r.chance(0.65) ? preferred : r.weighted(weights);
        const channel = CHANNEL_CODES[ch]!;
        const [yes, no] = RESPONSE[channel];
        const x = r.next();
        const responded: YesNo | null = x < yes ? "yes" : x < yes + no ? "no" : null;
        const satisfaction =
          responded !== "no" && r.chance(0.92) ? r.weighted(SATISFACTION_WEIGHTS) + 1 : null;
        const cells = row([
          this.dateCell(day),
          clientIds[c.index] ?? null,
          r.chance(0.05) ? null : owner,
          this.code(CHANNELS, channel),
          this.code(YES_NO, responded),
          satisfaction,
          responded === "no" ? (noResponse[ch] ?? null) : r.pick(summaries[ch]!),
        ]);
        (byDay[day - oldest] ??= []).push(cells);
      }
    }
    const rows: Cell[][] = [];
    for (const day of byDay) if (day !== undefined) for (const cells of day) rows.push(cells);
    return rows;
  }

  /** Nobody logs a visit on a Sunday: weekends move to Friday (or Monday, when that is not after as-of). */
  private workday(date: CalDate): CalDate {
    const wd = weekday(date);
    if (wd === 6) return date - 1;
    if (wd === 0) return date + 1 <= this.d ? date + 1 : date - 2;
    return date;
  }

  private targetRows(owners: readonly string[]): Cell[][] {
    const r = this.rnd;
    const row = this.rowMaker("targets");
    const { year, month } = dateParts(this.d);
    const last = shiftMonth(year, month, -1);
    const wonByYear = new Map<number, number>();
    const startOfYear = calDate(year, 1, 1);
    const startOfLastYear = calDate(year - 1, 1, 1);
    const ownerShare = owners.map(() => 0);
    const ownerPrevShare = owners.map(() => 0);
    let recent = 0;
    let prevTotal = 0;
    for (const deal of this.deals) {
      if (deal.stage !== "won") continue;
      const closed = deal.closedOn as CalDate;
      const y = closed >= startOfYear ? year : closed >= startOfLastYear ? year - 1 : year - 2;
      wonByYear.set(y, (wonByYear.get(y) ?? 0) + deal.amount);
      const owner = this.clients[deal.client]!.owner;
      if (closed >= this.from12) {
        recent += deal.amount;
        ownerShare[owner]! += deal.amount;
      }
      if (y === year - 1) {
        prevTotal += deal.amount;
        ownerPrevShare[owner]! += deal.amount;
      }
    }
    const teamYear = roundNice(recent * r.real(1.08, 1.18));
    const teamPrev = roundNice((wonByYear.get(year - 1) ?? recent) * r.real(0.95, 1.1));
    const rows: Cell[][] = [
      row({ owner: this.zh ? "全部" : "ALL", period: year - 1, target: teamPrev }),
      row({ owner: "ALL", period: year, target: teamYear }),
    ];
    const yearTargets = new Map<string, number>();
    owners.forEach((owner, i) => {
      const prev = prevTotal > 0 ? roundNice((teamPrev * ownerPrevShare[i]!) / prevTotal, 3) : 0;
      const current = recent > 0 ? roundNice((teamYear * ownerShare[i]!) / recent, 3) : 0;
      if (prev > 0) rows.push(row({ owner, period: year - 1, target: prev }));
      if (current > 0) rows.push(row({ owner, period: year, target: current }));
      yearTargets.set(`${owner}|${year - 1}`, prev);
      yearTargets.set(`${owner}|${year}`, current);
    });
    const quarters = [last, { year, month }]
      .map((m) => ({ year: m.year, quarter: Math.floor((m.month - 1) / 3) + 1 }))
      .filter((q, i, all) => i === 0 || q.year !== all[0]!.year || q.quarter !== all[0]!.quarter);
    for (const q of quarters) {
      for (const owner of owners.slice(0, 2)) {
        const yearly = yearTargets.get(`${owner}|${q.year}`) ?? 0;
        if (yearly <= 0) continue;
        for (let k = 0; k < 3; k++) {
          const m = (q.quarter - 1) * 3 + k + 1;
          const target = roundNice((yearly / 12) * r.real(0.85, 1.25), 3);
          rows.push(row({ owner, period: `${q.year}-${pad(m, 2)}`, target }));
        }
      }
      const third = owners[2];
      const yearly = third === undefined ? 0 : (yearTargets.get(`${third}|${q.year}`) ?? 0);
      if (third !== undefined && yearly > 0) {
        rows.push(
          row({ owner: third, period: `${q.year}-Q${q.quarter}`, target: roundNice((yearly / 4) * 1.05, 3) }),
        );
      }
    }
    return rows;
  }

  private industryRows(): Cell[][] {
    const row = this.rowMaker("industries");
    return INDUSTRIES.map((def) => row({ industry: this.text(def.name), growth: def.growth }));
  }

  private historyRows(clientIds: readonly string[]): Cell[][] {
    const row = this.rowMaker("tierHistory");
    return this.history.map((h) =>
      row({
        date: this.dateCell(h.date),
        clientId: clientIds[h.client] ?? null,
        from: h.from,
        to: h.to,
        reason: this.text(h.reason),
        by: "trigger",
      }),
    );
  }
}
