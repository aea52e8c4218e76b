/**
 * `account-desk schedule` on the generated sample, held to rules.md §2 and §4 by a deliberately
 * naive second reading of the rules (a scan of every interaction per client, a day-by-day walk
 * over weekends and holidays, JavaScript Dates for weekdays) that shares no code with core/.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadXlsx, saveXlsx } from "../../src/node/xlsx";
import { isDateCell, type Cell } from "../../src/ports";
import { CHANNELS, CLIENT_STATUSES, TIERS, YES_NO } from "../../src/workbook/codes";
import { generateSample } from "../../src/workbook/sample";
import { TABLES, type TableKey } from "../../src/workbook/schema";
import { SETTING_DEFS } from "../../src/workbook/settings";
import { removeSheet, tempDir, runCli as run } from "./fixtures";

const DAY = 86_400_000;
/** A small sample keeps the test quick; every case of the plan still occurs in it. */
const CLIENTS = 60;
const iso = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);
const days = (text: string) => Date.parse(`${text}T00:00:00Z`) / DAY;

/** rules.md §2 read plainly, on the sample's own rows. */
function expectedPlan(asOf: string, holidays: readonly string[]) {
  const sample = generateSample({ language: "zh-CN", clients: CLIENTS, seed: 1, asOf: days(asOf) });
  const rows = (table: TableKey) => {
    const sheet = sample.sheets.find((s) => s.table === table);
    if (!sheet) throw new Error(table);
    const keys = TABLES[table].columns.map((c) => c.key);
    return sheet.rows
      .slice(1)
      .map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null])) as Record<string, Cell>);
  };
  const text = (cell: Cell) => (cell === null || cell === "" ? null : String(cell).trim());
  const d = days(asOf);
  const interval = { A: 7, B: 15, C: 30 } as const;
  const channelOfTier = { A: "visit", B: "phone", C: "email" } as const;
  const interactions = rows("interactions").map((r) => ({
    date: isDateCell(r.date) ? r.date.date : NaN,
    clientId: text(r.clientId),
    channel: text(r.channel) === null ? null : CHANNELS.match(String(r.channel)),
    responded: text(r.responded) === null ? null : YES_NO.match(String(r.responded)),
  }));
  const plan = [];
  for (const client of rows("clients")) {
    const status = text(client.status) === null ? "active" : CLIENT_STATUSES.match(String(client.status));
    if (status !== "active") continue;
    const id = text(client.clientId) as string;
    const tier = text(client.tier) === null ? null : TIERS.match(String(client.tier));
    let last: number | null = null;
    for (const i of interactions)
      if (i.clientId === id && i.date <= d && (last === null || i.date > last)) last = i.date;
    let due = last === null ? d : last + interval[tier ?? "C"];
    while ([0, 6].includes(new Date(due * DAY).getUTCDay()) || holidays.includes(iso(due))) due++;
    const state: "overdue" | "due" | "upcoming" = due < d ? "overdue" : due === d ? "due" : "upcoming";
    const preferred = text(client.preferredChannel);
    plan.push({
      clientId: id,
      name: text(client.name),
      tier,
      owner: text(client.owner)?.toLowerCase() ?? null,
      channel: preferred === null ? channelOfTier[tier ?? "C"] : CHANNELS.match(preferred),
      lastContact: last === null ? null : iso(last),
      nextDue: iso(due),
      status: state,
      daysOverdue: state === "overdue" ? d - due : 0,
    });
  }
  const rank = { overdue: 0, due: 1, upcoming: 2 };
  plan.sort(
    (a, b) =>
      rank[a.status] - rank[b.status] ||
      (a.status === "overdue" ? b.daysOverdue - a.daysOverdue : 0) ||
      (a.status === "upcoming" ? a.nextDue.localeCompare(b.nextDue) : 0) ||
      (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0),
  );
  const known = new Set(rows("clients").map((c) => text(c.clientId)));
  const responseRates = ["visit", "phone", "video", "email", "online"].map((channel) => {
    const counted = interactions.filter(
      (i) =>
        known.has(i.clientId) &&
        i.channel === channel &&
        i.responded !== null &&
        i.date > d - 90 &&
        i.date <= d,
    );
    const responded = counted.filter((i) => i.responded === "yes").length;
    return {
      channel,
      responded,
      answered: counted.length,
      rate: counted.length === 0 ? null : responded / counted.length,
    };
  });
  return { asOf, plan, responseRates };
}

describe("account-desk schedule", () => {
  it("follows rules.md on the sample, with holidays from Settings, and writes the plan with --out", async () => {
    const dir = tempDir();
    const file = path.join(dir, "sample.xlsx");
    expect(
      (await run("init", file, "--sample", "--clients", String(CLIENTS), "--as-of", "2026-11-27")).code,
    ).toBe(0);
    // Mon 30 Nov and Tue 1 Dec are holidays: due dates on them move to Wed 2 Dec.
    const loaded = await loadXlsx(file);
    const holidaysRow = 2 + SETTING_DEFS.findIndex((def) => def.key === "contact.holidays");
    loaded.memory.writeBlock("设置", holidaysRow, 2, [["2026-11-30，2026/12/1"]]);
    await saveXlsx(loaded, file);

    const json = path.join(dir, "plan.json");
    const out = path.join(dir, "planned.xlsx");
    const result = await run("schedule", file, "--as-of", "2026-11-27", "--json", json, "--out", out);
    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(json, "utf8"));
    const expected = expectedPlan("2026-11-27", ["2026-11-30", "2026-12-01"]);
    expect(written.asOf).toBe(expected.asOf);
    expect(written.plan).toEqual(expected.plan);
    expect(written.responseRates).toEqual(expected.responseRates);
    expect(
      written.plan.some((r: { nextDue: string }) => r.nextDue === "2026-11-30" || r.nextDue === "2026-12-01"),
    ).toBe(false);
    expect(
      written.plan.filter((r: { nextDue: string }) => r.nextDue === "2026-12-02").length,
    ).toBeGreaterThan(0);
    const statuses = new Set(written.plan.map((r: { status: string }) => r.status));
    // The sample before any tier run has overdue and upcoming contacts (due-today ones depend on the tiers).
    expect(statuses.has("overdue") && statuses.has("upcoming")).toBe(true);

    const lines = result.out.split("\n");
    expect(lines[0]).toMatch(
      /^沟通计划：\d+ 个活跃客户，逾期 \d+，今日应联系 \d+，待办 \d+，见「沟通计划」。$/,
    );
    const saved = await loadXlsx(out);
    const sheet = saved.memory.values("沟通计划") ?? [];
    expect(sheet[0].slice(0, 9)).toEqual([
      "客户编号",
      "客户名称",
      "客户等级",
      "负责人",
      "渠道",
      "最近联系",
      "下次联系",
      "状态",
      "逾期天数",
    ]);
    expect(
      sheet
        .slice(1)
        .filter((row) => row[0] !== "")
        .map((row) => row[0]),
    ).toEqual(expected.plan.map((r) => r.clientId));
  }, 180_000); // four .xlsx reads and writes: slow on a shared machine

  it("stops with exit 2 and the sheet's name when Interactions is missing", async () => {
    const dir = tempDir();
    const file = path.join(dir, "book.xlsx");
    expect((await run("init", file, "--lang", "en")).code).toBe(0);
    await removeSheet(file, "Interactions");
    const result = await run("schedule", file);
    expect(result).toMatchObject({ code: 2, out: "" });
    expect(result.err).toContain('The sheet "Interactions" (沟通记录) is missing.');
  });
});
