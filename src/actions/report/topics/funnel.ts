/**
 * The lead reservoir (商机储备库) in the report: the funnel by source over the 12 months to the
 * month's end — leads created, qualified, won, the conversion between those steps and the
 * median days open deals sit in their stage — and the stale deals ("rotten"): open deals longer
 * in their stage than the stage's limit (`pipeline.staleDays`, `pipeline.staleDaysByStage`).
 */
import { addDays } from "../../../core/dates";
import type { FunnelFigures } from "../../../core/funnel";
import { say, type ReportContext } from "../context";
import type { Topic } from "../topic";

/** The funnel's window as its first and last day (the window is (from, to]). */
function windowParams(s: ReturnType<typeof say>, f: { from: number; to: number }) {
  return { from: s.date(addDays(f.from, 1)), to: s.date(f.to) };
}

/** The notes on how stage ages are counted, and what was left out. */
function ageNotes(s: ReturnType<typeof say>, f: FunnelFigures): string[] {
  const notes = [s.text("market.funnel.age", { date: s.date(f.asOf), count: f.agedFromCreated })];
  if (f.undated > 0) notes.push(s.text("market.funnel.undated", { count: f.undated }));
  return notes;
}

export function funnelTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const f = ctx.funnel;
  const t = f.total;
  const notes = [s.text("market.funnel.window", windowParams(s, f)), ...ageNotes(s, f)];
  if (f.withoutCreated > 0) notes.push(s.text("market.funnel.withoutCreated", { count: f.withoutCreated }));
  return {
    id: "funnel",
    title: s.text("market.block.funnel"),
    figures: [
      { label: s.text("market.figure.created"), kind: "count", value: t.created },
      { label: s.text("market.figure.qualified"), kind: "count", value: t.qualified },
      { label: s.text("market.figure.won"), kind: "count", value: t.won },
      {
        label: s.text("market.figure.conversion"),
        kind: "percent",
        value: t.created === 0 ? null : t.won / t.created,
      },
    ],
    table: {
      columns: [
        { label: s.text("report.col.source"), kind: "text" },
        { label: s.text("market.col.created"), kind: "count" },
        { label: s.text("market.col.qualified"), kind: "count" },
        { label: s.text("market.col.won"), kind: "count" },
        { label: s.text("market.col.toQualified"), kind: "percent" },
        { label: s.text("market.col.toWon"), kind: "percent" },
        { label: s.text("market.col.medianAge"), kind: "count" },
      ],
      rows: f.lines.map((l) => ({
        cells: [s.source(l.source), l.created, l.qualified, l.won, l.toQualified, l.toWon, l.medianAge],
      })),
      total: [s.text("report.total"), t.created, t.qualified, t.won, t.toQualified, t.toWon, t.medianAge],
    },
    notes,
  };
}

/** Stale deals the PDF lists (the sheet lists all, the digest tells each owner theirs). */
const STALE_PRINT_ROWS = 15;

export function staleDealsTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const f = ctx.funnel;
  return {
    id: "staleDeals",
    title: s.text("market.block.stale", { count: f.stale.length }),
    figures: [],
    table: {
      columns: [
        { label: s.text("market.col.deal"), kind: "text" },
        { label: s.text("market.col.stage"), kind: "text" },
        { label: s.text("market.col.owner"), kind: "text" },
        { label: s.text("market.col.days"), kind: "count" },
        { label: s.text("report.col.amount"), kind: "money" },
        { label: s.text("market.col.since"), kind: "date" },
      ],
      rows: f.stale.map((d) => ({
        cells: [
          s.text("market.dealLine", { title: s.orUnspecified(d.title), client: d.clientName }),
          s.stage(d.stage),
          d.owner === null ? s.text("report.unspecified") : ctx.name(d.owner),
          d.age,
          d.amount,
          d.since,
        ],
        ...(d.owner !== null ? { owner: d.owner } : {}),
      })),
      printRows: STALE_PRINT_ROWS,
    },
    notes: [s.text("market.stale.note", { date: s.date(f.asOf), limits: limitsText(ctx) })],
  };
}

/** The stale limits as one phrase: `线索 30 天、方案报价 45 天…`. */
export function limitsText(ctx: ReportContext): string {
  const s = say(ctx);
  return ctx.funnel.stages
    .map((st) => s.text("market.stageLimit", { stage: s.stage(st.stage), days: st.limit }))
    .join(s.text("market.listSeparator"));
}
