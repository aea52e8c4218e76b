/**
 * The approver's e-mail (待审批清单) in headless Chromium at 600 and 360 px, in both languages:
 * no horizontal overflow, a hostile client name shown as text, and the long "beyond limits"
 * sentence wrapped inside its cell. Screenshots go to test-artifacts/.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewDealTerms } from "../../src/actions/approvals";
import { calDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import { testEnv } from "../helpers/env";
import { ARTIFACTS, noHorizontalOverflow, startBrowser } from "./session";

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function workbook(language: "zh-CN" | "en"): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", language],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["K1", "厦门德润智能装备有限公司", "li.na@example.com", "A"],
      ["K2", "<img src=x onerror=alert(1)> & Co", "wang.wei@example.com", "B"],
    ],
    Team: [
      ["Owner", "Name", "Manager"],
      ["li.na@example.com", "李娜", "zhou.hong@example.com"],
      ["wang.wei@example.com", "王伟", "zhou.hong@example.com"],
    ],
    Deals: [
      [
        "Deal ID",
        "Client ID",
        "Title",
        "Stage",
        "Amount",
        "List price",
        "Floor price",
        "Discount",
        "Payment days",
      ],
      ["SJ001235", "K1", "二期产线数字化改造", "negotiation", 850_000, 1_000_000, 800_000, "", 120],
      ["SJ001357", "K2", "Pumps", "proposal", 270_000, 300_000, 280_000, "18%", 90],
    ],
  };
}

describe("The approver's e-mail", () => {
  for (const language of ["zh-CN", "en"] as const) {
    for (const width of [600, 360]) {
      it(`fits ${width} px and shows every text as text (${language})`, async () => {
        const env = testEnv(workbook(language), { today: calDate(2026, 11, 27) });
        reviewDealTerms(env);
        expect(env.outbox).toHaveLength(1);
        const page = await browser.newPage({ viewport: { width, height: 700 }, deviceScaleFactor: 1 });
        const dialogs: string[] = [];
        page.on("dialog", (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await page.setContent(env.outbox[0].htmlBody, { waitUntil: "load" });
        await noHorizontalOverflow(page);
        const wide = (await page.evaluate(
          `[...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > ${width} + 0.5).length`,
        )) as number;
        expect(wide).toBe(0);
        const text = (await page.evaluate("document.body.innerText")) as string;
        expect(text).toContain("<img src=x onerror=alert(1)> & Co");
        expect(await page.locator("img").count()).toBe(0);
        expect(dialogs).toEqual([]);
        expect(text).toContain(
          language === "en" ? "by 8 points, ¥24,000 of list price" : "超出 8 个百分点，按标价计 ¥24,000",
        );
        await page.screenshot({
          path: path.join(ARTIFACTS, `approval-mail-${language}-${width}px.png`),
          fullPage: true,
        });
        await page.close();
      });
    }
  }
});
