/**
 * Win and loss over the 12 months to the month's end (总结成功案例与失败经验, 竞争格局): by
 * competitor (wins, losses, win rate, amounts), by lost reason, and the largest won and lost
 * deals as named cases — title, client, competitor, reason, owner (by their Team name), amount.
 * Text columns come first and figures last, so no figure runs into a name in the sheet; deal and
 * client share a cell, so a phone (which shows four columns) still shows competitor and reason.
 */
import { addDays } from "../../../core/dates";
import type { DealCase } from "../../../core/winLoss";
import type { MessageKey } from "../../../i18n";
import { say, type ReportContext } from "../context";
import type { Topic, TopicRow } from "../topic";

function windowNote(ctx: ReportContext): string {
  const s = say(ctx);
  const w = ctx.winLoss;
  return s.text("market.winLoss.window", { from: s.date(addDays(w.from, 1)), to: s.date(w.to) });
}

export function competitorsTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const w = ctx.winLoss;
  const name = (c: string | null) => (c === null || c === "" ? s.text("market.noCompetitor") : c);
  return {
    id: "competitors",
    title: s.text("market.block.competitors"),
    figures: [],
    table: {
      columns: [
        { label: s.text("market.col.competitor"), kind: "text" },
        { label: s.text("market.col.wins"), kind: "count" },
        { label: s.text("market.col.losses"), kind: "count" },
        { label: s.text("market.col.winRate"), kind: "percent" },
        { label: s.text("market.col.wonAmount"), kind: "money" },
        { label: s.text("market.col.lostAmount"), kind: "money" },
      ],
      rows: w.competitors.map((c) => ({
        cells: [name(c.competitor), c.wins, c.losses, c.winRate, c.wonAmount, c.lostAmount],
      })),
      total: [
        s.text("report.total"),
        w.total.wins,
        w.total.losses,
        w.total.winRate,
        w.total.wonAmount,
        w.total.lostAmount,
      ],
    },
    notes: [windowNote(ctx)],
  };
}

export function lossReasonsTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const w = ctx.winLoss;
  return {
    id: "lossReasons12m",
    title: s.text("market.block.lossReasons"),
    figures: [],
    table: {
      columns: [
        { label: s.text("report.col.lostReason"), kind: "text" },
        { label: s.text("market.col.losses"), kind: "count" },
        { label: s.text("market.col.lostAmount"), kind: "money" },
        { label: s.text("market.col.share"), kind: "percent" },
      ],
      rows: w.reasons.map((r) => ({ cells: [s.orUnspecified(r.reason), r.losses, r.amount, r.share] })),
    },
    notes: [],
  };
}

export function casesTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const w = ctx.winLoss;
  const row = (kind: MessageKey, c: DealCase | null): TopicRow[] =>
    c === null
      ? []
      : [
          {
            cells: [
              s.text(kind),
              s.text("market.dealLine", { title: s.orUnspecified(c.title), client: c.clientName }),
              c.competitor === null ? s.text("market.noCompetitor") : c.competitor,
              c.reason ?? "",
              c.owner === null ? s.text("report.unspecified") : ctx.name(c.owner),
              c.amount,
            ],
            ...(c.owner !== null ? { owner: c.owner } : {}),
          },
        ];
  return {
    id: "cases",
    title: s.text("market.block.cases"),
    figures: [],
    table: {
      columns: [
        { label: s.text("market.col.case"), kind: "text" },
        { label: s.text("market.col.deal"), kind: "text" },
        { label: s.text("market.col.competitor"), kind: "text" },
        { label: s.text("market.col.reason"), kind: "text" },
        { label: s.text("market.col.owner"), kind: "text" },
        { label: s.text("report.col.amount"), kind: "money" },
      ],
      rows: [...row("market.case.won", w.largestWon), ...row("market.case.lost", w.largestLost)],
    },
    notes: [],
  };
}
