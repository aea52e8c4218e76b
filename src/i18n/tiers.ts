/** Strings of the client tiers feature (客户分级): menu, reasons, summary, notices and checks. */
import { defineMessages } from "./define";

export const tiers = defineMessages(
  {
    "menu.tiers": "重新计算客户分级",
    "menu.tierReview": "季度分级复核",
    "tiers.purchase.computed": "近12个月采购额",
    "tiers.purchase.override": "年采购额(手工)",
    "tiers.reason.atLeast": "{purchase} {p12} ≥ {threshold} → {tier}",
    "tiers.reason.below": "{purchase} {p12} < {threshold} → {tier}",
    "tiers.reason.uplift":
      "行业增长 {growth} 且合作 {years} 年，{purchase} {p12} ≥ {minimum}，上调一级 → {tier}",
    "tiers.reason.surge":
      "近{days}天成交 {recent} ≥ {factor} × 前{days}天 {before}，年化 {annual} ≥ {next}，订单激增上调一级 → {tier}",
    "tiers.reason.keptAbove": "季度复核前保持 {tier}（{p12} 未低于 {floor}）",
    "tiers.reason.keptBelow": "季度复核前保持 {tier}（{p12} 已低于 {floor}，待季度复核）",
    "tiers.reason.reviewKeptAbove": "季度复核：保持 {tier}（{p12} 未低于 {floor}）",
    "tiers.reason.reviewKeptRaised": "季度复核：保持 {tier}（按降级余量计算：{detail}）",
    "tiers.reason.reviewLowered":
      "季度复核：{purchase} {p12} < {floor}（{previous} 级门槛 {threshold} × {share}）→ {tier}",
    "tiers.reason.reviewLoweredRaised":
      "季度复核：{purchase} {p12} < {floor}（{previous} 级门槛 {threshold} × {share}）；{detail}",
    "tiers.reason.override": "手工分级 → {tier}：{reason}",
    "tiers.reason.overrideNoReason": "手工分级 → {tier}（未填写原因）",
    "tiers.summary": "客户分级完成（{date}）：升级 {up}，降级 {down}，新定级 {added}，不变 {same}。",
    "tiers.summaryReview":
      "季度分级复核完成（{date}）：升级 {up}，降级 {down}，新定级 {added}，不变 {same}。",
    "tiers.summaryHistory": "已在「{sheet}」追加 {count} 条分级记录。",
    "tiers.noticesSent": "已向 {count} 位负责人发送分级变动通知。",
    "tiers.noticesAlreadySent": "{count} 封分级变动通知此前已发送，未重复发送。",
    "tiers.noticesNotSent": "{count} 封分级变动通知未能发送，详见「{sheet}」。",
    "tiers.noticesNoOwner": "{count} 位客户的分级有变动但未填写负责人，无人接收通知。",
    "tiers.noticeOwner": "通知 {owner}：",
    "tiers.noticeLine": "  {clientId} {name}：{from} → {to}（{reason}）",
    "tiers.mail.subject": "客户分级变动：{count} 位客户（{date}）",
    "tiers.mail.intro": "您好，以下由您负责的客户在 {date} 的{run}中分级发生了变动：",
    "tiers.mail.runOrdinary": "客户分级计算",
    "tiers.mail.runReview": "季度分级复核",
    "tiers.mail.clientId": "客户编号",
    "tiers.mail.name": "客户名称",
    "tiers.mail.change": "变动",
    "tiers.mail.reason": "依据",
    "tiers.mail.footer": "此邮件由商务助手自动发送。高价值（A级）客户请配备专属客户经理并按沟通计划跟进。",
    "tiers.scheduledDone": "本期季度复核（{month}）已执行，本次未重复执行。",
    "tiers.issue.tierAWithoutOwner": "A级（高价值）客户未填写负责人：高价值客户应配备专属客户经理",
    "tiers.issue.overrideWithoutReason": "已设置手工分级但未填写手工分级原因；手工分级照常生效",
  },
  {
    "menu.tiers": "Recalculate tiers",
    "menu.tierReview": "Quarterly tier review",
    "tiers.purchase.computed": "12-month purchase",
    "tiers.purchase.override": "Purchase override",
    "tiers.reason.atLeast": "{purchase} {p12} ≥ {threshold} → {tier}",
    "tiers.reason.below": "{purchase} {p12} < {threshold} → {tier}",
    "tiers.reason.uplift":
      "Industry growth {growth} and {years} years of cooperation, {purchase} {p12} ≥ {minimum}: raised one tier → {tier}",
    "tiers.reason.surge":
      "Won {recent} in the last {days} days ≥ {factor} × {before} in the {days} days before, {annual} a year ≥ {next}: surge, raised one tier → {tier}",
    "tiers.reason.keptAbove": "{tier} kept until the quarterly review ({p12} not below {floor})",
    "tiers.reason.keptBelow":
      "{tier} kept until the quarterly review ({p12} is below {floor}; the review decides)",
    "tiers.reason.reviewKeptAbove": "Quarterly review: {tier} kept ({p12} not below {floor})",
    "tiers.reason.reviewKeptRaised": "Quarterly review: {tier} kept (with the downgrade margin: {detail})",
    "tiers.reason.reviewLowered":
      "Quarterly review: {purchase} {p12} < {floor} (tier {previous} threshold {threshold} × {share}) → {tier}",
    "tiers.reason.reviewLoweredRaised":
      "Quarterly review: {purchase} {p12} < {floor} (tier {previous} threshold {threshold} × {share}); {detail}",
    "tiers.reason.override": "Override → {tier}: {reason}",
    "tiers.reason.overrideNoReason": "Override → {tier} (no reason given)",
    "tiers.summary": "Tiers recalculated ({date}): {up} up, {down} down, {added} new, {same} unchanged.",
    "tiers.summaryReview":
      "Quarterly tier review done ({date}): {up} up, {down} down, {added} new, {same} unchanged.",
    "tiers.summaryHistory": 'Appended {count} rows to "{sheet}".',
    "tiers.noticesSent": "Tier change notices sent to {count} owners.",
    "tiers.noticesAlreadySent": "{count} tier change notices had been sent before and were not sent again.",
    "tiers.noticesNotSent": '{count} tier change notices could not be sent; see "{sheet}".',
    "tiers.noticesNoOwner": "{count} clients changed tier but have no Owner to tell.",
    "tiers.noticeOwner": "Notice to {owner}:",
    "tiers.noticeLine": "  {clientId} {name}: {from} → {to} ({reason})",
    "tiers.mail.subject": "Client tier changes: {count} clients ({date})",
    "tiers.mail.intro": "Hello, the tiers of these clients of yours changed in the {run} of {date}:",
    "tiers.mail.runOrdinary": "tier recalculation",
    "tiers.mail.runReview": "quarterly tier review",
    "tiers.mail.clientId": "Client ID",
    "tiers.mail.name": "Name",
    "tiers.mail.change": "Change",
    "tiers.mail.reason": "Reason",
    "tiers.mail.footer":
      "Sent by Account Desk. High-value (tier A) clients get a dedicated account manager and follow the contact plan.",
    "tiers.scheduledDone": "The quarterly review of {month} has already run; it was not run again.",
    "tiers.issue.tierAWithoutOwner":
      "tier A (high-value) client without an Owner: high-value clients get a dedicated account manager",
    "tiers.issue.overrideWithoutReason":
      "Tier override without an Override reason; the override still applies",
  },
);
