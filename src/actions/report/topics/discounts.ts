/**
 * Discounts granted this month (本月折扣让利): the month's won deals sold below their list price
 * or with a discount, what they cost against the list price per owner, and the team total
 * (core/discounts.ts). Only workbooks whose Deals carry List price or Discount have any.
 */
import { say, type ReportContext } from "../context";
import type { Topic } from "../topic";

export function discountsTopic(ctx: ReportContext): Topic {
  const s = say(ctx);
  const { owners, total, implied } = ctx.discounts;
  const share = (cost: number, list: number) => (list > 0 ? cost / list : null);
  const notes: string[] = [];
  if (total.deals === 0) notes.push(s.text("report.discounts.none"));
  if (implied > 0) notes.push(s.text("report.discounts.implied", { count: implied }));
  return {
    id: "discounts",
    title: s.text("report.block.discounts"),
    figures:
      total.deals === 0
        ? []
        : [
            { label: s.text("report.discounts.cost"), kind: "money", value: total.cost },
            { label: s.text("report.discounts.deals"), kind: "count", value: total.deals },
            {
              label: s.text("report.discounts.share"),
              kind: "percent",
              value: share(total.cost, total.list),
            },
          ],
    // Without a discounted win the note says so; an empty table would say nothing more.
    table:
      total.deals === 0
        ? undefined
        : {
            columns: [
              { label: s.text("report.col.owner"), kind: "text" },
              { label: s.text("report.discounts.deals"), kind: "count" },
              { label: s.text("report.discounts.list"), kind: "money" },
              { label: s.text("report.discounts.costShort"), kind: "money" },
              { label: s.text("report.discounts.share"), kind: "percent" },
            ],
            rows: owners.map((o) => ({
              cells: [
                o.owner === null ? s.text("report.unspecified") : ctx.name(o.owner),
                o.deals,
                o.list,
                o.cost,
                share(o.cost, o.list),
              ],
              ...(o.owner === null ? {} : { owner: o.owner }),
            })),
            ...(owners.length > 0
              ? {
                  total: [
                    s.text("report.discounts.total"),
                    total.deals,
                    total.list,
                    total.cost,
                    share(total.cost, total.list),
                  ],
                }
              : {}),
          },
    notes,
  };
}
