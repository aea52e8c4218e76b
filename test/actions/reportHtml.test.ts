import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateReport } from "../../src/actions/report";
import { calDate } from "../../src/core/dates";
import { launchChromium } from "../../src/node/pdf";
import type { Cell } from "../../src/ports";
import { generateSample } from "../../src/workbook/sample";
import { testEnv } from "../helpers/env";

const asOf = calDate(2026, 11, 27);
const october = { year: 2026, month: 10 };
const SCRIPT = "<script>alert(1)</script>";
const BLOCKS = [
  "notes",
  "headline",
  "owners",
  "underperformers",
  "trend",
  "pipeline",
  "contracts",
  "receivables",
  "tiers",
  "contact",
  "sources",
  "industries",
  "lostReasons",
];

/** The sample report, with the client that owes most at month end renamed to a script tag. */
function sampleReportHtml(language: "zh-CN" | "en" = "zh-CN"): { html: string; renamed: string } {
  const zh = language === "zh-CN";
  const sample = generateSample({ language, clients: 150, asOf, seed: 1 });
  const sheets: Record<string, Cell[][]> = {
    [zh ? "设置" : "Settings"]: [["Key", "Value"], ...Object.entries(sample.settings)],
  };
  for (const s of sample.sheets) sheets[s.name] = s.rows;
  const first = generateReport(testEnv(sheets), { month: october, asOf });
  const renamed = first.model.receivablesOverdue.byClient[0].clientId as string;
  const clients = sheets[zh ? "客户" : "Clients"];
  const nameAt = clients[0].indexOf(zh ? "客户名称" : "Name");
  const row = clients.find((r) => r[0] === renamed) as Cell[];
  row[nameAt] = SCRIPT;
  const result = generateReport(testEnv(sheets), { month: october, asOf });
  return { html: result.html, renamed };
}

describe("report HTML", () => {
  const { html } = sampleReportHtml();

  it("uses inline styles only, with no script, style sheet or image", () => {
    expect(html).not.toMatch(/<script|<style|<link|<img|<svg/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    for (const block of BLOCKS) expect(html).toContain(`data-block="${block}"`);
  });

  it("stays under Gmail's 102 KB limit, beyond which the message is clipped", () => {
    expect(Buffer.byteLength(html, "utf8")).toBeLessThan(102 * 1024);
  });
});

describe("report HTML in headless Chromium", () => {
  let browser: Browser;
  // The Chinese report is the default; the English one reads in a screenshot without CJK fonts.
  const pages = { "zh-CN": sampleReportHtml("zh-CN").html, en: sampleReportHtml("en").html };

  beforeAll(async () => {
    const launched = await launchChromium();
    if ("reason" in launched) throw new Error(launched.reason);
    browser = launched.browser;
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [language, width] of [
    ["zh-CN", 600],
    ["zh-CN", 360],
    ["en", 600],
  ] as const) {
    it(`fits ${width} px without horizontal overflow and shows every block (${language})`, async () => {
      const html = pages[language];
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.setContent(html, { waitUntil: "load" });
      // Evaluated in the page (a string: the test's own TypeScript has no DOM types).
      const layout = (await page.evaluate(`({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        blocks: [...document.querySelectorAll("[data-block]")].map((e) => e.getAttribute("data-block")),
        scripts: document.querySelectorAll("script").length,
        text: document.body.innerText,
      })`)) as { scrollWidth: number; clientWidth: number; blocks: string[]; scripts: number; text: string };
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.blocks).toEqual(BLOCKS);
      expect(layout.scripts).toBe(0);
      expect(layout.text).toContain(SCRIPT);
      expect(dialogs).toEqual([]);
      const dir = path.resolve("test-artifacts");
      mkdirSync(dir, { recursive: true });
      await page.screenshot({
        path: path.join(dir, `report-2026-10-${language}-${width}px.png`),
        fullPage: true,
      });
      await page.close();
    });
  }
});
