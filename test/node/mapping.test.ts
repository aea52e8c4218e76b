/**
 * The command line honours the mapping of Settings on an .xlsx: the sample with its sheets and
 * headers renamed and its columns reversed, plus `map.*` rows, gives the same tiers (and the
 * same contact plan) as the standard sample, writes the Tier into the team's own column, and
 * `check` names the team's sheets and headers.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../src/core/dates";
import { createWorkbook } from "../../src/node/init";
import { newXlsx, saveXlsx } from "../../src/node/xlsx";
import type { Cell } from "../../src/ports";
import { MemoryWorkbook, usedRange } from "../../src/workbook/memory";
import { runCli as run, tempDir } from "./fixtures";

const AS_OF = "2026-11-27";

/** Sheet → [the team's name, { contract header → the team's header }]. */
const RENAMES: Readonly<Record<string, readonly [string, Readonly<Record<string, string>>]>> = {
  Clients: [
    "Customer list",
    { "Client ID": "Customer ID", Name: "Company", Owner: "Sales rep", Tier: "Level" },
  ],
  Deals: [
    "Opportunities",
    {
      "Deal ID": "Opportunity ID",
      "Client ID": "Customer ID",
      Amount: "Deal value",
      "Closed on": "Close date",
    },
  ],
  Interactions: ["Activities", { Date: "Contact date", "Client ID": "Customer ID", Channel: "Method" }],
};

const MAP_ROWS: Cell[][] = [
  ["map.clients", "Customer list"],
  ["map.clients.clientId", "Customer ID"],
  ["map.clients.name", "Company"],
  ["map.clients.owner", "Sales rep"],
  ["map.clients.tier", "Level"],
  ["map.deals", "Opportunities"],
  ["map.deals.dealId", "Opportunity ID"],
  ["map.deals.clientId", "Customer ID"],
  ["map.deals.amount", "Deal value"],
  ["map.deals.closedOn", "Close date"],
  ["map.interactions", "Activities"],
  ["map.interactions.date", "Contact date"],
  ["map.interactions.clientId", "Customer ID"],
  ["map.interactions.channel", "Method"],
];

/** The standard sample and the team's copy of it, as two .xlsx files. */
async function files(dir: string): Promise<{ standard: string; team: string }> {
  const created = createWorkbook("en", { clients: 40, seed: 3, asOf: parseIsoDate(AS_OF) as number });
  // One owner that is not an address, for check to name.
  const owner = (created.memory.values("Clients")?.[0] ?? []).indexOf("Owner");
  created.memory.writeBlock("Clients", 2, owner + 1, [["not-an-email"]]);
  const standard = path.join(dir, "standard.xlsx");
  await saveXlsx(newXlsx(created.memory), standard);
  const sheets: Record<string, Cell[][]> = {};
  for (const sheet of created.memory.sheets) {
    const values = usedRange(sheet.cells);
    const rename = RENAMES[sheet.name];
    if (sheet.name === "Settings") sheets[sheet.name] = [...values, ...MAP_ROWS.map((r) => [...r, ""])];
    else if (rename === undefined) sheets[sheet.name] = values;
    else
      sheets[rename[0]] = values.map((row, r) =>
        [...row]
          .reverse()
          .map((cell) => (r === 0 && typeof cell === "string" ? (rename[1][cell] ?? cell) : cell)),
      );
  }
  const team = path.join(dir, "team.xlsx");
  await saveXlsx(newXlsx(new MemoryWorkbook(sheets, null)), team);
  return { standard, team };
}

async function json(file: string, command: string, out: string): Promise<Record<string, unknown>> {
  const result = await run(command, file, "--as-of", AS_OF, "--json", out);
  expect(result.code).toBe(0);
  return JSON.parse(await import("node:fs/promises").then((fs) => fs.readFile(out, "utf8"))) as Record<
    string,
    unknown
  >;
}

describe("the command line on a team's own sheets", () => {
  it("gives the tiers and the contact plan of the standard workbook, and writes the Tier into the team's column", async () => {
    const dir = tempDir();
    const { standard, team } = await files(dir);
    const a = await json(standard, "tiers", path.join(dir, "a.json"));
    const b = await json(team, "tiers", path.join(dir, "b.json"));
    expect((a.clients as unknown[]).length).toBeGreaterThan(30);
    expect(b.clients).toEqual(a.clients);
    const planA = await json(standard, "schedule", path.join(dir, "pa.json"));
    const planB = await json(team, "schedule", path.join(dir, "pb.json"));
    expect(planB.plan).toEqual(planA.plan);

    const out = path.join(dir, "team-tiered.xlsx");
    expect((await run("tiers", team, "--as-of", AS_OF, "--out", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet("Customer list") as ExcelJS.Worksheet;
    const head = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(head).toContain("Level");
    expect(head).not.toContain("Tier");
    const levelAt = head.indexOf("Level") + 1;
    const idAt = head.indexOf("Customer ID") + 1;
    const tiers = new Map(
      (a.clients as { clientId: string; tier: string }[]).map((c) => [c.clientId, c.tier]),
    );
    for (let r = 2; r <= sheet.rowCount; r++) {
      const id = String(sheet.getCell(r, idAt).value);
      if (tiers.has(id)) expect(sheet.getCell(r, levelAt).value).toBe(tiers.get(id));
    }
    expect(wb.getWorksheet("Clients")).toBeUndefined();
  });

  it("check names the team's sheets and headers", async () => {
    const dir = tempDir();
    const { standard, team } = await files(dir);
    const a = await run("check", standard, "--as-of", AS_OF);
    const b = await run("check", team, "--as-of", AS_OF);
    expect(b.code).toBe(a.code);
    expect(a.err).toMatch(/Clients/);
    expect(b.err).toMatch(/Customer list/);
    expect(b.err).not.toMatch(/\bClients\b/);
  });
});
