/**
 * Client tiers (客户分级) and contacts (客户沟通): active clients per tier with the month's tier
 * changes, and the month's interactions by channel with response rates, contact compliance and
 * mean satisfaction.
 */
import { REPORT_TIERS } from "../../../core/report";
import { say, type ReportContext } from "../context";
import type { Topic } from "../topic";

export function tiersTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const { model } = ctx;
  const changes = model.tierChanges;
  const share = (count: number) => (model.activeClients === 0 ? null : count / model.activeClients);
  return {
    id: "tiers",
    title: s.text("report.block.tiers"),
    figures: [],
    table: {
      columns: [
        { label: s.text("report.col.tier"), kind: "text" },
        { label: s.text("report.col.clients"), kind: "count" },
        { label: s.text("report.col.share"), kind: "percent" },
      ],
      rows: [
        ...REPORT_TIERS.map((tier) => ({
          cells: [tier, model.tierCounts[tier], share(model.tierCounts[tier])],
        })),
        { cells: [s.text("report.tier.untiered"), model.untiered, share(model.untiered)] },
      ],
    },
    ...(model.tiersComputed ? { chart: { kind: "pie", series: 1, rows: REPORT_TIERS.length } } : {}),
    notes: [s.text("report.html.changesLine", { up: changes.up, down: changes.down, added: changes.new })],
  };
}

export function contactsTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const { model } = ctx;
  const satisfaction = model.interactions.satisfaction;
  return {
    id: "contacts",
    title: s.text("report.block.contact"),
    figures: [
      { label: s.text("report.figure.compliance"), kind: "percent", value: model.contactCompliance },
      { label: s.text("report.figure.interactions"), kind: "count", value: model.interactions.total },
    ],
    table: {
      columns: [
        { label: s.text("report.col.channel"), kind: "text" },
        { label: s.text("report.col.interactions"), kind: "count" },
        { label: s.text("report.col.responded"), kind: "count" },
        { label: s.text("report.col.answered"), kind: "count" },
        { label: s.text("report.col.responseRate"), kind: "percent" },
      ],
      rows: model.interactions.byChannel.map((c) => ({
        cells: [s.channel(c.channel), c.count, c.responded, c.answered, c.rate],
      })),
    },
    notes: [
      s.text("report.contacts.satisfaction", {
        mean: satisfaction === null ? "—" : (Math.round(satisfaction * 100) / 100).toFixed(2),
        count: model.interactions.satisfactionCount,
      }),
    ],
  };
}
