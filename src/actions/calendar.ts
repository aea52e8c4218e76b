/**
 * Planned visits in the owners' calendars (面对面沟通日程): the face-to-face contacts the schedule
 * plans for the owners listed in `calendar.owners` become events in each owner's calendar —
 * created, moved when the plan moves, removed when the contact is logged or leaves the plan.
 * One list call per owner, then only the calls the diff of core/calendarSync.ts asks for, so a
 * second run makes no call. The keys of the events the sync created are kept per owner in the
 * document properties, so an event the owner deleted by hand is not created again.
 *
 * The same events, as text, make the `.ics` files of the command line (eventsOf, icsFiles).
 */
import { diffCalendar, plannedVisits, type EventTime, type PlannedVisit } from "../core/calendarSync";
import { formatIsoDate, type CalDate } from "../core/dates";
import { fingerprint } from "../core/fingerprint";
import { icsCalendar, type IcsEvent } from "../core/ics";
import { msg, render, t, type Language, type MessageRef } from "../i18n";
import {
  CalendarEventGone,
  type CalendarEventData,
  type CalendarPort,
  type Env,
  type PropertiesPort,
} from "../ports";
import { escapeHtml } from "../workbook/html";
import type { Settings } from "../workbook/settings";
import { noteMessages, noteText, purposeText } from "./contactSchedule";
import type { ContactComputation } from "./contacts";

/** Document property per owner: JSON of plan key → event id of the events the sync created. */
export const KNOWN_EVENTS_PROPERTY = "accountDesk.calendar.events.";

/** What one owner's sync did. */
export interface OwnerSync {
  readonly owner: string;
  readonly visits: number;
  readonly created: number;
  readonly moved: number;
  readonly removed: number;
  readonly unchanged: number;
  /** Planned visits whose event the owner deleted by hand (left deleted). */
  readonly dismissed: number;
  /** Why the owner's calendar could not be written; null when it was. */
  readonly failed: string | null;
}

export interface CalendarSyncResult {
  readonly owners: readonly OwnerSync[];
  /** Owners not reached before the deadline. */
  readonly deferred: readonly string[];
  readonly summary: readonly MessageRef[];
}

/** An event as written: its text in the workbook language and its time. */
export interface VisitEvent {
  readonly visit: PlannedVisit;
  readonly summary: string;
  /** Lines of the description, plain text. */
  readonly lines: readonly string[];
  readonly time: EventTime;
}

/** The opted-in owners, lower case, in the order of the setting. */
export function calendarOwners(settings: Settings): string[] {
  return [...new Set(settings["calendar.owners"].map((o) => o.toLowerCase()))];
}

function visitTime(date: CalDate, settings: Settings): EventTime {
  const text = settings["calendar.visitTime"];
  if (text === "") return { kind: "allDay", date };
  const [hour, minute] = text.split(":").map(Number);
  return {
    kind: "timed",
    date,
    startMinute: hour * 60 + minute,
    minutes: settings["calendar.visitMinutes"],
    timeZone: settings.timeZone,
  };
}

/** The events of the planned visits of the opted-in owners, in the plan's order. */
export function eventsOf(result: ContactComputation, settings: Settings, link: string | null): VisitEvent[] {
  const owners = new Set(calendarOwners(settings));
  const language = settings.language;
  const visits = plannedVisits(result.plan, result.scheduled.schedule.contacts, owners);
  return visits.map((visit) => {
    const { row, contact } = visit;
    const note = noteText(noteMessages(contact, row, settings), language);
    const lines = [
      t(language, "calendar.event.client", { name: row.name, id: row.clientId }),
      t(language, "calendar.event.purpose", { purpose: purposeText(contact.purposes, language) }),
      t(language, "calendar.event.tier", { tier: row.tier ?? "—" }),
      row.lastContact === null
        ? t(language, "calendar.event.noContact")
        : t(language, "calendar.event.lastContact", { date: formatIsoDate(row.lastContact) }),
      ...(note === "" ? [] : [t(language, "calendar.event.note", { note })]),
      ...(link === null ? [] : [t(language, "calendar.event.link", { link })]),
      t(language, "calendar.event.footer"),
    ];
    return {
      visit,
      summary: t(language, "calendar.event.summary", { client: oneLine(row.name) }),
      lines,
      time: visitTime(visit.date, settings),
    };
  });
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").trim();
}

/** The event as the calendar port writes it: description escaped for HTML, stamp over all of it. */
export function eventData(event: VisitEvent): CalendarEventData {
  const description = event.lines.map(escapeHtml).join("\n");
  const stamp = fingerprint(JSON.stringify([event.summary, description, event.time]));
  return { key: event.visit.key, stamp, summary: event.summary, description, time: event.time };
}

function readKnown(properties: PropertiesPort, owner: string): Map<string, string> {
  const text = properties.get(KNOWN_EVENTS_PROPERTY + owner);
  if (text === null) return new Map();
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return new Map();
    return new Map(
      Object.entries(parsed as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    );
  } catch {
    return new Map();
  }
}

function writeKnown(properties: PropertiesPort, owner: string, known: ReadonlyMap<string, string>): void {
  const key = KNOWN_EVENTS_PROPERTY + owner;
  if (known.size === 0) properties.remove(key);
  else properties.set(key, JSON.stringify(Object.fromEntries(known)));
}

/** One owner: one list, then the diff's calls; the record of created events is saved even after a failure. */
function syncOwner(
  calendar: CalendarPort,
  properties: PropertiesPort,
  owner: string,
  wanted: readonly CalendarEventData[],
): OwnerSync {
  const counts = {
    owner,
    visits: wanted.length,
    created: 0,
    moved: 0,
    removed: 0,
    unchanged: 0,
    dismissed: 0,
  };
  const before = readKnown(properties, owner);
  let known = new Map(before);
  try {
    const diff = diffCalendar(wanted, calendar.list(owner), before);
    known = new Map(diff.known);
    for (const event of diff.remove) {
      try {
        calendar.remove(owner, event.id);
      } catch (error) {
        if (!(error instanceof CalendarEventGone)) throw error;
      }
      counts.removed++;
    }
    for (const { id, event } of diff.move) {
      try {
        calendar.patch(owner, id, event);
        counts.moved++;
      } catch (error) {
        if (!(error instanceof CalendarEventGone)) throw error;
        counts.dismissed++;
      }
    }
    for (const event of diff.create) {
      known.set(event.key, calendar.insert(owner, event));
      counts.created++;
    }
    counts.dismissed += diff.dismissed.length;
    counts.unchanged = wanted.length - counts.created - counts.moved - counts.dismissed;
    return { ...counts, failed: null };
  } catch (error) {
    return { ...counts, unchanged: 0, failed: error instanceof Error ? error.message : String(error) };
  } finally {
    writeKnown(properties, owner, known);
  }
}

export interface SyncOptions {
  /** No owner is started after this instant (ms since the epoch); default: none. */
  readonly deadline?: number;
}

/** Document property: JSON list of the owners whose calendars the sync wrote to (so leaving the list cleans up). */
export const SYNCED_OWNERS_PROPERTY = "accountDesk.calendar.owners";

function readSynced(properties: PropertiesPort): string[] {
  try {
    const parsed: unknown = JSON.parse(properties.get(SYNCED_OWNERS_PROPERTY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === "string") : [];
  } catch {
    return [];
  }
}

/** Owners to sync: those opted in, then those who left the list since the last sync (their events go). */
export function calendarWork(
  settings: Settings,
  properties: PropertiesPort,
): { owners: string[]; leaving: string[] } {
  const owners = calendarOwners(settings);
  const leaving = readSynced(properties).filter((o) => !owners.includes(o));
  return { owners, leaving };
}

/**
 * Brings the calendars of the opted-in owners in line with the plan, and removes this workbook's
 * events from the calendars of owners taken off the list. An owner without planned visits still
 * gets the list call (their old events are removed). Call it holding the lock.
 */
export function syncVisitCalendars(
  env: Env,
  settings: Settings,
  result: ContactComputation,
  link: string | null,
  options: SyncOptions = {},
): CalendarSyncResult {
  const { owners, leaving } = calendarWork(settings, env.properties);
  if (owners.length === 0 && leaving.length === 0) return { owners: [], deferred: [], summary: [] };
  const calendar = env.calendar ?? null;
  if (calendar === null) return { owners: [], deferred: [], summary: [msg("calendar.summary.unavailable")] };
  const byOwner = new Map<string, CalendarEventData[]>(owners.map((o) => [o, []]));
  for (const event of eventsOf(result, settings, link))
    byOwner.get(event.visit.owner)?.push(eventData(event));
  const done: OwnerSync[] = [];
  const deferred: string[] = [];
  for (const owner of [...owners, ...leaving]) {
    if (options.deadline !== undefined && env.clock.now().getTime() >= options.deadline) deferred.push(owner);
    else done.push(syncOwner(calendar, env.properties, owner, byOwner.get(owner) ?? []));
  }
  const synced = [...owners, ...leaving.filter((o) => deferred.includes(o))];
  if (synced.length === 0) env.properties.remove(SYNCED_OWNERS_PROPERTY);
  else env.properties.set(SYNCED_OWNERS_PROPERTY, JSON.stringify(synced));
  return { owners: done, deferred, summary: syncSummary(done, deferred, new Set(leaving), env.user) };
}

function syncSummary(
  done: readonly OwnerSync[],
  deferred: readonly string[],
  leaving: ReadonlySet<string>,
  user: string,
): MessageRef[] {
  const lines: MessageRef[] = [];
  for (const o of done) {
    if (o.failed !== null) {
      lines.push(msg("calendar.summary.failed", { owner: o.owner, reason: o.failed, user }));
      continue;
    }
    if (leaving.has(o.owner)) {
      lines.push(msg("calendar.summary.optedOut", { owner: o.owner, removed: o.removed }));
      continue;
    }
    const { owner, visits, created, moved, removed, unchanged } = o;
    lines.push(msg("calendar.summary.owner", { owner, visits, created, moved, removed, unchanged }));
    if (o.dismissed > 0) lines.push(msg("calendar.summary.dismissed", { owner, count: o.dismissed }));
  }
  if (deferred.length > 0) lines.push(msg("calendar.summary.deferred", { count: deferred.length }));
  return lines;
}

/** The `.ics` files of the opted-in owners: file name → content (an owner without visits gets an empty calendar). */
export function icsFiles(
  result: ContactComputation,
  settings: Settings,
  stamp: Date,
  language: Language = settings.language,
): Map<string, string> {
  const byOwner = new Map<string, VisitEvent[]>();
  for (const e of eventsOf(result, settings, null)) {
    const list = byOwner.get(e.visit.owner);
    if (list) list.push(e);
    else byOwner.set(e.visit.owner, [e]);
  }
  const files = new Map<string, string>();
  for (const owner of calendarOwners(settings)) {
    const own: IcsEvent[] = (byOwner.get(owner) ?? []).map((e) => ({
      uid: `${encodeUid(e.visit.key)}@account-desk.invalid`,
      summary: e.summary,
      description: e.lines.join("\n"),
      time: e.time,
    }));
    const name = render(language, msg("calendar.icsName", { owner }));
    files.set(
      `${fileNameOf(owner)}.ics`,
      icsCalendar(own, { stamp, prodId: "-//Account Desk//Visits//EN", name }),
    );
  }
  return files;
}

/** A plan key as the local part of a UID: letters, digits and `._-#` kept, the rest percent-encoded. */
function encodeUid(key: string): string {
  return key.replace(/[^A-Za-z0-9._#-]/gu, (c) =>
    Array.from(utf8(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""),
  );
}

function utf8(char: string): number[] {
  const cp = char.codePointAt(0) as number;
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

/** An owner's address as a file name: `li.na@example.com` → `li.na_at_example.com`. */
export function fileNameOf(owner: string): string {
  return owner.replace("@", "_at_").replace(/[^A-Za-z0-9._-]/g, "_");
}
