/** How the Settings sidebar shows settings and turns what it shows back into Settings values (src/actions/settingsFields.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayOf, sameStored, storedOf, type FieldContext } from "../../src/actions/settingsFields";
import { calDate } from "../../src/core/dates";
import { findSetting, readHoliday, readHolidayList, type SettingDef } from "../../src/workbook/settings";

const def = (key: string) => findSetting(key) as SettingDef;
const zh: FieldContext = { language: "zh-CN", currency: "CNY", dateOrder: "YMD" };
const dmy: FieldContext = { ...zh, dateOrder: "DMY" };

describe("Settings values as the sidebar shows them", () => {
  it("shows amounts as money, rates in percent, weekdays as codes from Monday and months in order", () => {
    expect(displayOf(def("tier.highThreshold"), "1000000", zh).value).toBe("¥1,000,000");
    expect(displayOf(def("tier.highThreshold"), "120万", zh).value).toBe("¥1,200,000");
    expect(displayOf(def("tier.highThreshold"), "1000000", { ...zh, currency: "USD" }).value).toBe(
      "$1,000,000",
    );
    expect(displayOf(def("tier.downgradeMargin"), "0.1", zh).value).toBe("10");
    expect(displayOf(def("tier.downgradeMargin"), "12.5%", zh).value).toBe("12.5");
    expect(displayOf(def("tier.risingGrowth"), "-0.05", zh).value).toBe("-5");
    expect(displayOf(def("contact.workingDays"), "周日,周一,Tue", zh).value).toBe("Mon,Tue,Sun");
    expect(displayOf(def("tier.reviewMonths"), "10,1,7,4", zh).value).toBe("1,4,7,10");
    expect(displayOf(def("contact.A.channel"), "面访", zh).value).toBe("visit");
  });

  it("shows an invalid value as it is, for the form to mark", () => {
    expect(displayOf(def("tier.highThreshold"), "a lot", zh).value).toBe("a lot");
    expect(displayOf(def("tier.downgradeMargin"), "2", zh).value).toBe("2");
  });

  it("shows holidays as rows, dates in the workbook's order, names kept", () => {
    expect(displayOf(def("contact.holidays"), "2026-10-01 国庆节, 2026-10-02", dmy)).toEqual({
      value: "01/10/2026 国庆节, 02/10/2026",
      holidays: [
        { date: "01/10/2026", name: "国庆节" },
        { date: "02/10/2026", name: "" },
      ],
    });
    expect(displayOf(def("contact.holidays"), "", zh)).toEqual({ value: "", holidays: [] });
  });
});

describe("What the sidebar sends, as Settings stores it", () => {
  it("stores money as a plain number, a rate typed in percent as a fraction, holiday dates as ISO", () => {
    expect(storedOf(def("tier.highThreshold"), "¥1,500,000", zh)).toBe("1500000");
    expect(storedOf(def("tier.highThreshold"), "150万", zh)).toBe("1500000");
    expect(storedOf(def("tier.highThreshold"), "$2,000.50", { ...zh, currency: "USD" })).toBe("2000.5");
    expect(storedOf(def("tier.downgradeMargin"), "12", zh)).toBe("0.12");
    expect(storedOf(def("tier.downgradeMargin"), "7%", zh)).toBe("0.07");
    expect(storedOf(def("contact.holidays"), "01/10/2026 National Day, 02/10/2026", dmy)).toBe(
      "2026-10-01 National Day, 2026-10-02",
    );
    expect(storedOf(def("tier.highThreshold"), "", zh)).toBe("");
  });

  it("leaves text that does not convert for the schema to name", () => {
    expect(storedOf(def("tier.highThreshold"), "a lot", zh)).toBe("a lot");
    expect(storedOf(def("contact.holidays"), "someday", zh)).toBe("someday");
  });

  it("knows two spellings of the same value are no change", () => {
    expect(sameStored(def("tier.highThreshold"), "1000000", "100万", "YMD")).toBe(true);
    expect(sameStored(def("contact.workingDays"), "Mon,Tue", "周一,周二", "YMD")).toBe(true);
    expect(sameStored(def("contact.holidays"), "2026-10-01", "2026-10-01 国庆节", "YMD")).toBe(false);
    expect(sameStored(def("tier.highThreshold"), "", "1000000", "YMD")).toBe(false);
  });

  it("round-trips any amount in cents and any rate: shown, sent back, read as the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (cents) => {
        const stored = String(cents / 100);
        const shown = displayOf(def("tier.highThreshold"), stored, zh).value;
        const back = def("tier.highThreshold").read(storedOf(def("tier.highThreshold"), shown, zh), {
          dateOrder: "YMD",
        });
        expect(back).toEqual({ ok: true, value: cents });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (basisPoints) => {
        const fraction = basisPoints / 10_000;
        const shown = displayOf(def("tier.downgradeMargin"), String(fraction), zh).value;
        const back = def("tier.downgradeMargin").read(storedOf(def("tier.downgradeMargin"), shown, zh), {
          dateOrder: "YMD",
        });
        expect(back.ok && back.value).toBeCloseTo(fraction, 12);
      }),
    );
  });
});

describe("Holiday lists with names", () => {
  it("reads a date followed by a name, the longest date first", () => {
    expect(readHoliday("2026-10-01 国庆节", "YMD")).toEqual({
      ok: true,
      value: { date: calDate(2026, 10, 1), name: "国庆节" },
    });
    expect(readHoliday("2026 年 10 月 1 日 国庆", "YMD")).toEqual({
      ok: true,
      value: { date: calDate(2026, 10, 1), name: "国庆" },
    });
    expect(readHoliday("01/10/2026 National Day", "DMY")).toEqual({
      ok: true,
      value: { date: calDate(2026, 10, 1), name: "National Day" },
    });
    expect(readHoliday("National Day", "YMD").ok).toBe(false);
  });

  it("reads a list as the actions' holiday dates, names or not", () => {
    const list = readHolidayList("2026-10-01 国庆节, 2026-10-02；2026-10-03 国庆节", "YMD");
    expect(list.ok && list.value.map((h) => h.date)).toEqual([
      calDate(2026, 10, 1),
      calDate(2026, 10, 2),
      calDate(2026, 10, 3),
    ]);
    expect(def("contact.holidays").read("2026-10-01 国庆节, 2026-10-02", { dateOrder: "YMD" })).toEqual({
      ok: true,
      value: [calDate(2026, 10, 1), calDate(2026, 10, 2)],
    });
    expect(def("contact.holidays").read("2026-10-01, someday", { dateOrder: "YMD" }).ok).toBe(false);
  });
});
