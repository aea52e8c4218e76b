/**
 * Strings of the planned visits in Google Calendar (面对面沟通日程) and of the `.ics` export:
 * the settings, the event's title and description, the sync's summary lines.
 */
import { defineMessages } from "./define";

export const calendar = defineMessages(
  {
    "issue.expectedTimeOfDay":
      "应为 24 小时制时间，如 10:00，或留空（全天）；表格会把直接输入的时间变成日期时间，请输入 '10:00 或在「设置…」侧栏中选择",
    "settingLabel.calendar.owners": "面访同步到日历的负责人",
    "settingLabel.calendar.visitTime": "面访日程开始时间",
    "settingLabel.calendar.visitMinutes": "面访日程时长",
    "settingHelp.calendar.owners":
      "这些负责人计划中的面访会出现在各自的 Google 日历中：排期变化时日程随之移动，记录沟通后删除。运行同步的人需要有写入其日历的权限（对方共享日历并允许“更改活动”）。",
    "settingHelp.calendar.visitTime": "选择“全天”则日程不占具体时段；选择时间则按工作簿时区在该时刻开始。",
    "settingHelp.calendar.visitMinutes": "仅在设置了开始时间时使用。",
    "settingUnit.minutes": "分钟",
    "settingOption.allDay": "全天",
    "calendar.event.summary": "面访：{client}",
    "calendar.event.client": "客户：{name}（{id}）",
    "calendar.event.purpose": "目的：{purpose}",
    "calendar.event.tier": "客户等级：{tier}",
    "calendar.event.lastContact": "最近联系：{date}",
    "calendar.event.noContact": "最近联系：无",
    "calendar.event.note": "说明：{note}",
    "calendar.event.link": "沟通计划：{link}",
    "calendar.event.footer": "由商务助手按沟通计划创建；排期变化时自动移动，记录这次沟通后自动删除。",
    "calendar.icsName": "{owner} 的面访计划",
    "calendar.summary.optedOut":
      "日历 {owner}：已不在 calendar.owners 中，删除本工作簿的 {removed} 个面访日程",
    "calendar.summary.owner":
      "日历 {owner}：{visits} 次面访，新建 {created}，移动 {moved}，删除 {removed}，未改 {unchanged}",
    "calendar.summary.dismissed": "日历 {owner}：{count} 个日程已被手动删除，本次面访不再重建",
    "calendar.summary.failed":
      "日历 {owner}：无法写入（{reason}）。请让对方把日历共享给 {user} 并允许“更改活动”，或由其本人运行同步。",
    "calendar.summary.deferred": "日历：时间用尽，{count} 位负责人留待下次运行同步",
    "calendar.summary.unavailable": "日历：此环境没有 Google 日历，未同步。",
    "automation.job.calendar": "面访日程同步",
    "cli.option.ics": "把开启同步的负责人的面访计划写成 .ics 文件（每位负责人一个）到此目录",
    "cli.wroteIcs": "已写入 {count} 个 .ics 文件到 {dir}：{files}",
    "cli.noIcs": "没有负责人开启面访同步（calendar.owners），未写入 .ics 文件",
  },
  {
    "issue.expectedTimeOfDay":
      "expected a 24-hour time such as 10:00, or blank (all day); Sheets turns a time typed into a cell into a date, so type '10:00 or choose it in the Settings sidebar",
    "settingLabel.calendar.owners": "Owners with visits in their calendar",
    "settingLabel.calendar.visitTime": "Visit start time",
    "settingLabel.calendar.visitMinutes": "Visit length",
    "settingHelp.calendar.owners":
      "The planned visits of these owners appear in their own Google Calendar: moved when the plan moves, removed once the contact is logged. Whoever runs the sync needs write access to their calendar (shared with “Make changes to events”).",
    "settingHelp.calendar.visitTime":
      "All day: the event takes no time slot; a time: the event starts then, in the workbook's time zone.",
    "settingHelp.calendar.visitMinutes": "Used only with a start time.",
    "settingUnit.minutes": "minutes",
    "settingOption.allDay": "All day",
    "calendar.event.summary": "Visit: {client}",
    "calendar.event.client": "Client: {name} ({id})",
    "calendar.event.purpose": "Purpose: {purpose}",
    "calendar.event.tier": "Tier: {tier}",
    "calendar.event.lastContact": "Last contact: {date}",
    "calendar.event.noContact": "Last contact: none",
    "calendar.event.note": "Note: {note}",
    "calendar.event.link": "Contact plan: {link}",
    "calendar.event.footer":
      "Created by Account Desk from the contact plan; moved when the plan moves, removed once this contact is logged.",
    "calendar.icsName": "Visits of {owner}",
    "calendar.summary.optedOut":
      "Calendar {owner}: no longer in calendar.owners, {removed} visit events of this workbook removed",
    "calendar.summary.owner":
      "Calendar {owner}: {visits} visits, {created} created, {moved} moved, {removed} removed, {unchanged} unchanged",
    "calendar.summary.dismissed":
      "Calendar {owner}: {count} events deleted by hand are not created again for these visits",
    "calendar.summary.failed":
      "Calendar {owner}: could not write ({reason}). Ask them to share their calendar with {user} with “Make changes to events”, or to run the sync themselves.",
    "calendar.summary.deferred": "Calendar: out of time, {count} owners left for the next run",
    "calendar.summary.unavailable": "Calendar: no Google Calendar here, nothing synced.",
    "automation.job.calendar": "visit calendar sync",
    "cli.option.ics":
      "write the planned visits of the owners with calendar sync as .ics files (one per owner) into this folder",
    "cli.wroteIcs": "Wrote {count} .ics files to {dir}: {files}",
    "cli.noIcs": "No owner has calendar sync on (calendar.owners): no .ics file written",
  },
);
