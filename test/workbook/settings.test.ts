import { describe, expect, it } from "vitest";
import { calDate } from "../../src/core/dates";
import type { DataIssue } from "../../src/workbook/issues";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { locateSheets, readSettings } from "../../src/workbook/read";
import { defaultSettings, SETTING_DEFS, validateSettingText } from "../../src/workbook/settings";

function read(rows: (string | number | null)[][]) {
  const wb = new MemoryWorkbook({ Settings: [["Key", "Value", "Description"], ...rows] });
  const issues: DataIssue[] = [];
  const { settings } = readSettings(
    wb,
    locateSheets(wb.sheetNames()),
    { action: "check", defaultTimeZone: "Asia/Shanghai" },
    issues,
  );
  return { settings, issues: issues.map((i) => `${i.row}:${i.value}:${i.problem.key}`) };
}

describe("Settings", () => {
  it("has a parsable default for every key", () => {
    const settings = defaultSettings();
    expect(settings["tier.highThreshold"]).toBe(100_000_000);
    expect(settings["tier.reviewMonths"]).toEqual([1, 4, 7, 10]);
    expect(settings["contact.workingDays"]).toEqual([1, 2, 3, 4, 5]);
    expect(settings["contact.B.intervalDays"]).toBe(15);
    expect(settings.language).toBe("zh-CN");
    // Every setting, and the mapping of the team's own sheets (none by default).
    expect(Object.keys(settings)).toHaveLength(SETTING_DEFS.length + 1);
    expect(settings.mapping.size).toBe(0);
  });

  it("reads values in the data cell formats", () => {
    const { settings, issues } = read([
      ["tier.highThreshold", "100万", null],
      ["tier.downgradeMargin", "10%", null],
      ["language", "en", null],
      ["contact.workingDays", "周一,周二，周三", null],
      ["contact.holidays", "2026-10-01, 2026/10/2", null],
      ["report.recipients", "Boss@Example.com; team@example.com", null],
    ]);
    expect(issues).toEqual([]);
    expect(settings["tier.highThreshold"]).toBe(100_000_000);
    expect(settings["tier.downgradeMargin"]).toBe(0.1);
    expect(settings.language).toBe("en");
    expect(settings["contact.workingDays"]).toEqual([1, 2, 3]);
    expect(settings["contact.holidays"]).toEqual([calDate(2026, 10, 1), calDate(2026, 10, 2)]);
    expect(settings["report.recipients"]).toEqual(["boss@example.com", "team@example.com"]);
  });

  it("reports unknown keys and invalid values, and keeps the default", () => {
    const { settings, issues } = read([
      ["tier.colour", "blue", null],
      ["digest.hour", 25, null],
      ["timeZone", "Mars/Olympus", null],
      ["contact.holidays", "2026-10-01, someday", null],
    ]);
    expect(issues).toEqual([
      "2:tier.colour:issue.unknownSetting",
      "3:25:issue.expectedInteger",
      "4:Mars/Olympus:issue.expectedTimeZone",
      "5:2026-10-01, someday:issue.expectedDateList",
    ]);
    expect(settings["digest.hour"]).toBe(8);
    expect(settings.timeZone).toBe("Asia/Shanghai");
    expect(settings["contact.holidays"]).toEqual([]);
  });

  it("reads holidays with the workbook's dateOrder wherever the rows stand", () => {
    const { settings } = read([
      ["contact.holidays", "01/10/2026", null],
      ["dateOrder", "DMY", null],
    ]);
    expect(settings["contact.holidays"]).toEqual([calDate(2026, 10, 1)]);
  });

  it("validates sidebar input with the same rules, in the workbook language", () => {
    expect(validateSettingText("tier.highThreshold", "150万", "zh-CN")).toEqual({ ok: true });
    expect(validateSettingText("tier.highThreshold", "lots", "en")).toEqual({
      ok: false,
      message: "expected an amount such as 1200000, ¥1,200,000, 120万 or 1.2亿",
    });
    expect(validateSettingText("report.recipients", "a@b.co, nope", "en")).toEqual({
      ok: false,
      message: "a recipient is not an e-mail address: nope",
    });
  });
});
