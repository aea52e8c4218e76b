import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadXlsx, openXlsx } from "../../src/node/xlsx";
import {
  addUserParts,
  readWorkbook,
  runCli as run,
  tempDir,
  USER_PARTS,
  zipPart,
  zipParts,
} from "./fixtures";

const AS_OF = "2026-11-27";

/** Parts every save may write: styles (appended formats) and the lists of sheets and parts. */
const BOOKKEEPING = new Set([
  "xl/styles.xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
]);

/** The sheets each action writes into (its own output sheets are new parts, checked as such). */
const ACTIONS: readonly { readonly args: readonly string[]; readonly writes: readonly string[] }[] = [
  { args: ["check"], writes: ["Data issues"] },
  {
    args: ["setup"],
    writes: [
      "Settings",
      "Clients",
      "Deals",
      "Contracts",
      "Payments",
      "Interactions",
      "Targets",
      "Industries",
      "Tier history",
      "Data issues",
      "Send log",
    ],
  },
  { args: ["tiers"], writes: ["Clients", "Tier history", "Data issues"] },
  { args: ["schedule"], writes: ["Data issues"] },
  { args: ["contracts"], writes: ["Data issues"] },
  { args: ["report", "--month", "2026-10"], writes: ["Data issues"] },
];

/** The worksheet part of each sheet, from the workbook and its relationships. */
async function sheetParts(file: string): Promise<Map<string, string>> {
  const workbook = (await zipPart(file, "xl/workbook.xml")) ?? "";
  const rels = (await zipPart(file, "xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map(
    [...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]] as const),
  );
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet name="([^"]+)" sheetId="\d+" r:id="([^"]+)"/g)) {
    out.set(m[1], `xl/${targets.get(m[2])}`);
  }
  return out;
}

describe("the user's workbook kept whole", () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = tempDir();
    file = path.join(dir, "user.xlsx");
    expect(
      (await run("init", file, "--sample", "--lang", "en", "--clients", "40", "--as-of", AS_OF)).code,
    ).toBe(0);
    await addUserParts(file, "Clients");
  }, 60_000);

  for (const { args: action, writes } of ACTIONS) {
    it(`${action[0]} --out and --in-place keep every part but the tool's own byte for byte`, async () => {
      const before = await zipParts(file);
      const parts = await sheetParts(file);
      const own = new Set(BOOKKEEPING);
      for (const sheet of writes) {
        const part = parts.get(sheet) as string;
        own.add(part).add(part.replace(/([^/]+)$/, "_rels/$1.rels"));
      }
      const out = path.join(dir, `${action[0]}-out.xlsx`);
      const copy = path.join(dir, `${action[0]}-copy.xlsx`);
      copyFileSync(file, copy);
      const byOut = await run(action[0], file, "--as-of", AS_OF, "--out", out, ...action.slice(1));
      expect([0, 1]).toContain(byOut.code);
      expect(byOut.err).not.toMatch(/warning|cannot keep|refusing/);
      const byInPlace = await run(action[0], copy, "--as-of", AS_OF, "--in-place", ...action.slice(1));
      expect(byInPlace.code).toBe(byOut.code);
      expect(readFileSync(`${copy}.bak`).equals(readFileSync(file))).toBe(true);
      for (const written of [out, copy]) {
        const after = await zipParts(written);
        for (const part of USER_PARTS)
          expect(after.get(part)?.equals(before.get(part) as Buffer), part).toBe(true);
        for (const [name, bytes] of before) {
          if (own.has(name)) continue;
          expect(after.get(name)?.equals(bytes), name).toBe(true);
        }
        // The user's sheet is not the tool's: byte for byte too.
        expect(
          after.get("xl/worksheets/sheet99.xml")?.equals(before.get("xl/worksheets/sheet99.xml") as Buffer),
        ).toBe(true);
        const workbook = after.get("xl/workbook.xml")?.toString("utf8") ?? "";
        expect(workbook).toContain(`<definedName name="MyRange">'My sheet'!$A$2:$A$3</definedName>`);
        expect(workbook).toContain('<pivotCache cacheId="99" r:id="rIdPivot"/>');
        // exceljs, a strict-enough third reader, opens it.
        await expect(readWorkbook(written)).resolves.toBeInstanceOf(ExcelJS.Workbook);
      }
    }, 120_000);
  }

  it("patches only the written cells of an input sheet: every other cell keeps its XML", async () => {
    const out = path.join(dir, "tiers-cells.xlsx");
    expect((await run("tiers", file, "--as-of", AS_OF, "--out", out)).code).toBe(0);
    const parts = await sheetParts(file);
    const before = (await zipPart(file, parts.get("Clients") ?? "")) ?? "";
    const after = (await zipPart(out, parts.get("Clients") ?? "")) ?? "";
    const cells = (xml: string) =>
      new Map(
        [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>.*?<\/c>)/g)].map((m) => [m[1], m[0]] as const),
      );
    const old = cells(before);
    const now = cells(after);
    const tierColumns = new Set(["M", "N", "O", "P"]);
    let kept = 0;
    for (const [ref, xml] of old) {
      if (tierColumns.has(ref.replace(/\d+/g, ""))) continue;
      expect(now.get(ref), ref).toBe(xml);
      kept++;
    }
    expect(kept).toBeGreaterThan(40 * 8);
  }, 60_000);
});

describe("charts, widths and print setup of the report", () => {
  let out: string;

  beforeAll(async () => {
    const dir = tempDir();
    const file = path.join(dir, "sample.xlsx");
    expect((await run("init", file, "--sample", "--clients", "60", "--as-of", AS_OF)).code).toBe(0);
    out = path.join(dir, "reported.xlsx");
    expect((await run("report", file, "--as-of", AS_OF, "--month", "2026-10", "--out", out)).code).toBe(0);
  }, 60_000);

  it("writes one chart part per chart, referenced from the report sheet's drawing", async () => {
    const parts = await zipParts(out);
    const charts = [...parts.keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts.length).toBeGreaterThanOrEqual(4);
    const sheets = await sheetParts(out);
    const report = [...sheets.keys()].find((name) => name.startsWith("月报"));
    expect(report).toBeDefined();
    const sheetXml = parts.get(sheets.get(report as string) as string)?.toString("utf8") ?? "";
    expect(sheetXml).toMatch(/<drawing r:id="rId\d+"\/>/);
    for (const chart of charts) {
      const xml = parts.get(chart)?.toString("utf8") ?? "";
      expect(xml).toMatch(/^<\?xml[^>]*>\n<c:chartSpace /);
      expect(xml).toContain(`<c:f>'${report}'!$`);
      expect(xml).toMatch(/<c:numCache>.*<c:pt idx="0"><c:v>-?[\d.]+<\/c:v><\/c:pt>/);
    }
    // Our reader and exceljs open it.
    const reread = await openXlsx(readFileSync(out));
    expect(reread.memory.readSheet(report as string)?.length).toBeGreaterThan(10);
    await expect(readWorkbook(out)).resolves.toBeInstanceOf(ExcelJS.Workbook);
  });

  it("LibreOffice converts the workbook with its charts to PDF (skipped where soffice is absent)", () => {
    const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
    if (soffice.error) return;
    const pdfDir = path.join(path.dirname(out), "pdf");
    const result = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", pdfDir, out], {
      encoding: "utf8",
      timeout: 170_000,
    });
    expect(result.status).toBe(0);
    expect(readdirSync(pdfDir)).toEqual(["reported.pdf"]);
    expect(readFileSync(path.join(pdfDir, "reported.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  }, 180_000);

  it("gives date and amount columns widths that fit their formatted values", async () => {
    const { memory, pkg } = await loadXlsx(out);
    const sheets = await sheetParts(out);
    for (const name of ["分级记录", "回款"]) {
      const values = memory.readSheet(name) ?? [];
      const xml = pkg.text(sheets.get(name) as string) ?? "";
      const widths = new Map(
        [...xml.matchAll(/<col min="(\d+)" max="(\d+)"[^>]*width="([\d.]+)"/g)].flatMap((m) =>
          Array.from(
            { length: Number(m[2]) - Number(m[1]) + 1 },
            (_, i) => [Number(m[1]) + i, Number(m[3])] as const,
          ),
        ),
      );
      values[1].forEach((value, i) => {
        if (typeof value === "object" && value !== null)
          expect(widths.get(i + 1), `${name} column ${i + 1}`).toBeGreaterThanOrEqual(11);
      });
    }
  });
});

describe("opening files the tool did not write", () => {
  it("refuses a file that is not a zip, naming it", async () => {
    const dir = tempDir();
    const file = path.join(dir, "bad.xlsx");
    copyFileSync(path.join(__dirname, "package.test.ts"), file);
    const result = await run("check", file);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`无法将 ${file} 作为 .xlsx 工作簿读取`);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });
});
