/**
 * The Get started sidebar (dist/get-started.html) in headless Chromium at 300 px: three ways to
 * begin, the sample refused over a team's data, and Map my sheets with the team's sheets and
 * headers guessed, one header per column, required columns named, and the save going through
 * the server into Settings. Also what the page weighs.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateSheets, readSettings } from "../../src/workbook/read";
import type { IsoSheets } from "../helpers/sidebarWorkbook";
import { noHorizontalOverflow, open, ROOT, shot, startBrowser } from "./session";

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A team's own workbook: its sheets and headers, none of the contract's names but Settings. */
function teamWorkbook(): IsoSheets {
  return {
    设置: [
      ["键", "值", "说明"],
      ["language", "zh-CN", "界面与报表语言"],
    ],
    客户名单: [
      ["业务员", "客户代码", "公司名称", "所属行业", "等级", "备注"],
      ["li@example.com", "C001", "杭州云启科技有限公司", "制造业", "A", ""],
    ],
    销售机会: [
      ["商机ID", "客户ID", "销售阶段", "商机金额", "成交时间", "备注"],
      ["D1", "C001", "赢单", 1200000, { date: "2026-10-18" }, ""],
    ],
    说明: [["这是团队自己的说明页"]],
  };
}

describe("Get started sidebar", () => {
  it("offers map my sheets, set up and the sample, in the workbook language, without a round trip", async () => {
    const { page, calls, errors } = await open(browser, "get-started", {
      injectForm: true,
      sheets: teamWorkbook(),
    });
    await page.waitForSelector("[data-choice='sample'] button");
    expect(await page.locator(".page-title").textContent()).toBe("开始使用");
    expect(await page.locator(".choice h2").allTextContents()).toEqual([
      "映射我的表格",
      "初始化空白工作簿",
      "填入示例数据",
    ]);
    expect(calls).toEqual([]);
    await noHorizontalOverflow(page);
    await shot(page, "get-started", "get-started");
    // The team's sheets hold data: the sample is refused and nothing is written.
    await page.click("[data-choice='sample'] button");
    await page.waitForSelector("[data-choice='sample'] .result.tone-error");
    expect(await page.locator("[data-choice='sample'] .result").textContent()).toBe(
      "没有填入示例：「客户名单」、「销售机会」 已有数据。示例只填入空的工作簿，不会覆盖你的数据。",
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("maps the team's sheets: guesses chosen, one header per column, required columns named, saved into Settings", async () => {
    const { page, calls, env, errors } = await open(browser, "get-started", {
      injectForm: true,
      sheets: teamWorkbook(),
    });
    await page.click("[data-choice='map'] button");
    await page.waitForSelector("section.table[data-table='clients']");
    const value = (name: string) => page.locator(`[name='${name}']`).inputValue();
    expect(await value("sheet:clients")).toBe("客户名单");
    expect(await value("sheet:deals")).toBe("销售机会");
    expect(await value("sheet:contracts")).toBe("");
    expect(await value("clients.clientId")).toBe("客户代码");
    expect(await value("clients.owner")).toBe("业务员");
    expect(await value("clients.tier")).toBe("等级");
    expect(await value("deals.amount")).toBe("商机金额");
    expect(await value("deals.closedOn")).toBe("成交时间");
    expect(await value("clients.region")).toBe("");
    expect(await page.locator("section.table h2").first().textContent()).toBe("客户 *");
    await noHorizontalOverflow(page);
    await shot(page, "map-my-sheets", "map-my-sheets");

    // 客户代码 chosen for Name: Client ID gives it up and is named as a required column left unmapped.
    await page.selectOption("[name='clients.name']", "客户代码");
    expect(await value("clients.clientId")).toBe("");
    expect(await page.locator("[data-table='clients'] .table-note").textContent()).toBe(
      "未对应的必填列：客户编号",
    );
    expect(await page.locator("footer .btn").isDisabled()).toBe(true);
    await page.selectOption("[name='clients.name']", "公司名称");
    await page.selectOption("[name='clients.clientId']", "客户代码");
    expect(await page.locator("[data-table='clients'] .table-note").textContent()).toBe("");

    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    expect(await page.locator(".save-status").textContent()).toBe(
      "映射已保存（12 行设置）。请运行「检查数据」确认。",
    );
    expect(calls.map((c) => c.name)).toEqual(["sidebarMappingForm", "sidebarSaveMapping"]);
    const { settings } = readSettings(
      env.workbook,
      locateSheets(env.workbook.sheetNames()),
      { action: "check", defaultTimeZone: "Asia/Shanghai" },
      [],
    );
    expect(settings.mapping.get("clients")?.sheet).toBe("客户名单");
    expect(Object.fromEntries(settings.mapping.get("deals")?.columns ?? [])).toEqual({
      dealId: "商机ID",
      clientId: "客户ID",
      stage: "销售阶段",
      amount: "商机金额",
      closedOn: "成交时间",
    });
    expect(env.workbook.values("客户名单")?.[0]).toEqual([
      "业务员",
      "客户代码",
      "公司名称",
      "所属行业",
      "等级",
      "备注",
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("speaks English in an English workbook, and guesses English headers", async () => {
    const sheets: IsoSheets = {
      Settings: [
        ["Key", "Value"],
        ["language", "en"],
      ],
      Customers: [["Customer ID", "Company", "Sales rep", "Territory", "Level"]],
      Opportunities: [["Opportunity ID", "Customer ID", "Sales stage", "Deal value", "Close date"]],
    };
    const { page, errors } = await open(browser, "get-started", { injectForm: true, sheets });
    await page.click("[data-choice='map'] button");
    await page.waitForSelector("section.table[data-table='clients']");
    const value = (name: string) => page.locator(`[name='${name}']`).inputValue();
    expect(await page.locator(".page-title").textContent()).toBe("Map my sheets");
    expect(await page.locator("section.table h2").first().textContent()).toBe("Clients *");
    expect(await value("sheet:clients")).toBe("Customers");
    expect(await value("sheet:deals")).toBe("Opportunities");
    expect(await value("clients.owner")).toBe("Sales rep");
    expect(await value("clients.region")).toBe("Territory");
    expect(await value("clients.tier")).toBe("Level");
    expect(await value("deals.closedOn")).toBe("Close date");
    // Choosing no sheet for Clients: its columns are off and the save waits for a sheet.
    await page.selectOption("[name='sheet:clients']", "");
    expect(await page.locator("[name='clients.clientId']").isDisabled()).toBe(true);
    expect(await page.locator("footer .btn").isDisabled()).toBe(true);
    await page.selectOption("[name='sheet:clients']", "Customers");
    expect(await value("clients.clientId")).toBe("Customer ID");
    expect(await page.locator("footer .btn").isDisabled()).toBe(false);
    await noHorizontalOverflow(page);
    await shot(page, "map-my-sheets-en");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("weighs little: no validation library, strings of one language from the server", () => {
    const bytes = statSync(path.join(ROOT, "dist", "get-started.html")).size;
    console.log(`dist/get-started.html: ${(bytes / 1024).toFixed(1)} KB`);
    expect(bytes).toBeLessThan(30 * 1024);
  });
});
