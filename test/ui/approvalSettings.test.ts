/**
 * The Settings sidebar's negotiation limits (谈判底线与审批) in headless Chromium at 300 px:
 * discount limits as percentages, payment terms in days, the default approver as an address,
 * each with its label and help; a limit typed as 12 saves as the fraction 0.12.
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

describe("Settings sidebar, negotiation limits", () => {
  it("shows the limits by tier with labels, help and units, and saves 12 % and 45 days as 0.12 and 45", async () => {
    const { page, calls, env, errors } = await open(browser, "settings", {
      injectForm: true,
      sheets: withSettings([["approval.maxDiscount.B", 0.08]]),
      height: 900,
    });
    await page.waitForSelector("footer .btn");
    const group = page.locator("[data-group='approvals']");
    expect(await group.locator("h2").textContent()).toBe("谈判底线与审批");
    expect(await group.locator(".field-label").allTextContents()).toEqual([
      "A级客户折扣上限",
      "B级客户折扣上限",
      "C级客户折扣上限",
      "A级客户账期上限",
      "B级客户账期上限",
      "C级客户账期上限",
      "默认审批人",
    ]);
    expect(await group.locator("[data-key='approval.maxDiscount.A'] .field-help").textContent()).toBe(
      "超过此折扣（或价格低于底价）的商机需要审批。",
    );
    expect(await page.locator("[name='approval.maxDiscount.B']").inputValue()).toBe("8");
    expect(await page.locator("[name='approval.maxDiscount.A']").getAttribute("placeholder")).toBe("15");
    expect(await group.locator("[data-key='approval.maxDiscount.A'] .unit").textContent()).toBe("%");
    expect(await group.locator("[data-key='approval.maxPaymentDays.A'] .unit").textContent()).toBe("天");
    expect(await page.locator("[name='approval.maxPaymentDays.C']").getAttribute("placeholder")).toBe("30");
    const visible = (await group.evaluate((el) => (el as HTMLElement).innerText)) as string;
    expect(visible).not.toMatch(/approval\./);
    await page.locator("[data-group='approvals']").scrollIntoViewIfNeeded();
    await noHorizontalOverflow(page);
    await shot(page, "settings-approvals");

    await page.fill("[name='approval.maxDiscount.C']", "12");
    await page.fill("[name='approval.maxPaymentDays.C']", "45");
    await page.fill("[name='approval.approver']", "vp@example.com");
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    expect(calls.filter((c) => c.name === "sidebarSaveSettings").map((c) => c.args)).toEqual([
      [
        {
          "approval.maxDiscount.C": "12",
          "approval.maxPaymentDays.C": "45",
          "approval.approver": "vp@example.com",
        },
      ],
    ]);
    const settings = readSettings(
      env.workbook,
      locateSheets(env.workbook.sheetNames()),
      { action: "sidebar", defaultTimeZone: "Asia/Shanghai" },
      [],
    ).settings;
    expect(settings["approval.maxDiscount.C"]).toBe(0.12);
    expect(settings["approval.maxPaymentDays.C"]).toBe(45);
    expect(settings["approval.approver"]).toBe("vp@example.com");
    expect(errors).toEqual([]);
    await page.close();
  });
});
