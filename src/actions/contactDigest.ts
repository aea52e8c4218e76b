/**
 * The contact plan's part of the daily digest. Without a capacity (`contact.capacityPerDay`
 * blank): per owner, the overdue and due-today contacts (client, tier, channel, last contact,
 * days overdue; actionable), with collection and renewal contacts due by today among them, and
 * those due in the next seven days (riding along). With a capacity: per owner, only the
 * contacts the schedule planned for today (actionable), those planned in the next seven days
 * and those that did not fit (riding along). Lists are cut at a length a phone can show; the
 * rest is counted.
 */
import { agendasByOwner, type PlanRow } from "../core/contacts";
import type { ScheduledContact } from "../core/contactSchedule";
import { formatIsoDate } from "../core/dates";
import { msg, t, type Language, type MessageRef } from "../i18n";
import { CHANNELS } from "../workbook/codes";
import { CONTACT_FIELDS, computeContacts, runContactChecks, type ContactComputation } from "./contacts";
import { noteMessages, noteText, purposeText } from "./contactSchedule";
import type { Settings } from "../workbook/settings";
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

/** A digest section listing its first DIGEST_MAX_ROWS rows and counting the rest. */
export function section(
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
    const computed = computeContacts(data, run.settings, asOf);
    if (run.settings["contact.capacityPerDay"] !== null)
      return scheduledSections(computed, run.settings, asOf);
    const { plan } = computed;
    const extra = extraDueNow(computed, asOf);
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
    for (const agenda of agendasByOwner(plan, asOf, DIGEST_DAYS, extra)) {
      const dueNow = agenda.dueNow.map((row) => ({
        cells: [
          ...commonCells(row, language),
          row.status === "overdue"
            ? t(language, "digest.days", { days: row.daysOverdue })
            : row.status === "due"
              ? t(language, "digest.dueToday")
              : purposeText(extra.get(row.clientId) ?? [], language),
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

/** Upcoming rows that a collection or renewal makes due by today, with those purposes. */
function extraDueNow(computed: ContactComputation, asOf: number): Map<string, ScheduledContact["purposes"]> {
  const extra = new Map<string, ScheduledContact["purposes"]>();
  computed.plan.forEach((row, i) => {
    const contact = computed.scheduled.schedule.contacts[i];
    if (row.status === "upcoming" && contact.due <= asOf)
      extra.set(
        row.clientId,
        contact.purposes.filter((p) => p !== "regular"),
      );
  });
  return extra;
}

/** With a capacity: today's planned contacts, the next days' and those that did not fit, per owner. */
function scheduledSections(computed: ContactComputation, settings: Settings, asOf: number): DigestSection[] {
  const language = settings.language;
  const byOwner = new Map<string, { today: DigestRow[]; next: DigestRow[]; unplanned: DigestRow[] }>();
  computed.plan.forEach((row, i) => {
    const contact = computed.scheduled.schedule.contacts[i];
    if (row.owner === null) return;
    const planned = contact.plannedOn;
    const list = (): { today: DigestRow[]; next: DigestRow[]; unplanned: DigestRow[] } => {
      let entry = byOwner.get(row.owner as string);
      if (entry === undefined) {
        entry = { today: [], next: [], unplanned: [] };
        byOwner.set(row.owner as string, entry);
      }
      return entry;
    };
    const purpose = purposeText(contact.purposes, language);
    if (planned === asOf) {
      list().today.push({
        cells: [...commonCells(row, language), purpose],
        tone: contact.due < asOf ? "overdue" : "due",
      });
    } else if (planned !== null && planned <= asOf + DIGEST_DAYS) {
      list().next.push({
        cells: [...commonCells(row, language), purpose, formatIsoDate(planned)],
        tone: "neutral",
      });
    } else if (contact.unplanned !== null) {
      const note = noteText(noteMessages(contact, row, settings), language);
      list().unplanned.push({ cells: [...commonCells(row, language), purpose, note], tone: "neutral" });
    }
  });
  const head = [
    msg("digest.col.client"),
    msg("digest.col.tier"),
    msg("digest.col.channel"),
    msg("digest.col.lastContact"),
    msg("digest.col.purpose"),
  ];
  const out: DigestSection[] = [];
  for (const owner of [...byOwner.keys()].sort()) {
    const entry = byOwner.get(owner) as { today: DigestRow[]; next: DigestRow[]; unplanned: DigestRow[] };
    // Earliest planned day first (the plan's order within a day); the planned date is the last cell.
    const planned = (row: DigestRow) => row.cells[row.cells.length - 1] ?? "";
    entry.next.sort((a, b) => (planned(a) < planned(b) ? -1 : planned(a) > planned(b) ? 1 : 0));
    out.push(
      section(owner, msg("digest.plan.today", { count: entry.today.length }), head, entry.today, true),
      section(
        owner,
        msg("digest.plan.next", { days: DIGEST_DAYS, count: entry.next.length }),
        [...head, msg("digest.col.planned")],
        entry.next,
        false,
      ),
      section(
        owner,
        msg("digest.plan.unplanned", { count: entry.unplanned.length }),
        [...head, msg("digest.col.note")],
        entry.unplanned,
        false,
      ),
    );
  }
  return out;
}
