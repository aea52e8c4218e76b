/**
 * Owners (负责人业绩) and the 12-month trend (近12个月趋势): won against target per owner, by
 * name, owners below the threshold flagged; the team's won and target month by month. Both
 * carry a chart: columns for won with the target as a line.
 */
import { say, type ReportContext } from "../context";
import type { Topic } from "../topic";

export function ownersTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const { model } = ctx;
  const below = model.owners.filter((o) => o.underperforming).length;
  return {
    id: "owners",
    title: s.text("report.block.owners"),
    figures: [],
    table: {
      columns: [
        { label: s.text("report.col.owner"), kind: "text" },
        { label: s.text("report.col.won"), kind: "money" },
        { label: s.text("report.col.target"), kind: "money" },
        { label: s.text("report.col.attainment"), kind: "percent" },
        { label: s.text("report.col.wonCount"), kind: "count" },
        { label: s.text("report.col.lostCount"), kind: "count" },
        { label: s.text("report.col.winRate"), kind: "percent" },
      ],
      rows: model.owners.map((o) => ({
        cells: [ctx.name(o.owner), o.won, o.target, o.attainment, o.wonCount, o.lostCount, o.winRate],
        flagged: o.underperforming,
        owner: o.owner,
      })),
      emailRows: 15,
    },
    ...(model.owners.length > 0 ? { chart: { kind: "column", series: 2, lines: [1] } } : {}),
    notes:
      below > 0
        ? [s.text("report.owners.below", { count: below, share: s.percent(ctx.underperformShare) })]
        : [],
  };
}

export function trendTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  return {
    id: "trend",
    title: s.text("report.block.trend"),
    figures: [],
    table: {
      columns: [
        { label: s.text("report.col.month"), kind: "text" },
        { label: s.text("report.col.teamWon"), kind: "money" },
        { label: s.text("report.col.teamTarget"), kind: "money" },
        { label: s.text("report.col.attainment"), kind: "percent" },
      ],
      rows: ctx.model.trend.map((p) => ({
        cells: [p.month, p.won, p.target, p.target === null || p.target === 0 ? null : p.won / p.target],
      })),
      emailRows: 12,
    },
    chart: { kind: "column", series: 2, lines: [1] },
    notes: [],
  };
}
