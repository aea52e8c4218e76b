/**
 * Printing the report's HTML to PDF on the command line: headless Chromium (Debian's
 * /usr/bin/chromium) driven by playwright-core. Both are optional: without them `--pdf` says
 * plainly what to install and the rest of the command still runs.
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

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

/** Launches headless Chromium, or says what is missing. */
export async function launchChromium(): Promise<{ browser: Browser } | { reason: string }> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    return {
      reason: `--pdf needs Chromium at ${executablePath}: install it with "apt-get install chromium" (Debian/Ubuntu)`,
    };
  }
  let playwright: typeof import("playwright-core");
  try {
    playwright = await import("playwright-core");
  } catch {
    return {
      reason: `--pdf needs the playwright-core package: install it with "npm install playwright-core"`,
    };
  }
  try {
    const browser = await playwright.chromium.launch({
      executablePath,
      args: [...CHROMIUM_ARGS],
      headless: true,
    });
    return { browser };
  } catch (error) {
    return {
      reason: `--pdf could not start Chromium at ${executablePath}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    };
  }
}

/** Prints an HTML document to an A4 PDF file. */
export async function printPdf(html: string, file: string): Promise<PdfOutcome> {
  const launched = await launchChromium();
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
    return {
      ok: false,
      reason: `could not print ${file}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    };
  } finally {
    await browser.close();
  }
}
