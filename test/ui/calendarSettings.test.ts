/**
 * The calendar fields of the Settings sidebar (dist/settings.html) in headless Chromium at 300 px:
 * the owners as addresses, the start time as a drop-down with "all day", the length in minutes,
 * labelled in the workbook language, saved as the sheet stores them.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateSheets, readSettings } from "../../src/workbook/read";
import { ARTIFACTS, noHorizontalOverflow, open, startBrowser, withSettings } from "./session";
import path from "node:path";

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("the calendar settings in the sidebar", () => {
  it("shows owners, start time and length with Chinese labels and saves all day as a blank cell", async () => {
    const { page, env, errors } = await open(browser, "settings", {
      injectForm: true,
      sheets: withSettings([
        ["calendar.owners", "li.na@example.com, wang.wei@example.com"],
        ["calendar.visitTime", "10:00"],
        ["calendar.visitMinutes", 90],
      ]),
    });
    await page.waitForSelector("footer .btn");
    const owners = page.locator("[name='calendar.owners']");
    expect(await owners.inputValue()).toBe("li.na@example.com, wang.wei@example.com");
    const time = page.locator("[name='calendar.visitTime']");
    expect(await time.inputValue()).toBe("10:00");
    expect(await time.locator("option").first().textContent()).toBe("全天");
    expect(await page.locator("[name='calendar.visitMinutes']").inputValue()).toBe("90");
    const text = (await page.locator("body").textContent()) ?? "";
    for (const label of ["面访同步到日历的负责人", "面访日程开始时间", "面访日程时长", "分钟"])
      expect(text).toContain(label);
    await noHorizontalOverflow(page);
    await owners.scrollIntoViewIfNeeded();
    const box = await owners.boundingBox();
    await page.screenshot({
      path: path.join(ARTIFACTS, "settings-calendar-300px.png"),
      clip: { x: 0, y: Math.max(0, (box?.y ?? 0) - 150), width: 300, height: 560 },
    });

    await time.selectOption("");
    await page.fill("[name='calendar.visitMinutes']", "60");
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    const row = (key: string) => env.workbook.values("设置")?.find((r) => r[0] === key)?.[1];
    expect(row("calendar.visitTime")).toBe("");
    expect(row("calendar.visitMinutes")).toBe(60);
    const settings = readSettings(
      env.workbook,
      locateSheets(env.workbook.sheetNames()),
      { action: "sidebar", defaultTimeZone: "Asia/Shanghai" },
      [],
    ).settings;
    expect(settings["calendar.visitTime"]).toBe("");
    expect(settings["calendar.visitMinutes"]).toBe(60);
    expect(settings["calendar.owners"]).toEqual(["li.na@example.com", "wang.wei@example.com"]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
