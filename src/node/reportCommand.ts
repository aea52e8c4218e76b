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
  help: "monthly performance report (月度业绩报告): the sheet Report YYYY-MM, and --html/--pdf files",
  options: {
    month: { kind: "value", help: "YYYY-MM: the month to report on (default: the month before --as-of)" },
    html: { kind: "value", help: "FILE: write the report as HTML (the e-mail's template)" },
    link: { kind: "value", help: "URL: where the report sheet can be opened (the e-mail links to it)" },
    pdf: {
      kind: "value",
      help: "FILE: print the report to PDF with headless Chromium (apt-get install chromium)",
    },
  },
  run: (env, context) =>
    generateReport(env, {
      asOf: context.asOf,
      month: monthOption(context.options.month),
      link: typeof context.options.link === "string" ? context.options.link : null,
    }),
  after: async (result, context, io) => {
    if (!isReportResult(result)) return 0;
    let code = 0;
    const html = context.options.html;
    if (typeof html === "string") {
      try {
        await writeFile(html, result.html, "utf8");
        io.out(`Wrote ${html}\n`);
      } catch (error) {
        io.err(
          `account-desk: cannot write ${html} (${error instanceof Error ? error.message : String(error)})\n`,
        );
        code = 2;
      }
    }
    const pdf = context.options.pdf;
    if (typeof pdf === "string") {
      const printed = await printPdf(result.printHtml, pdf);
      if (printed.ok) io.out(`Wrote ${pdf}\n`);
      else {
        io.err(`account-desk: ${printed.reason}\n`);
        code = 2;
      }
    }
    return code;
  },
};
