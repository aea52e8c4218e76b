/**
 * The best guess of a mapping: synonyms in both languages are sure matches, other names are
 * compared by normalised similarity, and one header never serves two columns.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assign, MIN_SIMILARITY, similarity, squash, type GuessTarget } from "../../src/workbook/guess";
import { TABLES } from "../../src/workbook/schema";
import { columnSynonyms, SHEET_SYNONYMS } from "../../src/workbook/synonyms";

/** The targets of a table as the Map my sheets form builds them: own names, then synonyms. */
function targets(table: "clients" | "deals" | "payments"): GuessTarget[] {
  return TABLES[table].columns.map((c) => ({
    key: c.key,
    names: [c.en, c.zh, ...columnSynonyms(table, c.key)],
    required: c.requiredColumn === true,
  }));
}

describe("guessing the columns of a team's sheet", () => {
  it("maps Chinese and English synonyms: 客户代码 and Customer ID to Client ID, 业务员 and Sales rep to Owner", () => {
    const zh = assign(targets("clients"), ["业务员", "客户代码", "公司名称", "所属行业", "备注"]);
    expect(Object.fromEntries(zh)).toEqual({
      owner: "业务员",
      clientId: "客户代码",
      name: "公司名称",
      industry: "所属行业",
    });
    const en = assign(targets("clients"), ["Customer ID", "Company", "Sales rep", "Territory"]);
    expect(Object.fromEntries(en)).toEqual({
      clientId: "Customer ID",
      name: "Company",
      owner: "Sales rep",
      region: "Territory",
    });
  });

  it("matches names that differ in case, spacing, punctuation or a qualifier by similarity", () => {
    expect(squash(" Client_ID ")).toBe("clientid");
    expect(similarity("Client ID", "client-id")).toBe(1);
    expect(similarity("客户名称", "客户名称（全称）")).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(similarity("Amount due", "Amount due (CNY)")).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(similarity("Client ID", "备注")).toBe(0);
    const found = assign(targets("payments"), [
      "contract_no",
      "Due Date",
      "Amount due (CNY)",
      "paid on",
      "Memo",
    ]);
    expect(Object.fromEntries(found)).toEqual({
      contractId: "contract_no",
      due: "Due Date",
      amountDue: "Amount due (CNY)",
      paidOn: "paid on",
    });
  });

  it("never gives one header to two columns, the better match keeping it", () => {
    // "负责人" is the Owner column's own name and close to nothing else: Owner keeps it.
    const two: GuessTarget[] = [
      { key: "owner", names: ["Owner", "负责人"] },
      { key: "manager", names: ["负责人经理"] },
    ];
    expect(Object.fromEntries(assign(two, ["负责人"]))).toEqual({ owner: "负责人" });
    // Every column of the Deals contract against its own headers: each header once, each right.
    const deals = TABLES.deals.columns.map((c) => c.zh);
    const all = assign(targets("deals"), deals);
    expect(all.size).toBe(deals.length);
    expect(new Set(all.values()).size).toBe(deals.length);
    for (const c of TABLES.deals.columns) expect(all.get(c.key)).toBe(c.zh);
  });

  it("serves required columns first when two scores tie", () => {
    const tie: GuessTarget[] = [
      { key: "optional", names: ["编号"] },
      { key: "needed", names: ["编号"], required: true },
    ];
    expect(Object.fromEntries(assign(tie, ["编号"]))).toEqual({ needed: "编号" });
  });

  it("guesses sheets by their names and synonyms, leaving the taken ones alone", () => {
    const tables = (["clients", "deals", "payments"] as const).map((t) => ({
      key: t,
      names: [TABLES[t].en, TABLES[t].zh, ...SHEET_SYNONYMS[t]],
    }));
    const sheets = ["客户名单", "销售机会", "收款记录", "说明"];
    expect(Object.fromEntries(assign(tables, sheets))).toEqual({
      clients: "客户名单",
      deals: "销售机会",
      payments: "收款记录",
    });
    expect(assign(tables, sheets, new Set(["客户名单"])).has("clients")).toBe(false);
  });
});

describe("the guess, for any names (property)", () => {
  it("gives each header to one column at most, only above the threshold, and never a taken one", () => {
    const name = fc.string({ minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.array(name, { maxLength: 10 }),
        fc.array(name, { maxLength: 3 }),
        (names, candidates, taken) => {
          const targets = names.map((n, i) => ({ key: `k${i}`, names: n }));
          const out = assign(targets, candidates, new Set(taken));
          const used = [...out.values()];
          expect(new Set(used).size).toBe(used.length);
          for (const [key, header] of out) {
            expect(taken).not.toContain(header);
            const target = targets.find((t) => t.key === key) as GuessTarget;
            expect(Math.max(...target.names.map((n) => similarity(n, header)))).toBeGreaterThanOrEqual(
              MIN_SIMILARITY,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is symmetric and 1 exactly for names that squash alike", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (a, b) => {
        expect(similarity(a, b)).toBe(similarity(b, a));
        expect(similarity(a, b) === 1).toBe(squash(a) !== "" && squash(a) === squash(b));
      }),
    );
  });
});
