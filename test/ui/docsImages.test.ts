/**
 * The pictures of the README, taken in headless Chromium: the menu (there is no Sheets here, so
 * an HTML rendering of the menu's items, built from the same registry and labels that
 * src/gas/ui.ts builds the real menu from) and the monthly report (the HTML the command line
 * writes with --html, on the sample workbook). The settings sidebar's picture is taken by
 * settings.test.ts. They go to test-artifacts/, and to docs/img/ with UPDATE_DOCS_IMAGES=1.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { menuEntries, type MenuEntry } from "../../src/gas/registry";
import { t, type Language } from "../../src/i18n";
import { escapeHtml } from "../../src/workbook/html";
import { runCli } from "../node/fixtures";
import { ARTIFACTS, DOCS_IMAGES, startBrowser } from "./session";

let browser: Browser;

beforeAll(async () => {
  browser = await startBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Every caption of the menu, depth first, as Sheets shows them. */
function captions(entries: readonly MenuEntry[], language: Language): string[] {
  return entries.flatMap((entry) =>
    entry.kind === "item"
      ? [t(language, entry.label)]
      : entry.kind === "submenu"
        ? [t(language, entry.label), ...captions(entry.items, language)]
        : [],
  );
}

function panel(entries: readonly MenuEntry[], language: Language): string {
  const rows = entries.map((entry) => {
    if (entry.kind === "separator") return `<li class="sep" role="separator"></li>`;
    const label = escapeHtml(t(language, entry.label));
    if (entry.kind === "item") return `<li class="item" role="menuitem">${label}</li>`;
    return `<li class="item has-sub open" role="menuitem">${label}<span class="arrow">▸</span>${panel(entry.items, language)}</li>`;
  });
  return `<ul class="panel" role="menu">${rows.join("")}</ul>`;
}

/** A Sheets-like menu bar with the Account Desk menu open and its Automation submenu unfolded. */
function menuMock(language: Language): string {
  const bar =
    language === "en"
      ? ["File", "Edit", "View", "Insert", "Format", "Data", "Tools", "Extensions", "Help"]
      : ["文件", "修改", "查看", "插入", "格式", "数据", "工具", "扩展程序", "帮助"];
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><style>
    body { margin: 0; font: 14px/1.2 "Google Sans", Roboto, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; background: #f9fbfd; color: #1f1f1f; }
    .bar { display: flex; gap: 2px; padding: 6px 8px; background: #f9fbfd; }
    .bar span { padding: 4px 7px; border-radius: 4px; }
    .bar .open-menu { background: #e1e5ea; }
    .wrap { position: relative; padding-left: 8px; }
    .panel { list-style: none; margin: 0; padding: 6px 0; min-width: 210px; background: #fff; border-radius: 4px;
      box-shadow: 0 2px 6px 2px rgba(60,64,67,.15), 0 1px 2px rgba(60,64,67,.3); }
    .wrap > .panel { position: absolute; left: var(--left); top: 0; }
    .item { position: relative; padding: 7px 36px 7px 40px; white-space: nowrap; }
    .item:hover, .item.open { background: #f1f3f4; }
    .arrow { position: absolute; right: 12px; color: #5f6368; }
    .sep { height: 1px; margin: 6px 0; background: #dadce0; }
    .has-sub > .panel { position: absolute; left: 100%; top: -6px; }
  </style></head><body>
    <div class="bar">${bar.map((b) => `<span>${escapeHtml(b)}</span>`).join("")}<span class="open-menu" id="menu-title">${escapeHtml(t(language, "app.name"))}</span></div>
    <div class="wrap" id="menu">${panel(menuEntries(), language)}</div>
  </body></html>`;
}

async function pageAt(width: number, height: number): Promise<Page> {
  return browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
}

async function picture(
  page: Page,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), clip });
  if (process.env.UPDATE_DOCS_IMAGES === "1") {
    await page.screenshot({ path: path.join(DOCS_IMAGES, `${name}.png`), clip });
  }
}

describe("Pictures for the README", () => {
  it("renders the menu's items from the registry, in the workbook language, and nothing else", async () => {
    const page = await pageAt(880, 200);
    await page.setContent(menuMock("zh-CN"));
    // Place the open menu under its title in the bar.
    await page.evaluate(
      "document.querySelector('#menu').style.setProperty('--left', (document.querySelector('#menu-title').offsetLeft - 8) + 'px')",
    );
    const shown = await page
      .locator("#menu .item")
      .evaluateAll((items) => items.map((item) => (item.firstChild?.textContent ?? "").trim()));
    expect(shown).toEqual(captions(menuEntries(), "zh-CN"));
    expect(shown).toContain("设置…");
    expect(shown).toContain("客户卡片");
    expect(await page.locator("#menu-title").textContent()).toBe(t("zh-CN", "app.name"));
    // As tall as the open menu, however many items the registry has.
    const height = (await page.evaluate(
      "Math.ceil(document.querySelector('#menu').getBoundingClientRect().top + Math.max(...[...document.querySelectorAll('#menu .panel')].map((p) => p.getBoundingClientRect().bottom)) - document.querySelector('#menu').getBoundingClientRect().top + 16)",
    )) as number;
    await page.setViewportSize({ width: 880, height });
    await picture(page, "menu");
    await page.close();
  });

  it("shows the monthly report as the command line writes it, on the sample workbook", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "account-desk-report-"));
    try {
      const file = path.join(dir, "sample.xlsx");
      const html = path.join(dir, "report.html");
      expect((await runCli("init", file, "--sample", "--as-of", "2026-11-27")).code).toBe(0);
      // As a team would: tiers first, so the report's tier and contact figures are complete.
      expect((await runCli("tiers", file, "--as-of", "2026-11-27", "--in-place")).code).toBe(0);
      const report = await runCli(
        "report",
        file,
        "--as-of",
        "2026-11-27",
        "--month",
        "2026-10",
        "--html",
        html,
      );
      expect(report.code).toBe(0);
      expect(readFileSync(html, "utf8")).toContain("2026");
      const page = await pageAt(640, 900);
      await page.goto(pathToFileURL(html).href);
      const overflow = (await page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      )) as number;
      expect(overflow).toBeLessThanOrEqual(0);
      await picture(page, "report");
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
