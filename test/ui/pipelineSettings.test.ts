/**
 * The stale-deal settings in the Settings sidebar (dist/settings.html) at 300 px: under
 * 合同与业绩 / Contracts & performance, with labels and help in the workbook language; a limit
 * per stage typed with Chinese labels saves as typed and is read by the actions, and a list the
 * schema rejects shows the server's message beside the field.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateSheets, readSettings } from "../../src/workbook/read";
import { staleLimits } from "../../src/workbook/settings";
import type { TestEnv } from "../helpers/env";
import { noHorizontalOverflow, open, shot, startBrowser, withSettings } from "./session";

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function saved(env: TestEnv) {
  return readSettings(
    env.workbook,
    locateSheets(env.workbook.sheetNames()),
    { action: "sidebar", defaultTimeZone: "Asia/Shanghai" },
    [],
  ).settings;
}

describe("Settings sidebar, stale deals", () => {
  it("shows the two limits under Contracts & performance with labels and help, and saves a limit per stage", async () => {
    const { page, env, errors } = await open(browser, "settings", { injectForm: true });
    await page.waitForSelector("footer .btn");
    const group = page.locator("details.group", { hasText: "合同与业绩" });
    const keys = await group
      .locator("[data-key]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-key")));
    expect(keys).toEqual([
      "renewal.noticeDays",
      "report.underperformShare",
      "pipeline.staleDays",
      "pipeline.staleDaysByStage",
    ]);
    const field = (key: string) => page.locator(`[data-key='${key}']`);
    expect(await field("pipeline.staleDays").locator(".field-label").textContent()).toBe("商机停滞天数");
    expect(await field("pipeline.staleDays").locator(".field-help").textContent()).toContain(
      "从「创建日期」算起",
    );
    expect(await field("pipeline.staleDays").locator(".unit").textContent()).toBe("天");
    expect(await field("pipeline.staleDaysByStage").locator(".field-label").textContent()).toBe(
      "各阶段停滞天数",
    );
    await group.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    await page.fill("[name='pipeline.staleDays']", "25");
    await page.fill("[name='pipeline.staleDaysByStage']", "方案报价:45, 商务谈判:20");
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    expect(staleLimits(saved(env))).toEqual({ lead: 25, qualified: 25, proposal: 45, negotiation: 20 });
    expect(errors).toEqual([]);
    await noHorizontalOverflow(page);
    await field("pipeline.staleDaysByStage").scrollIntoViewIfNeeded();
    await shot(page, "settings-stale-deals");
    await page.close();
  });

  it("shows the server's message for a closed stage in English", async () => {
    const { page, env } = await open(browser, "settings", {
      injectForm: true,
      sheets: withSettings([["language", "en"]]),
    });
    await page.waitForSelector("footer .btn");
    const field = page.locator("[data-key='pipeline.staleDaysByStage']");
    expect(await field.locator(".field-label").textContent()).toBe("Stale days by stage");
    await page
      .locator("details.group", { hasText: "Contracts & performance" })
      .evaluate((el) => ((el as HTMLDetailsElement).open = true));
    await page.fill("[name='pipeline.staleDaysByStage']", "won:10");
    await page.locator("footer .btn").click();
    await page.waitForSelector("[data-key='pipeline.staleDaysByStage'] .field-error:not([hidden])");
    expect(await field.locator(".field-error").textContent()).toContain(
      "Stale days by stage not understood: won:10",
    );
    expect(env.workbook.calls.writeBlock ?? 0).toBe(0);
    await noHorizontalOverflow(page);
    await field.scrollIntoViewIfNeeded();
    await shot(page, "settings-stale-deals-invalid");
    await page.close();
  });
});
