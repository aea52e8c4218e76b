/**
 * Contracts and renewals (合同与续约) and receivables (回款与逾期应收): contracts signed in the
 * month, contracts ending inside the renewal notice after month end, the month's collections
 * and what was overdue at month end, by client.
 */
import { say, type ReportContext } from "../context";
import type { Topic } from "../topic";

export function contractsTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const { model } = ctx;
  return {
    id: "contracts",
    title: s.text("report.topic.contracts"),
    figures: [
      { label: s.text("report.figure.signedValue"), kind: "money", value: model.contractsSigned.value },
      { label: s.text("report.figure.signedCount"), kind: "count", value: model.contractsSigned.count },
      { label: s.text("report.figure.renewalsDue"), kind: "count", value: model.renewalsDue.length },
    ],
    table: {
      columns: [
        { label: s.text("report.col.client"), kind: "text" },
        { label: s.text("report.col.contractId"), kind: "text" },
        { label: s.text("report.col.owner"), kind: "text" },
        { label: s.text("report.col.status"), kind: "text" },
        { label: s.text("report.col.end"), kind: "date" },
        { label: s.text("report.col.value2"), kind: "money" },
      ],
      rows: model.renewalsDue.map((r) => ({
        cells: [r.clientName, r.contractId, ctx.name(r.owner), s.status(r.status), r.end, r.value],
        ...(r.owner !== null ? { owner: r.owner } : {}),
      })),
    },
    notes: [s.text("report.renewals.window", { days: ctx.renewalNoticeDays, from: s.date(model.monthEnd) })],
  };
}

export function receivablesTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const overdue = ctx.model.receivablesOverdue;
  return {
    id: "receivables",
    title: s.text("report.topic.receivables"),
    figures: [
      { label: s.text("report.figure.collected"), kind: "money", value: ctx.model.collected },
      { label: s.text("report.figure.overdue"), kind: "money", value: overdue.total },
      { label: s.text("report.figure.overdueCount"), kind: "count", value: overdue.count },
    ],
    table: {
      columns: [
        { label: s.text("report.col.client"), kind: "text" },
        { label: s.text("report.col.clientId"), kind: "text" },
        { label: s.text("report.col.instalments"), kind: "count" },
        { label: s.text("report.col.outstanding"), kind: "money" },
      ],
      rows: overdue.byClient.map((c) => ({
        cells: [
          c.clientName === "" ? s.text("report.unspecified") : c.clientName,
          c.clientId ?? "",
          c.count,
          c.outstanding,
        ],
      })),
      ...(overdue.count > 0 ? { total: [s.text("report.total"), "", overdue.count, overdue.total] } : {}),
    },
    notes: [s.text("report.receivables.at", { date: s.date(ctx.model.monthEnd) })],
  };
}
