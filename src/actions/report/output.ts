/**
 * What every report action does: build the report, write its sheet and charts (two calls),
 * record the month's snapshot, and return the figures with the e-mail and print HTML.
 */
import { formatMoney, formatPercent } from "../../core/money";
import type { ReportModel } from "../../core/report";
import type { YearMonth } from "../../core/dates";
import { msg } from "../../i18n";
import type { SendOutcome } from "../mail";
import { finishRun, type ActionResult, type Run, type RunOptions } from "../run";
import { buildReport, type Built } from "./build";
import { reportDocument, type ReportDocument } from "./json";
import { reportSheetName } from "./months";
import { sheetLayout } from "./render";
import { appendSnapshot } from "./snapshots";
import type { Topic } from "./topic";
import type { TopicFunction } from "./topics";

export interface ReportOptions extends RunOptions {
  /** The month to report on; default: the month before the as-of date. */
  readonly month?: YearMonth;
  /** Regenerate: a month already snapshotted gets a new revision. */
  readonly force?: boolean;
  /** Where the report sheet can be opened (the e-mail links to it for long tables). */
  readonly link?: string | null;
  /** The topics to render (tests add one); default: all of them. */
  readonly topics?: readonly TopicFunction[];
}

export interface ReportResult extends ActionResult<ReportDocument> {
  /** The report sheet's name. */
  readonly sheet: string;
  /** The e-mail's HTML (the command line's --html). */
  readonly html: string;
  /** The print HTML (the PDF). */
  readonly printHtml: string;
  readonly model: ReportModel;
  readonly topics: readonly Topic[];
}

export interface ReportSendResult extends ReportResult {
  /** What happened to the e-mail. */
  readonly delivery: SendOutcome;
}

export interface Written {
  readonly built: Built;
  readonly link: string | null;
}

/** Builds the report, writes its sheet and charts (two calls), and records the snapshot. */
export function write(run: Run, month: YearMonth, options: ReportOptions, snapshot: boolean): Written {
  const sheet = reportSheetName(run.env.workbook.sheetNames(), month, run.language);
  const built = buildReport(run, month, sheet, options.topics);
  const layout = sheetLayout(built);
  run.env.workbook.replaceSheet(sheet, layout.rows, layout.format);
  if (layout.charts.length > 0) run.env.workbook.addCharts(sheet, layout.charts);
  const team = built.model.team;
  const currency = built.context.currency;
  run.summary.push(
    msg("report.summary.written", {
      sheet,
      won: formatMoney(team.won, currency),
      target: team.target === null ? "—" : formatMoney(team.target, currency),
      attainment: team.attainment === null ? "—" : formatPercent(team.attainment),
    }),
  );
  if (snapshot) {
    const appended = appendSnapshot(run, built.model, built.snapshots, run.asOf, options.force === true);
    if (appended) run.summary.push(msg("report.summary.snapshot", { ...appended, month: built.model.month }));
  }
  const link = options.link ?? run.env.workbook.sheetLink?.(sheet) ?? null;
  return { built, link };
}

export function finish(run: Run, written: Written, html: string, print: string): ReportResult {
  const { built } = written;
  const result = finishRun(run, reportDocument(built.context, built.topics));
  return {
    ...result,
    sheet: built.context.sheet,
    html,
    printHtml: print,
    model: built.model,
    topics: built.topics,
  };
}
