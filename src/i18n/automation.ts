/** The scheduled jobs: the hourly dispatcher, its status, failure notices and the digest menu items. */
import { defineMessages } from "./define";

export const automation = defineMessages(
  {
    "automation.plain": "{text}",
    "automation.job.tiers": "客户分级",
    "automation.job.report": "月度报告",
    "automation.job.digest": "每日沟通提醒",
    "automation.installed":
      "已安装 1 个每小时运行的调度任务：客户分级、月度报告和每日提醒按「设置」中的时间运行（时区 {zone}），修改设置后立即生效。",
    "automation.removed": "已移除定时任务 {count} 个。",
    "automation.status.installed": "已安装：每小时运行的调度任务（由 {user} 安装）。",
    "automation.status.notInstalled": "尚未安装定时任务。可在「自动化 ▸ 安装定时任务」中安装。",
    "automation.status.job": "{job}：下次 {next}",
    "automation.status.last.done": "（上次：{period} 已完成）",
    "automation.status.last.failed": "（上次：{period} 失败：{error}）",
    "automation.status.last.partial": "（{period} 进行中，稍后继续）",
    "automation.status.zone": "时间按「设置」中的时区 {zone}。",
    "automation.status.differs":
      "注意：已安装的触发器与应有的不一致：{problems}。请运行「安装定时任务」修复。",
    "automation.problem.missing": "缺少每小时调度任务",
    "automation.problem.duplicates": "调度任务有 {count} 个（应为 1 个）",
    "automation.problem.legacy": "仍有旧版定时任务（{names}）",
    "automation.status.otherUser": "定时任务由 {user} 安装；只有该用户能看到和修改这些触发器。",
    "automation.status.continuation": "有 1 个后续任务将在几分钟内继续未完成的工作。",
    "automation.digestDeferred":
      "时间预算已用完：还有 {count} 位负责人的提醒未发送，将在后续运行中继续（不会重复发送）。",
    "automation.deferredJob": "时间预算已用完：「{job}」留待后续运行。",
    "automation.ran": "{job}（{period}）：",
    "automation.failed": "「{job}」（{period}）失败：{problem}",
    "automation.noticeSent": "已通知安装者 {to}。",
    "automation.failure.subject": "商务助手：定时任务「{job}」未能完成（{period}）",
    "automation.failure.body":
      "定时任务「{job}」（{period}）在 {when} 运行失败：\n{problem}\n\n本周期内不会再自动重试；下一次运行时间：{next}。请修正问题后，如有需要从菜单手动运行。详情见「发送记录」。",
    "automation.failure.notDelivered": "部分邮件未能发送：{reason}",
    "menu.sendMyDigest": "立即发送我的提醒",
    "menu.sendAllDigests": "立即发送全部提醒…",
    "digest.confirmAll.title": "发送全部每日提醒",
    "digest.confirmAll.body":
      "现在向今天有待办沟通的每位负责人发送每日提醒？今天已收到提醒的负责人不会重复收到。",
    "digest.mine.nothing": "今天没有需要发给 {owner} 的提醒（没有逾期或今日到期的事项）。",
    "digest.mine.noUser": "无法确定您的邮箱地址，因此无法发送您的提醒。",
    "stop.badClock":
      "无法确定当前日期（时区 {zone} 得到「{value}」），操作已停止，未做任何更改。请检查「设置」中的 timeZone。",
    "stop.badDateCell":
      "无法读取日期单元格（得到「{value}」），操作已停止，未做任何更改。请检查该日期是否在 1900–9999 年之间。",
  },
  {
    "automation.plain": "{text}",
    "automation.job.tiers": "Client tiers",
    "automation.job.report": "Monthly report",
    "automation.job.digest": "Daily contact digest",
    "automation.installed":
      "Installed 1 hourly dispatcher: client tiers, the monthly report and the daily digest run at the times in Settings (time zone {zone}); changed settings apply at once.",
    "automation.removed": "Removed {count} triggers.",
    "automation.status.installed": "Installed: the hourly dispatcher (installed by {user}).",
    "automation.status.notInstalled":
      "No triggers are installed. Install them under Automation ▸ Install triggers.",
    "automation.status.job": "{job}: next {next}",
    "automation.status.last.done": " (last: {period}, done)",
    "automation.status.last.failed": " (last: {period}, failed: {error})",
    "automation.status.last.partial": " ({period} in progress, continuing shortly)",
    "automation.status.zone": "Times are in the Settings time zone {zone}.",
    "automation.status.differs":
      "Attention: the installed triggers differ from what they should be: {problems}. Run Install triggers to fix it.",
    "automation.problem.missing": "the hourly dispatcher is missing",
    "automation.problem.duplicates": "{count} dispatchers instead of 1",
    "automation.problem.legacy": "old per-job triggers are still installed ({names})",
    "automation.status.otherUser":
      "The triggers were installed by {user}; only that user can see and change them.",
    "automation.status.continuation": "A continuation will finish unfinished work within minutes.",
    "automation.digestDeferred":
      "Time budget reached: {count} owners' digests are not sent yet; a continuation run sends them (never twice).",
    "automation.deferredJob": "Time budget reached: {job} is left for a continuation run.",
    "automation.ran": "{job} ({period}):",
    "automation.failed": "{job} ({period}) failed: {problem}",
    "automation.noticeSent": "The installer {to} was told.",
    "automation.failure.subject": "Account Desk: the scheduled job {job} did not complete ({period})",
    "automation.failure.body":
      "The scheduled job {job} ({period}) failed at {when}:\n{problem}\n\nIt is not retried automatically in this period; next run: {next}. Fix the problem and, if needed, run it from the menu. Details are in the Send log.",
    "automation.failure.notDelivered": "Some mail could not be sent: {reason}",
    "menu.sendMyDigest": "Send my digest now",
    "menu.sendAllDigests": "Send all digests now…",
    "digest.confirmAll.title": "Send all daily digests",
    "digest.confirmAll.body":
      "Send the daily digest now to every owner with contacts to follow up today? Owners who already had today's digest do not get it again.",
    "digest.mine.nothing": "Nothing to send to {owner} today (no overdue or due-today items).",
    "digest.mine.noUser": "Your e-mail address is not available, so your digest cannot be sent.",
    "stop.badClock":
      'Today\'s date cannot be formed (time zone {zone} gave "{value}"); the action stopped and changed nothing. Check timeZone in Settings.',
    "stop.badDateCell":
      'A date cell cannot be read (it gave "{value}"); the action stopped and changed nothing. Check that the date is between the years 1900 and 9999.',
  },
);
