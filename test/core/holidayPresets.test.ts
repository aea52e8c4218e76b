import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleContacts, type ScheduleRules } from "../../src/core/contactSchedule";
import {
  buildContactPlan,
  calendarOf,
  isWorkingDay,
  nextWorkingDay,
  type ContactRules,
  type PlanClient,
  type PlanInteraction,
} from "../../src/core/contacts";
import { addDays, dateParts, formatIsoDate, parseIsoDate, weekday, type CalDate } from "../../src/core/dates";
import {
  CN_YEARS,
  isWeekend,
  presetDays,
  withPreset,
  yearsWithoutPreset,
  type HolidayPreset,
} from "../../src/core/holidayPresets";

const day = (iso: string): CalDate => parseIsoDate(iso) as CalDate;
const iso = (date: CalDate | null): string | null => (date === null ? null : formatIsoDate(date));

function rules(preset: HolidayPreset, own: string[] = []): ContactRules {
  return {
    cadence: {
      A: { channel: "visit", intervalDays: 7 },
      B: { channel: "phone", intervalDays: 15 },
      C: { channel: "email", intervalDays: 30 },
    },
    workingDays: [1, 2, 3, 4, 5],
    ...withPreset(own.map(day), preset),
    responseWindowDays: 90,
  };
}

const SCHEDULE: ScheduleRules = {
  capacityPerDay: 2,
  weights: { visit: 1, phone: 1, video: 1, email: 1, online: 1 },
  minGapDays: 0,
  horizonDays: 5,
};

const client = (clientId: string, tier: "A" | "B" | "C" = "A"): PlanClient => ({
  clientId,
  name: clientId,
  active: true,
  tier,
  owner: "li@example.com",
  preferredChannel: null,
});
const contact = (clientId: string, date: string): PlanInteraction => ({
  clientId,
  date: day(date),
  channel: "visit",
  responded: "yes",
});

describe("China's 2026 calendar, as the State Council notice gives it", () => {
  it("names the notice and lists its 33 days off and 6 make-up working days", () => {
    const year = CN_YEARS.find((y) => y.year === 2026);
    expect(year?.notice).toEqual({
      title: "国务院办公厅关于2026年部分节假日安排的通知",
      number: "国办发明电〔2025〕7号",
      issued: "2025-11-04",
      url: "https://www.gov.cn/zhengce/content/202511/content_7047090.htm",
    });
    expect(year?.holidays.map((h) => h.name)).toEqual([
      "元旦",
      "春节",
      "清明节",
      "劳动节",
      "端午节",
      "中秋节",
      "国庆节",
    ]);
    const days = presetDays("CN");
    expect(days.years).toEqual([2026]);
    expect(days.holidays).toHaveLength(33);
    expect(days.makeUpDays.map((d) => iso(d.date))).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
    expect(days.holidays.filter((d) => d.holiday === "nationalDay").map((d) => iso(d.date))).toEqual([
      "2026-10-01",
      "2026-10-02",
      "2026-10-03",
      "2026-10-04",
      "2026-10-05",
      "2026-10-06",
      "2026-10-07",
    ]);
  });

  it("keeps every year's data consistent: days inside the year, none twice, make-up days on weekends", () => {
    for (const year of CN_YEARS) {
      const all: CalDate[] = [];
      for (const item of year.holidays) {
        expect(item.from <= item.to).toBe(true);
        for (const text of [item.from, item.to, ...item.makeUpDays]) {
          expect(parseIsoDate(text)).not.toBeNull();
          expect(dateParts(day(text)).year).toBe(year.year);
        }
        for (const text of item.makeUpDays) expect(isWeekend(day(text))).toBe(true);
      }
      const days = presetDays("CN");
      for (const d of [...days.holidays, ...days.makeUpDays]) all.push(d.date);
      expect(new Set(all).size).toBe(all.length);
    }
    // The weekdays the notice prints beside its dates: 1月1日（周四）, 10月10日（周六）, 9月20日（周日）.
    expect(weekday(day("2026-01-01"))).toBe(4);
    expect(weekday(day("2026-10-10"))).toBe(6);
    expect(weekday(day("2026-09-20"))).toBe(0);
  });

  it("has no days at all with the preset none", () => {
    expect(presetDays("none")).toEqual({ holidays: [], makeUpDays: [], years: [] });
    expect(withPreset([day("2026-10-01")], "none")).toEqual({
      holidays: [day("2026-10-01")],
      makeUpDays: [],
    });
  });
});

describe("working days with the preset (hand-computed)", () => {
  const cn = calendarOf(rules("CN"));
  const plain = calendarOf(rules("none"));

  it("makes a holiday weekday a day off and a make-up Saturday a working day", () => {
    expect(isWorkingDay(day("2026-10-05"), cn)).toBe(false); // Monday of 国庆
    expect(isWorkingDay(day("2026-10-05"), plain)).toBe(true);
    expect(isWorkingDay(day("2026-10-10"), cn)).toBe(true); // Saturday worked for 国庆
    expect(isWorkingDay(day("2026-10-10"), plain)).toBe(false);
    expect(isWorkingDay(day("2026-10-11"), cn)).toBe(false); // an ordinary Sunday
  });

  it("lets the workbook's own holiday win over a make-up day and add to the preset", () => {
    const own = calendarOf(rules("CN", ["2026-10-10", "2026-10-12"]));
    expect(isWorkingDay(day("2026-10-10"), own)).toBe(false);
    expect(iso(nextWorkingDay(day("2026-10-08"), own))).toBe("2026-10-08");
    expect(iso(nextWorkingDay(day("2026-10-10"), own))).toBe("2026-10-13");
  });

  it("moves a contact due in 国庆 to Thursday 8 October, and one due on Saturday 10 October stays there", () => {
    // A: every 7 days. Last contacts 24 Sep → due 1 Oct; 3 Oct → due 10 Oct (a make-up Saturday).
    const interactions = [contact("K1", "2026-09-24"), contact("K2", "2026-10-03")];
    const asOf = day("2026-10-03");
    const withCn = buildContactPlan([client("K1"), client("K2")], interactions, rules("CN"), asOf);
    const without = buildContactPlan([client("K1"), client("K2")], interactions, rules("none"), asOf);
    const due = (plan: typeof withCn) => Object.fromEntries(plan.map((r) => [r.clientId, iso(r.nextDue)]));
    expect(due(withCn)).toEqual({ K1: "2026-10-08", K2: "2026-10-10" });
    expect(due(without)).toEqual({ K1: "2026-10-01", K2: "2026-10-12" });
  });

  it("plans across 国庆 on the working days only, the make-up Saturday included", () => {
    // As of Wednesday 30 Sep, 5 working days: 30 Sep, then 8, 9, 10 (Saturday worked) and 12 Oct.
    const asOf = day("2026-09-30");
    const clients = ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8", "K9", "KA"].map((id) => client(id));
    const plan = buildContactPlan(clients, [], rules("CN"), asOf); // all due today
    const schedule = scheduleContacts(plan, [], SCHEDULE, calendarOf(rules("CN")), asOf);
    expect(schedule.days.map(iso)).toEqual([
      "2026-09-30",
      "2026-10-08",
      "2026-10-09",
      "2026-10-10",
      "2026-10-12",
    ]);
    const perDay = new Map<string, number>();
    for (const c of schedule.contacts) {
      const key = iso(c.plannedOn) as string;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(perDay)).toEqual({
      "2026-09-30": 2,
      "2026-10-08": 2,
      "2026-10-09": 2,
      "2026-10-10": 2,
      "2026-10-12": 2,
    });
    // Without the preset the same horizon runs through the holiday week.
    const plain = scheduleContacts(plan, [], SCHEDULE, calendarOf(rules("none")), asOf);
    expect(plain.days.map(iso)).toEqual([
      "2026-09-30",
      "2026-10-01",
      "2026-10-02",
      "2026-10-05",
      "2026-10-06",
    ]);
  });

  it("plans on the make-up Sunday before 中秋 and skips 中秋 itself", () => {
    // As of Friday 18 Sep: 18, Sunday 20 (worked), 21, 22, 23, 24 Sep; 25–27 Sep is 中秋.
    const days = scheduleContacts([], [], { ...SCHEDULE, horizonDays: 7 }, cn, day("2026-09-18")).days;
    expect(days.map(iso)).toEqual([
      "2026-09-18",
      "2026-09-20",
      "2026-09-21",
      "2026-09-22",
      "2026-09-23",
      "2026-09-24",
      "2026-09-28",
    ]);
  });
});

describe("years without a preset", () => {
  it("names each year of the range the preset does not cover, only when the preset is on", () => {
    expect(yearsWithoutPreset("CN", day("2026-12-21"), day("2027-01-04"))).toEqual([2027]);
    expect(yearsWithoutPreset("CN", day("2026-03-02"), day("2026-03-13"))).toEqual([]);
    expect(yearsWithoutPreset("CN", day("2025-12-29"), day("2026-01-09"))).toEqual([2025]);
    expect(yearsWithoutPreset("none", day("2027-03-01"), day("2027-03-12"))).toEqual([]);
  });
});

describe("no contact is ever planned on a day off of the calendar (property)", () => {
  const offDays = new Set(presetDays("CN").holidays.map((d) => d.date));
  const makeUp = new Set(presetDays("CN").makeUpDays.map((d) => d.date));
  const start = day("2025-12-01");
  const working = (date: CalDate, own: ReadonlySet<CalDate>) =>
    !offDays.has(date) && !own.has(date) && (makeUp.has(date) || !isWeekend(date));

  it("holds for next due dates and planned days, whatever the contacts, as-of date and own holidays", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.array(
          fc.record({
            tier: fc.constantFrom<"A" | "B" | "C">("A", "B", "C"),
            lastOffset: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
          }),
          { maxLength: 25 },
        ),
        fc.uniqueArray(fc.integer({ min: 0, max: 420 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 15 }),
        (asOffset, clients, ownOffsets, horizon) => {
          const asOf = addDays(start, asOffset);
          const own = ownOffsets.map((o) => formatIsoDate(addDays(start, o)));
          const contactRules = rules("CN", own);
          const ownSet = new Set(own.map(day));
          const planClients = clients.map((c, i) => client(`K${i}`, c.tier));
          const interactions = clients.flatMap((c, i) =>
            c.lastOffset === null ? [] : [contact(`K${i}`, formatIsoDate(addDays(asOf, -c.lastOffset)))],
          );
          const plan = buildContactPlan(planClients, interactions, contactRules, asOf);
          const schedule = scheduleContacts(
            plan,
            [],
            { ...SCHEDULE, horizonDays: horizon },
            calendarOf(contactRules),
            asOf,
          );
          for (const row of plan) expect(working(row.nextDue, ownSet)).toBe(true);
          for (const d of schedule.days) expect(working(d, ownSet)).toBe(true);
          for (const c of schedule.contacts)
            if (c.plannedOn !== null) expect(working(c.plannedOn, ownSet)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
