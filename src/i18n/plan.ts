/**
 * Strings of the capacity-aware contact schedule (沟通排期), the contacts that collections and
 * renewals call for, the manager and finance parts of the digest, and the tier proposals
 * (分级提议) reviewed before they apply.
 */
import { defineMessages } from "./define";

export const plan = defineMessages(
  {
    "issue.expectedChannelWeights": "渠道权重无法识别：{value}；应写成 面访:3, 电话:1 这样的列表",
    "issue.expectedOnOff": "应为 on 或 off（开 / 关）",
    "plan.purpose.collection": "催款",
    "plan.purpose.renewal": "续约",
    "plan.purpose.regular": "例行",
    "plan.note.collection": "回款逾期 {days} 天，按 {interval} 天频率联系直至收回",
    "plan.note.renewal": "合同 {contract} 到期前 {days} 天的续约沟通",
    "plan.note.capacity": "未排入：{days} 个工作日内负责人沟通容量已满（每天 {capacity} 点）",
    "plan.note.tooHeavy": "未排入：一次{channel}占 {weight} 点，超过每天容量 {capacity} 点",
    "plan.note.gap": "未排入：距上次联系不足 {gap} 天，排期范围内没有可用日期",
    "plan.note.noOwner": "未排入：没有负责人，无法按容量安排",
    "plan.summary":
      "排期（{days} 个工作日，至 {last}）：已安排 {planned} 次沟通，今日 {today} 次；未能排入 {unplanned} 次。",
    "plan.summary.owner": "{owner}：今日 {today} 次，共安排 {planned} 次，未排入 {unplanned} 次",
    "digest.plan.today": "今天安排的沟通（{count}）",
    "digest.plan.next": "未来 {days} 天已安排的沟通（{count}）",
    "digest.plan.unplanned": "排期内无法安排的沟通（{count}）",
    "digest.col.purpose": "目的",
    "digest.col.planned": "安排日期",
    "digest.col.note": "说明",
    "digest.col.owner": "负责人",
    "digest.col.contract": "合同",
    "digest.col.outstanding": "未收",
    "digest.col.overdue": "逾期",
    "digest.daysCount": "{days} 天",
    "digest.escalation.title": "逾期 90 天以上的回款（{count}）",
    "tiers.proposals.summary":
      "分级需审核：{count} 项变更已写入「{sheet}」，批准后运行「应用已批准的分级变更」。",
    "tiers.proposals.kept": "{count} 项已有决定的提议保留其状态。",
    "tiers.apply.summary": "已应用 {applied} 项批准的分级变更；待审 {pending} 项，驳回 {rejected} 项。",
    "tiers.apply.none": "「{sheet}」中没有已批准待应用的变更。",
    "tiers.apply.noSheet": "没有「分级提议」工作表；请先在 tier.review 为 on 时运行客户分级。",
    "tiers.apply.stale": "客户当前等级为 {current}，与提议的原等级 {from} 不同，未应用；请重新计算客户分级",
    "tiers.apply.unknownClient": "客户不存在或已停用，未应用",
    "tiers.proposal.status.pending": "待审",
    "tiers.proposal.status.approved": "批准",
    "tiers.proposal.status.rejected": "驳回",
    "tiers.proposal.status.applied": "已应用",
    "menu.applyTierChanges": "应用已批准的分级变更",
    "action.applyTiers": "应用分级变更",
    "settingLabel.contact.capacityPerDay": "每人每天沟通容量",
    "settingLabel.contact.channelWeights": "渠道占用点数",
    "settingLabel.contact.minGapDays": "同一客户最短间隔",
    "settingLabel.contact.planDays": "排期范围",
    "settingLabel.tier.review": "分级变更需审核",
    "settingLabel.collection.escalateTo": "回款逾期90天通知的经理",
    "settingLabel.digest.finance": "财务收件人（回款提醒）",
    "settingHelp.contact.capacityPerDay":
      "负责人每个工作日最多安排的沟通点数；留空则不限，提醒列出所有逾期与今日应联系的客户。",
    "settingHelp.contact.channelWeights": "一次沟通按渠道占用的点数，例如 面访:3, 视频:2, 电话:1, 邮件:1。",
    "settingHelp.contact.minGapDays": "同一客户两次沟通至少相隔的天数，避免过度打扰。",
    "settingHelp.contact.planDays": "从今天起安排多少个工作日；排不下的列为未排入并说明原因。",
    "settingHelp.tier.review":
      "开启后，客户分级的变更先写入「分级提议」，批准后再应用；订单激增的升级立即生效。",
    "settingHelp.collection.escalateTo":
      "有回款逾期90天以上时，负责人在团队表中的上级会在每日提醒中收到清单（首次及此后每7天发送）；没有上级的负责人，清单发给这些经理。",
    "settingHelp.digest.finance": "这些邮箱每天收到所有逾期回款的清单。",
    "settingUnit.points": "点",
    "settingUnit.workingDays": "个工作日",
    "settingOption.on": "开启",
    "settingOption.off": "关闭",
  },
  {
    "issue.expectedChannelWeights":
      "channel weights not understood: {value}; write a list such as visit:3, phone:1",
    "issue.expectedOnOff": "expected on or off",
    "plan.purpose.collection": "Collection",
    "plan.purpose.renewal": "Renewal",
    "plan.purpose.regular": "Regular",
    "plan.note.collection": "instalment {days} days overdue; contact every {interval} days until paid",
    "plan.note.renewal": "renewal talk {days} days before contract {contract} ends",
    "plan.note.capacity":
      "not planned: the owner's capacity ({capacity} points a day) is full for {days} working days",
    "plan.note.tooHeavy":
      "not planned: one {channel} costs {weight} points, more than a day's capacity of {capacity}",
    "plan.note.gap":
      "not planned: fewer than {gap} days since the last contact, and no later day in the horizon",
    "plan.note.noOwner": "not planned: no owner to plan the capacity of",
    "plan.summary":
      "Schedule ({days} working days, to {last}): {planned} contacts planned, {today} today; {unplanned} could not be planned.",
    "plan.summary.owner": "{owner}: {today} today, {planned} planned, {unplanned} not planned",
    "digest.plan.today": "Contacts planned for today ({count})",
    "digest.plan.next": "Planned in the next {days} days ({count})",
    "digest.plan.unplanned": "Contacts that do not fit the schedule ({count})",
    "digest.col.purpose": "Purpose",
    "digest.col.planned": "Planned",
    "digest.col.note": "Note",
    "digest.col.owner": "Owner",
    "digest.col.contract": "Contract",
    "digest.col.outstanding": "Outstanding",
    "digest.col.overdue": "Overdue",
    "digest.daysCount": "{days} days",
    "digest.escalation.title": "Instalments 90 or more days overdue ({count})",
    "tiers.proposals.summary":
      'Tier changes need approval: {count} changes written to "{sheet}"; approve them, then run Apply approved tier changes.',
    "tiers.proposals.kept": "{count} proposals already decided keep their status.",
    "tiers.apply.summary": "Applied {applied} approved tier changes; {pending} pending, {rejected} rejected.",
    "tiers.apply.none": 'No approved change waits in "{sheet}".',
    "tiers.apply.noSheet":
      "There is no Tier proposals sheet; run Recalculate tiers with tier.review on first.",
    "tiers.apply.stale":
      "the client's tier is now {current}, not {from} as proposed; not applied. Recalculate tiers",
    "tiers.apply.unknownClient": "no such active client; not applied",
    "tiers.proposal.status.pending": "Pending",
    "tiers.proposal.status.approved": "Approved",
    "tiers.proposal.status.rejected": "Rejected",
    "tiers.proposal.status.applied": "Applied",
    "menu.applyTierChanges": "Apply approved tier changes",
    "action.applyTiers": "Apply tier changes",
    "settingLabel.contact.capacityPerDay": "Contact capacity per owner per day",
    "settingLabel.contact.channelWeights": "Points per channel",
    "settingLabel.contact.minGapDays": "Shortest gap for one client",
    "settingLabel.contact.planDays": "Schedule horizon",
    "settingLabel.tier.review": "Tier changes need approval",
    "settingLabel.collection.escalateTo": "Managers told of 90-day arrears",
    "settingLabel.digest.finance": "Finance recipients (receivables)",
    "settingHelp.contact.capacityPerDay":
      "Contact points an owner can spend per working day; blank for no limit (the digest lists every overdue and due-today contact).",
    "settingHelp.contact.channelWeights":
      "Points one contact costs by channel, e.g. visit:3, video:2, phone:1, email:1.",
    "settingHelp.contact.minGapDays":
      "Fewest days between two contacts of one client, so nobody is contacted too often.",
    "settingHelp.contact.planDays":
      "Working days planned from today; what does not fit is listed with the reason.",
    "settingHelp.tier.review":
      "When on, tier changes wait in Tier proposals until approved; surge upgrades apply at once.",
    "settingHelp.collection.escalateTo":
      "The owner's Manager on the Team sheet gets the instalments 90 or more days overdue in their digest (first on day 90, then weekly); for owners without one, these managers do.",
    "settingHelp.digest.finance": "These addresses get every overdue instalment each day.",
    "settingUnit.points": "points",
    "settingUnit.workingDays": "working days",
    "settingOption.on": "On",
    "settingOption.off": "Off",
  },
);
