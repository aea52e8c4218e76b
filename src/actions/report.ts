/**
 * The monthly performance report (月度业绩报告): reads the tables once each, computes the
 * figures of rules.md §3 for a month (core/report.ts), replaces the sheet `Report YYYY-MM` /
 * `月报 YYYY-MM` with the laid-out report and its charts (one replaceSheet, one addCharts), and
 * renders the HTML of the e-mail, the PDF and the command line. Sending goes through
 * sendMails with the key `report:YYYY-MM`, all or nothing: the sheet is written first, so a
 * missing recipient or an exhausted quota never costs the report, and nothing is half-sent.
 */
import { formatMonth, previousMonth, type YearMonth } from "../core/dates";
import { formatMoney, formatPercent } from "../core/money";
import {
  computeReport,
  reportJson,
  type ReportJson,
  type ReportModel,
  type ReportTierChange,
} from "../core/report";
import type { TargetEntry } from "../core/targets";
import { msg, t, type Language } from "../i18n";
import type { Env } from "../ports";
import { CHANNELS, DEFAULT_PROBABILITY, OPEN_STAGES, type Tier } from "../workbook/codes";
import { normalizeName } from "../workbook/names";
import { readData, type ReadPlan } from "../workbook/read";
import { contactSettings } from "../workbook/settings";
import { readTierHistory } from "../workbook/tierHistory";
import { sendMails, sentKeys, type SendOutcome } from "./mail";
import { REPORT_CHECKS } from "./reportChecks";
import { reportHtml } from "./reportHtml";
import { reportSheetLayout } from "./reportSheet";
import { reportNotes, type ReportView } from "./reportView";
import { finishRun, noteMissingSheets, startRun, type ActionResult, type Run, type RunOptions } from "./run";

export interface ReportOptions extends RunOptions {
  /** The month to report on; default: the month before the as-of date. */
  readonly month?: YearMonth;
}

export interface ReportResult extends ActionResult<ReportJson> {
  /** The report sheet's name. */
  readonly sheet: string;
  /** The report as an HTML document (the command line's --html, the PDF). */
  readonly html: string;
  readonly model: ReportModel;
}

export interface ReportSendResult extends ReportResult {
  /** What happened to the e-mail. */
  readonly delivery: SendOutcome;
}

/** The send-log key of a month's report. */
export function reportKey(month: YearMonth): string {
  return `report:${formatMonth(month)}`;
}

/** The sheet a month's report goes to: an existing one in either language, else a new one in the workbook's. */
export function reportSheetName(existing: readonly string[], month: YearMonth, language: Language): string {
  const key = formatMonth(month);
  const candidates = new Set([
    normalizeName(t("zh-CN", "report.sheetName", { month: key })),
    normalizeName(t("en", "report.sheetName", { month: key })),
  ]);
  return (
    existing.find((name) => candidates.has(normalizeName(name))) ??
    t(language, "report.sheetName", { month: key })
  );
}

interface Built {
  readonly month: YearMonth;
  readonly model: ReportModel;
  readonly view: ReportView;
  readonly json: ReportJson;
}

/** Reads the workbook, runs the report's checks and computes the figures. */
/** The columns the report and its checks read. */
const REPORT_FIELDS = {
  clients: ["clientId", "name", "industry", "owner", "status", "tier", "purchaseOverride"],
  deals: [
    "dealId",
    "clientId",
    "title",
    "owner",
    "stage",
    "amount",
    "probability",
    "expectedClose",
    "closedOn",
    "source",
    "lostReason",
  ],
  contracts: ["contractId", "clientId", "owner", "value", "status", "signedOn", "end"],
  payments: "all",
  interactions: ["date", "clientId", "channel", "responded", "satisfaction"],
  targets: "all",
  industries: "all",
} as const satisfies ReadPlan;

function build(run: Run, month: YearMonth): Built {
  const data = readData(
    run.env.workbook,
    run.sheets,
    REPORT_FIELDS,
    ["clients", "deals"],
    { action: "report", dateOrder: run.settings.dateOrder },
    run.issues,
  );
  noteMissingSheets(run, data.missingSheets);
  for (const check of REPORT_CHECKS) {
    for (const issue of check({ data, settings: run.settings, asOf: run.asOf, action: "report" }))
      run.issues.push(issue);
  }
  const model = computeReport({
    year: month.year,
    month: month.month,
    clients: data.clients.rows,
    deals: data.deals.rows,
    contracts: data.contracts.rows,
    payments: data.payments.rows,
    interactions: data.interactions.rows,
    targets: data.targets.rows as readonly TargetEntry[],
    industries: data.industries.rows,
    tierHistory: tierChanges(run),
    underperformShare: run.settings["report.underperformShare"],
    renewalNoticeDays: run.settings["renewal.noticeDays"],
    intervalDays: intervals(run),
    openStages: OPEN_STAGES,
    defaultProbability: DEFAULT_PROBABILITY,
    channels: CHANNELS.values,
    nameKey: normalizeName,
  });
  const currency = run.settings.currency;
  const view: ReportView = {
    language: run.language,
    currency,
    sheet: reportSheetName(run.env.workbook.sheetNames(), month, run.language),
    generated: run.asOf,
    underperformShare: run.settings["report.underperformShare"],
    renewalNoticeDays: run.settings["renewal.noticeDays"],
    notes: reportNotes(model, run.asOf, currency),
  };
  return { month, model, view, json: reportJson(model, currency) };
}

function intervals(run: Run): Record<Tier, number> {
  return {
    A: contactSettings(run.settings, "A").intervalDays,
    B: contactSettings(run.settings, "B").intervalDays,
    C: contactSettings(run.settings, "C").intervalDays,
  };
}

/** Tier history as the tier action appended it (one read; unreadable rows are data issues). */
function tierChanges(run: Run): ReportTierChange[] {
  const rows = readTierHistory(
    run.env.workbook,
    run.sheets,
    { action: "report", dateOrder: run.settings.dateOrder },
    run.issues,
  );
  return rows.map(({ date, clientId, from, to, reason }) => ({ date, clientId, from, to, reason }));
}

/** Replaces the report sheet and adds its charts: two spreadsheet calls whatever the size. */
function writeSheet(run: Run, built: Built): void {
  const layout = reportSheetLayout(built.model, built.view);
  run.env.workbook.replaceSheet(built.view.sheet, layout.rows, layout.format);
  if (layout.charts.length > 0) run.env.workbook.addCharts(built.view.sheet, layout.charts);
  const team = built.model.team;
  run.summary.push(
    msg("report.summary.written", {
      sheet: built.view.sheet,
      won: formatMoney(team.won, built.view.currency),
      target: team.target === null ? "—" : formatMoney(team.target, built.view.currency),
      attainment: team.attainment === null ? "—" : formatPercent(team.attainment),
    }),
  );
}

function finish(run: Run, built: Built): ReportResult {
  const result = finishRun(run, built.json);
  return {
    ...result,
    sheet: built.view.sheet,
    html: reportHtml(built.model, built.view),
    model: built.model,
  };
}

/** Generate monthly report: writes the report sheet for the month and returns its figures. */
export function generateReport(env: Env, options: ReportOptions = {}): ReportResult {
  const run = startRun(env, "report", options);
  const built = build(run, options.month ?? previousMonth(run.asOf));
  writeSheet(run, built);
  return finish(run, built);
}

export interface SendReportOptions extends ReportOptions {
  /** Send even when the send log says this month's report went out already (the menu confirms first). */
  readonly force?: boolean;
}

/**
 * Send report now (and the monthly trigger, for the previous month): writes the sheet, then
 * mails the report with its PDF to `report.recipients`, once per month unless forced.
 */
export function sendReport(env: Env, options: SendReportOptions = {}): ReportSendResult {
  const run = startRun(env, "report", options);
  const built = build(run, options.month ?? previousMonth(run.asOf));
  writeSheet(run, built);
  const recipients = run.settings["report.recipients"];
  const view = built.view;
  const team = built.model.team;
  const key = formatMonth(built.month);
  const figures = {
    month: key,
    won: formatMoney(team.won, view.currency),
    target: team.target === null ? "—" : formatMoney(team.target, view.currency),
    attainment: team.attainment === null ? "—" : formatPercent(team.attainment),
  };
  const sent = sendMails(
    run,
    [
      {
        what: reportKey(built.month),
        message: {
          to: recipients,
          subject: t(run.language, "report.mail.subject", figures),
          htmlBody: reportHtml(built.model, view, { mentionAttachment: true }),
          textBody: t(run.language, "report.mail.text", {
            ...figures,
            wonCount: team.wonCount,
            lostCount: team.lostCount,
            winRate: team.winRate === null ? "—" : formatPercent(team.winRate),
            collected: formatMoney(built.model.collected, view.currency),
            overdue: formatMoney(built.model.receivablesOverdue.total, view.currency),
            sheet: view.sheet,
          }),
          pdf: {
            fileName: t(run.language, "report.pdfName", { month: key }),
            html: reportHtml(built.model, view),
          },
        },
      },
    ],
    { force: options.force === true, allOrNothing: true },
  );
  const outcome = sent.outcomes[0];
  const delivery: SendOutcome = outcome?.outcome ?? "no-recipients";
  switch (delivery) {
    case "sent":
      run.summary.push(msg("report.summary.sent", { month: key, recipients: recipients.join(", ") }));
      break;
    case "already-sent":
      run.summary.push(msg("report.summary.alreadySent", { month: key }));
      break;
    case "no-recipients":
      run.summary.push(msg("report.summary.noRecipients"));
      break;
    case "no-quota":
      run.summary.push(
        msg("report.summary.noQuota", { needed: recipients.length, left: env.mail?.remainingQuota() ?? 0 }),
      );
      break;
    case "no-mail":
      run.summary.push(msg("report.summary.noMail"));
      break;
    case "failed":
      run.summary.push(msg("report.summary.failed", { error: outcome?.error ?? "" }));
      break;
  }
  return { ...finish(run, built), delivery };
}

/** Whether the month's report is in the send log as sent, and to whom it would go (for the menu's confirmation). */
export function reportSendState(
  env: Env,
  month: YearMonth,
  options: RunOptions = {},
): { sent: boolean; recipients: readonly string[]; language: Language } {
  const run = startRun(env, "report", options);
  return {
    sent: sentKeys(run).has(reportKey(month)),
    recipients: run.settings["report.recipients"],
    language: run.language,
  };
}
