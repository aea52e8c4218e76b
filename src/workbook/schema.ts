/**
 * The workbook contract as data: every sheet, its English and Chinese names, its columns with
 * their English and Chinese headers, cell types, and which columns the tool writes. Readers,
 * Set up, Check data and the sample generator all work from these definitions.
 */
import type { Language } from "../i18n";
import {
  APPROVAL_PARTIES,
  CHANNELS,
  CLIENT_STATUSES,
  CONTRACT_STATUSES,
  PARTNER_TYPES,
  APPROVAL_STATUSES,
  PLAN_STATUSES,
  PROPOSAL_STATUSES,
  SOURCES,
  STAGES,
  TEMPLATE_LANGUAGES,
  TIERS,
  YES_NO,
  type CodeList,
} from "./codes";

export type CellType =
  | "text"
  | "email"
  | "date"
  | "amount"
  | "growth" // a signed fraction: 0.12, 12%, -5%
  | "probability" // 0..1, 12%, or a bare 1 < n ≤ 100 read as a percentage
  | "satisfaction" // a whole number 1..5
  | "discount" // a fraction 0..1: 0.12, 12%, or a bare 1 < n ≤ 100 read as a percentage
  | "days" // a whole number of days 0..3660
  | "code"
  | "targetOwner" // an e-mail or ALL / 全部
  | "period" // 2026, 2026-Q4, 2026-10
  | "rate" // a fraction 0..1: 0.08 or 8%
  | "codeSet" // codes of a list separated by commas: 法务, 财务
  | "url"; // an http(s) address

export interface ColumnDef {
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  readonly type: CellType;
  readonly codes?: CodeList<string>;
  /** A row with content must have a value here. */
  readonly required?: boolean;
  /** The sheet cannot be read without this column (IDs and other required values). */
  readonly requiredColumn?: boolean;
  /** Values must be unique within the sheet. */
  readonly unique?: boolean;
  /** Written by Account Desk (marked in the header); never an input. */
  readonly computed?: boolean;
  /**
   * A value that cannot be read is a data issue and reads as blank, but the row stays (a deal's
   * malformed Discount does not take its Amount out of the totals).
   */
  readonly lenient?: boolean;
}

export type InputTableKey =
  | "settings"
  | "clients"
  | "deals"
  | "contracts"
  | "payments"
  | "interactions"
  | "targets"
  | "industries"
  | "team"
  | "partners"
  | "templates";

export type OutputTableKey =
  | "contactPlan"
  | "tierHistory"
  | "tierProposals"
  | "approvals"
  | "dataIssues"
  | "sendLog"
  | "renewals"
  | "reportSnapshots";

export type TableKey = InputTableKey | OutputTableKey;

export interface TableDef {
  readonly key: TableKey;
  readonly en: string;
  readonly zh: string;
  readonly columns: readonly ColumnDef[];
  /** The tool's own sheet (replaced or appended by an action). */
  readonly output?: boolean;
}

const col = (
  key: string,
  en: string,
  zh: string,
  type: CellType,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({
  key,
  en,
  zh,
  type,
  ...extra,
});
const code = (key: string, en: string, zh: string, codes: CodeList<string>, extra: Partial<ColumnDef> = {}) =>
  col(key, en, zh, "code", { codes, ...extra });
const id = { required: true, requiredColumn: true } as const;
/** The deal-terms columns of negotiation limits (optional; a bad value keeps the deal). */
const terms = { lenient: true } as const;

export const TABLES: Readonly<Record<TableKey, TableDef>> = {
  settings: {
    key: "settings",
    en: "Settings",
    zh: "设置",
    columns: [
      col("key", "Key", "键", "text", id),
      col("value", "Value", "值", "text", { requiredColumn: true }),
      col("description", "Description", "说明", "text"),
    ],
  },
  clients: {
    key: "clients",
    en: "Clients",
    zh: "客户",
    columns: [
      col("clientId", "Client ID", "客户编号", "text", { ...id, unique: true }),
      col("name", "Name", "客户名称", "text", id),
      col("industry", "Industry", "行业", "text"),
      col("region", "Region", "区域", "text"),
      col("owner", "Owner", "负责人", "email"),
      col("email", "Email", "邮箱", "email"),
      code("status", "Status", "状态", CLIENT_STATUSES),
      col("cooperationSince", "Cooperation since", "合作起始日期", "date"),
      col("purchaseOverride", "Purchase override", "年采购额(手工)", "amount"),
      code("tierOverride", "Tier override", "手工分级", TIERS),
      col("overrideReason", "Override reason", "手工分级原因", "text"),
      code("preferredChannel", "Preferred channel", "偏好渠道", CHANNELS),
      code("tier", "Tier", "客户等级", TIERS, { computed: true }),
      col("tierReason", "Tier reason", "分级依据", "text", { computed: true }),
      col("purchase12m", "12-month purchase", "近12个月采购额", "amount", { computed: true }),
      col("tierSince", "Tier since", "定级日期", "date", { computed: true }),
      col("partner", "Partner", "合作伙伴", "text"),
    ],
  },
  deals: {
    key: "deals",
    en: "Deals",
    zh: "商机",
    columns: [
      col("dealId", "Deal ID", "商机编号", "text", { ...id, unique: true }),
      col("clientId", "Client ID", "客户编号", "text", id),
      col("title", "Title", "商机名称", "text"),
      col("owner", "Owner", "负责人", "email"),
      code("stage", "Stage", "阶段", STAGES, { required: true, requiredColumn: true }),
      col("amount", "Amount", "金额", "amount", id),
      col("probability", "Probability", "赢率", "probability"),
      col("created", "Created", "创建日期", "date"),
      col("expectedClose", "Expected close", "预计成交日期", "date"),
      col("closedOn", "Closed on", "成交日期", "date"),
      code("source", "Source", "来源", SOURCES),
      col("lostReason", "Lost reason", "输单原因", "text"),
      col("partner", "Partner", "合作伙伴", "text"),
      col("stageSince", "Stage since", "阶段开始日期", "date"),
      col("competitor", "Competitor", "竞争对手", "text"),
      col("listPrice", "List price", "标价", "amount", terms),
      col("floorPrice", "Floor price", "底价", "amount", terms),
      col("discount", "Discount", "折扣", "discount", terms),
      col("paymentDays", "Payment days", "账期(天)", "days", terms),
    ],
  },
  contracts: {
    key: "contracts",
    en: "Contracts",
    zh: "合同",
    columns: [
      col("contractId", "Contract ID", "合同编号", "text", { ...id, unique: true }),
      col("clientId", "Client ID", "客户编号", "text", id),
      col("dealId", "Deal ID", "商机编号", "text"),
      col("title", "Title", "合同名称", "text"),
      col("owner", "Owner", "负责人", "email"),
      col("value", "Value", "合同金额", "amount"),
      code("status", "Status", "状态", CONTRACT_STATUSES),
      col("signedOn", "Signed on", "签订日期", "date"),
      col("start", "Start", "开始日期", "date"),
      col("end", "End", "结束日期", "date"),
      col("approvals", "Approval", "审批状态", "codeSet", { codes: APPROVAL_PARTIES }),
      col("archiveLink", "Archive link", "归档链接", "url"),
    ],
  },
  payments: {
    key: "payments",
    en: "Payments",
    zh: "回款",
    columns: [
      col("contractId", "Contract ID", "合同编号", "text", id),
      col("due", "Due", "应收日期", "date", id),
      col("amountDue", "Amount due", "应收金额", "amount", id),
      col("paidOn", "Paid on", "实收日期", "date"),
      col("amountPaid", "Amount paid", "实收金额", "amount"),
    ],
  },
  interactions: {
    key: "interactions",
    en: "Interactions",
    zh: "沟通记录",
    columns: [
      col("date", "Date", "日期", "date", id),
      col("clientId", "Client ID", "客户编号", "text", id),
      col("owner", "Owner", "负责人", "email"),
      code("channel", "Channel", "渠道", CHANNELS),
      code("responded", "Responded", "是否回应", YES_NO),
      col("satisfaction", "Satisfaction", "满意度", "satisfaction"),
      col("summary", "Summary", "纪要", "text"),
    ],
  },
  targets: {
    key: "targets",
    en: "Targets",
    zh: "业绩目标",
    columns: [
      col("owner", "Owner", "负责人", "targetOwner", id),
      col("period", "Period", "期间", "period", id),
      col("target", "Target", "目标金额", "amount", id),
    ],
  },
  industries: {
    key: "industries",
    en: "Industries",
    zh: "行业",
    columns: [
      col("industry", "Industry", "行业", "text", { ...id, unique: true }),
      col("growth", "Growth", "增长率", "growth"),
    ],
  },
  team: {
    key: "team",
    en: "Team",
    zh: "团队",
    columns: [
      col("owner", "Owner", "负责人", "email", { ...id, unique: true }),
      col("name", "Name", "姓名", "text"),
      col("manager", "Manager", "上级", "email"),
      code("active", "Active", "在职", YES_NO),
    ],
  },
  partners: {
    key: "partners",
    en: "Partners",
    zh: "合作伙伴",
    columns: [
      col("partnerId", "Partner ID", "伙伴编号", "text", { ...id, unique: true }),
      col("name", "Name", "伙伴名称", "text", id),
      code("type", "Type", "类型", PARTNER_TYPES),
      col("region", "Region", "区域", "text"),
      col("agreementStart", "Agreement start", "协议开始日期", "date"),
      col("agreementEnd", "Agreement end", "协议结束日期", "date"),
      col("commissionRate", "Commission rate", "佣金比例", "rate"),
    ],
  },
  templates: {
    key: "templates",
    en: "Templates",
    zh: "邮件模板",
    columns: [
      code("tier", "Tier", "客户等级", TIERS, { required: true, requiredColumn: true }),
      code("language", "Language", "语言", TEMPLATE_LANGUAGES),
      // Required, but not "requiredColumn": those columns are read as IDs (100 characters at most).
      col("subject", "Subject", "主题", "text", { required: true }),
      col("body", "Body", "正文", "text", { required: true }),
    ],
  },
  contactPlan: {
    key: "contactPlan",
    en: "Contact plan",
    zh: "沟通计划",
    output: true,
    columns: [
      col("clientId", "Client ID", "客户编号", "text"),
      col("name", "Name", "客户名称", "text"),
      code("tier", "Tier", "客户等级", TIERS),
      col("owner", "Owner", "负责人", "email"),
      code("channel", "Channel", "渠道", CHANNELS),
      col("lastContact", "Last contact", "最近联系", "date"),
      col("nextDue", "Next due", "下次联系", "date"),
      code("status", "Status", "状态", PLAN_STATUSES),
      col("daysOverdue", "Days overdue", "逾期天数", "text"),
      col("plannedOn", "Planned date", "安排日期", "date"),
      col("purpose", "Purpose", "目的", "text"),
      col("planNote", "Plan note", "排期说明", "text"),
    ],
  },
  tierHistory: {
    key: "tierHistory",
    en: "Tier history",
    zh: "分级记录",
    output: true,
    columns: [
      col("date", "Date", "日期", "date"),
      col("clientId", "Client ID", "客户编号", "text"),
      code("from", "From", "原等级", TIERS),
      code("to", "To", "新等级", TIERS),
      col("reason", "Reason", "原因", "text"),
      col("by", "By", "执行人", "text"),
    ],
  },
  tierProposals: {
    key: "tierProposals",
    en: "Tier proposals",
    zh: "分级提议",
    output: true,
    columns: [
      col("date", "Proposed on", "提议日期", "date"),
      col("clientId", "Client ID", "客户编号", "text"),
      col("name", "Name", "客户名称", "text"),
      col("owner", "Owner", "负责人", "email"),
      code("from", "From", "原等级", TIERS),
      code("to", "To", "新等级", TIERS),
      col("reason", "Reason", "原因", "text"),
      code("status", "Status", "审核状态", PROPOSAL_STATUSES),
      col("appliedOn", "Applied on", "生效日期", "date"),
    ],
  },
  approvals: {
    key: "approvals",
    en: "Approvals",
    zh: "审批",
    output: true,
    columns: [
      col("dealId", "Deal ID", "商机编号", "text"),
      col("client", "Client", "客户", "text"),
      col("owner", "Owner", "负责人", "email"),
      code("stage", "Stage", "阶段", STAGES),
      col("amount", "Amount", "金额", "amount"),
      col("listPrice", "List price", "标价", "amount"),
      col("floorPrice", "Floor price", "底价", "amount"),
      col("discount", "Discount", "折扣", "discount"),
      col("paymentDays", "Payment days", "账期(天)", "days"),
      col("beyond", "Beyond limits", "超出限额", "text"),
      col("approver", "Approver", "审批人", "email"),
      code("status", "Status", "审批状态", APPROVAL_STATUSES),
      col("decidedAt", "Decided at", "审批时间", "text"),
      col("decidedBy", "Decided by", "操作人", "text"),
      col("note", "Note", "备注", "text"),
    ],
  },
  dataIssues: {
    key: "dataIssues",
    en: "Data issues",
    zh: "数据问题",
    output: true,
    columns: [
      col("action", "Action", "操作", "text"),
      col("sheet", "Sheet", "工作表", "text"),
      col("row", "Row", "行", "text"),
      col("column", "Column", "列", "text"),
      col("value", "Value", "值", "text"),
      col("problem", "Problem", "问题", "text"),
      col("foundAt", "Found at", "发现时间", "text"),
    ],
  },
  sendLog: {
    key: "sendLog",
    en: "Send log",
    zh: "发送记录",
    output: true,
    columns: [
      col("when", "When", "时间", "text"),
      col("what", "What", "内容", "text"),
      col("to", "To", "收件人", "text"),
      col("result", "Result", "结果", "text"),
    ],
  },
  renewals: {
    key: "renewals",
    en: "Renewals & receivables",
    zh: "续约与回款",
    output: true,
    columns: [],
  },
  reportSnapshots: {
    key: "reportSnapshots",
    en: "Report snapshots",
    zh: "月报快照",
    output: true,
    columns: [
      col("month", "Month", "月份", "text"),
      col("revision", "Revision", "版本", "text"),
      col("generated", "Generated", "生成日期", "date"),
      col("owner", "Owner", "负责人", "text"),
      col("won", "Won", "赢单金额", "amount"),
      col("wonCount", "Won count", "赢单数", "text"),
      col("target", "Target", "目标", "amount"),
      col("collected", "Collected", "回款", "amount"),
    ],
  },
};

export const INPUT_TABLES: readonly InputTableKey[] = [
  "settings",
  "clients",
  "deals",
  "contracts",
  "payments",
  "interactions",
  "targets",
  "industries",
  "team",
  "partners",
  "templates",
];

/** The sheets Set up creates, in this order. */
export const SETUP_TABLES: readonly TableKey[] = [...INPUT_TABLES, "tierHistory", "dataIssues", "sendLog"];

export function sheetName(table: TableKey, language: Language): string {
  const def = TABLES[table];
  return language === "en" ? def.en : def.zh;
}

export function headerName(column: ColumnDef, language: Language): string {
  return language === "en" ? column.en : column.zh;
}

export function columnDef(table: TableKey, key: string): ColumnDef {
  const found = TABLES[table].columns.find((c) => c.key === key);
  if (!found) throw new Error(`No column ${key} in ${table}`);
  return found;
}
