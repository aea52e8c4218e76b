/** Strings of contracts and collections (合同与回款): lifecycle checks, the output sheet, the summary and digest reminders. */
import { defineMessages } from "./define";

export const contracts = defineMessages(
  {
    "menu.contracts": "检查合同与回款",
    "contracts.issue.signedWithoutDate": "状态为「{status}」的合同没有签订日期；请填写签订日期",
    "contracts.issue.endBeforeStart": "结束日期 {end} 早于开始日期 {start}；请更正开始日期或结束日期",
    "contracts.issue.activePastEnd":
      "合同已于 {end} 结束（{days} 天前），状态仍为「履行中」；请改为「已到期」或「已续签」",
    "contracts.issue.renewedWithoutSuccessor":
      "状态为「已续签」，但客户 {clientId} 没有更晚的合同；请录入续签合同，或更正状态",
    "contracts.issue.paidMoreThanDue": "实收金额 {paid} 超过应收金额 {due}；请核对实收金额",
    "contracts.issue.planMismatch":
      "{count} 期回款的应收金额合计 {planned}，与合同金额 {value} 不一致（相差 {difference}）；请核对回款计划或合同金额",
    "contracts.issue.wonWithoutContract":
      "商机于 {closedOn} 赢单（{days} 天前），但没有合同登记该商机编号；请录入合同并填写商机编号",
    "contracts.summary":
      "续约提醒 {renewals} 份合同（合计 {renewalValue}）；逾期回款 {overdue} 笔（未收 {outstanding}）。详见「{sheet}」。",
    "contracts.summaryOwner":
      "{owner}：待续约 {renewals} 份（{renewalValue}），逾期 {overdue} 笔（未收 {outstanding}）",
    "contracts.sheet.title": "续约与回款（截至 {date}）",
    "contracts.sheet.renewalsTitle": "{days} 天内到期待续约：{count} 份，合同金额合计 {value}",
    "contracts.sheet.overdueTitle": "逾期回款：{count} 笔，未收合计 {outstanding}",
    "contracts.sheet.ownersTitle": "按负责人汇总",
    "contracts.sheet.none": "无",
    "contracts.sheet.clientName": "客户名称",
    "contracts.sheet.tier": "客户等级",
    "contracts.sheet.daysLeft": "剩余天数",
    "contracts.sheet.mark": "提示",
    "contracts.sheet.near": "{days} 天内到期",
    "contracts.sheet.outstanding": "未收金额",
    "contracts.sheet.daysOverdue": "逾期天数",
    "contracts.sheet.bucket": "账龄（天）",
    "contracts.sheet.renewals": "待续约（份）",
    "contracts.sheet.renewalValue": "待续约金额",
    "contracts.sheet.overdueCount": "逾期（笔）",
    "contracts.sheet.total": "合计",
    "contracts.sheet.noOwner": "（未指定负责人）",
    "contracts.sheet.paperworkTitle": "已签订或履行中、缺少审批或归档链接的合同：{count} 份",
    "contracts.sheet.missing": "缺少",
    "contracts.paperwork.legal": "法务审批",
    "contracts.paperwork.finance": "财务审批",
    "contracts.paperwork.archiveLink": "归档链接",
    "contracts.paperwork.separator": "、",
    "contracts.summaryPaperwork": "{count} 份已签订的合同缺少法务或财务审批或归档链接，详见「{sheet}」。",
    "contracts.digest.renewalsTitle": "进入续约提醒期的合同（{count}）",
    "contracts.digest.overdueTitle": "逾期未收的回款（{count}）",
    "contracts.digest.col.contract": "合同",
    "contracts.digest.col.value": "合同金额",
    "contracts.digest.col.end": "到期日",
    "contracts.digest.col.daysLeft": "剩余",
    "contracts.digest.col.due": "应收日期",
    "contracts.digest.col.outstanding": "未收",
    "contracts.digest.col.bucket": "账龄",
    "contracts.digest.col.daysOverdue": "已逾期",
    "contracts.digest.days": "{days} 天",
    "contracts.digest.noValue": "未填写",
    "contracts.digest.noOwner":
      "{count} 条续约或逾期回款提醒没有负责人（合同和客户都未填写负责人），未发送；请在「续约与回款」中查看。",
  },
  {
    "menu.contracts": "Review contracts and payments",
    "contracts.issue.signedWithoutDate":
      "a contract with status {status} has no Signed on date; fill in Signed on",
    "contracts.issue.endBeforeStart": "End {end} is before Start {start}; correct Start or End",
    "contracts.issue.activePastEnd":
      "the contract ended on {end} ({days} days ago) but is still active; set Status to expired or renewed",
    "contracts.issue.renewedWithoutSuccessor":
      "marked renewed, but client {clientId} has no later contract; add the renewal contract or correct Status",
    "contracts.issue.paidMoreThanDue": "Amount paid {paid} is more than Amount due {due}; check Amount paid",
    "contracts.issue.planMismatch":
      "the instalments ({count}) add up to {planned}, not the contract Value {value} (difference {difference}); check the payment plan or the Value",
    "contracts.issue.wonWithoutContract":
      "won on {closedOn} ({days} days ago) but no contract names this Deal ID; add the contract with its Deal ID",
    "contracts.summary":
      'Contracts due for renewal: {renewals} ({renewalValue}); overdue instalments: {overdue} ({outstanding} outstanding). See "{sheet}".',
    "contracts.summaryOwner":
      "{owner}: renewals due {renewals} ({renewalValue}); overdue instalments {overdue} ({outstanding} outstanding)",
    "contracts.sheet.title": "Renewals & receivables as of {date}",
    "contracts.sheet.renewalsTitle": "Due for renewal (ending within {days} days): {count}, value {value}",
    "contracts.sheet.overdueTitle": "Overdue instalments: {count}, outstanding {outstanding}",
    "contracts.sheet.ownersTitle": "By owner",
    "contracts.sheet.none": "None",
    "contracts.sheet.clientName": "Client name",
    "contracts.sheet.tier": "Tier",
    "contracts.sheet.daysLeft": "Days left",
    "contracts.sheet.mark": "Note",
    "contracts.sheet.near": "ends within {days} days",
    "contracts.sheet.outstanding": "Outstanding",
    "contracts.sheet.daysOverdue": "Days overdue",
    "contracts.sheet.bucket": "Ageing (days)",
    "contracts.sheet.renewals": "Renewals due",
    "contracts.sheet.renewalValue": "Renewal value",
    "contracts.sheet.overdueCount": "Overdue instalments",
    "contracts.sheet.total": "Total",
    "contracts.sheet.noOwner": "(no owner)",
    "contracts.sheet.paperworkTitle":
      "Signed or active contracts missing an approval or the archive link: {count}",
    "contracts.sheet.missing": "Missing",
    "contracts.paperwork.legal": "legal approval",
    "contracts.paperwork.finance": "finance approval",
    "contracts.paperwork.archiveLink": "archive link",
    "contracts.paperwork.separator": ", ",
    "contracts.summaryPaperwork":
      "{count} signed contracts lack legal or finance approval or their archive link; see {sheet}.",
    "contracts.digest.renewalsTitle": "Contracts entering the renewal window ({count})",
    "contracts.digest.overdueTitle": "Overdue payments ({count})",
    "contracts.digest.col.contract": "Contract",
    "contracts.digest.col.value": "Value",
    "contracts.digest.col.end": "Ends",
    "contracts.digest.col.daysLeft": "Left",
    "contracts.digest.col.due": "Due",
    "contracts.digest.col.outstanding": "Outstanding",
    "contracts.digest.col.bucket": "Ageing",
    "contracts.digest.col.daysOverdue": "Overdue",
    "contracts.digest.days": "{days} days",
    "contracts.digest.noValue": "not given",
    "contracts.digest.noOwner":
      "{count} renewal or overdue-payment reminders have no owner (neither the contract nor its client has one) and were not mailed; see Renewals & receivables.",
  },
);
