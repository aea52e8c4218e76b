import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIsoDate, type CalDate } from "../../src/core/dates";
import { escapeIcsText, foldLine, icsCalendar, zoneOffset, type IcsEvent } from "../../src/core/ics";

const day = (iso: string): CalDate => parseIsoDate(iso) as CalDate;
const STAMP = new Date(Date.UTC(2026, 10, 27, 1, 2, 3));

/** Unfolds and splits a file the way a reader does, independently of the writer. */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .slice(0, -1);
}

/** Reverses TEXT escaping. */
function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

const octets = (line: string): number => new TextEncoder().encode(line).length;

describe("iCalendar text", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeIcsText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds at 75 octets without splitting a Chinese character or an emoji", () => {
    const line = `SUMMARY:${"面访杭州云启科技有限公司".repeat(4)}🙂🙂`;
    const folded = foldLine(line).split("\r\n");
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(octets(part)).toBeLessThanOrEqual(75);
    // Continuations start with one space and joined again give the line back.
    expect(folded.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    // 8 ASCII octets then 3-octet characters: 22 fit the first line (8 + 66 = 74, one more is 77).
    expect(folded[0]).toBe(`SUMMARY:${"面访杭州云启科技有限公司面访杭州云启科技有限"}`);
  });

  it("leaves a line of exactly 75 octets as it is", () => {
    const line = "X".repeat(75);
    expect(foldLine(line)).toBe(line);
    expect(foldLine(`${line}Y`)).toBe(`${line}\r\n Y`);
  });

  it("writes a calendar of an all-day and a timed visit with CRLF endings", () => {
    const events: IcsEvent[] = [
      {
        uid: "C001#2026-11-18@account-desk",
        summary: "面访：杭州云启, 二期",
        description: "目的：例行\n最近联系：2026-11-18",
        time: { kind: "allDay", date: day("2026-11-30") },
        url: "https://docs.google.com/spreadsheets/d/x",
      },
      {
        uid: "C002#new@account-desk",
        summary: "Visit; Apex",
        description: "a\\b",
        time: {
          kind: "timed",
          date: day("2026-12-01"),
          startMinute: 600,
          minutes: 90,
          timeZone: "Asia/Shanghai",
        },
      },
    ];
    const text = icsCalendar(events, { stamp: STAMP, prodId: "-//Account Desk//Visits//EN", name: "li" });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = unfold(text);
    expect(lines).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Account Desk//Visits//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:li",
      "BEGIN:VTIMEZONE",
      "TZID:Asia/Shanghai",
      "BEGIN:STANDARD",
      "DTSTART:20261130T080000",
      "TZOFFSETFROM:+0800",
      "TZOFFSETTO:+0800",
      "END:STANDARD",
      "END:VTIMEZONE",
      "BEGIN:VEVENT",
      "UID:C001#2026-11-18@account-desk",
      "DTSTAMP:20261127T010203Z",
      "DTSTART;VALUE=DATE:20261130",
      "DTEND;VALUE=DATE:20261201",
      "SUMMARY:面访：杭州云启\\, 二期",
      "DESCRIPTION:目的：例行\\n最近联系：2026-11-18",
      "URL:https://docs.google.com/spreadsheets/d/x",
      "TRANSP:OPAQUE",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:C002#new@account-desk",
      "DTSTAMP:20261127T010203Z",
      "DTSTART;TZID=Asia/Shanghai:20261201T100000",
      "DTEND;TZID=Asia/Shanghai:20261201T113000",
      "SUMMARY:Visit\\; Apex",
      "DESCRIPTION:a\\\\b",
      "TRANSP:OPAQUE",
      "END:VEVENT",
      "END:VCALENDAR",
    ]);
  });

  it("describes a daylight-saving change inside the events' days in the VTIMEZONE", () => {
    // Europe/Berlin leaves summer time on 2026-10-25 at 03:00 local (01:00 UTC).
    expect(zoneOffset("Europe/Berlin", Date.UTC(2026, 9, 24, 12))).toBe(120);
    expect(zoneOffset("Europe/Berlin", Date.UTC(2026, 9, 26, 12))).toBe(60);
    const text = icsCalendar(
      [
        {
          uid: "x",
          summary: "s",
          description: "",
          time: {
            kind: "timed",
            date: day("2026-10-26"),
            startMinute: 540,
            minutes: 60,
            timeZone: "Europe/Berlin",
          },
        },
      ],
      { stamp: STAMP, prodId: "p" },
    );
    const zone = unfold(text).slice(5, 17);
    expect(zone).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Europe/Berlin",
      "BEGIN:STANDARD",
      "DTSTART:20261025T020000",
      "TZOFFSETFROM:+0200",
      "TZOFFSETTO:+0200",
      "END:STANDARD",
      "BEGIN:STANDARD",
      "DTSTART:20261025T030000",
      "TZOFFSETFROM:+0200",
      "TZOFFSETTO:+0100",
      "END:STANDARD",
    ]);
  });

  it("gives back any text through escaping, folding, unfolding and unescaping, every line ≤ 75 octets", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.string({ unit: "binary", maxLength: 120 }),
        (summary, description) => {
          const text = icsCalendar(
            [{ uid: "u", summary, description, time: { kind: "allDay", date: day("2026-11-30") } }],
            { stamp: STAMP, prodId: "p" },
          );
          for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
          const lines = unfold(text);
          const value = (name: string) =>
            unescape((lines.find((l) => l.startsWith(`${name}:`)) as string).slice(name.length + 1));
          expect(value("SUMMARY")).toBe(summary.replace(/\r\n|\r/g, "\n"));
          expect(value("DESCRIPTION")).toBe(description.replace(/\r\n|\r/g, "\n"));
        },
      ),
    );
  });
});
