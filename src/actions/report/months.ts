/**
 * The send-log keys of a month's report and the name of its sheet in either language.
 */
import { formatMonth, type YearMonth } from "../../core/dates";
import { t, type Language } from "../../i18n";
import { normalizeName } from "../../workbook/names";

/** The send-log key of a month's report. */
export function reportKey(month: YearMonth): string {
  return `report:${formatMonth(month)}`;
}

/** The send-log key of a preview (never counts as the month's send). */
export function previewKey(month: YearMonth): string {
  return `report-preview:${formatMonth(month)}`;
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
