import { describe, expect, it } from "vitest";
import { addMonths, addYears, calDate, dateParts, type CalDate } from "../../src/core/dates";
import { toCents } from "../../src/core/money";
import { isDateCell, type Cell } from "../../src/ports";
import { CHANNELS, YES_NO, type Tier } from "../../src/workbook/codes";
import {
  DEFAULT_SAMPLE_CLIENTS,
  SAMPLE_TABLES,
  generateSample,
  type SampleWorkbook,
} from "../../src/workbook/sample";
import { TABLES, headerName, sheetName, type TableKey } from "../../src/workbook/schema";

const AS_OF = calDate(2026, 11, 27);
const HIGH = 1_000_000;
const MEDIUM = 200_000;

type Row = Record<string, Cell>;

/** The rows of a table as objects by column key, found through the header row (not positions). */
function table(wb: SampleWorkbook, key: TableKey, language: "zh-CN" | "en" = "zh-CN"): Row[] {
  const sheet = wb.sheets.find((s) => s.table === key);
  if (!sheet) throw new Error(`no ${key}`);
  const header = sheet.rows[0] ?? [];
  const keys = header.map((h) => TABLES[key].columns.find((c) => headerName(c, language) === h)?.key ?? "?");
  return sheet.rows.slice(1).map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null])));
}

function date(cell: Cell): CalDate {
  if (!isDateCell(cell)) throw new Error(`not a date: ${JSON.stringify(cell)}`);
  return cell.date;
}

function optDate(cell: Cell): CalDate | null {
  return cell === null ? null : date(cell);
}

function num(cell: Cell): number {
  if (typeof cell !== "number") throw new Error(`not a number: ${JSON.stringify(cell)}`);
  return cell;
}

function str(cell: Cell): string {
  if (typeof cell !== "string") throw new Error(`not a text: ${JSON.stringify(cell)}`);
  return cell;
}

/** The stored code of a code cell (code or Chinese label), through the contract's code lists. */
function code(key: TableKey, column: string, cell: Cell): string | null {
  if (cell === null) return null;
  const codes = TABLES[key].columns.find((c) => c.key === column)?.codes;
  const found = codes?.match(str(cell)) ?? null;
  if (found === null) throw new Error(`unknown code ${String(cell)} in ${key}.${column}`);
  return found;
}

const zh = generateSample({ language: "zh-CN", asOf: AS_OF });
const en = generateSample({ language: "en", asOf: AS_OF });

interface Figures {
  p12: Map<string, number>;
  recent: Map<string, number>;
  before: Map<string, number>;
  firstWon: Map<string, CalDate>;
}

/** Won amounts per client from the Deals sheet, computed here independently (rules.md §1). */
function figures(wb: SampleWorkbook, asOf: CalDate): Figures {
  const from12 = addMonths(asOf, -12);
  const f: Figures = { p12: new Map(), recent: new Map(), before: new Map(), firstWon: new Map() };
  const add = (map: Map<string, number>, id: string, amount: number) =>
    map.set(id, (map.get(id) ?? 0) + amount);
  for (const deal of table(wb, "deals")) {
    if (code("deals", "stage", deal.stage) !== "won") continue;
    const id = str(deal.clientId);
    const closed = date(deal.closedOn);
    const amount = num(deal.amount);
    if (closed > from12 && closed <= asOf) add(f.p12, id, amount);
    if (closed > asOf - 90 && closed <= asOf) add(f.recent, id, amount);
    if (closed > asOf - 180 && closed <= asOf - 90) add(f.before, id, amount);
    if (closed < (f.firstWon.get(id) ?? Infinity)) f.firstWon.set(id, closed);
  }
  return f;
}

function baseTier(p12: number): Tier {
  return p12 >= HIGH ? "A" : p12 >= MEDIUM ? "B" : "C";
}

const NEXT: Record<Tier, number> = { A: Infinity, B: HIGH, C: MEDIUM };

describe("generateSample", () => {
  it("is deterministic: same options give a deep-equal workbook, another seed another one", () => {
    expect(generateSample({ language: "zh-CN", asOf: AS_OF })).toEqual(zh);
    expect(generateSample({ language: "en", seed: 1, clients: 150, asOf: AS_OF })).toEqual(en);
    expect(generateSample({ language: "zh-CN", seed: 2, asOf: AS_OF })).not.toEqual(zh);
  });

  it("builds the same figures and dates in both languages", () => {
    expect(zh.sheets.map((s) => s.rows.length)).toEqual(en.sheets.map((s) => s.rows.length));
    const amounts = (wb: SampleWorkbook, language: "zh-CN" | "en") =>
      table(wb, "deals", language).map((d) => [d.amount, d.created, d.closedOn]);
    expect(amounts(en, "en")).toEqual(amounts(zh, "zh-CN"));
    expect(table(en, "payments", "en").map((p) => [p.amountDue, p.amountPaid, p.due, p.paidOn])).toEqual(
      table(zh, "payments").map((p) => [p.amountDue, p.amountPaid, p.due, p.paidOn]),
    );
  });

  it("rejects a client count outside 1..20000", () => {
    expect(() => generateSample({ language: "en", clients: 0, asOf: AS_OF })).toThrow(RangeError);
    expect(() => generateSample({ language: "en", clients: 20001, asOf: AS_OF })).toThrow(RangeError);
    expect(() => generateSample({ language: "en", clients: 1.5, asOf: AS_OF })).toThrow(RangeError);
  });

  it.each([
    ["zh-CN", zh],
    ["en", en],
  ] as const)(
    "writes the input sheets and Tier history with the contract's names and headers (%s)",
    (language, wb) => {
      expect(wb.sheets.map((s) => s.table)).toEqual([...SAMPLE_TABLES]);
      expect(SAMPLE_TABLES).toEqual([
        "clients",
        "deals",
        "contracts",
        "payments",
        "interactions",
        "targets",
        "industries",
        "tierHistory",
        "team",
        "partners",
        "templates",
        "approvals",
      ]);
      for (const sheet of wb.sheets) {
        expect(sheet.name).toBe(sheetName(sheet.table, language));
        expect(sheet.rows[0]).toEqual(TABLES[sheet.table].columns.map((c) => headerName(c, language)));
        const width = TABLES[sheet.table].columns.length;
        for (const row of sheet.rows) expect(row.length).toBe(width);
      }
    },
  );

  it("writes the language, report recipients, contact capacity and collection addresses as settings, e-mails at example.com only", () => {
    expect(zh.settings).toEqual({
      language: "zh-CN",
      "report.recipients": "zhou.hong@example.com,li.na@example.com",
      "contact.capacityPerDay": "6",
      "contact.minGapDays": "3",
      "contact.planDays": "5",
      "contact.holidayPreset": "CN",
      "collection.escalateTo": "zhou.hong@example.com",
      "digest.finance": "finance@example.com",
      "calendar.owners": "li.na@example.com,wang.wei@example.com",
      "pipeline.staleDaysByStage": "方案报价:45, 商务谈判:21",
    });
    expect(en.settings.language).toBe("en");
    const emails = [
      ...table(zh, "clients").flatMap((c) => [c.owner, c.email]),
      ...table(zh, "deals").map((d) => d.owner),
      ...table(zh, "interactions").map((i) => i.owner),
      ...table(zh, "targets").map((t) => t.owner),
    ].filter((e): e is string => typeof e === "string" && e.includes("@"));
    expect(emails.length).toBeGreaterThan(1000);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@example\.com$/);
    const owners = new Set(table(zh, "clients").map((c) => c.owner));
    expect(owners.size).toBe(6);
  });

  it("gives every client a unique ID and a unique, realistic name", () => {
    const clients = table(zh, "clients");
    expect(clients).toHaveLength(DEFAULT_SAMPLE_CLIENTS);
    expect(new Set(clients.map((c) => c.clientId)).size).toBe(clients.length);
    expect(new Set(clients.map((c) => c.name)).size).toBe(clients.length);
    for (const c of clients) expect(str(c.name)).toMatch(/^\p{Script=Han}{4,}(股份)?有限公司$/u);
    expect(clients[0]?.clientId).toBe("KH00001");
    const enNames = table(en, "clients", "en").map((c) => str(c.name));
    for (const name of enNames)
      expect(name).toMatch(/^[A-Z][a-z]+ [A-Za-z& -]+ (Ltd\.|Co\., Ltd\.|Inc\.|Group)$/);
    expect(new Set(clients.map((c) => c.region))).toEqual(new Set(["华东", "华南", "华北", "西南", "华中"]));
  });

  it("refers only to existing clients, deals and contracts, with unique IDs", () => {
    const clientIds = new Set(table(zh, "clients").map((c) => c.clientId));
    const deals = table(zh, "deals");
    const dealIds = new Set(deals.map((d) => d.dealId));
    expect(dealIds.size).toBe(deals.length);
    const contracts = table(zh, "contracts");
    const contractIds = new Set(contracts.map((c) => c.contractId));
    expect(contractIds.size).toBe(contracts.length);
    for (const d of deals) expect(clientIds.has(d.clientId)).toBe(true);
    for (const c of contracts) {
      expect(clientIds.has(c.clientId)).toBe(true);
      expect(dealIds.has(c.dealId)).toBe(true);
    }
    for (const p of table(zh, "payments")) expect(contractIds.has(p.contractId)).toBe(true);
    for (const i of table(zh, "interactions")) expect(clientIds.has(i.clientId)).toBe(true);
    for (const h of table(zh, "tierHistory")) expect(clientIds.has(h.clientId)).toBe(true);
  });

  it("covers two years of deals: closed ones up to as-of, open ones expected in the next 1–4 months", () => {
    const deals = table(zh, "deals");
    const stages = new Set<string | null>();
    const sources = new Set<string | null>();
    for (const d of deals) {
      const stage = code("deals", "stage", d.stage);
      stages.add(stage);
      sources.add(code("deals", "source", d.source));
      expect(num(d.amount)).toBeGreaterThan(0);
      expect(date(d.created)).toBeLessThanOrEqual(AS_OF);
      if (stage === "won" || stage === "lost") {
        expect(date(d.closedOn)).toBeLessThanOrEqual(AS_OF);
        expect(date(d.closedOn)).toBeGreaterThan(addMonths(AS_OF, -24));
        expect(d.probability).toBeNull();
        expect(d.lostReason !== null).toBe(stage === "lost");
      } else {
        expect(d.closedOn).toBeNull();
        expect(date(d.expectedClose)).toBeGreaterThan(AS_OF);
        expect(date(d.expectedClose)).toBeLessThanOrEqual(addMonths(AS_OF, 4));
        expect([null, 0.6]).toContain(d.probability);
      }
    }
    expect([...stages].sort()).toEqual(["lead", "lost", "negotiation", "proposal", "qualified", "won"]);
    expect(sources.size).toBe(6);
    expect(new Set(deals.map((d) => d.lostReason))).toEqual(
      new Set([null, "价格过高", "选择竞品", "预算取消", "需求变化", "交付周期过长"]),
    );
    const open = deals.filter((d) => d.closedOn === null);
    const withProbability = open.filter((d) => d.probability !== null).length;
    expect(withProbability).toBeGreaterThan(0);
    expect(withProbability).toBeLessThan(open.length / 2);
  });

  it("spreads tiers about 15% A, 30% B, 55% C by the 12-month purchase", () => {
    for (const seed of [1, 2, 3]) {
      const wb = seed === 1 ? zh : generateSample({ language: "zh-CN", seed, asOf: AS_OF });
      const { p12 } = figures(wb, AS_OF);
      const counts = { A: 0, B: 0, C: 0 };
      for (const c of table(wb, "clients")) counts[baseTier(p12.get(str(c.clientId)) ?? 0)]++;
      expect(counts).toEqual({ A: 23, B: 45, C: 82 });
    }
  });

  it("has exactly the intended surging and long-term rising clients (rules.md §1.3)", () => {
    const { p12, recent, before, firstWon } = figures(zh, AS_OF);
    const growth = new Map(table(zh, "industries").map((i) => [i.industry, num(i.growth)]));
    let surging = 0;
    let lifted = 0;
    for (const c of table(zh, "clients")) {
      if (code("clients", "status", c.status) === "inactive") continue;
      const id = str(c.clientId);
      const p = p12.get(id) ?? 0;
      const base = baseTier(p);
      const r = recent.get(id) ?? 0;
      if (r > 0 && r >= 2 * (before.get(id) ?? 0) && (r * 365) / 90 >= NEXT[base]) surging++;
      const start = optDate(c.cooperationSince) ?? firstWon.get(id) ?? null;
      const rising = (growth.get(c.industry) ?? 0) >= 0.1;
      if (rising && start !== null && start <= addYears(AS_OF, -3) && p >= 0.5 * NEXT[base]) lifted++;
    }
    expect(surging).toBe(5);
    expect(lifted).toBe(4);
  });

  it("has ~8% inactive clients, a few overrides and exactly one override without a reason", () => {
    const clients = table(zh, "clients");
    expect(clients.filter((c) => code("clients", "status", c.status) === "inactive")).toHaveLength(12);
    const overrides = clients.filter((c) => c.tierOverride !== null);
    expect(overrides).toHaveLength(4);
    expect(overrides.filter((c) => c.overrideReason === null)).toHaveLength(1);
    expect(clients.filter((c) => c.overrideReason !== null && c.tierOverride === null)).toHaveLength(0);
    const preferred = clients.filter((c) => c.preferredChannel !== null).length;
    expect(preferred).toBeGreaterThan(5);
    expect(preferred).toBeLessThan(40);
  });

  it("carries tiers of an earlier run for ~40% of clients, some of which change now", () => {
    const clients = table(zh, "clients");
    const tiered = clients.filter((c) => c.tier !== null);
    expect(tiered).toHaveLength(60);
    const { p12 } = figures(zh, AS_OF);
    for (const c of tiered) {
      expect(["A", "B", "C"]).toContain(c.tier); // written by the tool: always the code
      expect(date(c.tierSince)).toBeLessThan(AS_OF);
      expect(typeof c.tierReason).toBe("string");
      expect(typeof c.purchase12m).toBe("number");
    }
    const changing = tiered.filter(
      (c) => c.tierOverride === null && c.tier !== baseTier(p12.get(str(c.clientId)) ?? 0),
    );
    expect(changing.length).toBeGreaterThan(3);
    const history = table(zh, "tierHistory");
    expect(history.length).toBeGreaterThan(0);
    for (const h of history) {
      expect(date(h.date)).toBeLessThan(AS_OF);
      expect(h.from).not.toBe(h.to);
      const client = tiered.find((c) => c.clientId === h.clientId);
      expect(client?.tier).toBe(h.to);
      expect(client?.tierSince).toEqual(h.date);
    }
  });

  it("gives contracts 2–4 instalments that sum exactly to the Value, statuses consistent with the dates", () => {
    const payments = table(zh, "payments");
    const byContract = new Map<Cell, Row[]>();
    for (const p of payments) byContract.set(p.contractId, [...(byContract.get(p.contractId) ?? []), p]);
    const statuses = new Set<string | null>();
    for (const c of table(zh, "contracts")) {
      const status = code("contracts", "status", c.status);
      statuses.add(status);
      const own = byContract.get(c.contractId) ?? [];
      if (status === "draft" || status === "review") {
        expect(own).toHaveLength(0);
        expect(c.signedOn).toBeNull();
        continue;
      }
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.length).toBeLessThanOrEqual(4);
      const value = num(c.value);
      expect(toCents(value) / 100).toBe(value); // at most two decimals
      expect(own.reduce((sum, p) => sum + toCents(num(p.amountDue)), 0)).toBe(toCents(value));
      const [signed, start, end] = [date(c.signedOn), date(c.start), date(c.end)];
      expect(signed).toBeLessThanOrEqual(start);
      expect(start).toBeLessThan(end);
      if (status === "signed") expect(start).toBeGreaterThan(AS_OF);
      if (status === "active") expect(start <= AS_OF && AS_OF <= end).toBe(true);
      if (status === "expired" || status === "renewed") expect(end).toBeLessThan(AS_OF);
    }
    expect(statuses).toEqual(
      new Set(["draft", "review", "signed", "active", "expired", "renewed", "terminated"]),
    );
  });

  it("is clean for the contract checks: won orders have contracts, renewed contracts a successor", () => {
    const contracts = table(zh, "contracts");
    const withContract = new Set(contracts.map((c) => c.dealId));
    for (const d of table(zh, "deals")) {
      if (code("deals", "stage", d.stage) === "won" && date(d.closedOn) < AS_OF - 30) {
        expect(withContract.has(d.dealId)).toBe(true);
      }
    }
    const time = (c: Row) => optDate(c.start) ?? optDate(c.signedOn) ?? Infinity;
    for (const c of contracts) {
      if (code("contracts", "status", c.status) !== "renewed") continue;
      expect(contracts.some((other) => other.clientId === c.clientId && time(other) > time(c))).toBe(true);
    }
  });

  it("has paid, late, partly paid and overdue instalments, and renewals due within 90 days", () => {
    const payments = table(zh, "payments");
    const overdue = payments.filter(
      (p) => date(p.due) < AS_OF && ((p.amountPaid as number | null) ?? 0) < num(p.amountDue),
    );
    const partly = overdue.filter((p) => p.amountPaid !== null);
    const late = payments.filter((p) => p.paidOn !== null && date(p.paidOn) > date(p.due) + 10);
    for (const p of payments) {
      if (p.paidOn !== null) expect(date(p.paidOn)).toBeLessThanOrEqual(AS_OF);
      expect((p.paidOn === null) === (p.amountPaid === null)).toBe(true);
    }
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(overdue.length).toBeLessThanOrEqual(40);
    expect(partly.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(10);
    const renewals = table(zh, "contracts").filter((c) => {
      const status = code("contracts", "status", c.status);
      const end = optDate(c.end);
      return (status === "active" || status === "signed") && end !== null && end > AS_OF && end <= AS_OF + 90;
    });
    expect(renewals.length).toBeGreaterThan(3);
  });

  it("logs contacts on every channel, more often for higher tiers, never after as-of", () => {
    const interactions = table(zh, "interactions");
    const { p12 } = figures(zh, AS_OF);
    const perTier = { A: 0, B: 0, C: 0 };
    const clientsPerTier = { A: 0, B: 0, C: 0 };
    const tierOf = new Map<Cell, Tier>();
    for (const c of table(zh, "clients")) {
      if (code("clients", "status", c.status) === "inactive" || c.tierOverride !== null) continue;
      const tier = baseTier(p12.get(str(c.clientId)) ?? 0);
      tierOf.set(c.clientId, tier);
      clientsPerTier[tier]++;
    }
    const channels = new Set<string | null>();
    const responded = new Set<string | null>();
    let previous = -Infinity;
    for (const i of interactions) {
      const day = date(i.date);
      expect(day).toBeLessThanOrEqual(AS_OF);
      expect(day).toBeGreaterThanOrEqual(previous); // sorted by date
      previous = day;
      channels.add(code("interactions", "channel", i.channel));
      responded.add(code("interactions", "responded", i.responded));
      if (i.satisfaction !== null) expect([1, 2, 3, 4, 5]).toContain(i.satisfaction);
      expect(typeof i.summary).toBe("string");
      const tier = tierOf.get(i.clientId);
      if (tier) perTier[tier]++;
    }
    expect(channels).toEqual(new Set(CHANNELS.values));
    expect(responded).toEqual(new Set([...YES_NO.values, null]));
    const rate = (t: Tier) => perTier[t] / clientsPerTier[t];
    expect(rate("A")).toBeGreaterThan(1.5 * rate("B"));
    expect(rate("B")).toBeGreaterThan(1.5 * rate("C"));
  });

  it("leaves some contacts overdue by their tier's interval", () => {
    const last = new Map<Cell, CalDate>();
    for (const i of table(zh, "interactions")) last.set(i.clientId, date(i.date));
    const { p12 } = figures(zh, AS_OF);
    const interval = { A: 7, B: 15, C: 30 };
    let overdue = 0;
    for (const c of table(zh, "clients")) {
      if (code("clients", "status", c.status) === "inactive") continue;
      const seen = last.get(c.clientId);
      const tier = baseTier(p12.get(str(c.clientId)) ?? 0);
      if (seen !== undefined && AS_OF - seen > interval[tier] + 2) overdue++;
    }
    expect(overdue).toBeGreaterThan(15);
    expect(overdue).toBeLessThan(90);
  });

  it("writes every code cell in one form: the label of the workbook's language (tiers as letters)", () => {
    const codeCells = (wb: SampleWorkbook) =>
      wb.sheets.flatMap((sheet) => {
        const columns = TABLES[sheet.table].columns;
        return sheet.rows
          .slice(1)
          .flatMap((row) =>
            columns.flatMap((c, i) =>
              c.codes && !c.computed && sheet.table !== "tierHistory" && row[i] !== null
                ? [[c, row[i]] as const]
                : [],
            ),
          );
      });
    for (const [wb, language] of [
      [zh, "zh-CN"],
      [en, "en"],
    ] as const) {
      const cells = codeCells(wb);
      expect(cells.length).toBeGreaterThan(1000);
      for (const [c, v] of cells) {
        const codes = c.codes as NonNullable<typeof c.codes>;
        // A list of codes (the contracts' approvals) holds each code's label, joined.
        for (const part of c.type === "codeSet" ? str(v).split(/[、,] ?/) : [str(v)]) {
          const code = codes.match(part);
          expect(code).not.toBeNull();
          expect(part).toBe(codes.cell(code as string, language));
        }
      }
    }
    expect(codeCells(zh).some(([, v]) => v === "活跃")).toBe(true);
    expect(codeCells(en).some(([, v]) => v === "Active")).toBe(true);
  });

  it("sets team, owner, month and quarter targets", () => {
    const targets = table(zh, "targets");
    const periods = targets.map((t) => [t.owner, t.period]);
    expect(periods).toContainEqual(["全部", 2025]);
    expect(periods).toContainEqual(["ALL", 2026]);
    expect(periods).toContainEqual(["li.na@example.com", 2026]);
    expect(periods).toContainEqual(["li.na@example.com", "2026-10"]);
    expect(periods).toContainEqual(["li.na@example.com", "2026-12"]);
    expect(periods).toContainEqual(["zhang.min@example.com", "2026-Q4"]);
    expect(targets.filter((t) => typeof t.period === "string" && t.period.includes("Q"))).toHaveLength(1);
    for (const t of targets) expect(num(t.target)).toBeGreaterThan(0);
    const team = num(targets.find((t) => t.owner === "ALL")?.target ?? null);
    const owners = targets
      .filter((t) => t.period === 2026 && t.owner !== "ALL")
      .reduce((s, t) => s + num(t.target), 0);
    expect(Math.abs(owners - team) / team).toBeLessThan(0.02);
  });

  it("lists 12 industries with their growth, the rising ones at or above 10%", () => {
    const industries = table(zh, "industries");
    expect(industries).toHaveLength(12);
    expect(industries[0]).toEqual({ industry: "新能源", growth: 0.18 });
    expect(industries.filter((i) => num(i.growth) >= 0.1).map((i) => i.industry)).toEqual([
      "新能源",
      "半导体",
      "医疗器械",
      "智能制造",
    ]);
    const used = new Set(table(zh, "clients").map((c) => c.industry));
    for (const c of used) expect(industries.map((i) => i.industry)).toContain(c);
  });

  it("scales in proportion to the number of clients", () => {
    const wb = generateSample({ language: "en", clients: 1000, seed: 7, asOf: AS_OF });
    const count = (key: TableKey) => (wb.sheets.find((s) => s.table === key)?.rows.length ?? 1) - 1;
    expect(count("clients")).toBe(1000);
    expect(count("deals")).toBeGreaterThan(9_000);
    expect(count("deals")).toBeLessThan(11_500);
    expect(count("interactions")).toBeGreaterThan(13_000);
    expect(count("interactions")).toBeLessThan(18_000);
    expect(count("contracts")).toBeGreaterThan(2_000);
    expect(count("contracts")).toBeLessThan(3_000);
    expect(count("payments")).toBeGreaterThan(5_000);
    expect(count("payments")).toBeLessThan(8_000);
  });

  it("works for tiny and for the largest workbooks", () => {
    const tiny = generateSample({ language: "zh-CN", clients: 1, asOf: AS_OF });
    expect(table(tiny, "clients")).toHaveLength(1);
    const year = dateParts(AS_OF).year;
    const big = generateSample({ language: "zh-CN", clients: 20_000, asOf: AS_OF });
    const clients = big.sheets[0]?.rows ?? [];
    expect(clients).toHaveLength(20_001);
    expect(new Set(clients.map((r) => r[0])).size).toBe(20_001);
    expect(new Set(clients.map((r) => r[1])).size).toBe(20_001);
    const deals = big.sheets[1]?.rows.length ?? 0;
    expect(deals).toBeGreaterThan(180_000);
    expect(deals).toBeLessThan(230_000);
    expect(year).toBe(2026);
  }, 120_000);
});
