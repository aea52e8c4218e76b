/**
 * Other names teams give the contract's sheets and columns, in Chinese and English, for the best
 * guess of a mapping (guess.ts). Beside these, every table and column is known by its own English
 * and Chinese name (schema.ts). Keep the lists short: a name here is a sure match.
 */
import type { MappableTable } from "./mapping";

export const SHEET_SYNONYMS: Readonly<Record<MappableTable, readonly string[]>> = {
  clients: ["客户名单", "客户列表", "客户信息", "客户档案", "Customers", "Accounts", "Customer list"],
  deals: ["销售机会", "商机列表", "机会", "Opportunities", "Pipeline", "Sales pipeline"],
  contracts: ["合同台账", "合同列表", "Agreements", "Contract list"],
  payments: ["回款记录", "收款", "收款记录", "应收账款", "Receivables", "Collections", "Instalments"],
  interactions: ["拜访记录", "跟进记录", "沟通日志", "Activities", "Contact log", "Visits"],
  targets: ["目标", "销售目标", "业绩指标", "Quotas", "Sales targets"],
  industries: ["行业增长", "行业信息", "Industry growth", "Sectors"],
  team: ["销售团队", "人员", "团队成员", "Staff", "Team members", "Sales team"],
  partners: ["渠道伙伴", "代理商", "经销商", "渠道商", "Channel partners", "Resellers", "Distributors"],
  templates: ["邮件模版", "模板", "邮件内容", "Email templates", "Mail templates"],
};

/** Column key → other names, the same for every table that has the column. */
const COMMON: Readonly<Record<string, readonly string[]>> = {
  clientId: [
    "客户代码",
    "客户ID",
    "客户号",
    "客户编码",
    "Customer ID",
    "Customer No",
    "Account ID",
    "Client code",
  ],
  owner: [
    "销售",
    "业务员",
    "销售代表",
    "客户经理",
    "销售负责人",
    "Sales rep",
    "Salesperson",
    "Account manager",
  ],
  dealId: ["商机ID", "商机号", "机会编号", "Opportunity ID", "Deal No"],
  contractId: ["合同号", "合同ID", "合同编码", "Contract No", "Agreement ID"],
  title: ["名称", "标题", "Name"],
  status: ["客户状态", "合同状态", "State"],
  amount: ["商机金额", "预计金额", "Deal value", "Value"],
  date: ["沟通日期", "拜访日期", "跟进日期", "Contact date"],
};

/** Synonyms that belong to one table's column only. */
const BY_TABLE: Partial<Record<MappableTable, Readonly<Record<string, readonly string[]>>>> = {
  clients: {
    name: ["客户名", "公司名称", "企业名称", "客户全称", "Customer name", "Company", "Account name"],
    industry: ["所属行业", "Sector"],
    region: ["地区", "大区", "区域", "Area", "Territory"],
    email: ["联系邮箱", "电子邮件", "E-mail", "Contact email"],
    cooperationSince: ["合作开始日期", "首次合作日期", "Customer since"],
    tier: ["等级", "客户级别", "级别", "Level"],
    preferredChannel: ["沟通方式", "首选渠道", "Preferred contact"],
  },
  deals: {
    stage: ["销售阶段", "Sales stage"],
    probability: ["成交概率", "赢单率", "Win probability"],
    closedOn: ["关闭日期", "成交时间", "Close date", "Won date"],
    expectedClose: ["预计签约日期", "Expected close date"],
    source: ["线索来源", "Lead source"],
  },
  contracts: {
    value: ["合同额", "签约金额", "Contract value", "Amount"],
    signedOn: ["签约日期", "Signed date"],
    start: ["起始日期", "Start date"],
    end: ["到期日期", "终止日期", "End date"],
  },
  payments: {
    due: ["到期日", "计划回款日期", "Due date"],
    amountDue: ["计划回款金额", "应收款", "Amount receivable"],
    paidOn: ["回款日期", "收款日期", "Paid date"],
    amountPaid: ["回款金额", "已收金额", "Paid amount"],
  },
  interactions: {
    channel: ["沟通方式", "方式", "Method"],
    responded: ["是否回复", "有回应", "Replied"],
    summary: ["内容", "沟通内容", "备注", "Notes"],
  },
  targets: {
    period: ["月份", "目标期间", "Month"],
    target: ["目标", "指标", "Quota"],
  },
  industries: { growth: ["增长", "同比增长", "Growth rate"] },
  team: { name: ["姓名", "销售姓名", "Full name"], manager: ["经理", "主管", "Supervisor"] },
  partners: {
    partnerId: ["伙伴ID", "代理商编号", "Partner code"],
    name: ["伙伴名", "代理商名称", "Partner name"],
  },
};

/** The other names of a column of a table. */
export function columnSynonyms(table: MappableTable, column: string): readonly string[] {
  return [...(BY_TABLE[table]?.[column] ?? []), ...(COMMON[column] ?? [])];
}
