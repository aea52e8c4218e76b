/**
 * The code lists of the workbook contract: tiers, statuses, stages, sources, channels and
 * yes/no. Cells hold the label in the workbook's language (`活跃`, `Active`), which the
 * drop-downs offer; the English code, both labels and a few aliases are accepted on input.
 * Tiers are the exception: their cells hold the letter (A, B, C) in both languages.
 */
import type { Language } from "../i18n";
import { normalizeName } from "./names";

export interface CodeDef<C extends string> {
  readonly code: C;
  readonly zh: string;
  readonly en: string;
  /** Further accepted spellings. */
  readonly aliases?: readonly string[];
}

export interface CodeList<C extends string> {
  readonly name: string;
  readonly codes: readonly CodeDef<C>[];
  /** The code for a cell text (any accepted spelling), or null. */
  match(text: string): C | null;
  label(code: C, language: Language): string;
  /** What the tool writes into a cell for a code, in the workbook's language. */
  cell(code: C, language: Language): string;
  /** The values a drop-down offers in the workbook's language: the cell form of every code. */
  dropdown(language: Language): string[];
  /** The codes. */
  readonly values: readonly C[];
}

function codeList<C extends string>(
  name: string,
  codes: readonly CodeDef<C>[],
  cellForm: "label" | "code" = "label",
): CodeList<C> {
  const index = new Map<string, C>();
  for (const def of codes) {
    for (const spelling of [def.code, def.zh, def.en, ...(def.aliases ?? [])]) {
      index.set(normalizeName(spelling), def.code);
    }
  }
  const byCode = new Map(codes.map((def) => [def.code, def] as const));
  const seen = new Map<string, C | null>();
  return {
    name,
    codes,
    values: codes.map((def) => def.code),
    match: (text) => {
      // Cells repeat a handful of spellings: remember each raw text once.
      const cached = seen.get(text);
      if (cached !== undefined) return cached;
      const found = index.get(normalizeName(text)) ?? null;
      if (seen.size < 1000) seen.set(text, found);
      return found;
    },
    label,
    cell,
    dropdown: (language) => codes.map((def) => cell(def.code, language)),
  };

  function label(code: C, language: Language): string {
    const def = byCode.get(code);
    return def ? (language === "en" ? def.en : def.zh) : code;
  }

  function cell(code: C, language: Language): string {
    return cellForm === "code" ? code : label(code, language);
  }
}

export type Tier = "A" | "B" | "C";
export const TIERS = codeList<Tier>(
  "tier",
  [
    { code: "A", zh: "高", en: "High", aliases: ["高价值", "A级"] },
    { code: "B", zh: "中", en: "Medium", aliases: ["中等", "B级"] },
    { code: "C", zh: "低", en: "Low", aliases: ["低价值", "C级"] },
  ],
  "code",
);
/** Tier rank: A = 3, B = 2, C = 1. */
export const TIER_RANK: Readonly<Record<Tier, number>> = { A: 3, B: 2, C: 1 };

export type ClientStatus = "active" | "inactive";
export const CLIENT_STATUSES = codeList<ClientStatus>("clientStatus", [
  { code: "active", zh: "活跃", en: "Active" },
  { code: "inactive", zh: "停用", en: "Inactive" },
]);

export type Stage = "lead" | "qualified" | "proposal" | "negotiation" | "won" | "lost";
export const STAGES = codeList<Stage>("stage", [
  { code: "lead", zh: "线索", en: "Lead" },
  { code: "qualified", zh: "需求确认", en: "Qualified" },
  { code: "proposal", zh: "方案报价", en: "Proposal" },
  { code: "negotiation", zh: "商务谈判", en: "Negotiation" },
  { code: "won", zh: "赢单", en: "Won" },
  { code: "lost", zh: "输单", en: "Lost" },
]);
export const OPEN_STAGES: readonly Stage[] = ["lead", "qualified", "proposal", "negotiation"];
export const DEFAULT_PROBABILITY: Readonly<Record<Stage, number>> = {
  lead: 0.1,
  qualified: 0.25,
  proposal: 0.5,
  negotiation: 0.75,
  won: 1,
  lost: 0,
};

export type Source = "trade-show" | "visit" | "data" | "referral" | "partner" | "other";
export const SOURCES = codeList<Source>("source", [
  { code: "trade-show", zh: "展会", en: "Trade show" },
  { code: "visit", zh: "拜访", en: "Visit" },
  { code: "data", zh: "数据分析", en: "Data analysis" },
  { code: "referral", zh: "转介绍", en: "Referral" },
  { code: "partner", zh: "渠道", en: "Partner" },
  { code: "other", zh: "其他", en: "Other" },
]);

export type ContractStatus = "draft" | "review" | "signed" | "active" | "expired" | "renewed" | "terminated";
export const CONTRACT_STATUSES = codeList<ContractStatus>("contractStatus", [
  { code: "draft", zh: "草拟", en: "Draft" },
  { code: "review", zh: "审批中", en: "In review" },
  { code: "signed", zh: "已签订", en: "Signed" },
  { code: "active", zh: "履行中", en: "Active" },
  { code: "expired", zh: "已到期", en: "Expired" },
  { code: "renewed", zh: "已续签", en: "Renewed" },
  { code: "terminated", zh: "已终止", en: "Terminated" },
]);

export type Channel = "visit" | "phone" | "video" | "email" | "online";
export const CHANNELS = codeList<Channel>("channel", [
  { code: "visit", zh: "面访", en: "Visit", aliases: ["面对面", "拜访", "face to face"] },
  { code: "phone", zh: "电话", en: "Phone" },
  { code: "video", zh: "视频", en: "Video", aliases: ["视频会议"] },
  { code: "email", zh: "邮件", en: "E-mail", aliases: ["e-mail", "mail", "电子邮件"] },
  { code: "online", zh: "在线", en: "Online", aliases: ["在线平台"] },
]);

export type YesNo = "yes" | "no";
export const YES_NO = codeList<YesNo>("yesNo", [
  { code: "yes", zh: "是", en: "Yes", aliases: ["y", "true", "1", "✓", "✔"] },
  { code: "no", zh: "否", en: "No", aliases: ["n", "false", "0"] },
]);

export type PlanStatus = "overdue" | "due" | "upcoming";
export const PLAN_STATUSES = codeList<PlanStatus>("planStatus", [
  { code: "overdue", zh: "逾期", en: "Overdue" },
  { code: "due", zh: "今日", en: "Due today" },
  { code: "upcoming", zh: "待办", en: "Upcoming" },
]);

export type Purpose = "collection" | "renewal" | "regular";
export const PURPOSES = codeList<Purpose>("purpose", [
  { code: "collection", zh: "催款", en: "Collection" },
  { code: "renewal", zh: "续约", en: "Renewal" },
  { code: "regular", zh: "例行", en: "Regular" },
]);

/** The language of an e-mail template; cells hold the code (`zh-CN`, `en`). */
export type TemplateLanguage = "zh-CN" | "en";
export const TEMPLATE_LANGUAGES = codeList<TemplateLanguage>(
  "templateLanguage",
  [
    { code: "zh-CN", zh: "中文", en: "Chinese", aliases: ["zh", "cn", "简体中文", "汉语"] },
    { code: "en", zh: "英文", en: "English", aliases: ["英语", "en-us", "en-gb"] },
  ],
  "code",
);

export type ProposalStatus = "pending" | "approved" | "rejected" | "applied";
export const PROPOSAL_STATUSES = codeList<ProposalStatus>("proposalStatus", [
  { code: "pending", zh: "待审", en: "Pending", aliases: ["待审核", "审核中"] },
  { code: "approved", zh: "批准", en: "Approved", aliases: ["approve", "通过", "同意", "已批准"] },
  { code: "rejected", zh: "驳回", en: "Rejected", aliases: ["reject", "拒绝", "不同意", "已驳回"] },
  { code: "applied", zh: "已应用", en: "Applied", aliases: ["已生效"] },
]);

export type PartnerType = "reseller" | "referral" | "integrator";
export const PARTNER_TYPES = codeList<PartnerType>("partnerType", [
  { code: "reseller", zh: "经销商", en: "Reseller", aliases: ["代理商", "分销商"] },
  { code: "referral", zh: "推荐方", en: "Referral", aliases: ["推荐", "介绍人"] },
  { code: "integrator", zh: "集成商", en: "Integrator", aliases: ["系统集成商", "SI"] },
]);

/** Who approves a contract: the legal and the finance department. */
export type ApprovalParty = "legal" | "finance";
export const APPROVAL_PARTIES = codeList<ApprovalParty>("approvalParty", [
  { code: "legal", zh: "法务", en: "Legal", aliases: ["法务部", "法律"] },
  { code: "finance", zh: "财务", en: "Finance", aliases: ["财务部"] },
]);

export type ApprovalStatus = "pending" | "approved" | "rejected" | "withdrawn";
/** Statuses of the Approvals sheet; people choose the first three, the tool writes withdrawn. */
export const APPROVAL_STATUSES = codeList<ApprovalStatus>("approvalStatus", [
  { code: "pending", zh: "待审批", en: "Pending", aliases: ["待审", "待审核", "审批中"] },
  { code: "approved", zh: "批准", en: "Approved", aliases: ["approve", "通过", "同意", "已批准"] },
  { code: "rejected", zh: "驳回", en: "Rejected", aliases: ["reject", "拒绝", "不同意", "已驳回"] },
  { code: "withdrawn", zh: "已撤销", en: "Withdrawn", aliases: ["撤销", "withdraw"] },
]);
