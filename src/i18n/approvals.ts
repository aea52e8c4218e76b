/**
 * Strings of negotiation limits and approvals (谈判底线与审批): the Settings section, the menu item
 * and command, the Approvals sheet's "beyond limits" texts, the approvers' e-mail, the edit
 * trigger's stamps, the won-without-approval data issue and the report topic of discounts granted.
 */
import { defineMessages } from "./define";

export const approvals = defineMessages(
  {
    "sidebar.section.approvals": "谈判底线与审批",
    "settingLabel.approval.maxDiscount.A": "A级客户折扣上限",
    "settingLabel.approval.maxDiscount.B": "B级客户折扣上限",
    "settingLabel.approval.maxDiscount.C": "C级客户折扣上限",
    "settingLabel.approval.maxPaymentDays.A": "A级客户账期上限",
    "settingLabel.approval.maxPaymentDays.B": "B级客户账期上限",
    "settingLabel.approval.maxPaymentDays.C": "C级客户账期上限",
    "settingLabel.approval.approver": "默认审批人",
    "settingHelp.approval.maxDiscount.A": "超过此折扣（或价格低于底价）的商机需要审批。",
    "settingHelp.approval.maxDiscount.B": "B级客户的折扣超过此值需要审批。",
    "settingHelp.approval.maxDiscount.C": "C级客户（以及尚未分级的客户）的折扣超过此值需要审批。",
    "settingHelp.approval.maxPaymentDays.A": "付款期限超过此天数需要审批。",
    "settingHelp.approval.maxPaymentDays.B": "B级客户的账期超过此天数需要审批。",
    "settingHelp.approval.maxPaymentDays.C": "C级客户（以及尚未分级的客户）的账期超过此天数需要审批。",
    "settingHelp.approval.approver": "审批人通常是负责人在「团队」表中的上级；没有上级时由此邮箱审批。",

    "menu.approvals": "审核商机条款",
    "action.approvals": "商机条款审批",
    "cli.help.approvals":
      "审核商机条款：低于底价、折扣或账期超出客户等级上限的商机写入「审批」表，保留已作出的决定和备注",

    "approvals.summary": "「{sheet}」：{waiting} 个待审批，{approved} 个已批准，{rejected} 个已驳回",
    "approvals.none": "没有商机的条款超出限额。",
    "approvals.withdrawn": "{count} 行待审批的条款已变化或不再需要审批：已标为「已撤销」，备注保留",
    "approvals.noApprover":
      "{count} 个待审批的商机没有审批人：请在「团队」表填写负责人的上级，或在设置中填写 approval.approver",
    "approvals.waitingFor": "{approver}：{count} 个商机待审批",
    "approvals.waitingLine": "  {dealId} {client}（{owner}）：{beyond}",
    "approvals.mailsSent": "已给 {count} 位审批人发送待审批清单",
    "approvals.mailsAlreadySent": "{count} 位审批人已收到同样的待审批清单，未重复发送",
    "approvals.mailsNotSent": "{count} 封待审批邮件未发出，见「{sheet}」",
    "approvals.beyond.floor": "价格 {actual} 低于底价 {limit}（低 {by}）",
    "approvals.beyond.discount": "折扣 {actual} 超过{tier}级上限 {limit}（超出 {points} 个百分点）",
    "approvals.beyond.discountMoney":
      "折扣 {actual} 超过{tier}级上限 {limit}（超出 {points} 个百分点，按标价计 {amount}）",
    "approvals.beyond.paymentDays": "账期 {actual} 天超过{tier}级上限 {limit} 天（超出 {by} 天）",
    "approvals.beyond.separator": "；",
    "approvals.mail.subject": "{count} 个商机的条款等待您审批",
    "approvals.mail.intro": "以下商机的条款超出了无需审批的限额，等待您的决定（截至 {date}）：",
    "approvals.mail.owner": "负责人",
    "approvals.mail.amount": "金额",
    "approvals.mail.howTo":
      "请在「{sheet}」表的「审批状态」列选择「批准」或「驳回」，系统会记录操作人和时间。",
    "approvals.mail.open": "打开「{sheet}」",
    "approvals.unknownUser": "未知",
    "issue.wonWithoutApproval": "赢单的条款超出限额，但「{sheet}」中没有对这些条款的批准：{beyond}",
    "issue.floorAboveList": "底价高于标价",
    "automation.problem.editTrigger": "「审批」表的编辑触发器有 {count} 个（应为 1 个）",
    "report.block.discounts": "本月折扣让利",
    "report.discounts.cost": "让利金额（按标价）",
    "report.discounts.deals": "让利单数",
    "report.discounts.costShort": "让利金额",
    "report.discounts.share": "平均折扣",
    "report.discounts.list": "标价合计",
    "report.discounts.total": "合计",
    "report.discounts.none": "本月没有低于标价或带折扣的赢单。",
    "report.discounts.implied": "{count} 个赢单只填了折扣、没有标价：标价按 金额 ÷（1 − 折扣）推算。",
  },
  {
    "sidebar.section.approvals": "Deal terms & approvals",
    "settingLabel.approval.maxDiscount.A": "Discount limit, tier A",
    "settingLabel.approval.maxDiscount.B": "Discount limit, tier B",
    "settingLabel.approval.maxDiscount.C": "Discount limit, tier C",
    "settingLabel.approval.maxPaymentDays.A": "Payment term limit, tier A",
    "settingLabel.approval.maxPaymentDays.B": "Payment term limit, tier B",
    "settingLabel.approval.maxPaymentDays.C": "Payment term limit, tier C",
    "settingLabel.approval.approver": "Default approver",
    "settingHelp.approval.maxDiscount.A":
      "A deal with a larger discount (or a price below its floor) needs approval.",
    "settingHelp.approval.maxDiscount.B": "Tier B clients: a larger discount needs approval.",
    "settingHelp.approval.maxDiscount.C":
      "Tier C clients (and clients without a tier): a larger discount needs approval.",
    "settingHelp.approval.maxPaymentDays.A": "A longer payment term needs approval.",
    "settingHelp.approval.maxPaymentDays.B": "Tier B clients: a longer payment term needs approval.",
    "settingHelp.approval.maxPaymentDays.C":
      "Tier C clients (and clients without a tier): a longer payment term needs approval.",
    "settingHelp.approval.approver":
      "The approver is the owner's manager on the Team sheet; without one, this address approves.",

    "menu.approvals": "Review deal terms",
    "action.approvals": "Deal terms review",
    "cli.help.approvals":
      "Review deal terms: deals below their floor or beyond their tier's discount or payment limit go to Approvals; decisions and notes are kept",

    "approvals.summary": "{sheet}: {waiting} pending, {approved} approved, {rejected} rejected",
    "approvals.none": "No deal's terms are beyond the limits.",
    "approvals.withdrawn":
      "{count} pending rows whose terms changed or no longer need approval are marked Withdrawn (notes kept)",
    "approvals.noApprover":
      "{count} pending deals have no approver: give the owner a Manager on the Team sheet, or set approval.approver",
    "approvals.waitingFor": "{approver}: {count} deals wait for approval",
    "approvals.waitingLine": "  {dealId} {client} ({owner}): {beyond}",
    "approvals.mailsSent": "Sent {count} approvers what waits for them",
    "approvals.mailsAlreadySent": "{count} approvers already had the same list; not sent again",
    "approvals.mailsNotSent": "{count} approval e-mails were not sent; see {sheet}",
    "approvals.beyond.floor": "Price {actual} below the floor {limit} (by {by})",
    "approvals.beyond.discount": "Discount {actual} above the tier {tier} limit {limit} (by {points} points)",
    "approvals.beyond.discountMoney":
      "Discount {actual} above the tier {tier} limit {limit} (by {points} points, {amount} of list price)",
    "approvals.beyond.paymentDays":
      "Payment term {actual} days above the tier {tier} limit {limit} days (by {by} days)",
    "approvals.beyond.separator": "; ",
    "approvals.mail.subject": "{count} deal terms wait for your approval",
    "approvals.mail.intro":
      "These deals have terms beyond the limits that need no approval; they wait for your decision (as of {date}):",
    "approvals.mail.owner": "Owner",
    "approvals.mail.amount": "Amount",
    "approvals.mail.howTo":
      "Choose Approved or Rejected in the Status column of {sheet}; who decided and when is recorded.",
    "approvals.mail.open": "Open {sheet}",
    "approvals.unknownUser": "unknown",
    "issue.wonWithoutApproval":
      "Won with terms beyond the limits, but {sheet} has no approval of these terms: {beyond}",
    "issue.floorAboveList": "Floor price above the list price",
    "automation.problem.editTrigger": "{count} edit triggers for the Approvals sheet instead of 1",
    "report.block.discounts": "Discounts granted this month",
    "report.discounts.cost": "Cost against list price",
    "report.discounts.deals": "Deals",
    "report.discounts.costShort": "Cost",
    "report.discounts.share": "Avg. discount",
    "report.discounts.list": "List price",
    "report.discounts.total": "Total",
    "report.discounts.none": "No deal was won below its list price or with a discount this month.",
    "report.discounts.implied":
      "{count} won deals have a Discount but no List price: their list price is taken as Amount ÷ (1 − Discount).",
  },
);
