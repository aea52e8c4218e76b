/**
 * What changed since the last report (与上次报告相比): the figures of the previous report as
 * frozen in Report snapshots, against the same month computed now. Each difference names the
 * month, the owner (or the team), the figure, what was reported, what it is now and the
 * difference.
 */
import { TEAM, type SnapshotFigure } from "../../../core/restatements";
import type { MessageKey } from "../../../i18n";
import { say, type ReportContext } from "../context";
import type { Topic } from "../topic";

const FIGURE_LABELS: Readonly<Record<SnapshotFigure, MessageKey>> = {
  won: "report.changes.won",
  collected: "report.changes.collected",
  target: "report.changes.target",
};

export function changesTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const changes = ctx.changes;
  const title = s.text("report.topic.changes");
  if (changes === null) return { id: "changes", title, figures: [], notes: [s.text("report.changes.first")] };
  const lines = changes.restatements;
  return {
    id: "changes",
    title,
    figures: [],
    ...(lines.length > 0
      ? {
          table: {
            columns: [
              { label: s.text("report.col.month"), kind: "text" },
              { label: s.text("report.col.owner"), kind: "text" },
              { label: s.text("report.col.figureName"), kind: "text" },
              { label: s.text("report.col.reported"), kind: "money" },
              { label: s.text("report.col.now"), kind: "money" },
              { label: s.text("report.col.difference"), kind: "money" },
            ],
            rows: lines.map((r) => ({
              cells: [
                r.month,
                r.owner === TEAM ? s.text("report.changes.team") : ctx.name(r.owner),
                s.text(FIGURE_LABELS[r.figure]),
                r.reported,
                r.now,
                r.difference,
              ],
              flagged: true,
              ...(r.owner !== TEAM ? { owner: r.owner } : {}),
            })),
          },
        }
      : {}),
    notes: [
      lines.length > 0
        ? s.text("report.changes.compared", {
            month: changes.month,
            revision: changes.revision,
            count: lines.length,
          })
        : s.text("report.changes.none", { month: changes.month, revision: changes.revision }),
    ],
  };
}
