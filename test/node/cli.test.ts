import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadXlsx, saveXlsx } from "../../src/node/xlsx";
import { SETTING_DEFS } from "../../src/workbook/settings";
import { readWorkbook, tempDir, writeWorkbook, runCli as run } from "./fixtures";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A new English workbook (Set up only) with some cells written into it. */
async function englishWorkbook(
  file: string,
  edits: Record<string, (string | number)[][]> = {},
): Promise<void> {
  expect((await run("init", file, "--lang", "en")).code).toBe(0);
  const loaded = await loadXlsx(file);
  for (const [sheet, rows] of Object.entries(edits)) loaded.memory.writeBlock(sheet, 2, 1, rows);
  await saveXlsx(loaded, file);
}

describe("account-desk init", () => {
  it("creates a sample workbook that check then reads, exiting 1 exactly when it lists issues", async () => {
    const dir = tempDir();
    const file = path.join(dir, "sample.xlsx");
    const init = await run(
      "init",
      file,
      "--sample",
      "--clients",
      "40",
      "--seed",
      "3",
      "--as-of",
      "2026-11-27",
    );
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/^示例数据（种子 3，基准日 2026-11-27）：客户 40, 商机 \d+, /m);
    expect(init.out.endsWith(`已写入 ${file}\n`)).toBe(true);
    const check = await run("check", file, "--as-of", "2026-11-27");
    const listed = check.err.split("\n").filter((line) => line !== "").length - 2; // minus header and rule
    expect(check.code).toBe(listed > 0 ? 1 : 0);
    expect(check.out).toContain(
      listed > 0 ? `检查完成：发现 ${listed} 个数据问题` : "检查完成：未发现数据问题。",
    );
  });

  it("creates an empty workbook that checks clean (exit 0, nothing on stderr)", async () => {
    const file = path.join(tempDir(), "empty.xlsx");
    expect((await run("init", file, "--lang", "en")).code).toBe(0);
    const check = await run("check", file, "--as-of", "2026-11-27");
    expect(check).toEqual({
      code: 0,
      out: "Check done: no data issues.\nWould change (nothing written; save with --out FILE or --in-place):\n  Data issues: replaced, 1 row\n",
      err: "",
    });
  });

  it("refuses to overwrite an existing file without --force", async () => {
    const file = path.join(tempDir(), "book.xlsx");
    expect((await run("init", file)).code).toBe(0);
    const before = readFileSync(file);
    expect(await run("init", file)).toEqual({
      code: 2,
      out: "",
      err: `account-desk: ${file} 已存在；如需覆盖请加 --force\n`,
    });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await run("init", file, "--force", "--lang", "en")).code).toBe(0);
    expect((await readWorkbook(file)).worksheets[0].name).toBe("Settings");
  });

  it("takes sample options only with --sample", async () => {
    const result = await run("init", path.join(tempDir(), "x.xlsx"), "--clients", "10");
    expect(result.code).toBe(2);
    expect(result.err.split("\n")[0]).toBe("account-desk: --clients 需要与 --sample 一起使用");
  });
});

describe("account-desk check", () => {
  it("lists each bad cell by sheet, row and column and exits 1", async () => {
    const file = path.join(tempDir(), "bad.xlsx");
    await englishWorkbook(file, {
      Clients: [
        ["C1", "Acme", "", "", "not-an-email", "", "", "2026-02-30"],
        ["C2", "Beta", "", "", "#N/A"],
      ],
      Deals: [["D1", "C9", "", "", "won", "12万", "", "", "", "2026-10-01"]],
    });
    const check = await run("check", file, "--as-of", "2026-11-27");
    expect(check.code).toBe(1);
    const lines = check.err.split("\n");
    expect(lines[0]).toMatch(/^Sheet\s+Row\s+Column\s+Value\s+Problem$/);
    const expected = [
      /^Clients\s+2\s+Owner\s+not-an-email\s+expected an e-mail address/,
      /^Clients\s+2\s+Cooperation since\s+2026-02-30\s+no such date$/,
      /^Clients\s+3\s+Owner\s+#N\/A\s+formula error #N\/A$/,
      /^Deals\s+2\s+Client ID\s+C9\s+no client with this Client ID$/,
    ];
    for (const pattern of expected)
      expect(
        lines.filter((line) => pattern.test(line)),
        String(pattern),
      ).toHaveLength(1);
  });

  it("stops with exit 2 and one line, in the workbook's language, when a required sheet is missing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Settings").addRows([
      ["Key", "Value"],
      ["language", "en"],
    ]);
    wb.addWorksheet("Clients").addRow(["Client ID", "Name"]);
    const file = path.join(tempDir(), "nodeals.xlsx");
    await writeWorkbook(wb, file);
    expect(await run("check", file)).toEqual({
      code: 2,
      out: "",
      err: 'account-desk: The sheet "Deals" (商机) is missing. Run Account Desk ▸ Set up workbook (or account-desk init) to create it.\n',
    });
  });

  it("exits 2 with one line for a missing file", async () => {
    const missing = path.join(tempDir(), "nope.xlsx");
    expect(await run("check", missing, "--lang", "en")).toEqual({
      code: 2,
      out: "",
      err: `account-desk: no such file: ${missing}\n`,
    });
    expect((await run("check", missing)).err).toBe(`account-desk: 文件不存在：${missing}\n`);
  });

  it("exits 2 with one line for a file that is not an .xlsx workbook", async () => {
    const dir = tempDir();
    const file = path.join(dir, "text.xlsx");
    await import("node:fs/promises").then((fs) => fs.writeFile(file, "just text"));
    const result = await run("check", file, "--lang", "en");
    expect(result.code).toBe(2);
    expect(result.err.startsWith(`account-desk: cannot read ${file} as an .xlsx workbook (`)).toBe(true);
    expect(result.err.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("usage errors", () => {
  it("exits 2 for an unknown command, an unknown option, a bad date and --out with --in-place", async () => {
    expect(await run("frobnicate", "x.xlsx", "--lang", "en")).toEqual({
      code: 2,
      out: "",
      err: 'account-desk: unknown command "frobnicate"\nRun "account-desk help" for usage.\n',
    });
    expect((await run("check", "x.xlsx", "--bogus", "--lang=en")).err.split("\n")[0]).toBe(
      "account-desk: unknown option --bogus",
    );
    expect((await run("frobnicate", "x.xlsx")).err).toBe(
      "account-desk: 未知命令「frobnicate」\n运行 account-desk help 查看用法。\n",
    );
    expect((await run("check", "x.xlsx", "--as-of", "2026-13-01", "--lang", "en")).err.split("\n")[0]).toBe(
      'account-desk: --as-of takes a date as YYYY-MM-DD, not "2026-13-01"',
    );
    expect((await run("check", "x.xlsx", "--out", "y.xlsx", "--in-place")).code).toBe(2);
    expect((await run()).code).toBe(2);
  });

  it("prints usage for help, listing every action", async () => {
    const help = await run("help", "--lang", "en");
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^ {2}check +check every table/m);
    expect(help.out).toMatch(/^ {2}setup +add the missing sheets/m);
  });
});

describe("what gets written", () => {
  it("writes nothing without --out or --in-place and prints what would change", async () => {
    const dir = tempDir();
    const file = path.join(dir, "short.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Settings").addRows([
      ["Key", "Value"],
      ["language", "en"],
    ]);
    wb.addWorksheet("Clients").addRows([
      ["Client ID", "Name", "Mine"],
      ["C1", "Acme", "keep"],
    ]);
    await writeWorkbook(wb, file);
    const bytes = readFileSync(file);
    const setup = await run("setup", file);
    expect(setup.code).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(["short.xlsx"]);
    const plan = setup.out.slice(setup.out.indexOf("Would change"));
    // Set up adds the Description header, and a key, a description and (unless blank) a value for every other setting.
    const others = SETTING_DEFS.filter((def) => def.key !== "language");
    const settingCells = 1 + others.reduce((n, def) => n + (def.defaultText === "" ? 2 : 3), 0);
    expect(plan.split("\n").slice(0, 9)).toEqual([
      "Would change (nothing written; save with --out FILE or --in-place):",
      `  Settings: ${settingCells} cells changed`,
      "    Settings!C1: (blank) → Description",
      "    Settings!A3: (blank) → currency",
      "    Settings!B3: (blank) → CNY",
      "    Settings!C3: (blank) → ISO currency code for amounts",
      "    Settings!A4: (blank) → timeZone",
      `    … and ${settingCells - 5} more`,
      "  Clients: 15 cells changed",
    ]);
    expect(plan).toContain("    Clients!D1: (blank) → Industry\n");
    expect(plan).toContain("  Deals: new sheet, 1 row\n");
    expect(plan).toContain("  Data issues: new sheet, 1 row\n");
  });

  it("--in-place keeps the previous file as FILE.bak", async () => {
    const dir = tempDir();
    const file = path.join(dir, "book.xlsx");
    await englishWorkbook(file, { Clients: [["C1", "Acme", "", "", "not-an-email"]] });
    const before = readFileSync(file);
    const check = await run("check", file, "--in-place", "--as-of", "2026-11-27");
    expect(check.code).toBe(1);
    expect(check.out.endsWith(`Wrote ${file} (previous version in ${file}.bak)\n`)).toBe(true);
    expect(readFileSync(`${file}.bak`).equals(before)).toBe(true);
    const issues = (await readWorkbook(file)).getWorksheet("Data issues") as ExcelJS.Worksheet;
    expect(issues.getRow(2).values).toEqual([
      undefined,
      "Check data",
      "Clients",
      2,
      "Owner",
      "not-an-email",
      expect.stringContaining("e-mail"),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    ]);
  });

  it("--json writes the action's figures as UTF-8 JSON", async () => {
    const dir = tempDir();
    const file = path.join(dir, "book.xlsx");
    const json = path.join(dir, "check.json");
    await englishWorkbook(file, { Clients: [["C1", "杭州云启"]] });
    expect((await run("check", file, "--json", json, "--as-of", "2026-11-27")).code).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual({
      issueCount: 0,
      rows: {
        clients: 1,
        deals: 0,
        contracts: 0,
        payments: 0,
        interactions: 0,
        targets: 0,
        industries: 0,
        partners: 0,
      },
    });
    expect(existsSync(`${file}.bak`)).toBe(false);
  });
});

describe("the account-desk command", () => {
  it("runs through bin/account-desk.mjs with the same exit codes", () => {
    const bin = path.join(root, "bin", "account-desk.mjs");
    const help = spawnSync(process.execPath, [bin, "help"], { cwd: root, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("用法：");
    const missing = spawnSync(process.execPath, [bin, "check", "missing.xlsx"], {
      cwd: tempDir(),
      encoding: "utf8",
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("account-desk: 文件不存在：missing.xlsx\n");
  });
});
