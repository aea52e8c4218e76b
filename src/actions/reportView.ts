/**
 * What the report's two renderings (the sheet and the HTML of the e-mail, the PDF and the
 * command line's --html) share: the context they are rendered in, the notes that qualify the
 * figures, and how codes, amounts, rates and dates are shown in the workbook's language.
 */
import { formatIsoDate, type CalDate } from "../core/dates";
import { formatMoney, formatPercent, type Cents } from "../core/money";
import type { ReportModel } from "../core/report";
import { msg, render, type Language, type MessageRef } from "../i18n";
import {
  CHANNELS,
  CONTRACT_STATUSES,
  SOURCES,
  STAGES,
  type Channel,
  type ContractStatus,
  type Source,
  type Stage,
} from "../workbook/codes";

export interface ReportView {
  readonly language: Language;
  readonly currency: string;
  /** The report sheet's name (the HTML points to it for long lists). */
  readonly sheet: string;
  /** The as-of date the report was generated on. */
  readonly generated: CalDate;
  readonly underperformShare: number;
  readonly renewalNoticeDays: number;
  /** Lines that qualify the figures (tiers never computed, month not over, …). */
  readonly notes: readonly MessageRef[];
}

/** The notes a report carries, from its figures and the date it is generated on. */
export function reportNotes(model: ReportModel, asOf: CalDate, currency: string): MessageRef[] {
  const notes: MessageRef[] = [];
  if (model.monthEnd >= asOf)
    notes.push(msg("report.note.monthNotOver", { month: model.month, date: formatIsoDate(asOf) }));
  if (!model.tiersComputed) notes.push(msg("report.note.tiersNeverComputed"));
  else if (model.untiered > 0) notes.push(msg("report.note.untiered", { count: model.untiered }));
  const withoutTarget = model.team.coverageMonthsWithoutTarget;
  if (withoutTarget.length > 0) {
    const months = withoutTarget.join(", ");
    notes.push(
      msg(
        model.team.coverageMonths.length > 0
          ? "report.note.coverageWithoutTarget"
          : "report.note.coverageNoTarget",
        { months },
      ),
    );
  }
  if (model.team.unassignedCount > 0) {
    notes.push(
      msg("report.note.unassigned", {
        count: model.team.unassignedCount,
        amount: formatMoney(model.team.unassignedWon, currency),
      }),
    );
  }
  return notes;
}

/** Formatting helpers bound to one view. */
export function viewText(view: Pick<ReportView, "language" | "currency">) {
  const { language, currency } = view;
  return {
    t: (ref: MessageRef): string => render(language, ref),
    money: (cents: Cents | null): string => (cents === null ? "—" : formatMoney(cents, currency)),
    percent: (fraction: number | null): string => (fraction === null ? "—" : formatPercent(fraction)),
    /** A signed change: +12.5% / −3%. */
    change: (fraction: number | null): string =>
      fraction === null ? "—" : `${fraction > 0 ? "+" : ""}${formatPercent(fraction)}`,
    date: (date: CalDate | null): string => (date === null ? "—" : formatIsoDate(date)),
    stage: (code: string): string => STAGES.label(code as Stage, language),
    channel: (code: string): string => CHANNELS.label(code as Channel, language),
    source: (code: string | null): string =>
      code === null ? render(language, msg("report.unspecified")) : SOURCES.label(code as Source, language),
    status: (code: string): string => CONTRACT_STATUSES.label(code as ContractStatus, language),
    orUnspecified: (text: string | null): string =>
      text === null || text === "" ? render(language, msg("report.unspecified")) : text,
    satisfaction: (mean: number | null): string =>
      mean === null ? "—" : (Math.round(mean * 100) / 100).toFixed(2),
  };
}
