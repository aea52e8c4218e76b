/**
 * What a report topic is: plain data that every renderer reads (the sheet, the HTML of the
 * e-mail and the PDF, the JSON). A topic has a title, headline figures, at most one table whose
 * columns carry a kind (the kind decides alignment and number format everywhere), at most one
 * chart description drawn from that table, and notes. Texts are already in the workbook's
 * language; numbers stay numbers (amounts in cents, rates as fractions, dates as CalDates) so
 * each renderer formats them its own way.
 */
/** How a column's values are shown: text left, the others right-aligned. */
export type ColumnKind = "text" | "money" | "percent" | "count" | "date" | "change";

/** A cell of a topic: text for `text` columns, a number for the others, null when missing. */
export type TopicValue = string | number | null;

export interface TopicColumn {
  readonly label: string;
  readonly kind: ColumnKind;
}

export interface TopicRow {
  readonly cells: readonly TopicValue[];
  /** A row to look at (an owner below target, …). */
  readonly flagged?: boolean;
  /** The owner (e-mail) the row is about: a manager's e-mail shows their team's rows first. */
  readonly owner?: string;
}

export interface TopicTable {
  readonly columns: readonly TopicColumn[];
  readonly rows: readonly TopicRow[];
  /** A bold last line (totals), not counted among the rows. */
  readonly total?: readonly TopicValue[];
  /** Rows the e-mail shows before saying how many more there are (default 10). */
  readonly emailRows?: number;
  /** Rows the PDF shows at most (default: the PDF's own limit), for a list whose detail is the sheet's. */
  readonly printRows?: number;
}

/**
 * A chart over the topic's table: the categories are the table's first column, the series
 * are its columns 1…n (in that order), over the first `rows` rows (default: all).
 */
export interface ChartDescription {
  readonly kind: "column" | "line" | "pie" | "bar";
  readonly series: number;
  /** Series (0-based among the series) drawn as a line over the columns, e.g. the target. */
  readonly lines?: readonly number[];
  readonly rows?: number;
}

export interface Figure {
  readonly label: string;
  readonly kind: ColumnKind;
  readonly value: number | null;
  /** The figure it is measured against (e.g. the target), of the same kind. */
  readonly target?: number | null;
  /** Change against a reference, as a signed fraction, with what it compares to. */
  readonly change?: { readonly value: number | null; readonly label: string };
  /** Colour of the value: below threshold (bad) or at / above it (good). */
  readonly tone?: "bad" | "good";
}

export interface Topic {
  /** A stable identifier (`owners`, `pipeline`…), used by tests, the JSON and the HTML. */
  readonly id: string;
  readonly title: string;
  readonly figures: readonly Figure[];
  readonly table?: TopicTable;
  readonly chart?: ChartDescription;
  readonly notes: readonly string[];
}
