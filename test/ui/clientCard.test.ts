/**
 * The client card sidebar (dist/client-card.html) in headless Chromium at 300 px: what it
 * shows for a seeded client, escaping, the hint when no client is selected, and logging a
 * contact.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calDate } from "../../src/core/dates";
import { XSS_NAME } from "../helpers/sidebarWorkbook";
import { noHorizontalOverflow, open, shot, startBrowser, withSettings } from "./session";

let browser: Browser;

/** The confirmation is on screen, focused, and announced (role status, aria-live). */
async function confirmationInView(page: Page): Promise<void> {
  const box = await page.locator(".notice-ok").boundingBox();
  const viewport = page.viewportSize();
  expect(box !== null && viewport !== null && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
  expect(await page.evaluate("document.activeElement?.className")).toBe("notice notice-ok");
  expect(await page.locator(".notice-ok").getAttribute("aria-live")).toBe("polite");
}

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("Client card sidebar", () => {
  it("shows a seeded client's tier, purchase, contact status, deals, contracts and payments", async () => {
    const { page, calls, errors } = await open(browser, "client-card", {
      selection: { sheet: "商机", row: 3 },
    });
    await page.waitForSelector("article.card");
    const field = (name: string) => page.locator(`[data-field='${name}']`).first().textContent();
    expect(await field("name")).toBe("杭州云启科技有限公司");
    expect(await page.locator(".tier-badge").textContent()).toBe("A高");
    expect(await field("tierReason")).toBe("近12个月采购额 ¥1,240,000 ≥ ¥1,000,000 → A");
    expect(await field("purchase")).toBe("¥1,290,000");
    expect(await field("owner")).toBe("li.ming");
    expect(await page.locator("p.owner").getAttribute("title")).toBe("负责人 li.ming@example.com");
    expect(await field("nextDue")).toBe("2026-11-25");
    expect(await field("status")).toBe("逾期 2 天");
    expect(
      await page.locator(".bar").evaluateAll((bars) => bars.map((b) => b.getAttribute("data-cents"))),
    ).toEqual([
      "5000000",
      "18000000",
      "0",
      "26000000",
      "0",
      "15000000",
      "0",
      "32000000",
      "0",
      "21000000",
      "0",
      "12000000",
    ]);
    expect(await page.locator("[data-deal]").allTextContents()).toEqual([
      "二期产线数字化改造¥680,000商务谈判 75% · 预计 2026-12-20",
      "年度运维服务¥240,000方案报价 50% · 预计 2027-01-15",
    ]);
    expect(await page.locator("[data-contract='K001'] [data-field='renewal']").textContent()).toBe("待续约");
    expect(await page.locator("[data-contract]").count()).toBe(3);
    expect(await page.locator(".is-overdue").allTextContents()).toEqual([
      "2024年度框架协议¥200,000K001 · 应收 2026-10-15 逾期 43 天",
    ]);
    expect(await page.locator(".timeline li").count()).toBe(3);
    // Alerts come first, right under the client's name.
    expect(await page.locator("[data-alert]").allTextContents()).toEqual([
      "逾期应收 ¥200,000：1 笔，最久逾期 43 天",
      "待续约：「2024年度框架协议」将于 2026-12-31 到期（还有 34 天）",
      "联系已逾期 2 天（应于 2026-11-25 联系）",
    ]);
    expect(
      await page.locator("article.card > *").evaluateAll((nodes) => nodes.map((n) => n.className)),
    ).toEqual(["client-head", "alerts", "tier-block", "kpi"]);
    expect(calls).toEqual([{ name: "sidebarClientCard", args: [] }]);
    expect(errors).toEqual([]);
    await noHorizontalOverflow(page);
    await page.locator(".history summary").click();
    await shot(page, "client-card", "client-card");
    await page.close();
  });

  it("speaks English in an English workbook, alerts first, within 300 px", async () => {
    const { page, errors } = await open(browser, "client-card", {
      selection: { sheet: "客户", row: 2 },
      sheets: withSettings([["language", "en"]]),
    });
    await page.waitForSelector("article.card");
    expect(await page.locator("[data-alert]").allTextContents()).toEqual([
      "Overdue receivables ¥200,000 · instalments: 1 · oldest: 43 days",
      "Renewal due: 2024年度框架协议 ends on 2026-12-31 (34 days left)",
      "Contact 2 days overdue (was due 2026-11-25)",
    ]);
    expect(await page.locator("[data-action='refresh']").textContent()).toBe("Use selected row");
    expect(await page.locator("[data-action='log']").textContent()).toBe("Log a contact");
    expect(errors).toEqual([]);
    await noHorizontalOverflow(page);
    await shot(page, "client-card-en");
    await page.close();
  });

  it("shows a client named like HTML as text and runs nothing", async () => {
    const { page, dialogs, errors } = await open(browser, "client-card", {
      selection: { sheet: "客户", row: 3 },
    });
    await page.waitForSelector("article.card");
    expect(await page.locator("[data-field='name']").textContent()).toBe(XSS_NAME);
    expect(await page.locator("img").count()).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await shot(page, "client-card-escaped");
    await page.close();
  });

  it("says how to choose a client when the selection is not on one", async () => {
    const { page } = await open(browser, "client-card", { selection: { sheet: "设置", row: 4 } });
    await page.waitForSelector(".hint");
    expect(await page.locator(".hint-title").textContent()).toBe("请选择一个客户");
    expect(await page.locator(".hint-message").textContent()).toBe(
      "在「客户」「商机」「合同」「回款」「沟通记录」或「沟通计划」表中点选某个客户所在的行，然后点击“读取选中行”。",
    );
    await shot(page, "client-card-hint");
    await page.close();
  });

  it("logs a contact with the right row and refreshes the next due date", async () => {
    const session = await open(browser, "client-card", { selection: { sheet: "客户", row: 2 } });
    const { page, calls, env } = session;
    await page.waitForSelector("article.card");
    await page.click("[data-action='log']");
    expect(await page.locator("[name='date']").inputValue()).toBe("2026-11-27");
    expect(await page.locator("[name='channel']").inputValue()).toBe("visit");
    await page.selectOption("[name='responded']", "yes");
    await page.selectOption("[name='satisfaction']", "5");
    await page.fill("[name='summary']", "确认二期合同条款，下周寄送报价");
    await shot(page, "client-card-log");
    await page.locator(".log-form button[type='submit']").scrollIntoViewIfNeeded();
    expect((await page.evaluate("window.scrollY")) as number).toBeGreaterThan(0);
    await page.click(".log-form button[type='submit']");
    await page.waitForSelector(".notice-ok");
    expect(calls.filter((c) => c.name === "sidebarLogContact")).toEqual([
      {
        name: "sidebarLogContact",
        args: [
          {
            clientId: "C001",
            date: "2026-11-27",
            channel: "visit",
            responded: "yes",
            satisfaction: "5",
            summary: "确认二期合同条款，下周寄送报价",
          },
        ],
      },
    ]);
    expect(await page.locator(".notice-ok").textContent()).toBe(
      "已记录 2026-11-27 的沟通。下次联系：2026-12-04",
    );
    await confirmationInView(page);
    await shot(page, "client-card-logged");
    expect(await page.locator("[data-field='nextDue']").textContent()).toBe("2026-12-04");
    expect(await page.locator("[data-field='status']").textContent()).toBe("待办");
    expect(env.workbook.calls.appendRows).toBe(1);
    expect(env.workbook.values("沟通记录")?.at(-1)).toEqual([
      { date: 20784 },
      "C001",
      "manager@example.com",
      "面访",
      "是",
      5,
      "确认二期合同条款，下周寄送报价",
    ]);
    await page.close();
  });

  it("shows the server's validation next to the contact form's fields", async () => {
    const { page, env } = await open(browser, "client-card", { selection: { sheet: "客户", row: 2 } });
    await page.waitForSelector("article.card");
    await page.click("[data-action='log']");
    await page.fill("[name='date']", "2026-12-01");
    await page.click(".log-form button[type='submit']");
    await page.waitForSelector(".log-form .field-error:not([hidden])");
    expect(await page.locator(".log-form .field-error:not([hidden])").allTextContents()).toEqual([
      "日期不能晚于今天（2026-11-27）",
    ]);
    expect(env.workbook.calls.appendRows ?? 0).toBe(0);
    await page.close();
  });

  for (const [order, today, typed, hint] of [
    ["DMY", "27/11/2026", "26/11/2026", "日/月/年，如 01/10/2026"],
    ["MDY", "11/27/2026", "11/26/2026", "月/日/年，如 10/01/2026"],
  ] as const) {
    it(`takes the contact's date in the workbook's ${order} order, whatever the browser's locale`, async () => {
      const { page, env } = await open(browser, "client-card", {
        selection: { sheet: "客户", row: 2 },
        sheets: withSettings([["dateOrder", order]]),
      });
      await page.waitForSelector("article.card");
      await page.click("[data-action='log']");
      expect(await page.locator("[name='date']").getAttribute("type")).toBe("text");
      expect(await page.locator("[name='date']").inputValue()).toBe(today);
      expect(await page.locator("#log-date-hint").textContent()).toBe(hint);
      await page.fill("[name='date']", typed);
      await page.click(".log-form button[type='submit']");
      await page.waitForSelector(".notice-ok");
      expect(env.workbook.values("沟通记录")?.at(-1)?.[0]).toEqual({ date: calDate(2026, 11, 26) });
      expect(await page.locator(".notice-ok").textContent()).toMatch(new RegExp(`^已记录 ${typed} 的沟通。`));
      await page.close();
    });
  }

  it("refuses a day-first date in a year-first workbook rather than guessing", async () => {
    const { page, env } = await open(browser, "client-card", { selection: { sheet: "客户", row: 2 } });
    await page.waitForSelector("article.card");
    await page.click("[data-action='log']");
    await page.fill("[name='date']", "26/11/2026");
    await page.click(".log-form button[type='submit']");
    await page.waitForSelector(".log-form .field-error:not([hidden])");
    expect(await page.locator(".log-form .field-error:not([hidden])").allTextContents()).toEqual([
      "日期有歧义：请写成年在前（2026-10-05），或在设置中将 dateOrder 设为 DMY 或 MDY",
    ]);
    expect(env.workbook.calls.appendRows ?? 0).toBe(0);
    await page.close();
  });
});
