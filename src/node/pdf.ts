/**
 * Printing the report's HTML to PDF on the command line: headless Chromium (Debian's
 * /usr/bin/chromium) driven by playwright-core, an optional dependency loaded only when `--pdf`
 * is given. Without either, `--pdf` says plainly what to install, in the workbook's language,
 * and the rest of the command still runs.
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";
import { msg, render, type Language, type MessageRef } from "../i18n";

/** Where Debian's chromium package puts the browser; ACCOUNT_DESK_CHROMIUM overrides it. */
export function chromiumPath(): string {
  return process.env.ACCOUNT_DESK_CHROMIUM ?? "/usr/bin/chromium";
}

/** Flags for a quiet, offline headless run (containers have no sandbox support). */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type PdfOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

type Playwright = typeof import("playwright-core");

export interface LaunchOptions {
  /** The language of the reason when something is missing (default en). */
  readonly language?: Language;
  /** Loads playwright-core (tests simulate its absence). */
  readonly load?: () => Promise<Playwright>;
}

const firstLine = (error: unknown): string =>
  error instanceof Error ? error.message.split("\n")[0] : String(error);

/** Launches headless Chromium, or says what is missing. */
export async function launchChromium(
  options: LaunchOptions = {},
): Promise<{ browser: Browser } | { reason: string; problem: MessageRef }> {
  const language = options.language ?? "en";
  const fail = (problem: MessageRef) => ({ reason: render(language, problem), problem });
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) return fail(msg("pdf.noChromium", { path: executablePath }));
  let playwright: Playwright;
  try {
    playwright = await (options.load ?? (() => import("playwright-core")))();
  } catch {
    return fail(msg("pdf.noPlaywright"));
  }
  try {
    const browser = await playwright.chromium.launch({
      executablePath,
      args: [...CHROMIUM_ARGS],
      headless: true,
    });
    return { browser };
  } catch (error) {
    return fail(msg("pdf.cannotStart", { path: executablePath, reason: firstLine(error) }));
  }
}

/** Prints an HTML document to an A4 PDF file. */
export async function printPdf(html: string, file: string, options: LaunchOptions = {}): Promise<PdfOutcome> {
  const launched = await launchChromium(options);
  if ("reason" in launched) return { ok: false, reason: launched.reason };
  const { browser } = launched;
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    await page.pdf({
      path: file,
      format: "A4",
      printBackground: true,
      margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" },
    });
    return { ok: true };
  } catch (error) {
    const reason = render(
      options.language ?? "en",
      msg("pdf.cannotPrint", { file, reason: firstLine(error) }),
    );
    return { ok: false, reason };
  } finally {
    await browser.close();
  }
}
