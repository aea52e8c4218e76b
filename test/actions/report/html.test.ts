import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateReport } from "../../../src/actions/report";
import { REPORT_TOPICS } from "../../../src/actions/report/topics";
import { launchChromium } from "../../../src/node/pdf";
import type { Cell } from "../../../src/ports";
import { testEnv } from "../../helpers/env";
import { asOf, october, sampleEnv, sampleSheets } from "./workbooks";

const SCRIPT = "<script>alert(1)</script>";
const ADDRESS = "procurement.dept@bright-future-industrial.example.com";
const TOPICS = [
  "attention",
  "headline",
  "changes",
  "owners",
  "trend",
  "pipeline",
  "staleDeals",
  "discounts",
  "contracts",
  "receivables",
  "tiers",
  "contacts",
  "sources",
  "funnel",
  "industries",
  "lostReasons",
  "competitors",
  "lossReasons12m",
  "cases",
  "partners",
];

/** The sample report; the client owing most is renamed to a script tag, the next to an address. */
function sampleReport(language: "zh-CN" | "en" = "zh-CN") {
  const zh = language === "zh-CN";
  const sheets = sampleSheets({ language });
  const first = generateReport(testEnv(sheets), { month: october, asOf });
  const [owing, next] = first.model.receivablesOverdue.byClient;
  const clients = sheets[zh ? "客户" : "Clients"];
  const nameAt = clients[0].indexOf(zh ? "客户名称" : "Name");
  (clients.find((r) => r[0] === owing.clientId) as Cell[])[nameAt] = SCRIPT;
  (clients.find((r) => r[0] === next.clientId) as Cell[])[nameAt] = `${ADDRESS} 采购部`;
  return generateReport(testEnv(sheets), { month: october, asOf, link: "https://example.com/sheet#gid=7" });
}

const bytes = (html: string) => Buffer.byteLength(html, "utf8");

describe("report e-mail HTML", () => {
  const result = sampleReport();
  const html = result.html;

  it("writes its styles once in a <style> block, never per cell, and escapes workbook text", () => {
    expect(html.match(/<style>/g)).toHaveLength(1);
    // Inline styles are only the widths of chart bars.
    const inline = html.match(/style="[^"]*"/g) ?? [];
    expect(inline.every((s) => /^style="width:\d+%"$/.test(s))).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<svg/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("shows every topic in order, from the topics alone", () => {
    const ids = [...html.matchAll(/data-topic="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(TOPICS);
    expect(REPORT_TOPICS).toHaveLength(TOPICS.length);
  });

  it("cuts long tables to their top rows, says how many more and links to the sheet", () => {
    const receivables = result.topics.find((t) => t.id === "receivables");
    const count = receivables?.table?.rows.length ?? 0;
    expect(count).toBeGreaterThan(10);
    expect(html).toContain(`另有 ${count - 10} 条，详见工作表「月报 2026-10」。`);
    expect(html).toContain('<a href="https://example.com/sheet#gid=7">打开报告工作表</a>');
  });

  it("stays under 60,000 bytes for the 150-client sample", () => {
    console.log(`report e-mail, 150 clients: ${bytes(html)} bytes`);
    expect(bytes(html)).toBeLessThan(60_000);
  });

  it("stays under 60,000 bytes for 20,000 clients and 50 owners", () => {
    const big = generateReport(sampleEnv({ clients: 20_000, owners: 50 }), { month: october, asOf });
    expect(big.model.owners.length).toBeGreaterThanOrEqual(50);
    expect(big.model.receivablesOverdue.byClient.length).toBeGreaterThan(1000);
    console.log(`report e-mail, 20,000 clients / 50 owners: ${bytes(big.html)} bytes`);
    expect(bytes(big.html)).toBeLessThan(60_000);
  }, 120_000);
});

describe("report HTML in headless Chromium", () => {
  let browser: Browser;
  const pages = { "zh-CN": sampleReport("zh-CN"), en: sampleReport("en") };
  const dir = path.resolve("test-artifacts");

  beforeAll(async () => {
    const launched = await launchChromium();
    if ("reason" in launched) throw new Error(launched.reason);
    browser = launched.browser;
    mkdirSync(dir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [language, width] of [
    ["zh-CN", 600],
    ["zh-CN", 360],
    ["en", 600],
    ["en", 360],
  ] as const) {
    it(`fits ${width} px without overflow and never breaks an e-mail address (${language})`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.setContent(pages[language].html, { waitUntil: "load" });
      const layout = (await page.evaluate(`({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        // Each address as the lines it is laid out on (characters grouped by their line's top).
        addresses: [...document.querySelectorAll(".a")].map((e) => {
          const lines = new Map();
          const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const top = Math.round(range.getBoundingClientRect().top);
              lines.set(top, (lines.get(top) || "") + node.data[i]);
            }
          }
          return [...lines.values()];
        }),
        wide: [...document.querySelectorAll(".tp *")].filter((e) => e.getBoundingClientRect().right > ${width} + 0.5).length,
        text: document.body.innerText,
      })`)) as {
        scrollWidth: number;
        clientWidth: number;
        addresses: string[][];
        wide: number;
        text: string;
      };
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.wide).toBe(0);
      expect(layout.addresses.map((lines) => lines.join(""))).toContain(ADDRESS);
      // A line of an address ends after its @ or a hyphen, or before a dot: never inside a word.
      for (const lines of layout.addresses)
        for (const [i, line] of lines.slice(1).entries())
          expect(/[@-]$/.test(lines[i]) || line.startsWith(".")).toBe(true);
      expect(layout.text).toContain(SCRIPT);
      expect(dialogs).toEqual([]);
      await page.screenshot({
        path: path.join(dir, `report-2026-10-${language}-${width}px.png`),
        fullPage: true,
      });
      await page.close();
    });
  }

  it("prints an A4 PDF with page numbers and no table row split across pages", async () => {
    const page = await browser.newPage();
    await page.setContent(pages["zh-CN"].printHtml, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const rows = (await page.evaluate(
      `[...document.querySelectorAll(".tb tbody tr")].map((tr) => [...tr.cells].map((td) => td.innerText.trim()).filter((t) => t !== ""))`,
    )) as string[][];
    const file = path.join(mkdtempSync(path.join(tmpdir(), "report-pdf-")), "report.pdf");
    await page.pdf({ path: file, format: "A4", printBackground: true });
    await page.close();
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    const pageCount = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    console.log(`report PDF, 150 clients: ${pageCount} pages`);
    expect(pageCount).toBeGreaterThanOrEqual(3);
    // Sixteen topics with the funnel, stale deals, win / loss and the discounts granted fit in ten pages.
    expect(pageCount).toBeLessThanOrEqual(10);
    const texts: string[] = [];
    for (let p = 1; p <= pageCount; p++) {
      const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), file, "-"], {
        encoding: "utf8",
      });
      texts.push(text.replace(/\s+/g, ""));
      expect(text).toMatch(new RegExp(`(^|\\s)${p}\\s*/\\s*${pageCount}(\\s|$)`));
    }
    // A row is whole when one page holds all of its cells.
    const split = rows.filter(
      (cells) => !texts.some((text) => cells.every((c) => text.includes(c.replace(/\s+/g, "")))),
    );
    expect(split).toEqual([]);
    writeFileSync(path.join(dir, "report-2026-10.pdf.txt"), texts.join("\n\f\n"));
  }, 60_000);
});
