/**
 * `account-desk report FILE [--month YYYY-MM] [--json FILE] [--html FILE] [--pdf FILE]
 * [--link URL] [--out FILE | --in-place]`: the monthly performance report on an .xlsx file. The action
 * writes the sheet `Report YYYY-MM` and returns the figures (the common --json writes them);
 * this command adds the report's HTML file and its PDF, printed with headless Chromium.
 */
import { writeFile } from "node:fs/promises";
import { generateReport, type ReportResult } from "../actions/report";
import { parseMonth } from "../core/dates";
import type { ActionResult } from "../actions/run";
import { t, type MessageKey, type MessageParams } from "../i18n";
import { StopError } from "../workbook/issues";
import type { ActionCommand } from "./cli";
import { printPdf } from "./pdf";

function monthOption(value: string | true | undefined) {
  if (value === undefined || value === true) return undefined;
  const month = parseMonth(value);
  if (month === null) throw new StopError("report.summary.badMonth", { value });
  return month;
}

function isReportResult(result: ActionResult<unknown>): result is ReportResult {
  return typeof (result as Partial<ReportResult>).html === "string";
}

export const reportCommand: ActionCommand = {
  name: "report",
  help: "cli.help.report",
  options: {
    month: { kind: "value", help: "cli.option.month" },
    html: { kind: "value", help: "cli.option.html" },
    link: { kind: "value", help: "cli.option.link" },
    pdf: { kind: "value", help: "cli.option.pdf" },
  },
  run: (env, context) =>
    generateReport(env, {
      asOf: context.asOf,
      month: monthOption(context.options.month),
      link: typeof context.options.link === "string" ? context.options.link : null,
    }),
  after: async (result, context, io) => {
    if (!isReportResult(result)) return 0;
    const language = context.language;
    const line = (key: MessageKey, params: MessageParams) => `${t(language, key, params)}\n`;
    const fail = (message: string) => line("cli.error", { message });
    let code = 0;
    const html = context.options.html;
    if (typeof html === "string") {
      try {
        await writeFile(html, result.html, "utf8");
        io.out(line("cli.wrote", { file: html }));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        io.err(fail(t(language, "cli.cannotWrite", { file: html, reason })));
        code = 2;
      }
    }
    const pdf = context.options.pdf;
    if (typeof pdf === "string") {
      const printed = await printPdf(result.printHtml, pdf, { language });
      if (printed.ok) io.out(line("cli.wrote", { file: pdf }));
      else {
        io.err(fail(printed.reason));
        code = 2;
      }
    }
    return code;
  },
};
