/**
 * The texts the renderers need around the topics (title, subtitle, captions, the "more in the
 * sheet" line), in the workbook's language, and the three renderings of one built report: the
 * sheet layout, the e-mail HTML and the print HTML (PDF).
 */
import { t } from "../../i18n";
import type { Built } from "./build";
import { say } from "./context";
import { reportHtml, type HtmlOptions, type HtmlTexts } from "./html";
import { reportSheetLayout, type ReportSheetLayout } from "./sheet";

/** Rows per table in the PDF (the sheet has them all). */
export const PDF_ROWS = 40;

function subtitle(built: Built): string {
  const s = say(built.context);
  const model = built.model;
  return s.text("report.subtitle", {
    from: s.date(model.monthStart),
    to: s.date(model.monthEnd),
    generated: s.date(built.context.generated),
    currency: built.context.currency,
  });
}

export function sheetLayout(built: Built): ReportSheetLayout {
  const language = built.context.language;
  return reportSheetLayout(built.topics, {
    title: t(language, "report.title", { month: built.model.month }),
    subtitle: subtitle(built),
    currency: built.context.currency,
    targetCaption: (value) => t(language, "report.html.target", { value }),
    none: t(language, "report.none"),
  });
}

function htmlTexts(built: Built): HtmlTexts {
  const language = built.context.language;
  return {
    lang: t(language, "report.html.lang"),
    title: t(language, "report.title", { month: built.model.month }),
    subtitle: subtitle(built),
    currency: built.context.currency,
    none: t(language, "report.none"),
    footer: t(language, "report.html.footer"),
    targetCaption: (value) => t(language, "report.html.target", { value }),
    more: (count) => t(language, "report.more", { count, sheet: built.context.sheet }),
    openSheet: t(language, "report.html.openSheet"),
  };
}

/** The e-mail (and --html): top rows of each table, a link to the sheet. */
export function emailHtml(built: Built, options: HtmlOptions = {}): string {
  return reportHtml(built.topics, htmlTexts(built), options);
}

/** The PDF's document: the same HTML with longer tables, for print. */
export function printHtml(built: Built, link: string | null): string {
  return reportHtml(built.topics, htmlTexts(built), { rowLimit: PDF_ROWS, link });
}
