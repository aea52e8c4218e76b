import { describe, expect, it } from "vitest";
import { icsFiles, KNOWN_EVENTS_PROPERTY } from "../../src/actions/calendar";
import { buildContactPlanSheet, computeContacts } from "../../src/actions/contacts";
import { optionsOf } from "../../src/actions/settingsFields";
import type { FoundEvent } from "../../src/core/calendarSync";
import { calDate } from "../../src/core/dates";
import { CalendarEventGone, type CalendarEventData, type CalendarPort, type Cell } from "../../src/ports";
import { readData } from "../../src/workbook/read";
import { defaultSettings, findSetting, validateSettingText } from "../../src/workbook/settings";
import { CONTACT_FIELDS, CONTACT_TABLES } from "../../src/actions/contacts";
import { startRun } from "../../src/actions/run";
import { d, testEnv } from "../helpers/env";

const ASOF = calDate(2026, 11, 27); // a Friday

function workbook(settings: Cell[][] = []): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "zh-CN"],
      ["contact.capacityPerDay", "6"],
      ["contact.planDays", "3"],
      ["calendar.owners", "Li@Example.com"],
      ...settings,
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["A1", "杭州云启科技有限公司", "li@example.com", "A"],
      ["A2", "上海, 远航; 集团", "li@example.com", "A"],
      ["B1", "北方重工", "li@example.com", "B"],
      ["W1", "Wolf", "wang@example.com", "A"],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel"],
      [d("2026-11-18"), "A1", "visit"],
      [d("2026-11-23"), "A2", "visit"],
      [d("2026-11-10"), "B1", "phone"],
      [d("2026-11-16"), "W1", "visit"],
    ],
  };
}

/** A calendar port in memory that counts calls; `gone` ids answer patch and remove as deleted. */
function memoryCalendar() {
  const events = new Map<string, Map<string, CalendarEventData & { id: string }>>();
  const calls: string[] = [];
  const gone = new Set<string>();
  let next = 1;
  const of = (calendarId: string) => {
    let found = events.get(calendarId);
    if (!found) events.set(calendarId, (found = new Map()));
    return found;
  };
  const port: CalendarPort = {
    list(calendarId): FoundEvent[] {
      calls.push(`list ${calendarId}`);
      return [...of(calendarId).values()].map((e) => ({ id: e.id, key: e.key, stamp: e.stamp }));
    },
    insert(calendarId, event) {
      calls.push(`insert ${event.key}`);
      const id = `e${next++}`;
      of(calendarId).set(id, { ...event, id });
      return id;
    },
    patch(calendarId, id, event) {
      calls.push(`patch ${event.key}`);
      if (gone.has(id)) throw new CalendarEventGone(id);
      of(calendarId).set(id, { ...event, id });
    },
    remove(calendarId, id) {
      calls.push(`remove ${id}`);
      if (gone.has(id)) throw new CalendarEventGone(id);
      of(calendarId).delete(id);
    },
  };
  return { port, events: of, calls, gone };
}

describe("visit events from the contact plan", () => {
  it("puts the opted-in owner's planned visits into their calendar in the workbook language", () => {
    const calendar = memoryCalendar();
    const env = { ...testEnv(workbook(), { today: ASOF }), calendar: calendar.port };
    const result = buildContactPlanSheet(env);
    expect(calendar.calls).toEqual(["list li@example.com", "insert A1#2026-11-18", "insert A2#2026-11-23"]);
    const [a1, a2] = [...calendar.events("li@example.com").values()];
    expect(a1.summary).toBe("面访：杭州云启科技有限公司");
    expect(a1.time).toEqual({ kind: "allDay", date: ASOF });
    expect(a1.description.split("\n")).toEqual([
      "客户：杭州云启科技有限公司（A1）",
      "目的：例行",
      "客户等级：A",
      "最近联系：2026-11-18",
      "由商务助手按沟通计划创建；排期变化时自动移动，记录这次沟通后自动删除。",
    ]);
    expect(a2.time).toEqual({ kind: "allDay", date: calDate(2026, 11, 30) });
    expect(JSON.parse(env.props.get(`${KNOWN_EVENTS_PROPERTY}li@example.com`) as string)).toEqual({
      "A1#2026-11-18": "e1",
      "A2#2026-11-23": "e2",
    });
    expect(result.summary.map((m) => m.key)).toContain("calendar.summary.owner");
  });

  it("counts an event deleted between the list and the patch as deleted by hand, and goes on", () => {
    const calendar = memoryCalendar();
    const env = { ...testEnv(workbook(), { today: ASOF }), calendar: calendar.port };
    buildContactPlanSheet(env);
    calendar.gone.add("e1");
    calendar.calls.length = 0;
    // A start time changes every event's content: both are patched, e1 is found gone.
    env.workbook.writeBlock("Settings", 7, 1, [["calendar.visitTime", "9:30"]]);
    const result = buildContactPlanSheet(env);
    expect(calendar.calls).toEqual(["list li@example.com", "patch A1#2026-11-18", "patch A2#2026-11-23"]);
    const line = result.summary.find((m) => m.key === "calendar.summary.dismissed");
    expect(line?.params).toEqual({ owner: "li@example.com", count: 1 });
  });

  it("does nothing with calendars where there is none (the command line)", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = buildContactPlanSheet(env);
    expect(result.summary.some((m) => m.key.startsWith("calendar."))).toBe(false);
  });

  it("writes one .ics file per opted-in owner with UIDs from the plan keys", () => {
    const env = testEnv(workbook([["calendar.visitTime", "14:00"]]), { today: ASOF });
    const run = startRun(env, "contacts");
    const data = readData(
      env.workbook,
      run.sheets,
      CONTACT_FIELDS,
      CONTACT_TABLES,
      { action: "contacts", dateOrder: "YMD" },
      [],
    );
    const files = icsFiles(
      computeContacts(data, run.settings, ASOF),
      run.settings,
      new Date(Date.UTC(2026, 10, 27, 1)),
    );
    expect([...files.keys()]).toEqual(["li_at_example.com.ics"]);
    const text = files.get("li_at_example.com.ics") as string;
    const lines = text.replace(/\r\n /g, "").split("\r\n");
    expect(lines.filter((l) => /^(UID|DTSTART;|DTEND;|SUMMARY|X-WR-CALNAME)/.test(l))).toEqual([
      "X-WR-CALNAME:li@example.com 的面访计划",
      "UID:A1#2026-11-18@account-desk.invalid",
      "DTSTART;TZID=Asia/Shanghai:20261127T140000",
      "DTEND;TZID=Asia/Shanghai:20261127T153000",
      "SUMMARY:面访：杭州云启科技有限公司",
      "UID:A2#2026-11-23@account-desk.invalid",
      "DTSTART;TZID=Asia/Shanghai:20261130T140000",
      "DTEND;TZID=Asia/Shanghai:20261130T153000",
      "SUMMARY:面访：上海\\, 远航\\; 集团",
    ]);
  });
});

describe("the calendar settings", () => {
  it("reads a start time as HH:MM, blank as all day, a time cell's fraction of a day", () => {
    const read = (cell: Cell) => findSetting("calendar.visitTime")?.read(cell, { dateOrder: "YMD" });
    expect(read("9:30")).toEqual({ ok: true, value: "09:30" });
    expect(read("14：05")).toEqual({ ok: true, value: "14:05" });
    expect(read("")).toEqual({ ok: true, value: "" });
    expect(read(0.4375)).toEqual({ ok: true, value: "10:30" });
    // A time typed into a Sheets cell arrives as a date without its time: named, not guessed.
    expect(read({ date: -25569 })).toMatchObject({ ok: false, problem: { key: "issue.expectedTimeOfDay" } });
    expect(validateSettingText("calendar.visitTime", "25:00", "en")).toEqual({
      ok: false,
      message:
        "expected a 24-hour time such as 10:00, or blank (all day); Sheets turns a time typed into a cell into a date, so type '10:00 or choose it in the Settings sidebar",
    });
    expect(validateSettingText("calendar.visitMinutes", "5", "en").ok).toBe(false);
    expect(defaultSettings()["calendar.visitMinutes"]).toBe(90);
    expect(defaultSettings()["calendar.owners"]).toEqual([]);
  });

  it("offers all day and half hours from 07:00 to 20:00 in the sidebar", () => {
    const options = optionsOf("calendar.visitTime", "zh-CN") ?? [];
    expect(options[0]).toEqual({ value: "", label: "全天" });
    expect(options.slice(1, 3).map((o) => o.value)).toEqual(["07:00", "07:30"]);
    expect(options[options.length - 1].value).toBe("20:00");
  });
});
