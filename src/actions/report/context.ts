/**
 * What the topic functions are computed from: the report's figures (core/report.ts), the
 * attention facts, the restatements since the last report, the settings that qualify them, and
 * how to say things in the workbook's language (owners by name, codes by label, amounts in the
 * workbook's currency).
 */
import type { AttentionFacts } from "../../core/attention";
import type { DiscountsGranted } from "../../core/discounts";
import { formatIsoDate, type CalDate } from "../../core/dates";
import { formatMoney, formatPercent, type Cents } from "../../core/money";
import type { PartnerModel } from "../../core/partners";
import type { FunnelFigures } from "../../core/funnel";
import type { ReportModel } from "../../core/report";
import type { WinLossFigures } from "../../core/winLoss";
import type { Restatement } from "../../core/restatements";
import { t, type Language, type MessageKey, type MessageParams, type MessageRef } from "../../i18n";
import { render } from "../../i18n";
import {
  CHANNELS,
  CONTRACT_STATUSES,
  SOURCES,
  STAGES,
  type Channel,
  type ContractStatus,
  type Source,
  type Stage,
} from "../../workbook/codes";

/** What changed since the previous report: its month and revision, and the differences found. */
export interface ChangesSince {
  readonly month: string;
  readonly revision: number;
  readonly restatements: readonly Restatement[];
}

export interface ReportContext {
  readonly model: ReportModel;
  readonly language: Language;
  readonly currency: string;
  /** The report sheet's name. */
  readonly sheet: string;
  /** The as-of date the report is generated on. */
  readonly generated: CalDate;
  readonly underperformShare: number;
  readonly renewalNoticeDays: number;
  /** Lines that qualify the figures (tiers never computed, month not over, …). */
  readonly notes: readonly MessageRef[];
  readonly attention: AttentionFacts;
  /** The month's won deals below list price or with a discount (core/discounts.ts). */
  readonly discounts: DiscountsGranted;
  /** Null when no earlier month was reported (nothing to compare with). */
  readonly changes: ChangesSince | null;
  /** Partner effectiveness; null when the workbook has no Partners sheet. */
  readonly partners: PartnerModel | null;
  /** An owner's name (Team sheet), else the part of the address before `@`. */
  readonly name: (owner: string | null) => string;
  /** The lead funnel by source over the 12 months to the month's end, and stage ages on the generated date. */
  readonly funnel: FunnelFigures;
  /** Won and lost deals of the 12 months to the month's end, by competitor and lost reason. */
  readonly winLoss: WinLossFigures;
}

/** Text helpers bound to one context's language and currency. */
export function say(ctx: Pick<ReportContext, "language" | "currency">) {
  const { language, currency } = ctx;
  return {
    text: (key: MessageKey, params?: MessageParams): string => t(language, key, params),
    ref: (ref: MessageRef): string => render(language, ref),
    money: (cents: Cents | null): string => (cents === null ? "—" : formatMoney(cents, currency)),
    percent: (fraction: number | null): string => (fraction === null ? "—" : formatPercent(fraction)),
    change: (fraction: number | null): string =>
      fraction === null ? "—" : `${fraction > 0 ? "+" : ""}${formatPercent(fraction)}`,
    date: (date: CalDate | null): string => (date === null ? "—" : formatIsoDate(date)),
    stage: (code: string): string => STAGES.label(code as Stage, language),
    channel: (code: string): string => CHANNELS.label(code as Channel, language),
    source: (code: string | null): string =>
      code === null ? t(language, "report.unspecified") : SOURCES.label(code as Source, language),
    status: (code: string): string => CONTRACT_STATUSES.label(code as ContractStatus, language),
    orUnspecified: (value: string | null): string =>
      value === null || value === "" ? t(language, "report.unspecified") : value,
  };
}
