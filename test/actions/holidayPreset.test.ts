/**
 * The public-holiday preset through the workbook: the setting as the sheet is read (blank or
 * missing = none), what Set up writes per language, the contact plan and schedule with China's
 * calendar, the client card's next due date, and Check data naming a year without a preset on
 * the setting's row.
 */
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import { clientCardAt } from "../../src/actions/clientCard";
import { buildContactPlanSheet } from "../../src/actions/contacts";
import { setupWorkbook } from "../../src/actions/setup";
import { calDate } from "../../src/core/dates";
import { render } from "../../src/i18n";
import type { Cell } from "../../src/ports";
import { formatIssue, type DataIssue } from "../../src/workbook/issues";
import { locateSheets, readSettings } from "../../src/workbook/read";
import { defaultSettings, validateSettingText } from "../../src/workbook/settings";
import { d, testEnv } from "../helpers/env";

function workbook(preset: string | null, extraSettings: Cell[][] = []): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", "Asia/Shanghai"],
      ...(preset === null ? [] : [["contact.holidayPreset", preset]]),
      ["contact.planDays", 5],
      ...extraSettings,
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Status", "Tier"],
      ["C1", "Acme", "li@example.com", "active", "A"],
      ["C2", "Bolt", "li@example.com", "active", "C"],
    ],
    // C1 (A, every 7 days) due Thu 1 Oct (国庆); C2 (C, every 30) due Sat 10 Oct (a make-up working day).
    Interactions: [
      ["Date", "Client ID", "Channel", "Responded"],
      [d("2026-09-24"), "C1", "visit", "yes"],
      [d("2026-09-10"), "C2", "email", "yes"],
    ],
    Deals: [["Deal ID", "Client ID", "Stage", "Amount", "Closed on"]],
  };
}

const settingsOf = (rows: Record<string, Cell[][]>) => {
  const env = testEnv(rows);
  const issues: DataIssue[] = [];
  const read = readSettings(
    env.workbook,
    locateSheets(env.workbook.sheetNames()),
    { action: "check", defaultTimeZone: "Asia/Shanghai" },
    issues,
  );
  return { settings: read.settings, issues };
};

describe("the contact.holidayPreset setting", () => {
  it("is none when the row is missing or blank, and reads CN / none in either language", () => {
    expect(defaultSettings()["contact.holidayPreset"]).toBe("none");
    expect(settingsOf(workbook(null)).settings["contact.holidayPreset"]).toBe("none");
    expect(settingsOf(workbook("")).settings["contact.holidayPreset"]).toBe("none");
    expect(settingsOf(workbook("中国")).settings["contact.holidayPreset"]).toBe("CN");
    expect(settingsOf(workbook("cn")).settings["contact.holidayPreset"]).toBe("CN");
    expect(settingsOf(workbook("不使用")).settings["contact.holidayPreset"]).toBe("none");
    expect(validateSettingText("contact.holidayPreset", "US", "en")).toEqual({
      ok: false,
      message: "expected CN (China's public holidays and make-up days) or none",
    });
  });

  it("is written as CN by Set up in a Chinese workbook and as none in an English one", () => {
    const zh = testEnv();
    setupWorkbook(zh);
    expect(zh.workbook.values("设置")?.find((r) => r[0] === "contact.holidayPreset")?.[1]).toBe("CN");
    const en = testEnv();
    setupWorkbook(en, { language: "en" });
    expect(en.workbook.values("Settings")?.find((r) => r[0] === "contact.holidayPreset")?.[1]).toBe("none");
    // An existing Chinese workbook without the row gets it, with the Chinese default.
    const old = testEnv({
      设置: [
        ["键", "值"],
        ["language", "zh-CN"],
      ],
    });
    const result = setupWorkbook(old);
    expect(result.data.addedSettings).toContain("contact.holidayPreset");
    expect(old.workbook.values("设置")?.find((r) => r[0] === "contact.holidayPreset")?.[1]).toBe("CN");
  });
});

describe("the contact plan with China's calendar", () => {
  const asOf = calDate(2026, 9, 30);

  it("moves a contact due in 国庆 to 8 October, keeps one on the make-up Saturday, and plans on working days only", () => {
    const withCn = buildContactPlanSheet(testEnv(workbook("CN")), { asOf }).data;
    expect(withCn.plan.map((r) => [r.clientId, r.nextDue, r.status])).toEqual([
      ["C1", "2026-10-08", "upcoming"],
      ["C2", "2026-10-10", "upcoming"],
    ]);
    expect(withCn.schedule.days).toEqual([
      "2026-09-30",
      "2026-10-08",
      "2026-10-09",
      "2026-10-10",
      "2026-10-12",
    ]);
    expect(withCn.schedule.planned.map((p) => [p.clientId, p.plannedOn])).toEqual([
      ["C1", "2026-10-08"],
      ["C2", "2026-10-10"],
    ]);
    const without = buildContactPlanSheet(testEnv(workbook("none")), { asOf }).data;
    expect(without.plan.map((r) => [r.clientId, r.nextDue])).toEqual([
      ["C1", "2026-10-01"],
      ["C2", "2026-10-12"],
    ]);
    expect(without.schedule.planned.map((p) => [p.clientId, p.plannedOn])).toEqual([["C1", "2026-10-01"]]);
    expect(without.schedule.days).toEqual([
      "2026-09-30",
      "2026-10-01",
      "2026-10-02",
      "2026-10-05",
      "2026-10-06",
    ]);
  });

  it("adds the workbook's own holidays to the preset", () => {
    const env = testEnv(workbook("CN", [["contact.holidays", "2026-10-08 company day"]]));
    const plan = buildContactPlanSheet(env, { asOf }).data.plan;
    expect(plan.find((r) => r.clientId === "C1")?.nextDue).toBe("2026-10-09");
  });

  it("gives the client card the same next due date", () => {
    const env = testEnv(workbook("CN"), { today: asOf });
    const card = clientCardAt(env, { sheet: "Clients", row: 2 });
    expect(card.kind === "card" ? card.card.contact?.nextDue : null).toBe("2026-10-08");
  });
});

describe("Check data and a year without a preset", () => {
  const issuesOf = (env: ReturnType<typeof testEnv>, asOf: number) =>
    checkData(env, { asOf }).issues.filter((i) => i.problem.key === "issue.holidayPresetYear");

  it("names 2027 on the setting's row when the plan's horizon reaches into it", () => {
    // As of Thu 24 Dec 2026, 5 working days: 24, 25, 28, 29, 30 Dec — all 2026: nothing to say.
    expect(issuesOf(testEnv(workbook("CN")), calDate(2026, 12, 24))).toEqual([]);
    // As of Mon 28 Dec: 28, 29, 30, 31 Dec and Fri 1 Jan 2027.
    const env = testEnv(workbook("CN"));
    const found = issuesOf(env, calDate(2026, 12, 28));
    expect(found).toHaveLength(1);
    expect(formatIssue(found[0], "en")).toBe(
      'Settings row 4, column Value "CN": no public-holiday preset for 2027 (contact.holidayPreset = CN covers 2026 only): contacts in 2027 follow Working days and Holidays alone, so public holidays are not skipped and make-up working weekends are not planned. List the 2027 holidays under Holidays, or update to a version that covers 2027',
    );
    const sheet = env.workbook.values("Data issues") ?? [];
    expect(sheet.some((row) => row[1] === "Settings" && row[2] === 4 && row[4] === "CN")).toBe(true);
  });

  it("names the as-of year itself, in Chinese too, and says nothing when the preset is off", () => {
    const { Settings: _english, ...sheets } = workbook(null);
    const zh = testEnv({
      ...sheets,
      设置: [
        ["键", "值"],
        ["contact.holidayPreset", "CN"],
      ],
    });
    const found = issuesOf(zh, calDate(2027, 3, 1));
    expect(found.map((i) => [i.sheet, i.row, i.column, i.value])).toEqual([["设置", 2, "值", "CN"]]);
    expect(render("zh-CN", found[0].problem)).toMatch(
      /^2027 年没有法定节假日预设（contact\.holidayPreset = CN 目前只含 2026 年）/,
    );
    expect(issuesOf(testEnv(workbook("none")), calDate(2027, 3, 1))).toEqual([]);
    expect(issuesOf(testEnv(workbook(null)), calDate(2027, 3, 1))).toEqual([]);
  });
});
