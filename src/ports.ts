/**
 * The small interfaces the actions need from the outside world. Apps Script (src/gas/) and
 * Node (src/node/) each implement them; tests use the in-memory workbook. Every method of
 * WorkbookPort is one batch: its cost must not grow with the number of rows in calls to the
 * spreadsheet (one read per table, one write per block, formatting in a constant number of calls).
 */
import type { EventTime, FoundEvent } from "./core/calendarSync";
import type { CalDate } from "./core/dates";

/** A calendar-date cell, already mapped from the spreadsheet's representation. */
export interface DateCell {
  readonly date: CalDate;
}

/**
 * One cell value as the actions see it. Formula error values arrive as their text
 * (`#N/A`, `#REF!`); a formula arrives as its computed value; an empty cell is `null` or "".
 */
export type Cell = string | number | boolean | null | DateCell;

export function isDateCell(value: unknown): value is DateCell {
  return typeof value === "object" && value !== null && typeof (value as DateCell).date === "number";
}

/** Number formats an adapter can apply to a column range. */
export type NumberFormatKind = "date" | "amount" | "percent" | "integer" | "text";

export interface ColumnValidation {
  /** 1-based column. */
  readonly column: number;
  readonly fromRow: number;
  /** Last row; null: the sheet's last row (Sheets: its maximum rows). */
  readonly toRow: number | null;
  /** The allowed values, shown as a drop-down; other values get a warning, not a rejection. */
  readonly values: readonly string[];
}

/**
 * A column range only some people may edit (Sheets: a protected range; the spreadsheet's owner
 * can always edit it). Adapters without per-user protection (xlsx) ignore it.
 */
export interface ColumnProtection {
  /** 1-based column. */
  readonly column: number;
  readonly fromRow: number;
  /** Last row; null: the sheet's last row (Sheets: its maximum rows). */
  readonly toRow: number | null;
  /** Who may edit besides the owner and the person running the action (e-mail addresses). */
  readonly editors: readonly string[];
  /** Names the protection; an earlier protection of the sheet with this description is replaced. */
  readonly description: string;
}

export interface ColumnNumberFormat {
  readonly column: number;
  readonly fromRow: number;
  /** Last row; null: the sheet's last row. */
  readonly toRow: number | null;
  readonly kind: NumberFormatKind;
  /** Currency code for "amount" (CNY → ¥). */
  readonly currency?: string;
}

/** Formatting applied in a constant number of spreadsheet calls, whatever the number of rows. */
export interface SheetFormat {
  readonly frozenRows?: number;
  /** Notes on row-1 cells, one per column from column 1 (null: leave as is). */
  readonly headerNotes?: readonly (string | null)[];
  /** Background colours of row-1 cells, one per column from column 1 (null: leave as is). */
  readonly headerBackgrounds?: readonly (string | null)[];
  /** Makes row 1 bold over the given number of columns. */
  readonly boldHeaderColumns?: number;
  readonly validations?: readonly ColumnValidation[];
  readonly protections?: readonly ColumnProtection[];
  readonly numberFormats?: readonly ColumnNumberFormat[];
  /** Background colours of a block (row/column 1-based); null cells are left unstyled. */
  readonly backgrounds?: {
    readonly row: number;
    readonly column: number;
    readonly colors: readonly (readonly (string | null)[])[];
  };
  /** Rows (1-based) to show in bold, e.g. titles of report blocks. */
  readonly boldRows?: readonly number[];
  /** Column widths in pixels from column 1. */
  readonly columnWidths?: readonly number[];
  /** Horizontal alignment of blocks (numbers right-aligned under right-aligned headers). */
  readonly alignments?: readonly { readonly range: CellRange; readonly align: "left" | "center" | "right" }[];
  /** Blocks whose text wraps inside the column instead of being clipped. */
  readonly wraps?: readonly CellRange[];
  /** Font sizes of blocks (points), e.g. the figure of a headline card. */
  readonly fontSizes?: readonly { readonly range: CellRange; readonly size: number }[];
  /** Font colours of blocks (#rrggbb), e.g. a muted caption or a red change. */
  readonly fontColors?: readonly { readonly range: CellRange; readonly color: string }[];
  /** Blocks merged into one cell (a title across a table's width). */
  readonly merges?: readonly CellRange[];
  /** How the sheet prints; adapters that cannot print (Sheets has no API for it) ignore it. */
  readonly print?: PrintSetup;
}

/** A rectangular block, 1-based. */
export interface CellRange {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** Page setup of a printed sheet. */
export interface PrintSetup {
  readonly paper: "A4";
  readonly orientation: "portrait" | "landscape";
  /** Fit to one page wide, as many pages tall as needed. */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  readonly repeatRows?: { readonly from: number; readonly to: number };
  /** A footer with "page / pages". */
  readonly pageNumbers: boolean;
  /** Text at the left of the header of each page (e.g. the report's title), plain text. */
  readonly headerText?: string;
}

/**
 * A native chart over a block of an output sheet: Sheets embeds it, the .xlsx adapter writes a
 * chart part (DrawingML) with the same data. The block's first column holds the categories, its
 * header row the series names, each further column one series.
 */
export interface ChartSpec {
  readonly kind: "column" | "bar" | "line" | "pie";
  readonly title: string;
  /** The data block, 1-based, header row included. */
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  /** Where the chart's top-left corner goes. */
  readonly anchorRow: number;
  readonly anchorColumn: number;
  /** Series (0-based among the block's value columns) drawn as lines over a column chart, e.g. the target. */
  readonly lineSeries?: readonly number[];
  /** Size in pixels (default 520 × 300). */
  readonly width?: number;
  readonly height?: number;
}

export interface WorkbookPort {
  /** Names of all sheets, in workbook order. */
  sheetNames(): string[];
  /** Every value of the sheet's used range, row 1 first (one read); null when there is no such sheet. */
  readSheet(sheet: string): Cell[][] | null;
  /** Row 1 of the sheet only (one read; absent: readSheet's first row); null when there is no such sheet. */
  readHeaderRow?(sheet: string): Cell[] | null;
  /** Creates an empty sheet at the end. */
  addSheet(sheet: string): void;
  /** Writes a rectangular block at (row, column), both 1-based: one write. Strings are literal text. */
  writeBlock(sheet: string, row: number, column: number, values: readonly (readonly Cell[])[]): void;
  /** Appends rows after the sheet's last row: one write. */
  appendRows(sheet: string, values: readonly (readonly Cell[])[]): void;
  /** Replaces the whole content of a sheet (created when missing): one clear, one write, then format. */
  replaceSheet(sheet: string, values: readonly (readonly Cell[])[], format?: SheetFormat): void;
  /** Applies formatting to a sheet. */
  format(sheet: string, format: SheetFormat): void;
  /** Adds native charts to a sheet (after replaceSheet removed the old ones). */
  addCharts(sheet: string, charts: readonly ChartSpec[]): void;
  /** A link that opens the sheet (Sheets: the spreadsheet's URL with #gid=); absent where there is none. */
  sheetLink?(sheet: string): string | null;
  /** The document's own time zone (Sheets: the spreadsheet's), or null when it has none (xlsx). */
  timeZone(): string | null;
}

export interface MailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  /** HTML body; every user text in it is already escaped. */
  readonly htmlBody: string;
  /** Plain-text body for clients without HTML. */
  readonly textBody: string;
  /** An HTML document the adapter attaches as a PDF under this file name. */
  readonly pdf?: { readonly fileName: string; readonly html: string };
  /** Where replies go (a client's e-mail sent for its owner: the owner). */
  readonly replyTo?: string;
  /** The sender's name shown to the recipient (default: Account Desk). */
  readonly senderName?: string;
}

export interface MailPort {
  /** How many more recipients may be mailed today. */
  remainingQuota(): number;
  send(message: MailMessage): void;
}

/**
 * Drafts in the mailbox of the user the script runs as (Apps Script: the Gmail advanced service).
 * Creating a draft sends nothing and spends none of the mail quota.
 */
export interface DraftPort {
  create(message: MailMessage): void;
}

/** One message found in the mailbox: the sender (a From header) and the day it arrived. */
export interface FoundMail {
  readonly from: string;
  readonly date: CalDate;
}

/**
 * Searching the mailbox of the user the script runs as (Apps Script: the Gmail advanced service,
 * scope gmail.readonly). Used only when a team opts in to reply detection.
 */
export interface InboxPort {
  /** Messages matching a Gmail search query, at most `max`, days in the given time zone: one list call. */
  search(query: string, max: number, timeZone: string): FoundMail[];
}

export interface ClockPort {
  /** Today's calendar date in the given IANA time zone. */
  today(timeZone: string): CalDate;
  /** The current instant, for send-log timestamps. */
  now(): Date;
}

export interface PropertiesPort {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export interface LockPort {
  /** Runs fn holding the document lock; throws a LockBusyError when it cannot be had in time. */
  withLock<T>(fn: () => T): T;
}

export class LockBusyError extends Error {
  constructor() {
    super("lock-busy");
    this.name = "LockBusyError";
  }
}

/** What the sync writes into one calendar event (Google Calendar: its fields and private properties). */
export interface CalendarEventData {
  /** The plan key, kept in the event so that a re-run finds it again. */
  readonly key: string;
  /** Fingerprint of what is written: the event is patched when it changes. */
  readonly stamp: string;
  /** Plain text (a title is never HTML). */
  readonly summary: string;
  /** HTML-escaped text with line breaks (Google Calendar shows descriptions as HTML). */
  readonly description: string;
  readonly time: EventTime;
}

/**
 * The calendars of the owners (Google Calendar through the Calendar advanced service): each
 * owner's primary calendar, named by their address. Every event the port writes carries the
 * workbook's id, and list returns only those, so another workbook's events are never touched.
 */
export interface CalendarPort {
  /** This workbook's events in a calendar, with their keys and stamps: one call per 2,500 events. */
  list(calendarId: string): FoundEvent[];
  /** Creates an event; returns its id. */
  insert(calendarId: string, event: CalendarEventData): string;
  /** Rewrites the time, title and description of an event; throws CalendarEventGone when it was deleted. */
  patch(calendarId: string, id: string, event: CalendarEventData): void;
  /** Deletes an event; throws CalendarEventGone when it is already gone. */
  remove(calendarId: string, id: string): void;
}

/** The event was deleted (by hand, or by another run) since it was listed. */
export class CalendarEventGone extends Error {
  constructor(id: string) {
    super(`event ${id} is gone`);
    this.name = "CalendarEventGone";
  }
}

/** Everything an action may use. */
export interface Env {
  readonly workbook: WorkbookPort;
  readonly clock: ClockPort;
  /** Null where mail cannot be sent (the command line); actions then print instead. */
  readonly mail: MailPort | null;
  /** Gmail drafts of the running user; absent or null where there are none (the command line). */
  readonly drafts?: DraftPort | null;
  /** The running user's mailbox, searched for replies; absent or null where there is none. */
  readonly inbox?: InboxPort | null;
  readonly properties: PropertiesPort;
  readonly lock: LockPort;
  /** Who runs the action: a user's e-mail, `trigger`, or `cli`. */
  readonly user: string;
  /** Time zone used when Settings has none: the spreadsheet's, or Asia/Shanghai. */
  readonly defaultTimeZone: string;
  /** The owners' calendars; absent where there is none (the command line writes .ics files instead). */
  readonly calendar?: CalendarPort | null;
}
