/**
 * The report sheet `月报 YYYY-MM` / `Report YYYY-MM`, rendered from the topics only: a title,
 * then per topic its title, its figures as cards (label, value, target and change), its table
 * (numbers right-aligned under right-aligned headers, text wrapped, flagged rows tinted, a bold
 * total) and its chart next to or under the table. Eight columns at most, printed A4 portrait,
 * one page wide, the title rows repeated, page numbers in the footer. The whole layout is one
 * replaceSheet and one addCharts, with a number of format ranges that grows with the topics,
 * never with the rows.
 */
import { fromCents } from "../../core/money";
import type {
  Cell,
  CellRange,
  ChartSpec,
  ColumnNumberFormat,
  NumberFormatKind,
  SheetFormat,
} from "../../ports";
import { COLORS } from "../../workbook/write";
import { figureCaption, NONE } from "./format";
import type { ColumnKind, Figure, Topic, TopicTable, TopicValue } from "./topic";

export interface ReportSheetLayout {
  readonly rows: Cell[][];
  readonly format: SheetFormat;
  readonly charts: ChartSpec[];
}

export interface SheetTexts {
  readonly title: string;
  readonly subtitle: string;
  readonly currency: string;
  /** "target {value}" and the like: the caption parts of a figure card. */
  readonly targetCaption: (value: string) => string;
  readonly none: string;
}

/** Columns of the sheet; cards take two each. */
export const SHEET_WIDTH = 8;
const COLUMN_WIDTHS = [168, 104, 104, 96, 88, 88, 88, 88];
const CARDS_PER_BAND = 4;
/** Rows kept for a chart: 240 px at LibreOffice's 17 px rows, with a margin. */
const CHART_ROWS = 15;
const CHART_HEIGHT = 240;
const MUTED = "#5f6368";
const BAD = "#c5221f";
const GOOD = "#137333";

const FORMAT_OF: Readonly<Record<ColumnKind, NumberFormatKind>> = {
  text: "text",
  money: "amount",
  percent: "percent",
  count: "integer",
  date: "date",
  change: "percent",
};

/** A topic value as a sheet cell: amounts in yuan, dates as date cells, missing as a dash. */
export function sheetCell(value: TopicValue, kind: ColumnKind): Cell {
  if (value === null) return kind === "text" ? "" : NONE;
  if (typeof value === "string") return value;
  if (kind === "money") return fromCents(value);
  if (kind === "date") return { date: value };
  return value;
}

class Layout {
  readonly rows: Cell[][] = [];
  readonly bold: number[] = [];
  readonly numberFormats: ColumnNumberFormat[] = [];
  readonly alignments: { range: CellRange; align: "left" | "center" | "right" }[] = [];
  readonly wraps: CellRange[] = [];
  readonly fontSizes: { range: CellRange; size: number }[] = [];
  readonly fontColors: { range: CellRange; color: string }[] = [];
  readonly merges: CellRange[] = [];
  readonly tints = new Map<number, string>();
  readonly charts: ChartSpec[] = [];

  constructor(private readonly texts: SheetTexts) {}

  push(line: readonly Cell[]): number {
    this.rows.push([...line]);
    return this.rows.length;
  }

  private range(row: number, column: number, rows = 1, columns = 1): CellRange {
    return { row, column, rows, columns };
  }

  private formatCell(row: number, column: number, rows: number, kind: ColumnKind): void {
    const format = FORMAT_OF[kind];
    if (format === "text") return;
    this.numberFormats.push({
      column,
      fromRow: row,
      toRow: row + rows - 1,
      kind: format,
      ...(format === "amount" ? { currency: this.texts.currency } : {}),
    });
  }

  line(text: string, options: { size?: number; bold?: boolean; color?: string } = {}): number {
    const row = this.push([text]);
    if (options.bold) this.bold.push(row);
    if (options.size) this.fontSizes.push({ range: this.range(row, 1), size: options.size });
    if (options.color) this.fontColors.push({ range: this.range(row, 1), color: options.color });
    return row;
  }

  /** Figure cards, four to a band of three rows: label, value, caption. */
  cards(figures: readonly Figure[]): void {
    for (let start = 0; start < figures.length; start += CARDS_PER_BAND) {
      const band = figures.slice(start, start + CARDS_PER_BAND);
      const labels: Cell[] = [];
      const values: Cell[] = [];
      const captions: Cell[] = [];
      for (const figure of band) {
        labels.push(figure.label, "");
        values.push(sheetCell(figure.value, figure.kind), "");
        captions.push(this.caption(figure), "");
      }
      const labelRow = this.push(labels);
      const valueRow = this.push(values);
      const captionRow = this.push(captions);
      const width = band.length * 2;
      band.forEach((figure, i) => {
        const column = i * 2 + 1;
        for (const row of [labelRow, valueRow, captionRow]) this.merges.push(this.range(row, column, 1, 2));
        this.formatCell(valueRow, column, 1, figure.kind);
        if (figure.tone)
          this.fontColors.push({
            range: this.range(valueRow, column),
            color: figure.tone === "bad" ? BAD : GOOD,
          });
      });
      this.fontColors.push({ range: this.range(labelRow, 1, 1, width), color: MUTED });
      this.fontColors.push({ range: this.range(captionRow, 1, 1, width), color: MUTED });
      this.fontSizes.push({ range: this.range(valueRow, 1, 1, width), size: 14 });
      this.fontSizes.push({ range: this.range(captionRow, 1, 1, width), size: 9 });
      this.alignments.push({ range: this.range(labelRow, 1, 3, width), align: "left" });
      this.bold.push(valueRow);
    }
  }

  private caption(figure: Figure): string {
    return figureCaption(figure, this.texts.currency, this.texts.targetCaption);
  }

  /** A table: header, rows, total; returns where it went. */
  table(table: TopicTable): { headerRow: number; firstRow: number; dataRows: number } {
    const columns = table.columns.slice(0, SHEET_WIDTH);
    const headerRow = this.push(columns.map((c) => c.label));
    this.bold.push(headerRow);
    this.tints.set(headerRow, COLORS.header);
    const firstRow = headerRow + 1;
    for (const row of table.rows) {
      const at = this.push(columns.map((c, i) => sheetCell(row.cells[i] ?? null, c.kind)));
      if (row.flagged) this.tints.set(at, COLORS.overdue);
    }
    if (table.rows.length === 0) this.push([this.texts.none]);
    if (table.total) {
      const at = this.push(columns.map((c, i) => sheetCell(table.total?.[i] ?? null, c.kind)));
      this.bold.push(at);
    }
    const lastRow = this.rows.length;
    columns.forEach((c, i) => {
      const column = i + 1;
      if (c.kind === "text") this.wraps.push(this.range(firstRow, column, lastRow - firstRow + 1));
      else {
        this.alignments.push({
          range: this.range(headerRow, column, lastRow - headerRow + 1),
          align: "right",
        });
        if (table.rows.length > 0) this.formatCell(firstRow, column, lastRow - firstRow + 1, c.kind);
      }
    });
    this.wraps.push(this.range(headerRow, 1, 1, columns.length));
    return { headerRow, firstRow, dataRows: table.rows.length };
  }

  /** The chart of a topic: beside a narrow table, else under it (rows kept free for it). */
  chart(topic: Topic, placed: { headerRow: number; dataRows: number }): void {
    const chart = topic.chart;
    const table = topic.table;
    if (!chart || !table || placed.dataRows === 0) return;
    const rows = Math.min(chart.rows ?? placed.dataRows, placed.dataRows);
    const beside = table.columns.length <= 4;
    const anchorColumn = beside ? 5 : 1;
    const width = COLUMN_WIDTHS.slice(anchorColumn - 1, beside ? SHEET_WIDTH : 6).reduce((a, b) => a + b, 0);
    const anchorRow = beside ? placed.headerRow : this.rows.length + 1;
    this.charts.push({
      kind: chart.kind,
      title: topic.title,
      row: placed.headerRow,
      column: 1,
      rows: rows + 1,
      columns: chart.series + 1,
      anchorRow,
      anchorColumn,
      ...(chart.lines && chart.lines.length > 0 ? { lineSeries: chart.lines } : {}),
      width,
      height: CHART_HEIGHT,
    });
    const used = this.rows.length - anchorRow + 1;
    for (let i = used; i < CHART_ROWS; i++) this.push([]);
  }

  format(): SheetFormat {
    const last = Math.max(0, ...this.tints.keys());
    const colors: (string | null)[][] = [];
    for (let row = 1; row <= last; row++)
      colors.push(new Array<string | null>(SHEET_WIDTH).fill(this.tints.get(row) ?? null));
    return {
      frozenRows: 2,
      boldRows: this.bold,
      numberFormats: this.numberFormats,
      ...(colors.length > 0 ? { backgrounds: { row: 1, column: 1, colors } } : {}),
      columnWidths: COLUMN_WIDTHS,
      alignments: this.alignments,
      wraps: this.wraps,
      fontSizes: this.fontSizes,
      fontColors: this.fontColors,
      merges: this.merges,
      print: {
        paper: "A4",
        orientation: "portrait",
        fitToWidth: true,
        repeatRows: { from: 1, to: 2 },
        pageNumbers: true,
        headerText: this.texts.title,
      },
    };
  }
}

/** The report sheet of a list of topics. */
export function reportSheetLayout(topics: readonly Topic[], texts: SheetTexts): ReportSheetLayout {
  const layout = new Layout(texts);
  const titleRow = layout.line(texts.title, { size: 16, bold: true });
  layout.merges.push({ row: titleRow, column: 1, rows: 1, columns: SHEET_WIDTH });
  const subtitleRow = layout.line(texts.subtitle, { color: MUTED });
  layout.merges.push({ row: subtitleRow, column: 1, rows: 1, columns: SHEET_WIDTH });
  for (const topic of topics) {
    layout.push([]);
    layout.line(topic.title, { size: 12, bold: true, color: COLORS.title });
    if (topic.figures.length > 0) layout.cards(topic.figures);
    if (topic.table) {
      const placed = layout.table(topic.table);
      layout.chart(topic, placed);
    }
    for (const note of topic.notes) layout.line(note, { color: MUTED });
  }
  return { rows: layout.rows, format: layout.format(), charts: layout.charts };
}
