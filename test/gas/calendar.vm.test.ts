/**
 * Planned visits in Google Calendar, driven through dist/Code.js in the vm harness with the fake
 * Calendar advanced service, which counts its calls (run `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type GasHandle, type SeedCell } from "./harness";
import { SAMPLE_NOW, sampleSeed } from "./sampleRuns";

type Sheets = Record<string, SeedCell[][]>;
const LI = "li@example.com";
const WANG = "wang@example.com";

/**
 * As of Friday 27 Nov 2026, li (opted in) can spend 4 points a day over three working days
 * (Fri 27, Mon 30, Tue 1): three tier A visits, one a day, and a call; wang (not opted in) has a
 * visit too.
 */
function workbook(settings: SeedCell[][] = [], names: Record<string, string> = {}, owners = LI): Sheets {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["contact.capacityPerDay", "4"],
      ["contact.channelWeights", "visit:3, phone:1"],
      ["contact.planDays", "3"],
      ["calendar.owners", owners],
      ...settings,
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["A1", names.A1 ?? "Alpha", LI, "A"],
      ["A2", "Apex", LI, "A"],
      ["A3", "Atlas", LI, "A"],
      ["B1", "Beta", LI, "B"],
      ["W1", "Wolf", WANG, "A"],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel"],
      [{ date: "2026-11-18" }, "A1", "visit"],
      [{ date: "2026-11-19" }, "A2", "visit"],
      [{ date: "2026-11-20" }, "A3", "visit"],
      [{ date: "2026-11-10" }, "B1", "phone"],
      [{ date: "2026-11-16" }, "W1", "visit"],
    ],
  };
}

function open(sheets: Sheets, extra: { calendarDenied?: string[] } = {}): GasHandle {
  return loadBundle({ seed: { timeZone: "Asia/Shanghai", sheets, now: "2026-11-27T01:00:00Z", ...extra } });
}

/** Calls of the fake Calendar service since the last resetCalls. */
function calendarCalls(gas: GasHandle): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(gas.fake.calls))
    if (key.startsWith("Calendar.Events.")) out[key.slice("Calendar.Events.".length)] = n;
  return out;
}

/** The live events of a calendar: key → start date (or date-time). */
function live(gas: GasHandle, calendarId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of gas.fake.calendarEvents(calendarId)) {
    if (e.status === "cancelled") continue;
    out[e.extendedProperties?.private?.accountDeskKey ?? "?"] = e.start.date ?? e.start.dateTime ?? "?";
  }
  return out;
}

/** Runs Build contact plan and returns the Calendar calls it made. */
let shownBefore = 0;
let alertsBefore = 0;

function buildPlan(gas: GasHandle): Record<string, number> {
  shownBefore = gas.fake.alerts.length + gas.fake.toasts.length;
  alertsBefore = gas.fake.alerts.length;
  gas.fake.resetCalls();
  gas.call("menuContactPlan");
  return calendarCalls(gas);
}

function appendRow(gas: GasHandle, sheet: string, row: readonly unknown[]): void {
  gas.evaluate(
    `SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${JSON.stringify(sheet)}).appendRow(${JSON.stringify(row)})`,
  );
}

/** What the last action showed (its alert or toast): each action shows exactly one. */
function summary(gas: GasHandle): string {
  const shown = [...gas.fake.alerts, ...gas.fake.toasts];
  expect(shown.length).toBe(shown.length > 0 ? shownBefore + 1 : 0);
  return gas.fake.alerts.length > alertsBefore
    ? gas.fake.alerts[gas.fake.alerts.length - 1].message
    : (gas.fake.toasts[gas.fake.toasts.length - 1]?.message ?? "");
}

describe("planned visits in Google Calendar", () => {
  it("creates one event per planned visit of an opted-in owner, once, and nothing on a second run", () => {
    const gas = open(workbook());
    expect(buildPlan(gas)).toEqual({ list: 1, insert: 3 });
    expect(live(gas, LI)).toEqual({
      "A1#2026-11-18": "2026-11-27",
      "A2#2026-11-19": "2026-11-30",
      "A3#2026-11-20": "2026-12-01",
    });
    // Only opted-in owners: wang's calendar is never asked for.
    expect(gas.fake.calendarEvents(WANG)).toEqual([]);
    expect(gas.fake.calendarLog.every((c) => c.calendarId === LI && c.args.sendUpdates === "none")).toBe(
      true,
    );
    const alpha = gas.fake.calendarEvents(LI).find((e) => e.summary === "Visit: Alpha");
    expect(alpha).toMatchObject({
      start: { date: "2026-11-27" },
      end: { date: "2026-11-28" },
      extendedProperties: {
        private: { accountDeskBook: "fake-spreadsheet-id", accountDeskKey: "A1#2026-11-18" },
      },
    });
    expect(alpha?.description?.split("\n").slice(0, 4)).toEqual([
      "Client: Alpha (A1)",
      "Purpose: Regular",
      "Tier: A",
      "Last contact: 2026-11-18",
    ]);
    expect(alpha?.description).toContain(
      "Contact plan: https://docs.google.com/spreadsheets/d/fake-spreadsheet-id",
    );
    expect(summary(gas)).toContain(
      "Calendar li@example.com: 3 visits, 3 created, 0 moved, 0 removed, 0 unchanged",
    );

    expect(buildPlan(gas)).toEqual({ list: 1 });
    expect(summary(gas)).toContain(
      "Calendar li@example.com: 3 visits, 0 created, 0 moved, 0 removed, 3 unchanged",
    );
    expect(gas.fake.calendarEvents(LI)).toHaveLength(3);
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("moves each event once when the plan moves it, then nothing", () => {
    const gas = open(workbook());
    buildPlan(gas);
    const ids = gas.fake.calendarEvents(LI).map((e) => e.id);
    // Monday becomes a holiday: A2 moves to Tuesday, A3 to Wednesday.
    appendRow(gas, "Settings", ["contact.holidays", "2026-11-30"]);
    expect(buildPlan(gas)).toEqual({ list: 1, patch: 2 });
    expect(live(gas, LI)).toEqual({
      "A1#2026-11-18": "2026-11-27",
      "A2#2026-11-19": "2026-12-01",
      "A3#2026-11-20": "2026-12-02",
    });
    expect(gas.fake.calendarEvents(LI).map((e) => e.id)).toEqual(ids);
    expect(buildPlan(gas)).toEqual({ list: 1 });
  });

  it("removes the event when the contact is logged, and keeps an owner's own change of time", () => {
    const gas = open(workbook());
    buildPlan(gas);
    const apex = gas.fake.calendarEvents(LI).find((e) => e.summary === "Visit: Apex");
    gas.fake.editEventByHand(LI, apex?.id as string, {
      start: { date: null, dateTime: "2026-11-30T15:00:00+08:00" },
      end: { date: null, dateTime: "2026-11-30T16:00:00+08:00" },
    });
    // Atlas is visited today: its next visit is due in 7 days, beyond the three planned days.
    appendRow(gas, "Interactions", ["2026-11-27", "A3", "visit"]);
    expect(buildPlan(gas)).toEqual({ list: 1, remove: 1 });
    expect(live(gas, LI)).toEqual({
      "A1#2026-11-18": "2026-11-27",
      "A2#2026-11-19": "2026-11-30T15:00:00+08:00",
    });
    expect(summary(gas)).toContain(
      "Calendar li@example.com: 2 visits, 0 created, 0 moved, 1 removed, 2 unchanged",
    );
    expect(buildPlan(gas)).toEqual({ list: 1 });
  });

  it("moves the events again when logging a contact frees a day", () => {
    const gas = open(workbook());
    buildPlan(gas);
    // Alpha is visited today: Apex takes Friday and Atlas Monday; Alpha's event is removed.
    appendRow(gas, "Interactions", ["2026-11-27", "A1", "visit"]);
    expect(buildPlan(gas)).toEqual({ list: 1, remove: 1, patch: 2 });
    expect(live(gas, LI)).toEqual({ "A2#2026-11-19": "2026-11-27", "A3#2026-11-20": "2026-11-30" });
  });

  it("does not bring back an event the owner deleted by hand", () => {
    const gas = open(workbook());
    buildPlan(gas);
    const atlas = gas.fake.calendarEvents(LI).find((e) => e.summary === "Visit: Atlas");
    gas.fake.deleteEventByHand(LI, atlas?.id as string);
    expect(buildPlan(gas)).toEqual({ list: 1 });
    expect(Object.keys(live(gas, LI))).toEqual(["A1#2026-11-18", "A2#2026-11-19"]);
    expect(summary(gas)).toContain("Calendar li@example.com: 1 events deleted by hand are not created again");
  });

  it("writes timed events in the workbook's zone and escapes the description", () => {
    const gas = open(
      workbook(
        [
          ["calendar.visitTime", "10:00"],
          ["calendar.visitMinutes", "90"],
        ],
        { A1: "<b>Alpha & Co</b>" },
      ),
    );
    buildPlan(gas);
    const alpha = gas.fake
      .calendarEvents(LI)
      .find((e) => e.extendedProperties?.private?.accountDeskKey === "A1#2026-11-18");
    expect(alpha).toMatchObject({
      summary: "Visit: <b>Alpha & Co</b>",
      start: { dateTime: "2026-11-27T10:00:00", timeZone: "Asia/Shanghai" },
      end: { dateTime: "2026-11-27T11:30:00", timeZone: "Asia/Shanghai" },
    });
    expect(alpha?.description).toContain("Client: &lt;b&gt;Alpha &amp; Co&lt;/b&gt; (A1)");
    // Back to all-day: each event is patched into an all-day one.
    gas.evaluate(
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Settings").getRange("B7").setValue("")`,
    );
    expect(buildPlan(gas)).toEqual({ list: 1, patch: 3 });
    expect(gas.fake.calendarEvents(LI).map((e) => [e.start, e.end])[0]).toEqual([
      { date: "2026-11-27" },
      { date: "2026-11-28" },
    ]);
  });

  it("says which calendar it could not write and still syncs the others", () => {
    const gas = open(workbook([], {}, `${LI}, ${WANG}`), { calendarDenied: [LI] });
    expect(buildPlan(gas)).toEqual({ list: 2, insert: 1 });
    expect(live(gas, WANG)).toEqual({ "W1#2026-11-16": "2026-11-27" });
    expect(summary(gas)).toContain(
      "Calendar li@example.com: could not write (API call to calendar.events.list failed with error: Not Found). Ask them to share their calendar with manager@example.com",
    );
  });

  it("removes its events from the calendar of an owner taken off the list, once", () => {
    const gas = open(workbook());
    buildPlan(gas);
    gas.evaluate(
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Settings").getRange("B6").setValue("")`,
    );
    expect(buildPlan(gas)).toEqual({ list: 1, remove: 3 });
    expect(live(gas, LI)).toEqual({});
    expect(summary(gas)).toContain(
      "Calendar li@example.com: no longer in calendar.owners, 3 visit events of this workbook removed",
    );
    expect(buildPlan(gas)).toEqual({});
    expect(summary(gas)).not.toContain("Calendar");
    expect(Object.keys(gas.fake.properties()).filter((k) => k.startsWith("accountDesk.calendar"))).toEqual(
      [],
    );
  });

  it("runs once a day in the hourly dispatcher, from the digest hour", () => {
    const gas = open(workbook());
    gas.fake.setNow("2026-11-27T00:30:00Z"); // 08:30 in Shanghai
    gas.call("menuInstallTriggers");
    gas.fake.resetCalls();
    gas.fireTrigger("triggerDispatch");
    expect(calendarCalls(gas)).toEqual({ list: 1, insert: 3 });
    expect(JSON.parse(gas.fake.properties()["accountDesk.automation.jobs"]).calendar).toEqual({
      period: "2026-11-27",
      outcome: "done",
    });
    gas.fake.setNow("2026-11-27T01:30:00Z");
    gas.fake.resetCalls();
    gas.fireTrigger("triggerDispatch");
    expect(calendarCalls(gas)).toEqual({});
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("reads no calendar and no table in the dispatcher when no owner opted in", () => {
    const sheets = workbook();
    sheets.Settings = sheets.Settings.filter((row) => row[0] !== "calendar.owners");
    const gas = open(sheets);
    gas.fake.setNow("2026-11-27T00:30:00Z");
    gas.call("menuInstallTriggers");
    gas.fireTrigger("triggerDispatch");
    expect(calendarCalls(gas)).toEqual({});
    gas.fake.resetCalls();
    gas.call("menuContactPlan");
    expect(calendarCalls(gas)).toEqual({});
  });
});

describe("planned visits of the sample team", () => {
  it("makes one list call per opted-in owner however many clients, and no other call the second time", () => {
    const runs = (clients: number) => {
      const gas = loadBundle({
        seed: { timeZone: "Asia/Shanghai", sheets: sampleSeed(clients).sheets, now: SAMPLE_NOW },
      });
      gas.call("menuTiers"); // as the demo does before the plan
      const first = buildPlan(gas);
      const events = ["li.na@example.com", "wang.wei@example.com"].map(
        (owner) => gas.fake.calendarEvents(owner).filter((e) => e.status === "confirmed").length,
      );
      return { first, events, second: buildPlan(gas) };
    };
    const small = runs(150);
    // The demo sample: 10 visits planned for li.na and 6 for wang.wei over the 5 planned days.
    expect(small).toEqual({ first: { list: 2, insert: 16 }, events: [10, 6], second: { list: 2 } });
    const large = runs(2000);
    expect(large.first.list).toBe(2);
    expect(large.second).toEqual({ list: 2 });
    expect(large.first.insert).toBe(large.events[0] + large.events[1]);
  });
});
