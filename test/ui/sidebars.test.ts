/**
 * The two sidebar pages (dist/settings.html, dist/client-card.html; run `npm run build` first)
 * in headless Chromium at the 300 px of the Sheets sidebar. google.script.run is replaced by a
 * test double that records every call and answers it with the real server functions of
 * src/actions/ on an in-memory workbook, so the pages are exercised against what the server
 * really returns. Screenshots go to test-artifacts/.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientCardAt, logContact, type CardSelection } from "../../src/actions/clientCard";
import { saveSettings, settingsForm } from "../../src/actions/sidebar";
import { launchChromium } from "../../src/node/pdf";
import type { SidebarServer } from "../../src/ui/api";
import { testEnv, type TestEnv } from "../helpers/env";
import { memoryCells, sidebarWorkbook, XSS_NAME } from "../helpers/sidebarWorkbook";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const WIDTH = 300;

/** google.script.run as a Proxy: every server call goes to window.__server (exposed by the test). */
const RUN_DOUBLE = `(() => {
  const runner = (success, failure) => new Proxy({}, {
    get(_target, name) {
      if (name === "withSuccessHandler") return (fn) => runner(fn, failure);
      if (name === "withFailureHandler") return (fn) => runner(success, fn);
      return (...args) => {
        window.__server(String(name), JSON.stringify(args)).then((reply) => {
          const answer = JSON.parse(reply);
          if (answer.ok) { if (success) success(answer.value); }
          else if (failure) failure(new Error(answer.error));
        });
      };
    },
  });
  window.google = { script: { run: runner(null, null) } };
})();`;

interface Call {
  readonly name: string;
  readonly args: unknown[];
}

interface Session {
  readonly page: Page;
  readonly env: TestEnv;
  readonly calls: Call[];
  readonly dialogs: string[];
  readonly errors: string[];
  selection: CardSelection;
}

let browser: Browser;

beforeAll(async () => {
  for (const page of ["settings", "client-card"]) {
    if (!existsSync(path.join(ROOT, "dist", `${page}.html`)))
      throw new Error(`dist/${page}.html is missing: run npm run build`);
  }
  const launched = await launchChromium();
  if ("reason" in launched) throw new Error(launched.reason);
  browser = launched.browser;
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

async function open(pageName: "settings" | "client-card", selection: CardSelection): Promise<Session> {
  const env = testEnv(memoryCells(sidebarWorkbook()));
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 760 }, deviceScaleFactor: 2 });
  const session: Session = { page, env, calls: [], dialogs: [], errors: [], selection };
  const server: SidebarServer = {
    sidebarSettingsForm: () => settingsForm(env),
    sidebarSaveSettings: (values) => saveSettings(env, values),
    sidebarClientCard: () => clientCardAt(env, session.selection),
    sidebarLogContact: (input) => logContact(env, input),
  };
  await page.exposeFunction("__server", (name: string, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    session.calls.push({ name, args });
    try {
      const fn = server[name as keyof SidebarServer] as (...a: unknown[]) => unknown;
      return JSON.stringify({ ok: true, value: fn(...args) });
    } catch (error) {
      return JSON.stringify({ ok: false, error: (error as Error).message });
    }
  });
  await page.addInitScript(RUN_DOUBLE);
  page.on("dialog", (dialog) => {
    session.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => session.errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") session.errors.push(message.text());
  });
  await page.goto(pathToFileURL(path.join(ROOT, "dist", `${pageName}.html`)).href);
  return session;
}

/** What the 300 px sidebar shows first, and the whole page. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${WIDTH}px.png`) });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${WIDTH}px-full.png`), fullPage: true });
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const widths = (await page.evaluate(
    "({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })",
  )) as { scroll: number; client: number };
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

describe("Settings sidebar", () => {
  it("shows every setting grouped by topic with its current value and default", async () => {
    const { page, calls, errors } = await open("settings", { sheet: "客户", row: 2 });
    await page.waitForSelector("footer .btn");
    const groups = await page.locator("details.group h2").allTextContents();
    expect(groups).toEqual(["语言与时区", "客户分级", "沟通节奏", "报告与提醒"]);
    expect(await page.locator("[name='tier.highThreshold']").inputValue()).toBe("1000000");
    expect(await page.locator("[name='contact.A.channel']").inputValue()).toBe("visit");
    expect(await page.locator("[name='report.recipients']").inputValue()).toBe("boss@example.com");
    expect(await page.locator("[data-key='tier.mediumThreshold'] .field-hint").textContent()).toBe(
      "tier.mediumThreshold · 默认 200000",
    );
    expect(await page.locator("[data-key='tier.mediumThreshold'] label").textContent()).toBe(
      "近12个月采购额达到此值为B级",
    );
    expect(await page.locator("footer .btn").isDisabled()).toBe(true);
    expect(calls.map((c) => c.name)).toEqual(["sidebarSettingsForm"]);
    expect(errors).toEqual([]);
    await noHorizontalOverflow(page);
    await shot(page, "settings");
    await page.close();
  });

  it("rejects an invalid threshold and a bad e-mail as they are typed, and never sends them", async () => {
    const { page, calls, env } = await open("settings", { sheet: "客户", row: 2 });
    await page.waitForSelector("footer .btn");
    await page.fill("[name='tier.highThreshold']", "一百万");
    await page.fill("[name='report.recipients']", "boss@example.com, not-an-email");
    expect(await page.locator("[data-key='tier.highThreshold'] .field-error").textContent()).toBe(
      "应为金额，例如 1200000、¥1,200,000、120万 或 1.2亿",
    );
    expect(await page.locator("[data-key='report.recipients'] .field-error").textContent()).toBe(
      "收件人中有无效的邮箱：not-an-email",
    );
    expect(await page.locator("[name='tier.highThreshold']").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".save-status").textContent()).toBe("请先修正标红的 2 项。");
    expect(await page.locator("footer .btn").isDisabled()).toBe(true);
    await page.locator("footer .btn").click({ force: true });
    await page.evaluate("document.querySelector('.has-error').scrollIntoView({ block: 'center' })");
    await shot(page, "settings-invalid");
    expect(calls.map((c) => c.name)).toEqual(["sidebarSettingsForm"]);
    expect(env.workbook.calls.writeBlock ?? 0).toBe(0);
    await page.close();
  });

  it("flags a tier B threshold above the tier A threshold", async () => {
    const { page } = await open("settings", { sheet: "客户", row: 2 });
    await page.waitForSelector("footer .btn");
    await page.fill("[name='tier.mediumThreshold']", "120万");
    expect(await page.locator("[data-key='tier.mediumThreshold'] .field-error").textContent()).toBe(
      "B级门槛不能高于A级门槛",
    );
    expect(await page.locator("footer .btn").isDisabled()).toBe(true);
    await page.close();
  });

  it("saves valid values with one call and one write, and says how many were saved", async () => {
    const { page, calls, env } = await open("settings", { sheet: "客户", row: 2 });
    await page.waitForSelector("footer .btn");
    await page.fill("[name='tier.highThreshold']", "150万");
    await page.fill("[name='report.recipients']", "boss@example.com, cfo@example.com");
    await page.selectOption("[name='contact.B.channel']", "video");
    expect(await page.locator(".save-status").textContent()).toBe("3 项修改未保存");
    await page.locator("footer .btn").click();
    await page.waitForSelector(".save-status.tone-ok");
    expect(await page.locator(".save-status").textContent()).toBe("已保存 3 项设置。");
    const saves = calls.filter((c) => c.name === "sidebarSaveSettings");
    expect(saves).toHaveLength(1);
    const sent = saves[0].args[0] as Record<string, string>;
    expect(sent["tier.highThreshold"]).toBe("150万");
    expect(sent["report.recipients"]).toBe("boss@example.com, cfo@example.com");
    expect(sent["contact.B.channel"]).toBe("video");
    expect(Object.keys(sent)).toHaveLength(28);
    expect(env.workbook.calls.writeBlock).toBe(1);
    expect(env.workbook.values("设置")?.slice(3)).toEqual([
      ["tier.highThreshold", "150万", "A级门槛"],
      ["contact.A.channel", "面访", "A级渠道"],
      ["report.recipients", "boss@example.com, cfo@example.com", "月报收件人"],
      ["contact.B.channel", "video", "B级客户的沟通渠道"],
    ]);
    expect(await page.locator("[name='tier.highThreshold']").inputValue()).toBe("150万");
    expect(await page.locator("footer .btn").isDisabled()).toBe(true);
    await page.close();
  });
});

describe("Client card sidebar", () => {
  it("shows a seeded client's tier, purchase, contact status, deals, contracts and payments", async () => {
    const { page, calls, errors } = await open("client-card", { sheet: "商机", row: 3 });
    await page.waitForSelector("article.card");
    const field = (name: string) => page.locator(`[data-field='${name}']`).first().textContent();
    expect(await field("name")).toBe("杭州云启科技有限公司");
    expect(await page.locator(".tier-badge").textContent()).toBe("A高");
    expect(await field("tierReason")).toBe("近12个月采购额 ¥1,240,000 ≥ ¥1,000,000 → A");
    expect(await field("purchase")).toBe("¥1,290,000");
    expect(await field("owner")).toBe("li.ming@example.com");
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
    expect(calls).toEqual([{ name: "sidebarClientCard", args: [] }]);
    expect(errors).toEqual([]);
    await noHorizontalOverflow(page);
    await page.locator(".history summary").click();
    await shot(page, "client-card");
    await page.close();
  });

  it("shows a client named like HTML as text and runs nothing", async () => {
    const { page, dialogs, errors } = await open("client-card", { sheet: "客户", row: 3 });
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
    const { page } = await open("client-card", { sheet: "设置", row: 4 });
    await page.waitForSelector(".hint");
    expect(await page.locator(".hint-title").textContent()).toBe("请选择一个客户");
    expect(await page.locator(".hint-message").textContent()).toBe(
      "在「客户」「商机」「合同」「回款」「沟通记录」或「沟通计划」表中点选某个客户所在的行，然后点击“读取选中行”。",
    );
    await shot(page, "client-card-hint");
    await page.close();
  });

  it("logs a contact with the right row and refreshes the next due date", async () => {
    const session = await open("client-card", { sheet: "客户", row: 2 });
    const { page, calls, env } = session;
    await page.waitForSelector("article.card");
    await page.click("[data-action='log']");
    expect(await page.locator("[name='date']").inputValue()).toBe("2026-11-27");
    expect(await page.locator("[name='channel']").inputValue()).toBe("visit");
    await page.selectOption("[name='responded']", "yes");
    await page.selectOption("[name='satisfaction']", "5");
    await page.fill("[name='summary']", "确认二期合同条款，下周寄送报价");
    await shot(page, "client-card-log");
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
    expect(await page.locator("[data-field='nextDue']").textContent()).toBe("2026-12-04");
    expect(await page.locator("[data-field='status']").textContent()).toBe("待办");
    expect(env.workbook.calls.appendRows).toBe(1);
    expect(env.workbook.values("沟通记录")?.at(-1)).toEqual([
      { date: 20784 },
      "C001",
      "manager@example.com",
      "visit",
      "yes",
      5,
      "确认二期合同条款，下周寄送报价",
    ]);
    await page.close();
  });

  it("shows the server's validation next to the contact form's fields", async () => {
    const { page, env } = await open("client-card", { sheet: "客户", row: 2 });
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
});
