/**
 * `account-desk tiers` on a generated sample .xlsx: the summary and the owners' notices on
 * stdout, the JSON of the documented shape, the file written with --out and --in-place, and a
 * second run on its own output that changes nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadXlsx } from "../../src/node/xlsx";
import { tempDir, runCli as run } from "./fixtures";

describe("account-desk tiers", () => {
  it("grades the sample, prints the notices, writes the JSON and the file, and is stable on its own output", async () => {
    const dir = tempDir();
    const file = path.join(dir, "sample.xlsx");
    const out = path.join(dir, "tiered.xlsx");
    const json = path.join(dir, "tiers.json");
    const init = await run(
      "init",
      file,
      "--sample",
      "--lang",
      "en",
      "--clients",
      "60",
      "--as-of",
      "2026-11-27",
    );
    expect(init.code).toBe(0);

    const first = await run("tiers", file, "--as-of", "2026-11-27", "--out", out, "--json", json);
    expect(first.code).toBe(0);
    const lines = first.out.split("\n");
    expect(lines[0]).toMatch(
      /^Tiers recalculated \(2026-11-27\): \d+ up, \d+ down, \d+ new, \d+ unchanged\.$/,
    );
    expect(lines).toContain(`Wrote ${out}`);
    expect(lines.some((l) => /^Notice to [a-z.]+@example\.com:$/.test(l))).toBe(true);
    expect(lines.some((l) => /^ {2}C\d{5} .+: (—|[ABC]) → [ABC] \(.+\)$/.test(l))).toBe(true);

    const data = JSON.parse(readFileSync(json, "utf8"));
    expect(Object.keys(data)).toEqual(["asOf", "review", "clients"]);
    expect(data.asOf).toBe("2026-11-27");
    expect(data.review).toBe(false);
    expect(data.clients.length).toBeGreaterThan(40);
    for (const c of data.clients) {
      expect(Object.keys(c)).toEqual([
        "clientId",
        "tier",
        "previousTier",
        "purchase12m",
        "rule",
        "reason",
        "tierSince",
        "changed",
      ]);
      expect(["A", "B", "C"]).toContain(c.tier);
      expect([null, "A", "B", "C"]).toContain(c.previousTier);
      expect(Number.isInteger(Math.round(c.purchase12m * 100))).toBe(true);
      expect(["base", "uplift", "surge", "kept", "override"]).toContain(c.rule);
      expect(c.tierSince === null || /^\d{4}-\d{2}-\d{2}$/.test(c.tierSince)).toBe(true);
      expect(c.changed).toBe(c.tier !== c.previousTier);
    }

    const written = await loadXlsx(out);
    const clients = written.memory.values("Clients") ?? [];
    const header = clients[0];
    const tierAt = header.indexOf("Tier");
    const byId = new Map(clients.slice(1).map((row) => [row[0], row] as const));
    for (const c of data.clients) expect(byId.get(c.clientId)?.[tierAt]).toBe(c.tier);

    const second = await run("tiers", out, "--as-of", "2026-11-27", "--in-place");
    expect(second.code).toBe(0);
    expect(second.out.split("\n")[0]).toMatch(/: 0 up, 0 down, 0 new, \d+ unchanged\.$/);
    expect(second.out).not.toContain("Notice to");

    const review = await run("tiers", out, "--review", "--as-of", "2027-01-01", "--json", json);
    expect(review.code).toBe(0);
    expect(review.out.split("\n")[0]).toMatch(/^Quarterly tier review done \(2027-01-01\)/);
    expect(JSON.parse(readFileSync(json, "utf8")).review).toBe(true);
  });

  it("stops with exit 2 and names the sheet when Deals is missing", async () => {
    const file = path.join(tempDir(), "clients-only.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Clients").addRow(["Client ID", "Name"]);
    await workbook.xlsx.writeFile(file);
    const result = await run("tiers", file);
    expect(result.code).toBe(2);
    expect(result.err).toContain("缺少工作表「商机」（Deals）");
  });
});
