/**
 * Strings of tier-C contact by e-mail (低价值客户自动化邮件): the menu item, the scheduled job,
 * the summary of a run, the data issues of the Templates sheet, the settings' labels and help,
 * and the words put into a message (a date, the Interactions summary).
 */
import { defineMessages } from "./define";

export const emails = defineMessages(
  {
    "action.emails": "客户邮件",
    "menu.prepareEmails": "准备我的客户邮件（C级）",
    "automation.job.emails": "C级客户邮件",

    "emails.interactionSummary": "自动邮件：{subject}",
    "emails.template.subject": "【回访】{{client}}，近期有什么可以帮您？",
    "emails.template.body":
      "{{client}} 您好：\n\n自 {{lastContact}} 与您联系以来，不知近期采购和使用是否顺利？本季度我们有新的产品资料和优惠政策，如有需要，直接回复这封邮件即可，我会尽快为您安排。\n\n祝商祺！\n{{owner}}",
    "emails.date": "{year}年{month}月{day}日",
    "emails.noLastContact": "（暂无记录）",

    "emails.summary.drafted":
      "已在 {mailbox} 的 Gmail 草稿箱中准备 {count} 封邮件，请检查后发送；每封已记入「沟通记录」和「发送记录」。",
    "emails.summary.sent":
      "已直接发送 {count} 封邮件（回复将发往各负责人）；每封已记入「沟通记录」和「发送记录」。",
    "emails.summary.planned": "今天将准备 {count} 封邮件（试运行，未写入任何内容）。",
    "emails.summary.budget":
      "今日邮件额度还剩 {quota}，为提醒、报告和通知预留 {reserve}，今天最多准备 {budget} 封。",
    "emails.summary.limit": "今天最多准备 {budget} 封（设置：每日上限）。",
    "emails.summary.deferred": "{count} 封超出今天的数量，顺延到 {days}，下次运行时优先处理。",
    "emails.summary.done": "{count} 位客户本周期的邮件已经准备过，不再重复。",
    "emails.summary.answered": "{count} 位客户已回复上一封自动邮件，交由负责人亲自跟进：{clients}",
    "emails.summary.noOwner": "{count} 位客户没有负责人，未准备邮件：{clients}",
    "emails.summary.noTemplate":
      "没有C级客户可用的邮件模板，未准备 {count} 封邮件；请在「{sheet}」中添加一行。",
    "emails.summary.otherOwners":
      "{count} 封邮件属于其他负责人，未准备：草稿只能建在运行者本人的邮箱中，请各负责人使用菜单「准备我的客户邮件（C级）」，或把「C级客户邮件方式」设为直接发送。",
    "emails.summary.failed": "{count} 封邮件未能准备：{error}",
    "emails.summary.nothing": "今天没有需要准备的C级客户邮件。",
    "emails.summary.notWorkingDay": "今天不是工作日，不准备客户邮件。",
    "emails.summary.noSheet": "工作簿中没有「{sheet}」表，不准备客户邮件。",
    "emails.summary.stopped": "时间不够，{count} 封邮件留待稍后继续。",
    "emails.noGmail":
      "无法创建 Gmail 草稿：本脚本未启用 Gmail 高级服务。请在 Apps Script 编辑器的「服务」中添加 Gmail API，或把「C级客户邮件方式」设为直接发送。",
    "emails.mine.noUser": "无法确定您的邮箱地址，因此无法为您准备邮件。",
    "emails.mine.nothing": "{owner} 今天没有需要准备的C级客户邮件。",

    "issue.unknownPlaceholder":
      "未知的占位符 {placeholders}；可用的只有 {{client}}、{{owner}}、{{lastContact}}",
    "issue.duplicateTemplate": "与第 {row} 行的等级和语言相同，使用第 {row} 行",
    "issue.templateColumns": "缺少「主题」或「正文」列，模板无法使用",
    "issue.clientNoEmail": "C级客户按邮件联系，但没有填写邮箱，无法发送自动邮件",
    "issue.expectedEmailMode": "应为 draft（草稿）或 send（直接发送）",

    "settingLabel.templates.mode": "C级客户邮件方式",
    "settingHelp.templates.mode":
      "按「邮件模板」给到期的C级邮件客户准备邮件：存为负责人自己的 Gmail 草稿（由负责人检查后发送），或直接发送（回复发往负责人）。",
    "settingLabel.templates.detectReplies": "在 Gmail 中检测回复",
    "settingHelp.templates.detectReplies":
      "开启后，每次准备邮件前在运行者的 Gmail 中查找C级客户在上次自动邮件之后发来的邮件；找到的客户记一条「沟通记录」（已回应），不再收到下一封自动邮件。需要在清单中加入 gmail.readonly 权限。",
    "emails.replySummary": "在 Gmail 中检测到回复",
    "emails.summary.replies": "在 Gmail 中检测到 {count} 位客户回复（{clients}），已记入「沟通记录」。",
    "emails.summary.noReplySearch":
      "无法在 Gmail 中检测回复（未启用 Gmail 高级服务或未授予 gmail.readonly 权限），本次未检测。",
    "settingLabel.templates.perDay": "每日邮件上限",
    "settingHelp.templates.perDay":
      "每天最多准备这么多封；超出的顺延到后面的工作日。直接发送时还受当日邮件额度限制。",
    "settingOption.draft": "存为草稿，由负责人发送",
    "settingOption.send": "直接发送",
    "settingUnit.messages": "封",
    "cli.help.emails": "试运行C级客户自动邮件：列出今天会准备的邮件和顺延的邮件（不发送、不记录）",
    "cli.option.eml": "DIR：把今天的邮件写成 .eml 文件（未发送的草稿）",
    "cli.wroteEml": "已把 {count} 封邮件写入 {dir}",
  },
  {
    "action.emails": "Client e-mails",
    "menu.prepareEmails": "Prepare my client e-mails (tier C)",
    "automation.job.emails": "Tier-C client e-mails",

    "emails.interactionSummary": "automated e-mail: {subject}",
    "emails.template.subject": "Checking in: how can we help {{client}}?",
    "emails.template.body":
      "Dear {{client}} team,\n\nIt has been a while since we last spoke on {{lastContact}}, and I hope everything is running smoothly. This quarter we have new product material and offers; if anything would be useful, simply reply to this e-mail and I will arrange it.\n\nBest regards,\n{{owner}}",
    "emails.date": "{monthName} {day}, {year}",
    "emails.noLastContact": "(no earlier contact)",

    "emails.summary.drafted":
      "{count} e-mails prepared as Gmail drafts in {mailbox}: check and send them; each is recorded in Interactions and the Send log.",
    "emails.summary.sent":
      "{count} e-mails sent directly (replies go to each owner); each is recorded in Interactions and the Send log.",
    "emails.summary.planned": "{count} e-mails would be prepared today (dry run: nothing written).",
    "emails.summary.budget":
      "{quota} e-mails left in today's quota, {reserve} kept for digests, the report and notices: at most {budget} today.",
    "emails.summary.limit": "At most {budget} today (setting: daily limit).",
    "emails.summary.deferred":
      "{count} e-mails did not fit today and move to {days}; the next run takes them first.",
    "emails.summary.done": "{count} clients already had this cycle's e-mail: not prepared again.",
    "emails.summary.answered":
      "{count} clients answered the last automated e-mail and are left to their owners: {clients}",
    "emails.summary.noOwner": "{count} clients have no owner, no e-mail prepared: {clients}",
    "emails.summary.noTemplate":
      "No template for tier C: {count} e-mails not prepared; add a row to {sheet}.",
    "emails.summary.otherOwners":
      "{count} e-mails belong to other owners and were not prepared: a draft can only be made in the mailbox of whoever runs the script. Each owner can use Prepare my client e-mails (tier C), or set Tier-C e-mail method to send directly.",
    "emails.summary.failed": "{count} e-mails could not be prepared: {error}",
    "emails.summary.nothing": "No tier-C e-mails to prepare today.",
    "emails.summary.notWorkingDay": "Today is not a working day: no client e-mails.",
    "emails.summary.noSheet": "The workbook has no {sheet} sheet: no client e-mails.",
    "emails.summary.stopped": "Out of time: {count} e-mails are left for a moment later.",
    "emails.noGmail":
      "Gmail drafts cannot be created: the Gmail advanced service is not enabled for this script. Add the Gmail API under Services in the Apps Script editor, or set Tier-C e-mail method to send directly.",
    "emails.mine.noUser": "Your e-mail address is not available, so no e-mails can be prepared for you.",
    "emails.mine.nothing": "No tier-C e-mails to prepare for {owner} today.",

    "issue.unknownPlaceholder":
      "unknown placeholder {placeholders}; use only {{client}}, {{owner}}, {{lastContact}}",
    "issue.duplicateTemplate": "same tier and language as row {row}; row {row} is used",
    "issue.templateColumns": "the Subject or Body column is missing: no template can be used",
    "issue.clientNoEmail": "a tier-C client contacted by e-mail has no Email: no automated e-mail can go out",
    "issue.expectedEmailMode": "expected draft or send",

    "settingLabel.templates.mode": "Tier-C e-mail method",
    "settingHelp.templates.mode":
      "Due tier-C clients contacted by e-mail get the Templates message: as a Gmail draft in the owner's own mailbox (the owner checks and sends it), or sent directly (replies go to the owner).",
    "settingLabel.templates.detectReplies": "Detect replies in Gmail",
    "settingHelp.templates.detectReplies":
      "When on, before preparing e-mails the run looks in the Gmail of whoever runs it for mail a tier-C client sent after its last automated e-mail; such a client gets an Interactions row (responded) and no next automated e-mail. Needs the gmail.readonly scope added to the manifest.",
    "emails.replySummary": "reply detected in Gmail",
    "emails.summary.replies":
      "Replies detected in Gmail from {count} clients ({clients}); recorded in Interactions.",
    "emails.summary.noReplySearch":
      "Replies could not be looked for in Gmail (the Gmail advanced service or the gmail.readonly scope is missing): no detection this run.",
    "settingLabel.templates.perDay": "E-mails per day",
    "settingHelp.templates.perDay":
      "At most this many a day; the rest move to the next working days. Sending directly is also held to the day's mail quota.",
    "settingOption.draft": "Drafts for the owner to send",
    "settingOption.send": "Send directly",
    "settingUnit.messages": "e-mails",
    "cli.help.emails":
      "dry run of the tier-C automated e-mails: what would be prepared today and what would be deferred (nothing sent or recorded)",
    "cli.option.eml": "DIR: write today's messages as .eml files (unsent drafts)",
    "cli.wroteEml": "Wrote {count} e-mails to {dir}",
  },
);
