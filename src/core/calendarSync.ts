/**
 * Planned face-to-face visits as calendar events (面对面沟通日程): which planned contacts become
 * events, the key that names each one, and the diff between the events the plan wants and the
 * events an owner's calendar holds — create, move (patch), remove — so that a sync applied twice
 * makes no call the second time and no two events ever share a key.
 *
 * A plan key names one planned contact: the client and the last contact it follows. Moving the
 * planned day (capacity, settings) keeps the key, so the event is moved; logging a contact
 * changes the last contact, so the old event is removed and the next visit gets a new one.
 *
 * An event deleted by hand is not created again for the same key: the sync remembers the keys it
 * created (`known`), and a known key with no event left is the owner's decision. Plain data, no
 * clock; linear in events.
 */
import type { ScheduledContact } from "./contactSchedule";
import type { PlanRow } from "./contacts";
import { addDays, formatIsoDate, type CalDate } from "./dates";

/** The key of the contact a plan row stands for: `C001#2026-11-18` (`#new` without a last contact). */
export function planKey(row: Pick<PlanRow, "clientId" | "lastContact">): string {
  return `${row.clientId}#${row.lastContact === null ? "new" : formatIsoDate(row.lastContact)}`;
}

/** A planned visit of an opted-in owner: the plan row, its schedule entry and its key. */
export interface PlannedVisit {
  readonly key: string;
  readonly owner: string;
  readonly date: CalDate;
  readonly row: PlanRow;
  readonly contact: ScheduledContact;
}

/**
 * The face-to-face contacts (channel visit) planned on a day for the given owners, in the plan's
 * order. `owners` are lower-case addresses; `contacts[i]` is the schedule entry of `plan[i]`.
 */
export function plannedVisits(
  plan: readonly PlanRow[],
  contacts: readonly ScheduledContact[],
  owners: ReadonlySet<string>,
): PlannedVisit[] {
  const out: PlannedVisit[] = [];
  plan.forEach((row, i) => {
    const contact = contacts[i];
    if (row.channel !== "visit" || contact === undefined || contact.plannedOn === null) return;
    const owner = row.owner?.toLowerCase() ?? null;
    if (owner === null || !owners.has(owner)) return;
    out.push({ key: planKey(row), owner, date: contact.plannedOn, row, contact });
  });
  return out;
}

/** When an event takes place: a whole day, or a slot in a time zone (wall-clock minutes). */
export type EventTime =
  | { readonly kind: "allDay"; readonly date: CalDate }
  | {
      readonly kind: "timed";
      readonly date: CalDate;
      /** Minutes after midnight, wall clock. */
      readonly startMinute: number;
      readonly minutes: number;
      readonly timeZone: string;
    };

/** The end of an event: the next day for an all-day event (exclusive), else date and minute. */
export function eventEnd(time: EventTime): { readonly date: CalDate; readonly minute: number } {
  if (time.kind === "allDay") return { date: addDays(time.date, 1), minute: 0 };
  const total = time.startMinute + time.minutes;
  return { date: addDays(time.date, Math.floor(total / 1440)), minute: total % 1440 };
}

/** `10:05` from minutes after midnight. */
export function clockText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** An event the plan wants: its key and the fingerprint of everything written into it. */
export interface WantedEvent {
  readonly key: string;
  readonly stamp: string;
}

/** An event found in the calendar with one of our keys (the stamp it was last written with). */
export interface FoundEvent {
  readonly id: string;
  readonly key: string;
  readonly stamp: string;
}

export interface CalendarDiff<W extends WantedEvent> {
  readonly create: readonly W[];
  /** Events to patch: the plan moved them or their content changed. */
  readonly move: readonly { readonly id: string; readonly event: W }[];
  /** Events no longer planned, and duplicates of a key. */
  readonly remove: readonly FoundEvent[];
  /** Keys still planned whose event the owner deleted: left alone. */
  readonly dismissed: readonly string[];
  /** Key → event id after the changes, without the events still to be created. */
  readonly known: ReadonlyMap<string, string>;
}

/**
 * What to do so that the calendar holds exactly one event per wanted key (except dismissed
 * ones), each written with its wanted stamp. `known`: key → id of the events this sync created
 * before (absent from `found` = deleted by hand). Wanted keys are unique (the first one counts).
 */
export function diffCalendar<W extends WantedEvent>(
  wanted: readonly W[],
  found: readonly FoundEvent[],
  known: ReadonlyMap<string, string>,
): CalendarDiff<W> {
  const byKey = new Map<string, FoundEvent[]>();
  for (const event of found) {
    const list = byKey.get(event.key);
    if (list) list.push(event);
    else byKey.set(event.key, [event]);
  }
  const create: W[] = [];
  const move: { id: string; event: W }[] = [];
  const remove: FoundEvent[] = [];
  const dismissed: string[] = [];
  const next = new Map<string, string>();
  const seen = new Set<string>();
  for (const event of wanted) {
    if (seen.has(event.key)) continue;
    seen.add(event.key);
    const events = byKey.get(event.key);
    if (events === undefined) {
      const id = known.get(event.key);
      if (id === undefined) create.push(event);
      else {
        dismissed.push(event.key);
        next.set(event.key, id);
      }
      continue;
    }
    const keep = keptEvent(events, known.get(event.key));
    for (const other of events) if (other !== keep) remove.push(other);
    if (keep.stamp !== event.stamp) move.push({ id: keep.id, event });
    next.set(event.key, keep.id);
  }
  for (const [key, events] of byKey) if (!seen.has(key)) remove.push(...events);
  return { create, move, remove, dismissed, known: next };
}

/** Of several events with one key: the one the sync created, else the smallest id. */
function keptEvent(events: readonly FoundEvent[], knownId: string | undefined): FoundEvent {
  const mine = events.find((e) => e.id === knownId);
  if (mine) return mine;
  return events.reduce((a, b) => (b.id < a.id ? b : a));
}
