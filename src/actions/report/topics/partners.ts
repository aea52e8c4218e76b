/**
 * Partner effectiveness (渠道效能): per channel partner, the deals it brought, what they won and
 * how fast over the 12 months to month end, the commission due for the month, and the agreement
 * end (flagged when it falls within 90 days); direct deals last, the totals below. Partners
 * idle for two quarters and agreements ending soon are named in the notes. Without a Partners
 * sheet there is no topic.
 */
import { roundHalfAway } from "../../../core/money";
import { PARTNER_TYPES, type PartnerType } from "../../../workbook/codes";
import { say, type ReportContext } from "../context";
import type { Topic, TopicValue } from "../topic";

const days = (value: number | null): number | null => (value === null ? null : roundHalfAway(value));

export function partnersTopic(ctx: ReportContext): Topic | null {
  const model = ctx.partners;
  if (model === null) return null;
  const s = say(ctx);
  const viaPartners = model.all.won - model.direct.won;
  const ending = model.partners.filter((p) => p.endingSoon);
  const review = model.partners.filter((p) => p.forReview);
  const nameWithType = (name: string, type: string | null) =>
    type === null
      ? name
      : s.text("report.partners.nameType", {
          name,
          type: PARTNER_TYPES.label(type as PartnerType, ctx.language),
        });
  const list = (names: string[]) => names.join(s.text("report.partners.listSeparator"));
  const notes = [
    s.text("report.partners.caption", { end: s.date(ctx.model.monthEnd) }),
    s.text("report.partners.caption2"),
    s.text("report.partners.caption3", { soon: s.date(model.endingBy) }),
  ];
  if (ending.length > 0) {
    const names = ending.map((p) =>
      s.text("report.partners.nameDate", { name: p.partner.name, date: s.date(p.partner.agreementEnd) }),
    );
    notes.push(s.text("report.partners.ending", { names: list(names) }));
  }
  if (review.length > 0) {
    const names = review.map((p) => p.partner.name);
    notes.push(s.text("report.partners.review", { since: s.date(model.reviewSince), names: list(names) }));
  }
  const total: TopicValue[] = [
    s.text("report.total"),
    model.all.won,
    model.all.winRate,
    model.commissionDue,
    model.all.leads,
    days(model.all.medianDaysToClose),
    null,
  ];
  return {
    id: "partners",
    title: s.text("report.block.partners"),
    figures: [
      { label: s.text("report.fig.partnerWon"), kind: "money", value: viaPartners },
      {
        label: s.text("report.fig.partnerShare"),
        kind: "percent",
        value: model.all.won === 0 ? null : viaPartners / model.all.won,
      },
      { label: s.text("report.fig.commission"), kind: "money", value: model.commissionDue },
      { label: s.text("report.fig.agreementsEnding"), kind: "count", value: ending.length },
    ],
    table: {
      // The columns a phone keeps come first (the e-mail hides those after the fourth).
      columns: [
        { label: s.text("report.col.partner"), kind: "text" },
        { label: s.text("report.col.won"), kind: "money" },
        { label: s.text("report.col.winRate"), kind: "percent" },
        { label: s.text("report.col.commission"), kind: "money" },
        { label: s.text("report.col.leads"), kind: "count" },
        { label: s.text("report.col.medianDays"), kind: "count" },
        { label: s.text("report.col.agreementEnd"), kind: "date" },
      ],
      rows: [
        ...model.partners.map((p) => ({
          cells: [
            nameWithType(p.partner.name, p.partner.type),
            p.won,
            p.winRate,
            p.commissionDue,
            p.leads,
            days(p.medianDaysToClose),
            p.partner.agreementEnd,
          ],
          flagged: p.endingSoon || p.forReview,
        })),
        {
          cells: [
            s.text("report.partners.direct"),
            model.direct.won,
            model.direct.winRate,
            null,
            model.direct.leads,
            days(model.direct.medianDaysToClose),
            null,
          ],
        },
      ],
      total,
    },
    notes,
  };
}
