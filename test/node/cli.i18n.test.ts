/**
 * The command line speaks the workbook's language: every message of a run on a Chinese workbook
 * is Chinese, on an English one English, and `--lang` overrides either; the optional
 * playwright-core and a missing Chromium are named in the same language.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n";
import { launchChromium } from "../../src/node/pdf";
import { runCli as run, tempDir } from "./fixtures";

describe("messages in the workbook's language", () => {
  it("speaks Chinese to a Chinese workbook and English with --lang en", async () => {
    const file = path.join(tempDir(), "zh.xlsx");
    expect((await run("init", file, "--sample", "--clients", "8", "--as-of", "2026-11-27")).code).toBe(0);
    const zh = await run("tiers", file, "--as-of", "2026-11-27");
    expect(zh.code).toBe(0);
    expect(zh.out).toContain(t("zh-CN", "cli.plan.header"));
    expect(zh.out).not.toMatch(/Would change|Wrote|data issue/);
    const en = await run("tiers", file, "--as-of", "2026-11-27", "--lang", "en");
    expect(en.out).toContain("Would change (nothing written; save with --out FILE or --in-place):");
    expect(en.out).toContain("Tiers recalculated");
    expect(en.out).not.toContain(t("zh-CN", "cli.plan.header"));
    const out = path.join(tempDir(), "out.xlsx");
    expect((await run("schedule", file, "--as-of", "2026-11-27", "--out", out)).out).toContain(
      `已写入 ${out}`,
    );
  });

  it("speaks English to an English workbook and Chinese with --lang zh-CN", async () => {
    const file = path.join(tempDir(), "en.xlsx");
    expect((await run("init", file, "--lang", "en")).out).toContain(`Wrote ${file}`);
    const en = await run("check", file, "--as-of", "2026-11-27");
    expect(en.out).toContain("Check done: no data issues.");
    expect(en.out).toContain("Data issues: replaced, 1 row");
    const zh = await run("check", file, "--as-of", "2026-11-27", "--lang", "zh-CN");
    expect(zh.out).toContain("检查完成：未发现数据问题。");
    expect(zh.out).toContain("Data issues：整表替换，1 行");
  });

  it("prints usage and usage errors in the language asked for, Chinese by default", async () => {
    expect((await run("help")).out).toContain("所有操作的选项：");
    expect((await run("help", "--lang", "en")).out).toContain("Options of every action:");
    expect((await run("tiers", "x.xlsx", "--bogus")).err).toBe(
      "account-desk: 未知选项 --bogus\n运行 account-desk help 查看用法。\n",
    );
    expect((await run("tiers", "x.xlsx", "--lang", "fr")).err.split("\n")[0]).toBe(
      "account-desk: --lang 只接受 zh-CN 或 en，而不是「fr」",
    );
  });
});

describe("--pdf without its optional parts", () => {
  it("names the missing playwright-core package in the workbook's language", async () => {
    const absent = () =>
      Promise.reject(
        Object.assign(new Error("Cannot find package 'playwright-core'"), { code: "ERR_MODULE_NOT_FOUND" }),
      );
    const saved = process.env.ACCOUNT_DESK_CHROMIUM;
    process.env.ACCOUNT_DESK_CHROMIUM = process.execPath; // an existing file: only the package is missing
    try {
      const zh = await launchChromium({ language: "zh-CN", load: absent });
      expect(zh).toMatchObject({
        reason: "--pdf 需要可选依赖 playwright-core：请运行「npm install playwright-core」",
      });
      const en = await launchChromium({ language: "en", load: absent });
      expect(en).toMatchObject({
        reason:
          '--pdf needs the optional dependency playwright-core: install it with "npm install playwright-core"',
      });
    } finally {
      if (saved === undefined) delete process.env.ACCOUNT_DESK_CHROMIUM;
      else process.env.ACCOUNT_DESK_CHROMIUM = saved;
    }
  });

  it("names a missing Chromium and where it was looked for", async () => {
    const saved = process.env.ACCOUNT_DESK_CHROMIUM;
    const nowhere = path.join(tempDir(), "no-chromium");
    process.env.ACCOUNT_DESK_CHROMIUM = nowhere;
    try {
      const en = await launchChromium({ language: "en" });
      expect("reason" in en && en.reason).toBe(t("en", "pdf.noChromium", { path: nowhere }));
      expect("reason" in en && en.reason).toContain('"apt-get install chromium"');
    } finally {
      if (saved === undefined) delete process.env.ACCOUNT_DESK_CHROMIUM;
      else process.env.ACCOUNT_DESK_CHROMIUM = saved;
    }
  });

  it("is an optional dependency, loaded only when --pdf is given", async () => {
    const pkg = (await import("../../package.json", { with: { type: "json" } })).default as {
      optionalDependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect(pkg.optionalDependencies?.["playwright-core"]).toBeDefined();
    expect(pkg.devDependencies?.["playwright-core"]).toBeUndefined();
  });
});
