/**
 * Every field of the Settings sidebar (dist/settings.html) at the 300 px of the Sheets sidebar,
 * in both languages: each setting of the Settings sheet has its field, labelled in the workbook
 * language (never a raw key), inside the width, with no horizontal scroll; and the fields added
 * for planned visits in Google Calendar (owners, start time, length) and for tier-C e-mails
 * (drafts or sending, a daily limit) and for stale deals (days, days by stage) work as a manager
 * uses them.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t, type Language, type MessageKey } from "../../src/i18n";
import { SETTING_DEFS } from "../../src/workbook/settings";
import { noHorizontalOverflow, open, shot, startBrowser, withSettings, WIDTH } from "./session";

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Each field box as the page lays it out: key, label, and its right edge. */
async function fieldBoxes(page: Page) {
  return (await page
    .locator("[data-group] .field[data-key], [data-group] .cadence-table")
    .evaluateAll((boxes) =>
      boxes.map((box) => {
        const rect = box.getBoundingClientRect();
        return {
          key: (box as HTMLElement).dataset.key ?? "cadence",
          label: box.querySelector(".field-label")?.textContent ?? "",
          right: rect.right,
          scroll: box.scrollWidth - box.clientWidth,
        };
      }),
    )) as { key: string; label: string; right: number; scroll: number }[];
}

describe.each<[Language, string]>([
  ["zh-CN", "zh-CN"],
  ["en", "en"],
])("Settings sidebar at 300 px, every field (%s)", (language, code) => {
  it("shows a field for every setting, labelled in the workbook language, inside the width", async () => {
    const { page, errors } = await open(browser, "settings", {
      injectForm: true,
      sheets: withSettings([["language", code]]),
    });
    await page.waitForSelector("footer .btn");
    const boxes = await fieldBoxes(page);
    const cadence = SETTING_DEFS.filter((d) => /^contact\.[ABC]\./.test(d.key)).map((d) => d.key);
    const shown = new Set(boxes.map((b) => b.key));
    for (const def of SETTING_DEFS) {
      if (cadence.includes(def.key)) continue; // the cadence table holds these
      expect(shown.has(def.key), def.key).toBe(true);
      const box = boxes.find((b) => b.key === def.key);
      const own = t(language, `settingLabel.${def.key}` as MessageKey);
      expect(own, `${def.key} has its own label`).not.toBe(`settingLabel.${def.key}`);
      expect(box?.label, def.key).toBe(own);
    }
    expect(await page.locator(".cadence-table [data-tier]").count()).toBe(3);
    for (const box of boxes) {
      expect(box.right, box.key).toBeLessThanOrEqual(WIDTH);
      expect(box.scroll, box.key).toBeLessThanOrEqual(0);
    }
    const visible = (await page.evaluate("document.body.innerText")) as string;
    expect(visible).not.toMatch(/\b(tier|contact|report|digest|renewal|calendar|collection)\.[A-Za-z]/);
    expect(errors).toEqual([]);
    await noHorizontalOverflow(page);
    await page.locator("[data-key='calendar.owners']").scrollIntoViewIfNeeded();
    await shot(page, `settings-fields-${code}`);
    await page.close();
  });
});

describe("Settings sidebar, the planned-visit calendar fields", () => {
  it("takes owners as addresses, a start time from a drop-down of half hours and a length in minutes, and saves them", async () => {
    const { page, env, errors } = await open(browser, "settings", { injectForm: true });
    await page.waitForSelector("footer .btn");
    const time = page.locator("[name='calendar.visitTime']");
    const options = await time.locator("option").allTextContents();
    expect(options[0]).toBe("全天");
    expect(options[1]).toBe("07:00");
    expect(options.at(-1)).toBe("20:00");
    expect(options).toHaveLength(28);
    expect(await page.locator("[data-key='calendar.visitMinutes'] .unit").textContent()).toBe("分钟");
    await page.fill("[name='calendar.owners']", "li.ming@example.com, wang@example");
    await page.locator("[name='calendar.owners']").blur();
    expect(await page.locator("[data-key='calendar.owners'] .field-error").isVisible()).toBe(true);
    await page.fill("[name='calendar.owners']", "li.ming@example.com, wang.wei@example.com");
    await time.selectOption("09:30");
    await page.fill("[name='calendar.visitMinutes']", "120");
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    const row = (key: string) => env.workbook.values("设置")?.find((r) => r[0] === key)?.[1];
    expect(row("calendar.owners")).toBe("li.ming@example.com, wang.wei@example.com");
    expect(row("calendar.visitTime")).toBe("09:30");
    expect(row("calendar.visitMinutes")).toBe(120);
    expect(errors).toEqual([]);
    await page.locator("[data-key='calendar.owners']").scrollIntoViewIfNeeded();
    await noHorizontalOverflow(page);
    await shot(page, "settings-calendar-fields");
    await page.close();
  });
});

describe("Settings sidebar, the tier-C e-mail fields", () => {
  it("chooses drafts or direct sending from a drop-down and a daily limit in e-mails, and saves them", async () => {
    const { page, env, errors } = await open(browser, "settings", { injectForm: true });
    await page.waitForSelector("footer .btn");
    const mode = page.locator("[name='templates.mode']");
    expect(await mode.locator("option").allTextContents()).toEqual(["存为草稿，由负责人发送", "直接发送"]);
    expect(await mode.inputValue()).toBe("draft");
    expect(await page.locator("[data-key='templates.perDay'] .unit").textContent()).toBe("封");
    expect(await page.locator("[name='templates.perDay']").getAttribute("placeholder")).toBe("30");
    await mode.selectOption("send");
    await page.fill("[name='templates.perDay']", "12");
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    const row = (key: string) => env.workbook.values("设置")?.find((r) => r[0] === key)?.[1];
    expect(row("templates.mode")).toBe("send");
    expect(row("templates.perDay")).toBe(12);
    expect(errors).toEqual([]);
    await page.locator("[data-key='templates.mode']").scrollIntoViewIfNeeded();
    await noHorizontalOverflow(page);
    await shot(page, "settings-email-fields");
    await page.close();
  });
});

describe("Settings sidebar, the stale-deal fields", () => {
  it("shows the stale days with their unit and the days by stage as text, and saves a number", async () => {
    const { page, env, errors } = await open(browser, "settings", { injectForm: true });
    await page.waitForSelector("footer .btn");
    const days = page.locator("[name='pipeline.staleDays']");
    expect(await page.locator("[data-key='pipeline.staleDays'] .field-label").textContent()).toBe(
      "商机停滞天数",
    );
    expect(await page.locator("[data-key='pipeline.staleDays'] .unit").textContent()).toBe("天");
    expect(await days.getAttribute("placeholder")).toBe("30");
    expect(await page.locator("[data-key='pipeline.staleDaysByStage'] .field-label").textContent()).toBe(
      "各阶段停滞天数",
    );
    await days.fill("45");
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    expect(env.workbook.values("设置")?.find((r) => r[0] === "pipeline.staleDays")?.[1]).toBe(45);
    expect(errors).toEqual([]);
    await page.locator("[data-key='pipeline.staleDays']").scrollIntoViewIfNeeded();
    await noHorizontalOverflow(page);
    await shot(page, "settings-stale-fields");
    await page.close();
  });
});
