/**
 * Headline (核心指标): the month's figures as cards — value, target, change — instead of a
 * column of thirty label/value rows. The report's qualifying notes go with it.
 */
import { say, type ReportContext } from "../context";
import type { Figure, Topic } from "../topic";

export function headlineTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const { model } = ctx;
  const team = model.team;
  const tone = (value: number | null): Figure["tone"] =>
    value === null ? undefined : value < ctx.underperformShare ? "bad" : "good";
  const figures: Figure[] = [
    {
      label: s.text("report.figure.won"),
      kind: "money",
      value: team.won,
      target: team.target,
      change: { value: team.momChange, label: s.text("report.figure.momChange") },
    },
    {
      label: s.text("report.figure.attainment"),
      kind: "percent",
      value: team.attainment,
      change: { value: team.yoyChange, label: s.text("report.figure.yoyChange") },
      ...(tone(team.attainment) ? { tone: tone(team.attainment) } : {}),
    },
    {
      label: s.text("report.figure.winRate"),
      kind: "percent",
      value: team.winRate,
    },
    {
      label: s.text("report.figure.qtdWon"),
      kind: "money",
      value: team.qtdWon,
      target: team.qtdTarget,
    },
    {
      label: s.text("report.figure.ytdWon"),
      kind: "money",
      value: team.ytdWon,
      target: team.ytdTarget,
    },
    {
      label: s.text("report.figure.coverage"),
      kind: "percent",
      value: team.coverage,
      ...(team.coverage !== null ? { tone: team.coverage < 1 ? "bad" : "good" } : {}),
    },
    { label: s.text("report.figure.collected"), kind: "money", value: model.collected },
    {
      label: s.text("report.figure.overdue"),
      kind: "money",
      value: model.receivablesOverdue.total,
    },
  ];
  return {
    id: "headline",
    title: s.text("report.block.headline"),
    figures,
    notes: [
      s.text("report.headline.counts", {
        won: team.wonCount,
        lost: team.lostCount,
        prev: s.money(team.prevMonthWon),
        lastYear: s.money(team.sameMonthLastYearWon),
      }),
      ...ctx.notes.map((note) => s.ref(note)),
    ],
  };
}
