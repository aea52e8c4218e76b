/**
 * What the browser tests share: headless Chromium, the built sidebar pages (dist/NAME.html; run
 * `npm run build` first) opened at the 300 px of the Sheets sidebar, and google.script.run
 * replaced by a test double that records every call and answers it with the real server
 * functions of src/actions/ on an in-memory workbook. Screenshots go to test-artifacts/; with
 * UPDATE_DOCS_IMAGES=1 the ones the README shows are also written to docs/img/ (CI never sets
 * it, so the tree stays clean).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { clientCardAt, logContact, type CardSelection } from "../../src/actions/clientCard";
import { pageWithData, saveSettings, settingsForm } from "../../src/actions/sidebar";
import { sendTestMail } from "../../src/actions/testMail";
import { fillSample, getStartedForm, setupFromPage } from "../../src/actions/getStarted";
import { mappingForm, saveMapping } from "../../src/actions/mapSheets";
import { launchChromium } from "../../src/node/pdf";
import type { SidebarServer } from "../../src/ui/api";
import { testEnv, type TestEnv } from "../helpers/env";
import { memoryCells, sidebarWorkbook, type IsoSheets } from "../helpers/sidebarWorkbook";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
export const DOCS_IMAGES = path.join(ROOT, "docs", "img");
export const WIDTH = 300;
/** Where a page with its first data put in is served from (no file is written). */
const PAGE_URL = "http://sidebar.test/page.html";

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

export interface Call {
  readonly name: string;
  readonly args: unknown[];
}

export interface Session {
  readonly page: Page;
  readonly env: TestEnv;
  readonly calls: Call[];
  readonly dialogs: string[];
  readonly errors: string[];
  selection: CardSelection;
}

export async function startBrowser(): Promise<Browser> {
  for (const page of ["settings", "client-card", "get-started"]) {
    if (!existsSync(path.join(ROOT, "dist", `${page}.html`)))
      throw new Error(`dist/${page}.html is missing: run npm run build`);
  }
  const launched = await launchChromium();
  if ("reason" in launched) throw new Error(launched.reason);
  mkdirSync(ARTIFACTS, { recursive: true });
  return launched.browser;
}

export interface OpenOptions {
  readonly selection?: CardSelection;
  readonly sheets?: IsoSheets;
  /** Put the first server answer into the page, as the menu handler does in Sheets. */
  readonly injectForm?: boolean;
  readonly quota?: number;
  readonly height?: number;
}

/** The workbook of the sidebar tests with some Settings rows changed or added. */
export function withSettings(rows: readonly (readonly [string, string | number])[]): IsoSheets {
  const sheets = sidebarWorkbook();
  const settings = sheets["设置"];
  for (const [key, value] of rows) {
    const found = settings.find((row) => row[0] === key);
    if (found) found[1] = value;
    else settings.push([key, value, ""]);
  }
  return sheets;
}

export async function open(
  browser: Browser,
  pageName: "settings" | "client-card" | "get-started",
  options: OpenOptions = {},
): Promise<Session> {
  const env = testEnv(memoryCells(options.sheets ?? sidebarWorkbook()), { quota: options.quota });
  const page = await browser.newPage({
    viewport: { width: WIDTH, height: options.height ?? 760 },
    deviceScaleFactor: 2,
  });
  const session: Session = {
    page,
    env,
    calls: [],
    dialogs: [],
    errors: [],
    selection: options.selection ?? { sheet: "客户", row: 2 },
  };
  const server: SidebarServer = {
    sidebarSettingsForm: () => settingsForm(env),
    sidebarSaveSettings: (values) => saveSettings(env, values),
    sidebarTestMail: (recipients) => sendTestMail(env, recipients),
    sidebarClientCard: () => clientCardAt(env, session.selection),
    sidebarLogContact: (input) => logContact(env, input),
    sidebarGetStarted: () => getStartedForm(env),
    sidebarStartSetup: () => setupFromPage(env),
    sidebarFillSample: () => fillSample(env),
    sidebarMappingForm: () => mappingForm(env),
    sidebarSaveMapping: (input) => saveMapping(env, input),
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
  const file = path.join(ROOT, "dist", `${pageName}.html`);
  if (options.injectForm) {
    const first = pageName === "get-started" ? getStartedForm(env) : settingsForm(env);
    const html = pageWithData(readFileSync(file, "utf8"), first);
    await page.route(PAGE_URL, (route) =>
      route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }),
    );
    await page.goto(PAGE_URL);
  } else {
    await page.goto(pathToFileURL(file).href);
  }
  return session;
}

/**
 * What the 300 px sidebar shows first, and the whole page, into test-artifacts/. `docsName`
 * also writes the first view to docs/img/ when UPDATE_DOCS_IMAGES=1.
 */
export async function shot(page: Page, name: string, docsName?: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${WIDTH}px.png`) });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${WIDTH}px-full.png`), fullPage: true });
  if (docsName !== undefined && process.env.UPDATE_DOCS_IMAGES === "1") {
    mkdirSync(DOCS_IMAGES, { recursive: true });
    // The first 640 px of the sidebar at 2×: sharp on any screen, and under 150 KB.
    await page.screenshot({
      path: path.join(DOCS_IMAGES, `${docsName}.png`),
      clip: { x: 0, y: 0, width: WIDTH, height: 640 },
    });
  }
}

export async function noHorizontalOverflow(page: Page): Promise<void> {
  const widths = (await page.evaluate(
    "({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })",
  )) as { scroll: number; client: number };
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}
