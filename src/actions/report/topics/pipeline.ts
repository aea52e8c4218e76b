/**
 * Pipeline (商机管道): the deals open in the workbook now, by stage — amount, weighted amount
 * (amount × probability) and count, the median days its deals sit in the stage and how many
 * are stale — with the coverage of the next three months' target.
 */
import { say, type ReportContext } from "../context";
import type { Topic } from "../topic";
import { limitsText } from "./funnel";

export function pipelineTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const { model } = ctx;
  const total = model.pipelineTotal;
  const ages = new Map<string, (typeof ctx.funnel.stages)[number]>(
    ctx.funnel.stages.map((st) => [st.stage, st]),
  );
  return {
    id: "pipeline",
    title: s.text("report.block.pipeline"),
    figures: [
      { label: s.text("report.figure.pipelineAmount"), kind: "money", value: total.amount },
      { label: s.text("report.figure.pipelineWeighted"), kind: "money", value: total.weighted },
      {
        label: s.text("report.figure.coverage"),
        kind: "percent",
        value: model.team.coverage,
        ...(model.team.coverage !== null ? { tone: model.team.coverage < 1 ? "bad" : "good" } : {}),
      },
    ],
    table: {
      columns: [
        { label: s.text("report.col.stage"), kind: "text" },
        { label: s.text("report.col.amount"), kind: "money" },
        { label: s.text("report.col.weighted"), kind: "money" },
        { label: s.text("report.col.count"), kind: "count" },
        { label: s.text("market.col.medianAge"), kind: "count" },
        { label: s.text("market.col.stale"), kind: "count" },
      ],
      rows: model.pipeline.map((p) => {
        const age = ages.get(p.stage);
        return {
          cells: [s.stage(p.stage), p.amount, p.weighted, p.count, age?.medianAge ?? null, age?.stale ?? 0],
        };
      }),
      total: [
        s.text("report.total"),
        total.amount,
        total.weighted,
        total.count,
        ctx.funnel.total.medianAge,
        ctx.funnel.total.stale,
      ],
    },
    chart: { kind: "column", series: 2 },
    notes: [
      s.text("report.pipeline.coverage", {
        weighted: s.money(model.team.coverageWeighted),
        target: s.money(model.team.coverageTarget),
      }),
      s.text("market.pipeline.stale", { date: s.date(ctx.funnel.asOf), limits: limitsText(ctx) }),
    ],
  };
}
