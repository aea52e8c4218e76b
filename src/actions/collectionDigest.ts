/**
 * Collections in the daily digest for the people beside the owner (配合财务部门完成款项回收):
 *
 * - the owner's manager hears of instalments 90 or more days overdue: listed in the manager's
 *   digest while unpaid, and a reason to mail on the day an instalment reaches 90 days and each
 *   seventh day after (so a manager is told weekly, not daily; the owner's own digest keeps the
 *   daily collection contact). The manager is the owner's Manager on the Team sheet; an owner
 *   without one (or a workbook without the sheet) escalates to the `collection.escalateTo`
 *   addresses.
 * - the finance addresses of `digest.finance` receive the receivables part: every overdue
 *   instalment, most overdue first, each day there is one.
 *
 * Owners are shown by name (Team sheet, else the part of the address before `@`). With both
 * settings blank (the default) and no manager on the Team sheet, this provider adds nothing.
 */
import { escalationDay, escalations } from "../core/contactNeeds";
import type { OverdueInstalment } from "../core/contracts";
import { formatMoney } from "../core/money";
import { msg, t, type Language } from "../i18n";
import { section } from "./contactDigest";
import { CONTRACT_FIELDS, contractsReview } from "./contracts";
import type { Team } from "../workbook/team";
import type { DigestProvider, DigestRow, DigestSection } from "./digest";

export { escalationDay } from "../core/contactNeeds";

function rows(
  list: readonly OverdueInstalment[],
  team: Team,
  language: Language,
  currency: string,
): DigestRow[] {
  return list.map((o) => ({
    cells: [
      `${o.clientName ?? o.clientId} · ${o.contractId}`,
      o.owner === null ? t(language, "contacts.noOwner") : team.name(o.owner),
      formatMoney(o.outstanding, currency),
      t(language, "digest.daysCount", { days: o.daysOverdue }),
    ],
    tone: "overdue" as const,
  }));
}

/** The columns of a collections section. */
const COLUMNS = [
  msg("digest.col.contract"),
  msg("digest.col.owner"),
  msg("digest.col.outstanding"),
  msg("digest.col.overdue"),
];

export const collectionDigestProvider: DigestProvider = {
  label: "action.contracts",
  fields: {
    clients: CONTRACT_FIELDS.clients,
    contracts: CONTRACT_FIELDS.contracts,
    payments: CONTRACT_FIELDS.payments,
  },
  // Without Contracts or Payments there is nothing overdue; the contracts reminders already say so.
  requires: [],
  sections({ run, data, asOf, team }) {
    const fallback = run.settings["collection.escalateTo"];
    const finance = run.settings["digest.finance"];
    const teamManagers = team.rows.some((r) => r.manager !== null);
    if (fallback.length === 0 && finance.length === 0 && !teamManagers) return [];
    const review = contractsReview(data, asOf, run.settings["renewal.noticeDays"]);
    const { language } = run;
    const currency = run.settings.currency;
    const out: DigestSection[] = [];
    for (const [manager, late] of escalationsByManager(escalations(review.overdue), team, fallback)) {
      const title = msg("digest.escalation.title", { count: late.length });
      const actionable = late.some((o) => escalationDay(o.daysOverdue));
      out.push(section(manager, title, COLUMNS, rows(late, team, language, currency), actionable));
    }
    if (review.overdue.length > 0) {
      const title = msg("contracts.digest.overdueTitle", { count: review.overdue.length });
      for (const address of finance)
        out.push(section(address, title, COLUMNS, rows(review.overdue, team, language, currency), true));
    }
    return out;
  },
};

/**
 * Who hears of each instalment 90 or more days overdue: the owner's Manager on the Team sheet,
 * else every `collection.escalateTo` address; each manager's list keeps the given order.
 */
export function escalationsByManager(
  late: readonly OverdueInstalment[],
  team: Team,
  fallback: readonly string[],
): Map<string, OverdueInstalment[]> {
  const out = new Map<string, OverdueInstalment[]>();
  for (const instalment of late) {
    const manager = team.managerOf(instalment.owner);
    for (const to of manager === null ? fallback : [manager]) {
      const list = out.get(to);
      if (list) list.push(instalment);
      else out.set(to, [instalment]);
    }
  }
  return out;
}
