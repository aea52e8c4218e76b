/**
 * The report sheet `Report YYYY-MM` / `月报 YYYY-MM`, laid out for reading: a title, the
 * headline figures, then one titled block per topic, amounts as numbers in the workbook's
 * currency format, rates as percentages, dates as dates. The layout is data: rows of cells, one
 * SheetFormat and the native charts, written with one replaceSheet and one addCharts whatever
 * the number of rows (number formats go per block column, never per row).
 */
import { fromCents, type Cents } from "../core/money";
import { REPORT_TIERS, type ReportModel } from "../core/report";
import { msg, type MessageKey, type MessageRef } from "../i18n";
import type { Cell, ChartSpec, ColumnNumberFormat, NumberFormatKind, SheetFormat } from "../ports";
import { COLORS } from "../workbook/write";
import { viewText, type ReportView } from "./reportView";

export interface ReportSheetLayout {
  readonly rows: Cell[][];
  readonly format: SheetFormat;
  readonly charts: ChartSpec[];
}

/** Width of the report's blocks, in columns; charts sit to the right of it. */
const WIDTH = 8;
const CHART_COLUMN = WIDTH + 2;
/** Rows a chart covers (300 px at Sheets' default row height of 21 px, plus a margin). */
const CHART_ROWS = 16;
const NONE = "—";

const DIRECTION_LABELS: Readonly<Record<"up" | "down" | "new" | "same", MessageKey>> = {
  up: "report.direction.up",
  down: "report.direction.down",
  new: "report.direction.new",
  same: "report.direction.same",
};

type Kind = "text" | NumberFormatKind;

interface BlockSpec {
  readonly title: MessageRef;
  readonly columns: readonly { readonly header: MessageKey; readonly kind: Kind }[];
  readonly rows: readonly (readonly Cell[])[];
  /** Rows (0-based within `rows`) to colour as flagged. */
  readonly flagged?: readonly number[];
}

interface Placed {
  readonly titleRow: number;
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

class SheetBuilder {
  readonly rows: Cell[][] = [];
  readonly boldRows: number[] = [];
  readonly headerRows: number[] = [];
  readonly flaggedRows: number[] = [];
  readonly numberFormats: ColumnNumberFormat[] = [];
  readonly charts: ChartSpec[] = [];
  private nextChartRow = 1;

  constructor(private readonly currency: string) {}

  private push(line: readonly Cell[]): number {
    this.rows.push([...line]);
    return this.rows.length;
  }

  line(text: string, bold = false): void {
    const row = this.push([text]);
    if (bold) this.boldRows.push(row);
  }

  blank(): void {
    this.push([]);
  }

  /** Formats rows `from`..`to` of a column as `kind` (one format range). */
  private formatRange(column: number, from: number, to: number, kind: Kind): void {
    if (to < from || kind === "text") return;
    this.numberFormats.push({
      column,
      fromRow: from,
      toRow: to,
      kind,
      ...(kind === "amount" ? { currency: this.currency } : {}),
    });
  }

  block(spec: BlockSpec, t: (ref: MessageRef) => string, none: string): Placed {
    const titleRow = this.push([t(spec.title)]);
    this.boldRows.push(titleRow);
    const headerRow = this.push(spec.columns.map((c) => t(msg(c.header))));
    this.boldRows.push(headerRow);
    this.headerRows.push(headerRow);
    const rows = spec.rows.length > 0 ? spec.rows : [[none]];
    const firstRow = headerRow + 1;
    for (const line of rows) this.push(line);
    const lastRow = headerRow + rows.length;
    if (spec.rows.length > 0) {
      spec.columns.forEach((c, i) => this.formatRange(i + 1, firstRow, lastRow, c.kind));
      for (const index of spec.flagged ?? []) this.flaggedRows.push(firstRow + index);
    }
    this.blank();
    return { titleRow, headerRow, firstRow, lastRow };
  }

  /** Figure rows of mixed kinds: consecutive rows of one kind share one format range. */
  figures(
    title: MessageRef,
    lines: readonly { label: MessageKey; value: Cell; kind: Kind }[],
    t: (ref: MessageRef) => string,
  ): void {
    const titleRow = this.push([t(title)]);
    this.boldRows.push(titleRow);
    const headerRow = this.push([t(msg("report.col.figure")), t(msg("report.col.value"))]);
    this.boldRows.push(headerRow);
    this.headerRows.push(headerRow);
    let runStart = headerRow + 1;
    lines.forEach((line, i) => {
      const row = this.push([t(msg(line.label)), line.value]);
      const next = lines[i + 1];
      if (!next || next.kind !== line.kind) {
        this.formatRange(2, runStart, row, line.kind);
        runStart = row + 1;
      }
    });
    this.blank();
  }

  chart(kind: ChartSpec["kind"], title: string, placed: Placed, columns: number, dataRows?: number): void {
    const rows = (dataRows ?? placed.lastRow - placed.firstRow + 1) + 1;
    const anchorRow = Math.max(placed.titleRow, this.nextChartRow);
    this.charts.push({
      kind,
      title,
      row: placed.headerRow,
      column: 1,
      rows,
      columns,
      anchorRow,
      anchorColumn: CHART_COLUMN,
    });
    this.nextChartRow = anchorRow + CHART_ROWS;
  }

  format(): SheetFormat {
    const last = Math.max(0, ...this.headerRows, ...this.flaggedRows);
    const colors: (string | null)[][] = [];
    const headers = new Set(this.headerRows);
    const flagged = new Set(this.flaggedRows);
    for (let row = 1; row <= last; row++) {
      const color = headers.has(row) ? COLORS.header : flagged.has(row) ? COLORS.overdue : null;
      colors.push(new Array<string | null>(WIDTH).fill(color));
    }
    return {
      frozenRows: 0,
      boldRows: this.boldRows,
      numberFormats: this.numberFormats,
      ...(colors.length > 0 ? { backgrounds: { row: 1, column: 1, colors } } : {}),
      columnWidths: [240, 140, 140, 120, 120, 120, 120, 160],
    };
  }
}

/** Amount cell: yuan as a number (the sheet's currency format shows it), or a dash. */
const amount = (cents: Cents | null): Cell => (cents === null ? NONE : fromCents(cents));
const fraction = (value: number | null): Cell => (value === null ? NONE : value);
/** Mean satisfaction (1–5) to two decimals; the JSON keeps it unrounded. */
const satisfaction = (mean: number | null): Cell => (mean === null ? NONE : Math.round(mean * 100) / 100);
/** Chart data cells: blank instead of a dash, so the chart skips the point. */
const chartAmount = (cents: Cents | null): Cell => (cents === null ? "" : fromCents(cents));

/** The whole report sheet for a model. */
export function reportSheetLayout(model: ReportModel, view: ReportView): ReportSheetLayout {
  const f = viewText(view);
  const { t } = f;
  const none = t(msg("report.none"));
  const b = new SheetBuilder(view.currency);
  const team = model.team;

  b.line(t(msg("report.title", { month: model.month })), true);
  b.line(
    t(
      msg("report.subtitle", {
        from: f.date(model.monthStart),
        to: f.date(model.monthEnd),
        generated: f.date(view.generated),
        currency: view.currency,
      }),
    ),
  );
  for (const note of view.notes) b.line(t(note));
  b.blank();

  b.figures(
    msg("report.block.headline"),
    [
      { label: "report.figure.won", value: amount(team.won), kind: "amount" },
      { label: "report.figure.target", value: amount(team.target), kind: "amount" },
      { label: "report.figure.attainment", value: fraction(team.attainment), kind: "percent" },
      { label: "report.figure.wonCount", value: team.wonCount, kind: "integer" },
      { label: "report.figure.lostCount", value: team.lostCount, kind: "integer" },
      { label: "report.figure.winRate", value: fraction(team.winRate), kind: "percent" },
      { label: "report.figure.prevMonthWon", value: amount(team.prevMonthWon), kind: "amount" },
      { label: "report.figure.momChange", value: fraction(team.momChange), kind: "percent" },
      {
        label: "report.figure.sameMonthLastYearWon",
        value: amount(team.sameMonthLastYearWon),
        kind: "amount",
      },
      { label: "report.figure.yoyChange", value: fraction(team.yoyChange), kind: "percent" },
      { label: "report.figure.qtdWon", value: amount(team.qtdWon), kind: "amount" },
      { label: "report.figure.qtdTarget", value: amount(team.qtdTarget), kind: "amount" },
      { label: "report.figure.qtdAttainment", value: fraction(team.qtdAttainment), kind: "percent" },
      { label: "report.figure.ytdWon", value: amount(team.ytdWon), kind: "amount" },
      { label: "report.figure.ytdTarget", value: amount(team.ytdTarget), kind: "amount" },
      { label: "report.figure.ytdAttainment", value: fraction(team.ytdAttainment), kind: "percent" },
      { label: "report.figure.coverageWeighted", value: amount(team.coverageWeighted), kind: "amount" },
      { label: "report.figure.coverageTarget", value: amount(team.coverageTarget), kind: "amount" },
      { label: "report.figure.coverage", value: fraction(team.coverage), kind: "percent" },
      { label: "report.figure.collected", value: amount(model.collected), kind: "amount" },
      { label: "report.figure.overdue", value: amount(model.receivablesOverdue.total), kind: "amount" },
      { label: "report.figure.overdueCount", value: model.receivablesOverdue.count, kind: "integer" },
      { label: "report.figure.signedCount", value: model.contractsSigned.count, kind: "integer" },
      { label: "report.figure.signedValue", value: amount(model.contractsSigned.value), kind: "amount" },
      { label: "report.figure.renewalsDue", value: model.renewalsDue.length, kind: "integer" },
      { label: "report.figure.compliance", value: fraction(model.contactCompliance), kind: "percent" },
      { label: "report.figure.interactions", value: model.interactions.total, kind: "integer" },
      {
        label: "report.figure.satisfaction",
        value: satisfaction(model.interactions.satisfaction),
        kind: "text",
      },
      { label: "report.figure.tierChanges", value: model.tierChanges.count, kind: "integer" },
    ],
    t,
  );

  const owners = b.block(
    {
      title: msg("report.block.owners"),
      columns: [
        { header: "report.col.owner", kind: "text" },
        { header: "report.col.won", kind: "amount" },
        { header: "report.col.target", kind: "amount" },
        { header: "report.col.attainment", kind: "percent" },
        { header: "report.col.wonCount", kind: "integer" },
        { header: "report.col.lostCount", kind: "integer" },
        { header: "report.col.winRate", kind: "percent" },
        { header: "report.col.flag", kind: "text" },
      ],
      rows: model.owners.map((o) => [
        o.owner,
        fromCents(o.won),
        chartAmount(o.target),
        fraction(o.attainment),
        o.wonCount,
        o.lostCount,
        fraction(o.winRate),
        o.underperforming ? t(msg("report.yes")) : "",
      ]),
      flagged: model.owners.flatMap((o, i) => (o.underperforming ? [i] : [])),
    },
    t,
    none,
  );
  if (model.owners.length > 0) b.chart("column", t(msg("report.block.owners")), owners, 3);

  const share = f.percent(view.underperformShare);
  b.block(
    {
      title: msg("report.block.underperformers", { share }),
      columns: [
        { header: "report.col.owner", kind: "text" },
        { header: "report.col.won", kind: "amount" },
        { header: "report.col.target", kind: "amount" },
        { header: "report.col.attainment", kind: "percent" },
        { header: "report.col.lostCount", kind: "integer" },
        { header: "report.col.openCount", kind: "integer" },
        { header: "report.col.openAmount", kind: "amount" },
        { header: "report.col.openWeighted", kind: "amount" },
      ],
      rows: model.underperformers.map((u) => [
        u.owner,
        fromCents(u.won),
        amount(u.target),
        fraction(u.attainment),
        u.lostDeals.length,
        u.openPipeline.count,
        fromCents(u.openPipeline.amount),
        fromCents(u.openPipeline.weighted),
      ]),
    },
    t,
    none,
  );
  b.block(
    {
      title: msg("report.block.underperformerLosses"),
      columns: [
        { header: "report.col.owner", kind: "text" },
        { header: "report.col.dealId", kind: "text" },
        { header: "report.col.clientId", kind: "text" },
        { header: "report.col.client", kind: "text" },
        { header: "report.col.amount", kind: "amount" },
        { header: "report.col.closedOn", kind: "date" },
        { header: "report.col.lostReason", kind: "text" },
      ],
      rows: model.underperformers.flatMap((u) =>
        u.lostDeals.map((d) => [
          u.owner,
          d.dealId,
          d.clientId,
          d.clientName,
          fromCents(d.amount),
          { date: d.closedOn },
          f.orUnspecified(d.reason),
        ]),
      ),
    },
    t,
    none,
  );

  const trend = b.block(
    {
      title: msg("report.block.trend"),
      columns: [
        { header: "report.col.month", kind: "text" },
        { header: "report.col.teamWon", kind: "amount" },
        { header: "report.col.teamTarget", kind: "amount" },
      ],
      rows: model.trend.map((p) => [p.month, fromCents(p.won), chartAmount(p.target)]),
    },
    t,
    none,
  );
  b.chart("line", t(msg("report.block.trend")), trend, 3);

  const pipeline = b.block(
    {
      title: msg("report.block.pipeline"),
      columns: [
        { header: "report.col.stage", kind: "text" },
        { header: "report.col.amount", kind: "amount" },
        { header: "report.col.weighted", kind: "amount" },
        { header: "report.col.count", kind: "integer" },
      ],
      rows: [
        ...model.pipeline.map((p) => [f.stage(p.stage), fromCents(p.amount), fromCents(p.weighted), p.count]),
        [
          t(msg("report.total")),
          fromCents(model.pipelineTotal.amount),
          fromCents(model.pipelineTotal.weighted),
          model.pipelineTotal.count,
        ],
      ],
    },
    t,
    none,
  );
  b.chart("column", t(msg("report.block.pipeline")), pipeline, 3, model.pipeline.length);

  b.block(
    {
      title: msg("report.block.contracts"),
      columns: [
        { header: "report.col.figure", kind: "text" },
        { header: "report.col.count", kind: "integer" },
        { header: "report.col.value2", kind: "amount" },
      ],
      rows: [
        [
          t(msg("report.figure.signedCount")),
          model.contractsSigned.count,
          fromCents(model.contractsSigned.value),
        ],
      ],
    },
    t,
    none,
  );
  b.block(
    {
      title: msg("report.block.renewals", { days: view.renewalNoticeDays, from: f.date(model.monthEnd) }),
      columns: [
        { header: "report.col.contractId", kind: "text" },
        { header: "report.col.clientId", kind: "text" },
        { header: "report.col.client", kind: "text" },
        { header: "report.col.owner", kind: "text" },
        { header: "report.col.status", kind: "text" },
        { header: "report.col.end", kind: "date" },
        { header: "report.col.value2", kind: "amount" },
      ],
      rows: model.renewalsDue.map((r) => [
        r.contractId,
        r.clientId,
        r.clientName,
        r.owner ?? "",
        f.status(r.status),
        { date: r.end },
        amount(r.value),
      ]),
    },
    t,
    none,
  );
  b.block(
    {
      title: msg("report.block.receivables", { date: f.date(model.monthEnd) }),
      columns: [
        { header: "report.col.clientId", kind: "text" },
        { header: "report.col.client", kind: "text" },
        { header: "report.col.instalments", kind: "integer" },
        { header: "report.col.outstanding", kind: "amount" },
      ],
      rows:
        model.receivablesOverdue.count === 0
          ? []
          : [
              ...model.receivablesOverdue.byClient.map((c) => [
                c.clientId ?? "",
                c.clientName,
                c.count,
                fromCents(c.outstanding),
              ]),
              [
                t(msg("report.total")),
                "",
                model.receivablesOverdue.count,
                fromCents(model.receivablesOverdue.total),
              ],
            ],
    },
    t,
    none,
  );

  const tiers = b.block(
    {
      title: msg("report.block.tiers"),
      columns: [
        { header: "report.col.tier", kind: "text" },
        { header: "report.col.clients", kind: "integer" },
      ],
      rows: [
        ...REPORT_TIERS.map((tier) => [tier, model.tierCounts[tier]]),
        [t(msg("report.tier.untiered")), model.untiered],
      ],
    },
    t,
    none,
  );
  if (model.tiersComputed) b.chart("pie", t(msg("report.block.tiers")), tiers, 2, REPORT_TIERS.length);
  b.block(
    {
      title: msg("report.block.tierChanges"),
      columns: [
        { header: "report.col.date", kind: "date" },
        { header: "report.col.clientId", kind: "text" },
        { header: "report.col.client", kind: "text" },
        { header: "report.col.from", kind: "text" },
        { header: "report.col.to", kind: "text" },
        { header: "report.col.direction", kind: "text" },
        { header: "report.col.reason", kind: "text" },
      ],
      rows: model.tierChanges.rows.map((r) => [
        { date: r.date },
        r.clientId,
        r.clientName,
        r.from ?? "",
        r.to ?? "",
        t(msg(DIRECTION_LABELS[r.direction])),
        r.reason ?? "",
      ]),
    },
    t,
    none,
  );

  b.block(
    {
      title: msg("report.block.contact"),
      columns: [
        { header: "report.col.channel", kind: "text" },
        { header: "report.col.interactions", kind: "integer" },
        { header: "report.col.responded", kind: "integer" },
        { header: "report.col.answered", kind: "integer" },
        { header: "report.col.responseRate", kind: "percent" },
      ],
      rows: [
        ...model.interactions.byChannel.map((c) => [
          f.channel(c.channel),
          c.count,
          c.responded,
          c.answered,
          fraction(c.rate),
        ]),
        [t(msg("report.total")), model.interactions.total, "", "", ""],
      ],
    },
    t,
    none,
  );
  b.block(
    {
      title: msg("report.block.sources"),
      columns: [
        { header: "report.col.source", kind: "text" },
        { header: "report.col.won", kind: "amount" },
        { header: "report.col.wonCount", kind: "integer" },
      ],
      rows: model.sources.map((s) => [f.source(s.source), fromCents(s.won), s.count]),
    },
    t,
    none,
  );
  b.block(
    {
      title: msg("report.block.industries"),
      columns: [
        { header: "report.col.industry", kind: "text" },
        { header: "report.col.growth", kind: "percent" },
        { header: "report.col.clients", kind: "integer" },
        { header: "report.col.won", kind: "amount" },
        { header: "report.col.wonCount", kind: "integer" },
        { header: "report.col.purchase12m", kind: "amount" },
      ],
      rows: model.industries.map((i) => [
        f.orUnspecified(i.industry),
        fraction(i.growth),
        i.clients,
        fromCents(i.won),
        i.count,
        fromCents(i.purchase12m),
      ]),
    },
    t,
    none,
  );
  b.block(
    {
      title: msg("report.block.lostReasons"),
      columns: [
        { header: "report.col.lostReason", kind: "text" },
        { header: "report.col.count", kind: "integer" },
        { header: "report.col.amount", kind: "amount" },
      ],
      rows: model.lostReasons.map((l) => [f.orUnspecified(l.reason), l.count, fromCents(l.amount)]),
    },
    t,
    none,
  );

  return { rows: b.rows, format: b.format(), charts: b.charts };
}
