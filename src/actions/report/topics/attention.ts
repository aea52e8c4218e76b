/**
 * Needs attention (需要关注): at most five lines, ranked — owners below the threshold,
 * receivables more than 60 days overdue, renewals inside their notice with no contact, tier-A
 * clients past their contact cycle, next quarter's pipeline coverage below 1. Each line names
 * the owner or client and the figure; a kind with several cases names the worst and the count.
 */
import { LONG_OVERDUE_DAYS } from "../../../core/attention";
import { say, type ReportContext } from "../context";
import type { Topic } from "../topic";

/** The most lines the topic shows. */
export const ATTENTION_LINES = 5;

export function attentionTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const { model, attention } = ctx;
  const lines: { what: string; figure: string }[] = [];
  const under = [...model.underperformers].sort((a, b) => (a.attainment ?? 0) - (b.attainment ?? 0));
  if (under.length > 0) {
    const worst = under[0];
    lines.push({
      what: s.text("report.attention.below", {
        count: under.length,
        share: s.percent(ctx.underperformShare),
        owner: ctx.name(worst.owner),
      }),
      figure: s.text("report.attention.belowFigure", {
        attainment: s.percent(worst.attainment),
        won: s.money(worst.won),
        target: s.money(worst.target),
      }),
    });
  }
  if (attention.longOverdue.length > 0) {
    const worst = attention.longOverdue[0];
    const total = attention.longOverdue.reduce((sum, c) => sum + c.outstanding, 0);
    lines.push({
      what: s.text("report.attention.overdue", {
        count: attention.longOverdue.length,
        days: LONG_OVERDUE_DAYS,
        client: worst.clientName,
      }),
      figure: s.text("report.attention.overdueFigure", {
        amount: s.money(worst.outstanding),
        days: worst.days,
        total: s.money(total),
      }),
    });
  }
  if (attention.silentRenewals.length > 0) {
    const first = attention.silentRenewals[0];
    lines.push({
      what: s.text("report.attention.renewal", {
        count: attention.silentRenewals.length,
        client: first.clientName,
      }),
      figure: s.text("report.attention.renewalFigure", {
        contract: first.contractId,
        end: s.date(first.end),
      }),
    });
  }
  if (attention.lapsedTierA.length > 0) {
    const worst = attention.lapsedTierA[0];
    lines.push({
      what: s.text("report.attention.lapsed", { count: attention.lapsedTierA.length, client: worst.name }),
      figure:
        worst.days === null
          ? s.text("report.attention.neverContacted", { owner: ctx.name(worst.owner) })
          : s.text("report.attention.lapsedFigure", { days: worst.days, owner: ctx.name(worst.owner) }),
    });
  }
  const team = model.team;
  if (team.coverage !== null && team.coverage < 1) {
    lines.push({
      what: s.text("report.attention.coverage"),
      figure: s.text("report.attention.coverageFigure", {
        coverage: s.percent(team.coverage),
        weighted: s.money(team.coverageWeighted),
        target: s.money(team.coverageTarget),
      }),
    });
  }
  const shown = lines.slice(0, ATTENTION_LINES);
  return {
    id: "attention",
    title: s.text("report.topic.attention"),
    figures: [],
    ...(shown.length > 0
      ? {
          table: {
            columns: [
              { label: s.text("report.col.attention"), kind: "text" },
              { label: s.text("report.col.figure"), kind: "text" },
            ],
            rows: shown.map((line) => ({ cells: [line.what, line.figure], flagged: true })),
          },
        }
      : {}),
    notes: shown.length === 0 ? [s.text("report.attention.none")] : [],
  };
}
