/**
 * The market: where the month's won deals came from (来源), the industries (行业) with their
 * growth and 12-month purchase, and why deals were lost (输单原因).
 */
import { say, type ReportContext } from "../context";
import type { Topic } from "../topic";

export function sourcesTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  return {
    id: "sources",
    title: s.text("report.block.sources"),
    figures: [],
    table: {
      columns: [
        { label: s.text("report.col.source"), kind: "text" },
        { label: s.text("report.col.won"), kind: "money" },
        { label: s.text("report.col.wonCount"), kind: "count" },
      ],
      rows: ctx.model.sources.map((x) => ({ cells: [s.source(x.source), x.won, x.count] })),
    },
    notes: [],
  };
}

export function industriesTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  return {
    id: "industries",
    title: s.text("report.block.industries"),
    figures: [],
    table: {
      columns: [
        { label: s.text("report.col.industry"), kind: "text" },
        { label: s.text("report.col.growth"), kind: "change" },
        { label: s.text("report.col.clients"), kind: "count" },
        { label: s.text("report.col.won"), kind: "money" },
        { label: s.text("report.col.wonCount"), kind: "count" },
        { label: s.text("report.col.purchase12m"), kind: "money" },
      ],
      rows: ctx.model.industries.map((i) => ({
        cells: [s.orUnspecified(i.industry), i.growth, i.clients, i.won, i.count, i.purchase12m],
      })),
    },
    notes: [],
  };
}

export function lostReasonsTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  return {
    id: "lostReasons",
    title: s.text("report.block.lostReasons"),
    figures: [],
    table: {
      columns: [
        { label: s.text("report.col.lostReason"), kind: "text" },
        { label: s.text("report.col.count"), kind: "count" },
        { label: s.text("report.col.amount"), kind: "money" },
      ],
      rows: ctx.model.lostReasons.map((l) => ({ cells: [s.orUnspecified(l.reason), l.count, l.amount] })),
    },
    notes: [],
  };
}
