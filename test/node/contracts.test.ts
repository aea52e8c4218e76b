/**
 * `account-desk contracts` on the generated sample, held to rules.md §4 (Contracts action) by a
 * plain second reading of the rules over the sample's own rows (JavaScript Dates, a scan of the
 * contracts per payment) that shares no code with core/.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadXlsx } from "../../src/node/xlsx";
import { isDateCell, type Cell } from "../../src/ports";
import { CONTRACT_STATUSES } from "../../src/workbook/codes";
import { generateSample } from "../../src/workbook/sample";
import { TABLES, type TableKey } from "../../src/workbook/schema";
import { removeSheet, tempDir, runCli as run } from "./fixtures";

const DAY = 86_400_000;
const CLIENTS = 60;
const iso = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);
const days = (text: string) => Date.parse(`${text}T00:00:00Z`) / DAY;

/** rules.md §4 (Contracts action) read plainly, on the sample's own rows, notice 90 days. */
function expected(asOf: string) {
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
  const date = (cell: Cell) => (isDateCell(cell) ? cell.date : null);
  const money = (cell: Cell) => (cell === null || cell === "" ? 0 : Number(cell));
  const d = days(asOf);
  const clients = rows("clients");
  const contracts = rows("contracts");
  const ownerOf = (contract: Record<string, Cell>) => {
    const own = text(contract.owner);
    if (own !== null) return own.toLowerCase();
    const client = clients.find((c) => text(c.clientId) === text(contract.clientId));
    return client ? (text(client.owner)?.toLowerCase() ?? null) : null;
  };
  const renewalsDue = contracts
    .filter((c) => {
      const status = text(c.status) === null ? null : CONTRACT_STATUSES.match(String(c.status));
      const end = date(c.end);
      return (status === "signed" || status === "active") && end !== null && end > d && end <= d + 90;
    })
    .map((c) => ({
      contractId: text(c.contractId) as string,
      clientId: text(c.clientId) as string,
      owner: ownerOf(c),
      end: iso(date(c.end) as number),
      value: text(c.value) === null ? null : money(c.value),
      daysLeft: (date(c.end) as number) - d,
    }))
    .sort((a, b) => a.end.localeCompare(b.end) || (a.contractId < b.contractId ? -1 : 1));
  const overdue = rows("payments")
    .filter((p) => (date(p.due) as number) < d && money(p.amountPaid) < money(p.amountDue))
    .map((p) => {
      const contract = contracts.find((c) => text(c.contractId) === text(p.contractId)) as Record<
        string,
        Cell
      >;
      const late = d - (date(p.due) as number);
      return {
        contractId: text(p.contractId) as string,
        clientId: text(contract.clientId) as string,
        owner: ownerOf(contract),
        due: iso(date(p.due) as number),
        outstanding: Math.round((money(p.amountDue) - money(p.amountPaid)) * 100) / 100,
        daysOverdue: late,
        bucket: late <= 30 ? "1-30" : late <= 60 ? "31-60" : late <= 90 ? "61-90" : "90+",
      };
    })
    .sort(
      (a, b) =>
        b.daysOverdue - a.daysOverdue ||
        (a.contractId < b.contractId ? -1 : a.contractId > b.contractId ? 1 : 0) ||
        a.due.localeCompare(b.due),
    );
  return { asOf, renewalsDue, overdue };
}

describe("account-desk contracts", () => {
  it("lists on the sample the renewals due and overdue instalments of rules.md §4, and writes the sheet with --out", async () => {
    const dir = tempDir();
    const file = path.join(dir, "sample.xlsx");
    expect(
      (await run("init", file, "--sample", "--clients", String(CLIENTS), "--as-of", "2026-11-27")).code,
    ).toBe(0);
    const json = path.join(dir, "contracts.json");
    const out = path.join(dir, "reviewed.xlsx");
    const result = await run("contracts", file, "--as-of", "2026-11-27", "--json", json, "--out", out);
    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(json, "utf8"));
    const plain = expected("2026-11-27");
    expect(written.asOf).toBe("2026-11-27");
    expect(written.renewalsDue).toEqual(plain.renewalsDue);
    expect(written.overdue).toEqual(plain.overdue);
    // The sample has something in every block, and overdue instalments in more than one bucket.
    expect(written.renewalsDue.length).toBeGreaterThan(0);
    expect(new Set(written.overdue.map((o: { bucket: string }) => o.bucket)).size).toBeGreaterThan(1);
    const outstanding = written.overdue.reduce(
      (n: number, o: { outstanding: number }) => n + o.outstanding * 100,
      0,
    );
    expect(Math.round(written.totals.outstanding * 100)).toBe(Math.round(outstanding));

    expect(result.out.split("\n")[0]).toMatch(
      /^续约提醒 \d+ 份合同（合计 ¥[\d,.]+）；逾期回款 \d+ 笔（未收 ¥[\d,.]+）。详见「续约与回款」。$/,
    );
    const saved = await loadXlsx(out);
    const sheet = saved.memory.values("续约与回款") ?? [];
    expect(sheet[0][0]).toBe("续约与回款（截至 2026-11-27）");
    const ids = sheet.slice(4, 4 + plain.renewalsDue.length).map((row) => row[0]);
    expect(ids).toEqual(plain.renewalsDue.map((r) => r.contractId));
  }, 180_000); // .xlsx reads and writes: slow on a shared machine

  it("stops with exit 2 and the sheet's name when Payments is missing", async () => {
    const dir = tempDir();
    const file = path.join(dir, "book.xlsx");
    expect((await run("init", file, "--lang", "en")).code).toBe(0);
    await removeSheet(file, "Payments");
    const result = await run("contracts", file);
    expect(result).toMatchObject({ code: 2, out: "" });
    expect(result.err).toContain('The sheet "Payments" (回款) is missing.');
  });
});
