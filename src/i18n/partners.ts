/**
 * Strings of channel partners (合作伙伴): the Partners sheet's checks, the partner
 * effectiveness topic of the report, and the cell types the Partners and Contracts sheets add
 * (commission rates, approval lists, archive links).
 */
import { defineMessages } from "./define";

export const partners = defineMessages(
  {
    "issue.expectedUrl": "应为网址，例如 https://drive.example.com/contract/K001",
    "partners.issue.missingHeader":
      "表头缺少必需的列：{columns}；在补齐前不使用本表，商机和客户按无合作伙伴计算",
    "partners.issue.endBeforeStart": "协议结束日期 {end} 早于开始日期 {start}；请更正协议日期",
    "partners.issue.unknownPartner": "伙伴编号在「{sheet}」表中不存在；该行按无合作伙伴（直客）计算",
    "partners.issue.droppedPartner":
      "该伙伴编号所在行无法读取（见「{sheet}」表的问题）；该行按无合作伙伴（直客）计算",
    "report.block.partners": "渠道效能",
    "report.partners.caption":
      "近12个月（截至 {end}）：新商机按创建日期计，成交天数为赢单从创建到成交的中位天数。",
    "report.partners.caption2":
      "本月佣金 = 佣金比例 × 本月赢单金额；商机未填合作伙伴时沿用其客户的合作伙伴。",
    "report.partners.caption3": "标红：协议在 {soon} 前到期，或近两个季度无新商机。",
    "report.col.partner": "合作伙伴",
    "report.col.leads": "新商机",
    "report.col.medianDays": "成交天数",
    "report.col.commission": "本月佣金",
    "report.col.agreementEnd": "协议到期",
    "report.fig.partnerWon": "渠道赢单（近12个月）",
    "report.fig.partnerShare": "渠道赢单占比",
    "report.fig.commission": "本月应付佣金",
    "report.fig.agreementsEnding": "90天内到期协议",
    "report.partners.direct": "直客（无合作伙伴）",
    "report.partners.review": "待复核：近两个季度（{since} 起）无新商机的合作伙伴：{names}",
    "report.partners.ending": "协议将于90天内到期：{names}",
    "report.partners.nameType": "{name}（{type}）",
    "report.partners.nameDate": "{name}（{date}）",
    "report.partners.listSeparator": "、",
  },
  {
    "issue.expectedUrl": "expected a web address such as https://drive.example.com/contract/K001",
    "partners.issue.missingHeader":
      "the header row lacks required columns: {columns}; the sheet is not used until they are added, and deals and clients count as direct",
    "partners.issue.endBeforeStart":
      "Agreement end {end} is before Agreement start {start}; correct the agreement dates",
    "partners.issue.unknownPartner":
      "no partner with this Partner ID in {sheet}; the row counts as direct (no partner)",
    "partners.issue.droppedPartner":
      "this Partner ID's row cannot be read (see the issues of {sheet}); the row counts as direct (no partner)",
    "report.block.partners": "Partner effectiveness",
    "report.partners.caption":
      "12 months to {end}: new deals by Created; days to close: median, Created to won.",
    "report.partners.caption2":
      "Commission = commission rate × won this month. A deal without a Partner takes its client's.",
    "report.partners.caption3": "Flagged: agreement ends by {soon}, or no new deal in two quarters.",
    "report.col.partner": "Partner",
    "report.col.leads": "New deals",
    "report.col.medianDays": "Days to close",
    "report.col.commission": "Commission",
    "report.col.agreementEnd": "Ends",
    "report.fig.partnerWon": "Won through partners (12 months)",
    "report.fig.partnerShare": "Share of won through partners",
    "report.fig.commission": "Commission due this month",
    "report.fig.agreementsEnding": "Agreements ending in 90 days",
    "report.partners.direct": "Direct (no partner)",
    "report.partners.review": "For review — no new deal in the last two quarters (since {since}): {names}",
    "report.partners.ending": "Agreement ends within 90 days: {names}",
    "report.partners.nameType": "{name} ({type})",
    "report.partners.nameDate": "{name} ({date})",
    "report.partners.listSeparator": ", ",
  },
);
