/**
 * `account-desk report` on the generated sample, held to rules.md §3 and §4 by a deliberately
 * naive second reading of the rules (a filter over every row per figure, JavaScript Dates for
 * month arithmetic) that shares no code with core/; plus the command's own files (--html,
 * --pdf) and its errors.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDateCell, type Cell } from "../../src/ports";
import { parseAmount, parseFraction } from "../../src/workbook/cells";
import { CLIENT_STATUSES, CONTRACT_STATUSES, STAGES, TIERS } from "../../src/workbook/codes";
import { generateSample } from "../../src/workbook/sample";
import { TABLES, type TableKey } from "../../src/workbook/schema";
import { tempDir, runCli as run, zipParts } from "./fixtures";

const DAY = 86_400_000;
const CLIENTS = 60;
const days = (text: string) => Date.parse(`${text}T00:00:00Z`) / DAY;
const iso = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
/** Last day of the month `offset` months after (year, month). */
const monthEnd = (year: number, month: number, offset = 0) => Date.UTC(year, month + offset, 0) / DAY;
const monthStart = (year: number, month: number, offset = 0) => Date.UTC(year, month - 1 + offset, 1) / DAY;

/** rules.md §3 read plainly for 2026-10 on the sample's own rows; amounts in cents. */
function expectedReport() {
  const sample = generateSample({ language: "zh-CN", clients: CLIENTS, seed: 1, asOf: days("2026-11-27") });
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
  const cents = (cell: Cell) => {
    if (cell === null || cell === "") return null;
    const parsed = parseAmount(cell);
    if (!parsed.ok) throw new Error(`amount ${String(cell)}`);
    return parsed.value;
  };
  const E = monthEnd(2026, 10);
  const inOct = (d: number | null) => d !== null && d >= monthStart(2026, 10) && d <= E;
  const clients = rows("clients").map((c) => ({
    id: text(c.clientId) as string,
    owner: text(c.owner)?.toLowerCase() ?? null,
    active: text(c.status) === null || CLIENT_STATUSES.match(String(c.status)) === "active",
    tier: text(c.tier) === null ? null : TIERS.match(String(c.tier)),
  }));
  const deals = rows("deals").map((d) => {
    const client = clients.find((c) => c.id === text(d.clientId));
    const probability =
      text(d.probability) === null
        ? null
        : (parseFraction(d.probability as Cell, { bareNumbersArePercent: true }) as { value: number }).value;
    return {
      owner: text(d.owner)?.toLowerCase() ?? client?.owner ?? null,
      stage: STAGES.match(String(d.stage)) as string,
      amount: cents(d.amount) as number,
      probability,
      closedOn: date(d.closedOn),
      expectedClose: date(d.expectedClose),
    };
  });
  const wonIn = (from: number, to: number, owner?: string) =>
    deals.filter(
      (d) =>
        d.stage === "won" &&
        d.closedOn !== null &&
        d.closedOn >= from &&
        d.closedOn <= to &&
        (owner === undefined || d.owner === owner),
    );
  const sum = (list: { amount: number }[]) => list.reduce((n, d) => n + d.amount, 0);

  const targets = rows("targets").map((t) => ({
    owner: text(t.owner) as string,
    period: String(t.period).toUpperCase(),
    amount: cents(t.target) as number,
  }));
  const isTeam = (owner: string) => owner === "ALL" || owner === "全部";
  const targetOf = (owner: string | "team", year: number, month: number): number | null => {
    const mine = targets.filter((t) =>
      owner === "team" ? isTeam(t.owner) : t.owner.toLowerCase() === owner,
    );
    const m = mine.find((t) => t.period === `${year}-${String(month).padStart(2, "0")}`);
    if (m) return m.amount;
    // A quarter's or a year's month k: the period to month k minus the period to month k − 1,
    // each the exact share rounded once (targets are non-negative: Math.round is half away from zero).
    const shareOf = (total: number, parts: number, k: number) =>
      Math.round((total * k) / parts) - Math.round((total * (k - 1)) / parts);
    const q = mine.find((t) => t.period === `${year}-Q${Math.ceil(month / 3)}`);
    if (q) return shareOf(q.amount, 3, ((month - 1) % 3) + 1);
    const y = mine.find((t) => t.period === String(year));
    if (y) return shareOf(y.amount, 12, month);
    if (owner !== "team") return null;
    const owners = [...new Set(targets.filter((t) => !isTeam(t.owner)).map((t) => t.owner.toLowerCase()))];
    const values = owners.map((o) => targetOf(o, year, month)).filter((v): v is number => v !== null);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };
  const teamSum = (months: number[]) => {
    const values = months
      .map((m) => targetOf("team", m > 12 ? 2027 : 2026, m > 12 ? m - 12 : m))
      .filter((v): v is number => v !== null);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  };

  const won = wonIn(monthStart(2026, 10), E);
  const lost = deals.filter((d) => d.stage === "lost" && inOct(d.closedOn));
  const owners = [...new Set([...won, ...lost].map((d) => d.owner).filter((o): o is string => o !== null))];
  for (const t of targets)
    if (!isTeam(t.owner) && targetOf(t.owner.toLowerCase(), 2026, 10) !== null)
      owners.push(t.owner.toLowerCase());
  const defaults: Record<string, number> = { lead: 0.1, qualified: 0.25, proposal: 0.5, negotiation: 0.75 };
  const open = deals.filter((d) => d.stage in defaults);
  // Weighted amounts in hundredths of a cent (the sample's probabilities are whole percents),
  // summed exactly and rounded once.
  const weighted = (d: (typeof deals)[number]) =>
    d.amount * Math.round((d.probability ?? defaults[d.stage]) * 100);
  const weightedSum = (list: (typeof deals)[number][]) =>
    Math.round(list.reduce((n, d) => n + weighted(d), 0) / 100);
  // Coverage: the months among November, December and January that have a team target.
  const coverageMonths = [11, 12, 13].filter((m) => teamSum([m]) !== null);
  const coverageWeighted =
    open
      .filter((d) => {
        if (d.expectedClose === null) return false;
        return coverageMonths.some(
          (m) =>
            d.expectedClose! > monthEnd(2026, 10, m - 11) && d.expectedClose! <= monthEnd(2026, 10, m - 10),
        );
      })
      .reduce((n, d) => n + weighted(d), 0) / 100;

  const contracts = rows("contracts").map((c) => ({
    id: text(c.contractId) as string,
    clientId: text(c.clientId) as string,
    value: cents(c.value),
    status: text(c.status) === null ? null : CONTRACT_STATUSES.match(String(c.status)),
    signedOn: date(c.signedOn),
    end: date(c.end),
  }));
  const payments = rows("payments").map((p) => ({
    contractId: text(p.contractId) as string,
    due: date(p.due) as number,
    amountDue: cents(p.amountDue) as number,
    paidOn: date(p.paidOn),
    amountPaid: cents(p.amountPaid) ?? 0,
  }));
  const overdue = payments
    .map((p) => ({
      ...p,
      outstanding: p.amountDue - (p.paidOn === null || p.paidOn <= E ? p.amountPaid : 0),
    }))
    .filter((p) => p.due <= E && p.outstanding > 0);
  const byClient = new Map<string, number>();
  for (const p of overdue) {
    const clientId = contracts.find((c) => c.id === p.contractId)?.clientId as string;
    byClient.set(clientId, (byClient.get(clientId) ?? 0) + p.outstanding);
  }
  const interactions = rows("interactions").map((i) => ({
    date: date(i.date) as number,
    clientId: text(i.clientId),
  }));
  const interval: Record<string, number> = { A: 7, B: 15, C: 30 };
  const active = clients.filter((c) => c.active);
  const compliant = active.filter((c) => {
    const last = Math.max(
      -Infinity,
      ...interactions.filter((i) => i.clientId === c.id && i.date <= E).map((i) => i.date),
    );
    return Number.isFinite(last) && E - last <= interval[c.tier ?? "C"];
  });
  const yuan = (c: number | null) => (c === null ? null : c / 100);
  const rate = (a: number, b: number | null) => (b === null || b === 0 ? null : a / b);
  const teamTarget = targetOf("team", 2026, 10);
  return {
    team: {
      won: yuan(sum(won)),
      wonCount: won.length,
      lostCount: lost.length,
      winRate: rate(won.length, won.length + lost.length),
      target: yuan(teamTarget),
      attainment: rate(sum(won), teamTarget),
      prevMonthWon: yuan(sum(wonIn(monthStart(2026, 9), monthEnd(2026, 9)))),
      sameMonthLastYearWon: yuan(sum(wonIn(monthStart(2025, 10), monthEnd(2025, 10)))),
      qtdWon: yuan(sum(wonIn(monthStart(2026, 10), E))),
      qtdTarget: yuan(teamSum([10])),
      ytdWon: yuan(sum(wonIn(monthStart(2026, 1), E))),
      ytdTarget: yuan(teamSum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])),
      coverage: rate(coverageWeighted, teamSum(coverageMonths)),
    },
    owners: [...new Set(owners)].sort().map((owner) => {
      const w = won.filter((d) => d.owner === owner);
      const l = lost.filter((d) => d.owner === owner);
      const target = targetOf(owner, 2026, 10);
      const attainment = rate(sum(w), target);
      return {
        owner,
        won: yuan(sum(w)),
        wonCount: w.length,
        lostCount: l.length,
        winRate: rate(w.length, w.length + l.length),
        target: yuan(target),
        attainment,
        underperforming: attainment !== null && attainment < 0.8,
      };
    }),
    pipeline: ["lead", "qualified", "proposal", "negotiation"].map((stage) => {
      const list = open.filter((d) => d.stage === stage);
      return {
        stage,
        count: list.length,
        amount: yuan(sum(list)),
        weighted: yuan(weightedSum(list)),
      };
    }),
    contractsSigned: {
      count: contracts.filter((c) => inOct(c.signedOn)).length,
      value: yuan(contracts.filter((c) => inOct(c.signedOn)).reduce((n, c) => n + (c.value ?? 0), 0)),
    },
    renewalsDue: contracts
      .filter(
        (c) =>
          (c.status === "signed" || c.status === "active") && c.end !== null && c.end > E && c.end <= E + 90,
      )
      .sort((a, b) => (a.end as number) - (b.end as number) || (a.id < b.id ? -1 : 1))
      .map((c) => ({
        contractId: c.id,
        clientId: c.clientId,
        end: iso(c.end as number),
        value: yuan(c.value),
      })),
    receivablesOverdue: {
      total: yuan(overdue.reduce((n, p) => n + p.outstanding, 0)),
      count: overdue.length,
      byClient: [...byClient]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([clientId, outstanding]) => ({ clientId, outstanding: yuan(outstanding) })),
    },
    collected: yuan(payments.filter((p) => inOct(p.paidOn)).reduce((n, p) => n + p.amountPaid, 0)),
    tierCounts: {
      A: active.filter((c) => c.tier === "A").length,
      B: active.filter((c) => c.tier === "B").length,
      C: active.filter((c) => c.tier === "C").length,
    },
    contactCompliance: rate(compliant.length, active.length),
  };
}

describe("account-desk report", () => {
  it("follows rules.md §3 on the sample and writes the JSON, the HTML and the sheet", async () => {
    const dir = tempDir();
    const file = path.join(dir, "sample.xlsx");
    expect(
      (await run("init", file, "--sample", "--clients", String(CLIENTS), "--as-of", "2026-11-27")).code,
    ).toBe(0);
    const json = path.join(dir, "report.json");
    const html = path.join(dir, "report.html");
    const out = path.join(dir, "reported.xlsx");
    const result = await run(
      "report",
      file,
      "--as-of",
      "2026-11-27",
      "--month",
      "2026-10",
      "--json",
      json,
      "--html",
      html,
      "--out",
      out,
    );
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const written = JSON.parse(readFileSync(json, "utf8"));
    const expected = expectedReport();
    expect(written.month).toBe("2026-10");
    expect(written.currency).toBe("CNY");
    expect(written.team).toMatchObject(expected.team);
    expect(
      [...written.owners].sort((a: { owner: string }, b: { owner: string }) => (a.owner < b.owner ? -1 : 1)),
    ).toEqual(expected.owners);
    expect(written.pipeline).toEqual(expected.pipeline);
    expect(written.contractsSigned).toEqual(expected.contractsSigned);
    expect(written.renewalsDue).toEqual(expected.renewalsDue);
    expect(written.receivablesOverdue).toEqual(expected.receivablesOverdue);
    expect(written.collected).toBe(expected.collected);
    expect(written.tierCounts).toEqual(expected.tierCounts);
    expect(written.contactCompliance).toBe(expected.contactCompliance);
    expect(expected.team.wonCount).toBeGreaterThan(0);
    expect(expected.receivablesOverdue.count).toBeGreaterThan(0);
    expect(expected.renewalsDue.length).toBeGreaterThan(0);

    expect(result.out.split("\n")[0]).toMatch(
      /^已生成「月报 2026-10」：赢单 ¥[\d,.]+，目标 ¥[\d,.]+，达成率 [\d.]+%。$/,
    );
    const charts = (await zipParts(out)).keys();
    expect([...charts].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toHaveLength(4);
    expect(readFileSync(html, "utf8")).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
  });

  it("refuses a month that is not YYYY-MM with exit 2", async () => {
    const dir = tempDir();
    const file = path.join(dir, "sample.xlsx");
    await run("init", file, "--sample", "--clients", "5", "--as-of", "2026-11-27");
    const result = await run("report", file, "--month", "10/2026");
    expect(result.code).toBe(2);
    expect(result.err).toBe("account-desk: 「10/2026」不是月份；请写成 YYYY-MM。\n");
  });

  it("prints the PDF with headless Chromium, and says what to install when it is missing", async () => {
    const dir = tempDir();
    const file = path.join(dir, "sample.xlsx");
    await run("init", file, "--sample", "--clients", "20", "--as-of", "2026-11-27");
    const pdf = path.join(dir, "report.pdf");
    const printed = await run("report", file, "--as-of", "2026-11-27", "--pdf", pdf);
    expect(printed.code).toBe(0);
    expect(printed.out).toContain(`已写入 ${pdf}`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");

    const saved = process.env.ACCOUNT_DESK_CHROMIUM;
    process.env.ACCOUNT_DESK_CHROMIUM = path.join(dir, "no-chromium");
    try {
      const missing = await run("report", file, "--as-of", "2026-11-27", "--pdf", path.join(dir, "none.pdf"));
      expect(missing.code).toBe(2);
      expect(missing.err).toContain("请用「apt-get install chromium」安装");
      expect(missing.out).toContain("已生成「月报 2026-10」");
    } finally {
      if (saved === undefined) delete process.env.ACCOUNT_DESK_CHROMIUM;
      else process.env.ACCOUNT_DESK_CHROMIUM = saved;
    }
  });
});
