/**
 * The contact plan's part of the daily digest: per owner, the overdue and due-today contacts
 * (client, tier, channel, last contact, days overdue; actionable) and those due in the next
 * seven days (riding along). Lists are cut at a length a phone can show; the rest is counted.
 */
import { agendasByOwner, type PlanRow } from "../core/contacts";
import { formatIsoDate } from "../core/dates";
import { msg, t, type Language, type MessageRef } from "../i18n";
import { CHANNELS } from "../workbook/codes";
import { CONTACT_FIELDS, computeContacts, runContactChecks } from "./contacts";
import type { DigestProvider, DigestRow, DigestSection } from "./digest";

/** The look-ahead of the digest, in days. */
export const DIGEST_DAYS = 7;
/** Rows listed per section; the rest is counted. */
export const DIGEST_MAX_ROWS = 40;

function commonCells(row: PlanRow, language: Language): string[] {
  return [
    `${row.name} · ${row.clientId}`,
    row.tier ?? "—",
    CHANNELS.label(row.channel, language),
    row.lastContact === null ? t(language, "digest.never") : formatIsoDate(row.lastContact),
  ];
}

function section(
  owner: string,
  title: MessageRef,
  columns: MessageRef[],
  rows: DigestRow[],
  actionable: boolean,
): DigestSection {
  const more = Math.max(0, rows.length - DIGEST_MAX_ROWS);
  return {
    owner,
    title,
    columns,
    rows: rows.slice(0, DIGEST_MAX_ROWS),
    actionable,
    ...(more > 0 ? { more } : {}),
  };
}

export const contactDigestProvider: DigestProvider = {
  label: "action.contacts",
  fields: CONTACT_FIELDS,
  requires: ["interactions"],
  sections({ run, data, asOf }) {
    runContactChecks(run, data);
    const { plan } = computeContacts(data, run.settings, asOf);
    const language = run.language;
    const unowned = plan.filter((row) => row.owner === null && row.status !== "upcoming").length;
    if (unowned > 0) run.summary.push(msg("digest.summary.noOwner", { count: unowned }));
    const head = [
      msg("digest.col.client"),
      msg("digest.col.tier"),
      msg("digest.col.channel"),
      msg("digest.col.lastContact"),
    ];
    const out: DigestSection[] = [];
    for (const agenda of agendasByOwner(plan, asOf, DIGEST_DAYS)) {
      const dueNow = agenda.dueNow.map((row) => ({
        cells: [
          ...commonCells(row, language),
          row.status === "overdue"
            ? t(language, "digest.days", { days: row.daysOverdue })
            : t(language, "digest.dueToday"),
        ],
        tone: row.status === "overdue" ? ("overdue" as const) : ("due" as const),
      }));
      const nextDays = agenda.nextDays.map((row) => ({
        cells: [...commonCells(row, language), formatIsoDate(row.nextDue)],
        tone: "neutral" as const,
      }));
      out.push(
        section(
          agenda.owner,
          msg("digest.contacts.dueNow", { count: dueNow.length }),
          [...head, msg("digest.col.status")],
          dueNow,
          true,
        ),
        section(
          agenda.owner,
          msg("digest.contacts.nextDays", { days: DIGEST_DAYS, count: nextDays.length }),
          [...head, msg("digest.col.nextDue")],
          nextDays,
          false,
        ),
      );
    }
    return out;
  },
};
