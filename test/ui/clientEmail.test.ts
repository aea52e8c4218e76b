/**
 * A tier-C client e-mail as a mail program shows it: the HTML the action renders from the
 * default Chinese and English templates, in headless Chromium at 600 px (a desktop reading pane)
 * and 360 px (a phone). The client's name carries markup that must show as text.
 */
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareClientEmails } from "../../src/actions/clientEmails";
import { calDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import { defaultTemplateRows } from "../../src/workbook/templates";
import { d, testEnv } from "../helpers/env";
import { ARTIFACTS, noHorizontalOverflow, startBrowser } from "./session";

const NAME = `杭州云启科技<script>window.__xss=1</script> & 合作伙伴（华东）有限公司`;

function messageHtml(language: "zh-CN" | "en"): string {
  const sheets: Record<string, Cell[][]> = {
    Settings: [
      ["Key", "Value"],
      ["language", language],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Email", "Tier"],
      ["KH00012", NAME, "li.ming@example.com", "procurement@yunqi.example.com", "C"],
    ],
    Team: [
      ["Owner", "Name"],
      ["li.ming@example.com", language === "en" ? "Li Ming" : "李明"],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel"],
      [d("2026-10-12"), "KH00012", "email"],
    ],
    Templates: [["Tier", "Language", "Subject", "Body"], ...defaultTemplateRows()],
  };
  const env = testEnv(sheets, { today: calDate(2026, 11, 27) });
  const result = prepareClientEmails(env, { dryRun: true });
  expect(result.data.messages).toHaveLength(1);
  return result.data.messages[0].html;
}

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("a tier-C client e-mail in a browser", () => {
  for (const language of ["zh-CN", "en"] as const) {
    for (const width of [600, 360]) {
      it(`reads at ${width} px in ${language}: the name as text, no script run, no sideways scrolling`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 640 } });
        const html = messageHtml(language);
        await page.setContent(
          `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="margin:12px">${html}</body></html>`,
        );
        const text = await page.locator("body").innerText();
        expect(text).toContain(NAME);
        expect(text).toContain(language === "en" ? "Oct 12, 2026" : "2026年10月12日");
        expect(await page.evaluate("window.__xss")).toBeUndefined();
        expect(await page.locator("script").count()).toBe(0);
        expect(await page.locator("p").count()).toBe(3);
        await noHorizontalOverflow(page);
        await page.screenshot({
          path: path.join(ARTIFACTS, `client-email-${language}-${width}px.png`),
          fullPage: true,
        });
        await page.close();
      });
    }
  }
});
