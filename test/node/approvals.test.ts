/**
 * `account-desk approvals` on an .xlsx: the Approvals sheet created with its status drop-down,
 * what waits for each approver on stdout, the JSON of the documented shape, a decision typed into
 * the file kept by the next run, and malformed terms as located data issues.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadXlsx, saveXlsx } from "../../src/node/xlsx";
import { tempDir, runCli as run } from "./fixtures";

async function workbook(file: string): Promise<void> {
  expect((await run("init", file, "--lang", "en")).code).toBe(0);
  const loaded = await loadXlsx(file);
  const m = loaded.memory;
  const approverRow = (m.values("Settings") ?? []).findIndex((row) => row[0] === "approval.approver") + 1;
  expect(approverRow).toBeGreaterThan(1); // Set up writes every key
  m.writeBlock("Settings", approverRow, 2, [["vp@example.com"]]);
  m.writeBlock("Clients", 2, 1, [
    ["K1", "Kestrel"],
    ["K2", "Kite"],
  ]);
  const header = (m.values("Deals") ?? [])[0] ?? [];
  const at = (name: string) => header.indexOf(name);
  const deal = (cells: Record<string, string | number>) => {
    const row: (string | number | null)[] = header.map(() => null);
    for (const [name, value] of Object.entries(cells)) row[at(name)] = value;
    return row;
  };
  m.writeBlock("Deals", 2, 1, [
    deal({
      "Deal ID": "D1",
      "Client ID": "K1",
      Stage: "Negotiation",
      Amount: 270000,
      "List price": 300000,
      Discount: "18%",
    }),
    deal({ "Deal ID": "D2", "Client ID": "K2", Stage: "Proposal", Amount: 50000, "Payment days": "ninety" }),
    deal({ "Deal ID": "D3", "Client ID": "K2", Stage: "Proposal", Amount: 50000, "Floor price": "¥-5" }),
  ]);
  await saveXlsx(loaded, file);
}

describe("account-desk approvals", () => {
  it("writes Approvals, prints what waits for the approver, keeps a decision typed into the file", async () => {
    const dir = tempDir();
    const file = path.join(dir, "team.xlsx");
    const json = path.join(dir, "approvals.json");
    await workbook(file);
    const first = await run("approvals", file, "--as-of", "2026-11-27", "--in-place", "--json", json);
    expect(first.code).toBe(0);
    expect(first.out).toContain("Approvals: 1 pending, 0 approved, 0 rejected");
    expect(first.out).toContain("vp@example.com: 1 deals wait for approval");
    expect(first.out).toContain(
      "  D1 Kestrel (—): Discount 18% above the tier C limit 5% (by 13 points, ¥39,000 of list price)",
    );
    // The malformed cells are located issues; the deals stay.
    expect(first.err).toBe(
      [
        "2 data issues:",
        '  Deals row 3, column Payment days "ninety": expected a whole number from 0 to 3660',
        '  Deals row 4, column Floor price "¥-5": amounts cannot be negative',
        "",
      ].join("\n"),
    );
    const data = JSON.parse(readFileSync(json, "utf8")) as {
      approvals: { dealId: string; discount: number; breaches: { kind: string; byAmount?: number }[] }[];
      counts: Record<string, number>;
      waiting: unknown[];
    };
    expect(
      data.approvals.map((a) => [a.dealId, a.discount, a.breaches.map((b) => [b.kind, b.byAmount])]),
    ).toEqual([["D1", 0.18, [["discount", 39000]]]]);
    expect(data.counts).toEqual({ pending: 1, approved: 0, rejected: 0 });
    expect(data.waiting).toEqual([{ approver: "vp@example.com", deals: ["D1"] }]);

    const loaded = await loadXlsx(file);
    expect(loaded.memory.values("Approvals")?.[1].slice(0, 12)).toEqual([
      "D1",
      "Kestrel",
      "",
      "Negotiation",
      270000,
      300000,
      "",
      0.18,
      "",
      "Discount 18% above the tier C limit 5% (by 13 points, ¥39,000 of list price)",
      "vp@example.com",
      "Pending",
    ]);
    loaded.memory.writeBlock("Approvals", 2, 12, [
      ["Approved", "2026-11-27 10:00", "vp@example.com", "fine"],
    ]);
    await saveXlsx(loaded, file);
    const second = await run("approvals", file, "--as-of", "2026-11-28", "--in-place");
    expect(second.out).toContain("Approvals: 0 pending, 1 approved, 0 rejected");
    const after = (await loadXlsx(file)).memory.values("Approvals")?.[1];
    expect(after?.slice(11)).toEqual(["Approved", "2026-11-27 10:00", "vp@example.com", "fine"]);
  });
});
