/**
 * Stale deals in the daily digest: each owner sees their own open deals that sit in their stage
 * longer than the stage's limit (deal and client, stage, days against the limit, amount), and
 * each manager on the Team sheet sees those of the people they manage, with the owner's name.
 * The days in stage come last, so the mail marks them on the day the row is a reason to write.
 * A list is a reason to mail on the day a deal turns stale and every seventh day after
 * (staleReminderDay); on other days it rides along with the rest of the digest.
 */
import type { StaleDeal } from "../core/funnel";
import { formatMoney } from "../core/money";
import { msg, t, type Language } from "../i18n";
import { STAGES } from "../workbook/codes";
import type { Team } from "../workbook/team";
import { section } from "./contactDigest";
import type { DigestProvider, DigestRow, DigestSection } from "./digest";
import { STALE_FIELDS, staleDealsOf, staleReminderDay } from "./staleDeals";

function row(deal: StaleDeal, language: Language, currency: string, owner: string | null): DigestRow {
  return {
    cells: [
      t(language, "market.dealLine", { title: deal.title ?? deal.dealId, client: deal.clientName }),
      ...(owner === null ? [] : [owner]),
      STAGES.label(deal.stage, language),
      formatMoney(deal.amount, currency),
      t(language, "market.digest.days", { days: deal.age, limit: deal.limit }),
    ],
    tone: staleReminderDay(deal) ? "overdue" : "neutral",
  };
}

/** The days come last: the mail marks a row's last cell on the day it is a reason to write. */
const COLUMNS = [
  msg("market.col.deal"),
  msg("market.col.stage"),
  msg("report.col.amount"),
  msg("market.col.days"),
];
const TEAM_COLUMNS = [
  msg("market.col.deal"),
  msg("market.col.owner"),
  msg("market.col.stage"),
  msg("report.col.amount"),
  msg("market.col.days"),
];

/** Per owner and per manager, the stale deals in the order given (furthest over first). */
export function staleSections(
  stale: readonly StaleDeal[],
  team: Team,
  language: Language,
  currency: string,
): DigestSection[] {
  const mine = new Map<string, StaleDeal[]>();
  const managed = new Map<string, StaleDeal[]>();
  const add = (map: Map<string, StaleDeal[]>, key: string, deal: StaleDeal) => {
    const list = map.get(key);
    if (list) list.push(deal);
    else map.set(key, [deal]);
  };
  for (const deal of stale) {
    if (deal.owner === null) continue;
    add(mine, deal.owner, deal);
    const manager = team.managerOf(deal.owner);
    if (manager !== null) add(managed, manager, deal);
  }
  const out: DigestSection[] = [];
  for (const [owner, list] of mine)
    out.push(
      section(
        owner,
        msg("market.digest.stale", { count: list.length }),
        COLUMNS,
        list.map((d) => row(d, language, currency, null)),
        list.some(staleReminderDay),
      ),
    );
  for (const [manager, list] of managed)
    out.push(
      section(
        manager,
        msg("market.digest.teamStale", { count: list.length }),
        TEAM_COLUMNS,
        list.map((d) => row(d, language, currency, team.name(d.owner))),
        list.some(staleReminderDay),
      ),
    );
  return out;
}

export const staleDigestProvider: DigestProvider = {
  label: "market.digest.label",
  fields: STALE_FIELDS,
  requires: ["deals"],
  sections({ run, data, asOf, team }) {
    return staleSections(staleDealsOf(data, run.settings, asOf), team, run.language, run.settings.currency);
  },
};
