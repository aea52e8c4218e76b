/**
 * iCalendar files (RFC 5545) of planned visits, for calendars outside Google: one VCALENDAR of
 * VEVENTs. Lines end in CRLF and are folded at 75 octets without ever splitting a UTF-8
 * character; TEXT values escape `\`, `;`, `,` and newlines. An all-day event is
 * `DTSTART;VALUE=DATE`; a timed one carries its TZID and the file a VTIMEZONE that describes
 * that zone's offsets over the events' dates (read from Intl, so any IANA zone works). Plain
 * text in, text out; the generation time (DTSTAMP) is passed in, never read.
 */
import { eventEnd, type EventTime } from "./calendarSync";
import { addDays, dateParts, type CalDate } from "./dates";

export interface IcsEvent {
  /** Unique and stable across exports: calendars update an event imported again with its UID. */
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  readonly time: EventTime;
  readonly url?: string | null;
}

export interface IcsOptions {
  /** DTSTAMP: when the file was made. */
  readonly stamp: Date;
  readonly prodId: string;
  /** The calendar's display name (X-WR-CALNAME). */
  readonly name?: string;
}

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * One content line folded into lines of at most 75 octets (RFC 5545 §3.1): a continuation starts
 * with a space, which counts; a character is never split, whatever its UTF-8 length.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) as number);
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function dateValue(date: CalDate): string {
  const { year, month, day } = dateParts(date);
  return `${pad(year, 4)}${pad(month)}${pad(day)}`;
}

function localValue(date: CalDate, minute: number): string {
  return `${dateValue(date)}T${pad(Math.floor(minute / 60))}${pad(minute % 60)}00`;
}

function utcValue(instant: Date): string {
  const d = instant;
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const end = eventEnd(event.time);
  const time =
    event.time.kind === "allDay"
      ? [`DTSTART;VALUE=DATE:${dateValue(event.time.date)}`, `DTEND;VALUE=DATE:${dateValue(end.date)}`]
      : [
          `DTSTART;TZID=${event.time.timeZone}:${localValue(event.time.date, event.time.startMinute)}`,
          `DTEND;TZID=${event.time.timeZone}:${localValue(end.date, end.minute)}`,
        ];
  return [
    "BEGIN:VEVENT",
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    ...time,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    ...(event.url ? [`URL:${event.url.replace(/[\r\n]/g, "")}`] : []),
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

/** A whole .ics file: CRLF line ends, every line folded. */
export function icsCalendar(events: readonly IcsEvent[], options: IcsOptions): string {
  const stamp = utcValue(options.stamp);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${options.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(options.name ? [`X-WR-CALNAME:${escapeIcsText(options.name)}`] : []),
    ...timeZoneLines(events),
    ...events.flatMap((event) => eventLines(event, stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

// ---- VTIMEZONE from Intl -------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** The zone's offset from UTC in minutes at an instant. */
export function zoneOffset(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((wall - Math.floor(utcMs / MS_PER_MINUTE) * MS_PER_MINUTE) / MS_PER_MINUTE);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The instant of the first minute in (from, to] whose offset differs from the offset at `from`. */
function transitionAfter(timeZone: string, from: number, to: number): number {
  const before = zoneOffset(timeZone, from);
  let lo = from;
  let hi = to;
  while (hi - lo > MS_PER_MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
    if (zoneOffset(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** One VTIMEZONE per zone of the timed events, covering the days from a day before the first to a day after the last. */
function timeZoneLines(events: readonly IcsEvent[]): string[] {
  const spans = new Map<string, { first: CalDate; last: CalDate }>();
  for (const event of events) {
    if (event.time.kind !== "timed") continue;
    const last = eventEnd(event.time).date;
    const span = spans.get(event.time.timeZone);
    if (span === undefined) spans.set(event.time.timeZone, { first: event.time.date, last });
    else
      spans.set(event.time.timeZone, {
        first: Math.min(span.first, event.time.date),
        last: Math.max(span.last, last),
      });
  }
  const out: string[] = [];
  for (const [zone, span] of [...spans].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.push(
      "BEGIN:VTIMEZONE",
      `TZID:${zone}`,
      ...observances(zone, addDays(span.first, -1), addDays(span.last, 1)),
      "END:VTIMEZONE",
    );
  }
  return out;
}

function observances(zone: string, first: CalDate, last: CalDate): string[] {
  let at = first * MS_PER_DAY;
  let offset = zoneOffset(zone, at);
  const out = observance("STANDARD", at + offset * MS_PER_MINUTE, offset, offset);
  for (let day = first + 1; day <= last + 1; day++) {
    const next = day * MS_PER_DAY;
    const nextOffset = zoneOffset(zone, next);
    if (nextOffset !== offset) {
      const change = transitionAfter(zone, at, next);
      const kind = nextOffset > offset ? "DAYLIGHT" : "STANDARD";
      out.push(...observance(kind, change + offset * MS_PER_MINUTE, offset, nextOffset));
      offset = nextOffset;
    }
    at = next;
  }
  return out;
}

/** An observance whose onset is given as wall-clock ms (UTC fields read as local time, as RFC 5545 wants it). */
function observance(kind: "STANDARD" | "DAYLIGHT", wallMs: number, from: number, to: number): string[] {
  const day = Math.floor(wallMs / MS_PER_DAY);
  const minute = Math.floor((wallMs - day * MS_PER_DAY) / MS_PER_MINUTE);
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localValue(day, minute)}`,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `END:${kind}`,
  ];
}
