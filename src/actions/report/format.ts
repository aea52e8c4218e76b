/**
 * A topic value as text (the HTML renderer, the sheet's card captions): amounts in the
 * workbook's currency, rates as percentages, changes signed, dates as YYYY-MM-DD, a missing
 * value as a dash. The kind of the column decides; the sheet's own cells keep numbers.
 */
import { formatIsoDate } from "../../core/dates";
import { formatMoney, formatPercent } from "../../core/money";
import type { ColumnKind, Figure, TopicValue } from "./topic";

export const NONE = "—";

export function formatValue(value: TopicValue, kind: ColumnKind, currency: string): string {
  if (value === null) return kind === "text" ? "" : NONE;
  if (typeof value === "string") return value;
  switch (kind) {
    case "money":
      return formatMoney(Math.round(value), currency);
    case "percent":
      return formatPercent(value);
    case "change":
      return `${value > 0 ? "+" : ""}${formatPercent(value)}`;
    case "date":
      return formatIsoDate(value);
    default:
      return String(value);
  }
}

/** The caption under a figure card: its target and its change, joined by " · " (empty when neither). */
export function figureCaption(
  figure: Figure,
  currency: string,
  targetCaption: (value: string) => string,
): string {
  const parts: string[] = [];
  if (figure.target !== undefined)
    parts.push(targetCaption(formatValue(figure.target, figure.kind, currency)));
  if (figure.change !== undefined)
    parts.push(`${figure.change.label} ${formatValue(figure.change.value, "change", currency)}`);
  return parts.join(" · ");
}
