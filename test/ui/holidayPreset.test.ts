/**
 * The public-holiday preset in the Settings sidebar (dist/settings.html) at 300 px: the drop-down
 * beside the working days, the preset's days shown read-only with the notice they come from,
 * right above the workbook's own holiday list, hidden while the preset is off, and the choice
 * saved as the code the actions read.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateSheets, readSettings } from "../../src/workbook/read";
import { noHorizontalOverflow, open, shot, startBrowser, withSettings } from "./session";

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const FIELD = "[data-key='contact.holidayPreset']";

describe("Settings sidebar, the public-holiday preset", () => {
  it("shows China's 2026 days off and make-up days read-only, with the notice, above the own holiday list", async () => {
    const { page, errors } = await open(browser, "settings", {
      injectForm: true,
      sheets: withSettings([
        ["contact.holidayPreset", "CN"],
        ["contact.holidays", "2026-12-31 公司年会"],
      ]),
    });
    await page.waitForSelector("footer .btn");
    const field = page.locator(FIELD);
    expect(await field.locator(".field-label").textContent()).toBe("法定节假日与调休");
    expect(await page.locator("[name='contact.holidayPreset'] option:checked").textContent()).toBe(
      "中国（国务院放假安排）",
    );
    expect(await field.locator(".preset").isVisible()).toBe(true);
    expect(await field.locator(".preset-notice").textContent()).toBe(
      "国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04 发布）",
    );
    expect(await field.locator(".preset-name").allTextContents()).toEqual([
      "元旦",
      "春节",
      "清明节",
      "劳动节",
      "端午节",
      "中秋节",
      "国庆节",
    ]);
    expect(await field.locator(".preset-range").nth(6).textContent()).toBe("2026-10-01 – 10-07");
    expect(await field.locator(".preset-makeup").allTextContents()).toEqual([
      "调休上班：2026-01-04",
      "调休上班：2026-02-14、2026-02-28",
      "调休上班：2026-05-09",
      "调休上班：2026-09-20、2026-10-10",
    ]);
    // Read-only: nothing in the preset's list can be typed into.
    expect(await field.locator(".preset input, .preset select, .preset textarea").count()).toBe(0);
    // The workbook's own holidays come right after, still editable.
    const order = (await page
      .locator("[data-group='contact'] .field")
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLElement).dataset.key))) as string[];
    expect(order.indexOf("contact.holidays")).toBe(order.indexOf("contact.holidayPreset") + 1);
    expect(await page.locator("[data-key='contact.holidays'] .holiday-row .holiday-name").inputValue()).toBe(
      "公司年会",
    );
    expect(errors).toEqual([]);
    await noHorizontalOverflow(page);
    await field.scrollIntoViewIfNeeded();
    await shot(page, "settings-holiday-preset");
    await page.close();
  });

  it("hides the list when the preset is switched off and saves none; a workbook without the row shows it off", async () => {
    const { page, env } = await open(browser, "settings", {
      injectForm: true,
      sheets: withSettings([["contact.holidayPreset", "CN"]]),
    });
    await page.waitForSelector("footer .btn");
    await page.selectOption("[name='contact.holidayPreset']", "none");
    expect(await page.locator(`${FIELD} .preset`).isHidden()).toBe(true);
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    const row = env.workbook.values("设置")?.find((r) => r[0] === "contact.holidayPreset");
    expect(row?.[1]).toBe("none");
    const settings = readSettings(
      env.workbook,
      locateSheets(env.workbook.sheetNames()),
      { action: "sidebar", defaultTimeZone: "Asia/Shanghai" },
      [],
    ).settings;
    expect(settings["contact.holidayPreset"]).toBe("none");
    await page.close();

    const fresh = await open(browser, "settings", { injectForm: true });
    await fresh.page.waitForSelector("footer .btn");
    expect(await fresh.page.locator("[name='contact.holidayPreset'] option:checked").textContent()).toBe(
      "不使用",
    );
    expect(await fresh.page.locator(`${FIELD} .preset`).isHidden()).toBe(true);
    await fresh.page.selectOption("[name='contact.holidayPreset']", "CN");
    expect(await fresh.page.locator(`${FIELD} .preset`).isVisible()).toBe(true);
    await fresh.page.close();
  });

  it("speaks English with day-first dates in an English DMY workbook", async () => {
    const { page, errors } = await open(browser, "settings", {
      injectForm: true,
      sheets: withSettings([
        ["language", "en"],
        ["dateOrder", "DMY"],
        ["contact.holidayPreset", "CN"],
      ]),
    });
    await page.waitForSelector("footer .btn");
    const field = page.locator(FIELD);
    expect(await field.locator(".field-label").textContent()).toBe("Public holidays and make-up days");
    expect(await field.locator(".preset-name").allTextContents()).toEqual([
      "New Year's Day",
      "Spring Festival",
      "Qingming Festival",
      "Labour Day",
      "Dragon Boat Festival",
      "Mid-Autumn Festival",
      "National Day",
    ]);
    expect(await field.locator(".preset-range").nth(6).textContent()).toBe("01/10 – 07/10/2026");
    expect(await field.locator(".preset-makeup").last().textContent()).toBe(
      "Make-up days: 20/09/2026, 10/10/2026",
    );
    expect(await field.locator(".preset-notice").textContent()).toBe(
      "国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, issued 2025-11-04)",
    );
    expect(errors).toEqual([]);
    await noHorizontalOverflow(page);
    await field.scrollIntoViewIfNeeded();
    await shot(page, "settings-holiday-preset-en");
    await page.close();
  });
});
