/**
 * The Settings sidebar (dist/settings.html) in headless Chromium at 300 px: sections by task,
 * labels in the workbook language, amounts as money and rates as percentages that save as the
 * same numbers, weekdays as named boxes, holidays edited row by row, and the Test e-mail
 * button going through the server.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calDate } from "../../src/core/dates";
import { locateSheets, readSettings } from "../../src/workbook/read";
import type { TestEnv } from "../helpers/env";
import { noHorizontalOverflow, open, shot, startBrowser, withSettings } from "./session";

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Settings as the actions read them after the save. */
function savedSettings(env: TestEnv) {
  return readSettings(
    env.workbook,
    locateSheets(env.workbook.sheetNames()),
    {
      action: "sidebar",
      defaultTimeZone: "Asia/Shanghai",
    },
    [],
  ).settings;
}

const settingRow = (env: TestEnv, key: string) => env.workbook.values("设置")?.find((row) => row[0] === key);

describe("Settings sidebar, as a manager reads it", () => {
  it("shows task sections with labels and help in Chinese, money as ¥ and rates as %, without a server round trip", async () => {
    const { page, calls, errors } = await open(browser, "settings", {
      injectForm: true,
      sheets: withSettings([["report.underperformShare", 0.85]]),
    });
    await page.waitForSelector("footer .btn");
    expect(await page.locator("details.group h2").allTextContents()).toEqual([
      "报告与提醒邮件",
      "沟通节奏",
      "客户分级",
      "谈判底线与审批",
      "合同与业绩",
      "语言与地区",
    ]);
    const field = (key: string) => page.locator(`[data-key='${key}']`);
    expect(await field("tier.highThreshold").locator(".field-label").textContent()).toBe(
      "A级门槛（近12个月采购额）",
    );
    expect(await field("tier.highThreshold").locator(".field-help").textContent()).toBe(
      "近12个月采购额达到此金额的客户为A级（高价值）。",
    );
    expect(await page.locator("[name='tier.highThreshold']").inputValue()).toBe("¥1,000,000");
    expect(await field("tier.mediumThreshold").locator(".field-hint").textContent()).toBe("默认 ¥200,000");
    // Blank in the sheet: the default shows as the placeholder, in percent.
    expect(await page.locator("[name='tier.downgradeMargin']").inputValue()).toBe("");
    expect(await page.locator("[name='tier.downgradeMargin']").getAttribute("placeholder")).toBe("10");
    expect(await field("tier.downgradeMargin").locator(".unit").textContent()).toBe("%");
    expect(await page.locator("[name='report.underperformShare']").inputValue()).toBe("85");
    expect(await field("contact.workingDays").locator(".chip").allTextContents()).toEqual([
      "周一",
      "周二",
      "周三",
      "周四",
      "周五",
      "周六",
      "周日",
    ]);
    expect(
      await page
        .locator("[name='contact.workingDays']:checked")
        .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
    ).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri"]);
    expect(await page.locator("[name='report.hour'] option:checked").textContent()).toBe("08:00");
    expect(await page.locator("[name='report.dayOfMonth'] option:checked").textContent()).toBe("每月 1 日");
    expect(await page.locator("[name='contact.A.channel']").inputValue()).toBe("visit");
    const visible = (await page.evaluate("document.body.innerText")) as string;
    expect(visible).not.toMatch(/tier\.|contact\.|report\.|digest\.|renewal\./);
    expect(await page.locator("footer .btn").isDisabled()).toBe(true);
    expect(calls).toEqual([]);
    expect(errors).toEqual([]);
    await noHorizontalOverflow(page);
    await shot(page, "settings", "settings-sidebar");
    await page.close();
  });

  it("asks the server for the form when the page was opened without it", async () => {
    const { page, calls } = await open(browser, "settings");
    await page.waitForSelector("footer .btn");
    expect(calls.map((c) => c.name)).toEqual(["sidebarSettingsForm"]);
    expect(await page.locator("[name='tier.highThreshold']").inputValue()).toBe("¥1,000,000");
    await page.close();
  });

  it("speaks English in an English workbook, weekdays and months by name", async () => {
    const { page, errors } = await open(browser, "settings", {
      injectForm: true,
      sheets: withSettings([["language", "en"]]),
    });
    await page.waitForSelector("footer .btn");
    expect(await page.locator("details.group h2").allTextContents()).toEqual([
      "Report & reminder e-mails",
      "Contact cadence",
      "Client tiers",
      "Deal terms & approvals",
      "Contracts & performance",
      "Language & region",
    ]);
    expect(await page.locator("[data-key='tier.highThreshold'] .field-label").textContent()).toBe(
      "Tier A threshold (12-month purchase)",
    );
    expect(await page.locator("[data-key='contact.workingDays'] .chip").allTextContents()).toEqual([
      "Mon",
      "Tue",
      "Wed",
      "Thu",
      "Fri",
      "Sat",
      "Sun",
    ]);
    expect(
      await page.locator("[data-key='tier.reviewMonths'] .chip input:checked + span").allTextContents(),
    ).toEqual(["Jan", "Apr", "Jul", "Oct"]);
    expect(await page.locator("footer .btn").textContent()).toBe("Save");
    expect(errors).toEqual([]);
    await noHorizontalOverflow(page);
    await page.locator("[data-group='tiers']").scrollIntoViewIfNeeded();
    await shot(page, "settings-en");
    await page.close();
  });
});

describe("Settings sidebar, saving", () => {
  it("saves an amount typed as 150万 and a rate typed as 15 as the numbers 1500000 and 0.15", async () => {
    const { page, calls, env } = await open(browser, "settings", { injectForm: true });
    await page.waitForSelector("footer .btn");
    await page.fill("[name='tier.highThreshold']", "150万");
    await page.locator("[name='tier.highThreshold']").blur();
    expect(await page.locator("[name='tier.highThreshold']").inputValue()).toBe("¥1,500,000");
    await page.fill("[name='tier.downgradeMargin']", "15");
    expect(await page.locator(".save-status").textContent()).toBe("2 项修改未保存");
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    expect(await page.locator(".save-status").textContent()).toBe("已保存 2 项设置。");
    expect(calls.filter((c) => c.name === "sidebarSaveSettings").map((c) => c.args)).toEqual([
      [{ "tier.highThreshold": "¥1,500,000", "tier.downgradeMargin": "15" }],
    ]);
    expect(env.workbook.calls.writeBlock).toBe(1);
    expect(settingRow(env, "tier.highThreshold")?.[1]).toBe(1500000);
    expect(settingRow(env, "tier.downgradeMargin")?.[1]).toBe(0.15);
    const settings = savedSettings(env);
    expect(settings["tier.highThreshold"]).toBe(150_000_000);
    expect(settings["tier.downgradeMargin"]).toBe(0.15);
    // The page shows the saved values the way they were typed, and nothing is pending.
    expect(await page.locator("[name='tier.highThreshold']").inputValue()).toBe("¥1,500,000");
    expect(await page.locator("[name='tier.downgradeMargin']").inputValue()).toBe("15");
    expect(await page.locator("footer .btn").isDisabled()).toBe(true);
    await page.close();
  });

  it("adds holiday rows with names and saves them as ISO dates; removing a row removes its date", async () => {
    const { page, env } = await open(browser, "settings", { injectForm: true });
    await page.waitForSelector("footer .btn");
    expect(await page.locator("[data-key='contact.holidays'] .empty").isVisible()).toBe(true);
    const rows = page.locator("[data-key='contact.holidays'] .holiday-row");
    for (const [date, name] of [
      ["2026-10-01", "国庆节"],
      ["2026-10-02", "国庆节"],
      ["2026-10-03", ""],
    ]) {
      await page.click("[data-action='add-holiday']");
      await rows.last().locator(".holiday-date").fill(date);
      await rows.last().locator(".holiday-name").fill(name);
    }
    await rows.nth(2).locator("[data-action='remove-holiday']").click();
    await page.locator("[data-key='contact.holidays']").scrollIntoViewIfNeeded();
    await shot(page, "settings-holidays", "settings-holidays");
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    expect(settingRow(env, "contact.holidays")?.[1]).toBe("2026-10-01 国庆节, 2026-10-02 国庆节");
    expect(savedSettings(env)["contact.holidays"]).toEqual([calDate(2026, 10, 1), calDate(2026, 10, 2)]);
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).locator(".holiday-name").inputValue()).toBe("国庆节");
    await page.close();
  });

  it("types and shows holiday dates in the workbook's day-first order", async () => {
    const { page, env } = await open(browser, "settings", {
      injectForm: true,
      sheets: withSettings([
        ["dateOrder", "DMY"],
        ["contact.holidays", "2026-10-01 国庆节"],
      ]),
    });
    await page.waitForSelector("footer .btn");
    const rows = page.locator("[data-key='contact.holidays'] .holiday-row");
    expect(await rows.first().locator(".holiday-date").inputValue()).toBe("01/10/2026");
    await page.click("[data-action='add-holiday']");
    expect(await rows.last().locator(".holiday-date").getAttribute("placeholder")).toBe("01/10/2026");
    await rows.last().locator(".holiday-date").fill("02/10/2026");
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    expect(settingRow(env, "contact.holidays")?.[1]).toBe("2026-10-01 国庆节, 2026-10-02");
    expect(await rows.last().locator(".holiday-date").inputValue()).toBe("02/10/2026");
    await page.close();
  });

  it("saves the working days ticked, by their English codes", async () => {
    const { page, env } = await open(browser, "settings", { injectForm: true });
    await page.waitForSelector("footer .btn");
    await page.locator("[data-key='contact.workingDays'] .chip", { hasText: "周五" }).click();
    await page.locator("[data-key='contact.workingDays'] .chip", { hasText: "周六" }).click();
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    expect(settingRow(env, "contact.workingDays")?.[1]).toBe("Mon,Tue,Wed,Thu,Sat");
    expect(savedSettings(env)["contact.workingDays"]).toEqual([1, 2, 3, 4, 6]);
    await page.close();
  });

  it("marks what is not a number or an address as it is typed, and shows the server's verdict on a rate out of range", async () => {
    const { page, calls, env } = await open(browser, "settings", { injectForm: true });
    await page.waitForSelector("footer .btn");
    await page.fill("[name='tier.highThreshold']", "一百万");
    await page.fill("[name='report.recipients']", "boss@example.com, not-an-email");
    expect(await page.locator("[data-key='tier.highThreshold'] .field-error").textContent()).toBe(
      "请填写数字",
    );
    expect(await page.locator("[data-key='report.recipients'] .field-error").textContent()).toBe(
      "请填写邮箱，多个用逗号分隔",
    );
    expect(await page.locator(".save-status").textContent()).toBe("请先修正标红的 2 项。");
    expect(await page.locator("footer .btn").isDisabled()).toBe(true);
    await page.fill("[name='tier.highThreshold']", "¥1,000,000");
    await page.fill("[name='report.recipients']", "boss@example.com");
    await page.fill("[name='tier.downgradeMargin']", "150");
    await page.locator("footer .btn").click();
    await page.waitForSelector("[data-key='tier.downgradeMargin'] .field-error:not([hidden])");
    expect(await page.locator("[data-key='tier.downgradeMargin'] .field-error").textContent()).toBe(
      "比例应在 0% 到 100% 之间",
    );
    expect(calls.filter((c) => c.name === "sidebarSaveSettings")).toHaveLength(1);
    expect(env.workbook.calls.writeBlock ?? 0).toBe(0);
    await page.locator("[data-key='tier.downgradeMargin']").scrollIntoViewIfNeeded();
    await shot(page, "settings-invalid");
    await page.close();
  });
});

describe("Settings sidebar, Test e-mail", () => {
  it("sends a test message to the recipients as typed, through the server, and logs it", async () => {
    const { page, calls, env } = await open(browser, "settings", { injectForm: true });
    await page.waitForSelector("footer .btn");
    await page.fill("[name='report.recipients']", "boss@example.com, cfo@example.com");
    await page.click("[data-action='test-mail']");
    await page.waitForSelector(".test-result.tone-ok");
    expect(await page.locator(".test-result").textContent()).toBe(
      "测试邮件已发送给 2 位收件人，并记入「发送记录」。",
    );
    expect(calls.filter((c) => c.name === "sidebarTestMail")).toEqual([
      { name: "sidebarTestMail", args: ["boss@example.com, cfo@example.com"] },
    ]);
    expect(env.outbox.map((m) => [m.to, m.subject])).toEqual([
      [["boss@example.com", "cfo@example.com"], "商务助手测试邮件"],
    ]);
    expect(env.workbook.values("发送记录")?.slice(1)).toEqual([
      ["2026-11-27 09:00", "test:2026-11-27 09:00", "boss@example.com,cfo@example.com", "sent"],
    ]);
    await shot(page, "settings-test-mail");
    await page.close();
  });

  it("says so and sends nothing when the day's mail quota is too low", async () => {
    const { page, env } = await open(browser, "settings", { injectForm: true, quota: 0 });
    await page.waitForSelector("footer .btn");
    await page.click("[data-action='test-mail']");
    await page.waitForSelector(".test-result.tone-error");
    expect(await page.locator(".test-result").textContent()).toBe(
      "今日邮件额度不足（还可发给 0 位收件人），未发送；已记入「发送记录」。",
    );
    expect(env.outbox).toEqual([]);
    expect(env.workbook.values("发送记录")?.at(-1)?.[3]).toBe("no-quota");
    await page.close();
  });
});
