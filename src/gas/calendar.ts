/**
 * The calendar port on the Calendar advanced service (Calendar API v3, scope
 * `calendar.events`): each owner's primary calendar is named by their address. Every event
 * written carries three private extended properties — the workbook's id, the plan key and the
 * stamp — and list asks only for events with this workbook's id (one call per 2,500 events),
 * so events of other workbooks and the owner's own events are never seen nor touched. No
 * invitation or update e-mail is sent (`sendUpdates: none`).
 */
import type { FoundEvent } from "../core/calendarSync";
import { clockText, eventEnd, type EventTime } from "../core/calendarSync";
import { formatIsoDate } from "../core/dates";
import { CalendarEventGone, type CalendarEventData, type CalendarPort } from "../ports";

export const BOOK_PROPERTY = "accountDeskBook";
export const KEY_PROPERTY = "accountDeskKey";
export const STAMP_PROPERTY = "accountDeskStamp";

type EventDateTime = GoogleAppsScript.Calendar.Schema.EventDateTime;

/** Start and end; the fields of the other kind are cleared, so a patch can turn a timed event into an all-day one. */
function times(time: EventTime): { start: EventDateTime; end: EventDateTime } {
  const end = eventEnd(time);
  if (time.kind === "allDay")
    return {
      start: { date: formatIsoDate(time.date), dateTime: null, timeZone: null } as unknown as EventDateTime,
      end: { date: formatIsoDate(end.date), dateTime: null, timeZone: null } as unknown as EventDateTime,
    };
  const at = (date: number, minute: number) =>
    ({
      date: null,
      dateTime: `${formatIsoDate(date)}T${clockText(minute)}:00`,
      timeZone: time.timeZone,
    }) as unknown as EventDateTime;
  return { start: at(time.date, time.startMinute), end: at(end.date, end.minute) };
}

/** A "not found" or "deleted" answer of the API: the event is gone. */
function isGone(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /not found|404|410|deleted/i.test(text);
}

/** The port, or null when the advanced service is not enabled in the project. */
export function gasCalendar(bookId: () => string): CalendarPort | null {
  if (typeof Calendar === "undefined" || !Calendar || !Calendar.Events) return null;
  const events = Calendar.Events;
  let known: string | null = null;
  /** The spreadsheet's id, asked once and only when a calendar is used. */
  const book = (): string => (known ??= bookId());
  const resource = (event: CalendarEventData): GoogleAppsScript.Calendar.Schema.Event => ({
    summary: event.summary,
    description: event.description,
    ...times(event.time),
    transparency: "opaque",
    extendedProperties: {
      private: { [BOOK_PROPERTY]: book(), [KEY_PROPERTY]: event.key, [STAMP_PROPERTY]: event.stamp },
    },
  });
  return {
    list(calendarId: string): FoundEvent[] {
      const out: FoundEvent[] = [];
      let pageToken: string | undefined;
      do {
        const page = events.list(calendarId, {
          privateExtendedProperty: `${BOOK_PROPERTY}=${book()}`,
          maxResults: 2500,
          fields: "items(id,status,extendedProperties),nextPageToken",
          ...(pageToken ? { pageToken } : {}),
        });
        for (const item of page.items ?? []) {
          const own = item.extendedProperties?.private ?? {};
          const key = own[KEY_PROPERTY];
          if (item.status === "cancelled" || !item.id || !key) continue;
          out.push({ id: item.id, key, stamp: own[STAMP_PROPERTY] ?? "" });
        }
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return out;
    },
    insert(calendarId: string, event: CalendarEventData): string {
      const created = events.insert(resource(event), calendarId, { sendUpdates: "none" });
      return String(created.id);
    },
    patch(calendarId: string, id: string, event: CalendarEventData): void {
      try {
        events.patch(resource(event), calendarId, id, { sendUpdates: "none" });
      } catch (error) {
        if (isGone(error)) throw new CalendarEventGone(id);
        throw error;
      }
    },
    remove(calendarId: string, id: string): void {
      try {
        events.remove(calendarId, id, { sendUpdates: "none" });
      } catch (error) {
        if (isGone(error)) throw new CalendarEventGone(id);
        throw error;
      }
    },
  };
}
