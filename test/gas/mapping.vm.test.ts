/**
 * Map my sheets through dist/Code.js in the vm harness: the sample workbook with its sheets
 * renamed and its columns renamed and reordered, mapped from the Get started sidebar's form
 * (every renamed sheet and header guessed) and saved in Settings, gives exactly the tiers, Tier
 * history and contact plan of the standard workbook, and Check data names the team's own sheets
 * and headers. Run `npm run build` first.
 */
import { describe, expect, it } from "vitest";
import type { GetStartedForm, MappingForm, MappingInput, SaveMappingResult } from "../../src/ui/api";
import { loadBundle, type GasHandle, type SeedCell } from "./harness";
import { SAMPLE_NOW, sampleSeed } from "./sampleRuns";

type Sheets = Record<string, SeedCell[][]>;

/** The team's names: sheet → [its own name, { contract header → its own header }]. */
const RENAMES: Readonly<Record<string, readonly [string, Readonly<Record<string, string>>]>> = {
  客户: [
    "客户名单",
    { 客户编号: "客户代码", 客户名称: "公司名称", 负责人: "业务员", 客户等级: "等级", 行业: "所属行业" },
  ],
  商机: [
    "销售机会",
    { 商机编号: "商机ID", 客户编号: "客户ID", 金额: "商机金额", 成交日期: "成交时间", 阶段: "销售阶段" },
  ],
  沟通记录: ["拜访记录", { 日期: "拜访日期", 客户编号: "客户代码", 渠道: "沟通方式" }],
  合同: ["合同台账", { 合同编号: "合同号", 客户编号: "客户代码" }],
  回款: ["收款记录", { 合同编号: "合同号", 应收日期: "到期日", 实收金额: "回款金额" }],
};

/** The same workbook as a team keeps it: sheets renamed, headers renamed, columns in reverse order. */
function teamWorkbook(standard: Sheets): Sheets {
  const out: Sheets = {};
  for (const [name, rows] of Object.entries(standard)) {
    const rename = RENAMES[name];
    if (rename === undefined) {
      out[name] = rows;
      continue;
    }
    const [sheet, headers] = rename;
    const width = rows[0].length;
    out[sheet] = rows.map((row, r) =>
      Array.from({ length: width }, (_, c) => {
        const cell = row[width - 1 - c] ?? null;
        return r === 0 && typeof cell === "string" ? (headers[cell] ?? cell) : cell;
      }),
    );
  }
  return out;
}

function open(sheets: Sheets): GasHandle {
  return loadBundle({ seed: { now: SAMPLE_NOW, timeZone: "Asia/Shanghai", sheets } });
}

/** Rows of a sheet as records by header, sorted by the given key. */
function records(gas: GasHandle, sheet: string, key: string, headerOf: (h: string) => string = (h) => h) {
  const [head, ...rows] = gas.fake.sheetValues(sheet);
  const names = head.map((h) => headerOf(String(h)));
  return rows
    .map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])))
    .sort((a, b) => String(a[key]).localeCompare(String(b[key])));
}

/** The header of the standard workbook a team header stands for. */
function standardHeader(sheet: string): (header: string) => string {
  const entry = Object.values(RENAMES).find(([own]) => own === sheet);
  const back = new Map(Object.entries(entry?.[1] ?? {}).map(([std, own]) => [own, std]));
  return (header) => back.get(header) ?? header;
}

/** Maps the team workbook from the Get started form as the page would save it: every guess kept. */
function mapFromForm(gas: GasHandle): MappingForm {
  const form = gas.call("sidebarMappingForm") as MappingForm;
  const input: MappingInput = Object.fromEntries(
    form.tables.map((t) => [
      t.table,
      { sheet: t.sheet, columns: Object.fromEntries(t.fields.map((f) => [f.key, f.header])) },
    ]),
  );
  const saved = gas.call("sidebarSaveMapping", input) as SaveMappingResult;
  expect(saved).toMatchObject({ ok: true });
  return form;
}

describe("Get started…", () => {
  it("is in the menu, the add-on menu too (AuthMode.NONE), and opens its sidebar with its strings in it", () => {
    const gas = open({});
    gas.open("NONE");
    const items = JSON.stringify(gas.fake.menus[0].items);
    expect(items).toContain('{"caption":"开始使用…","functionName":"menuGetStarted"}');
    gas.call("menuGetStarted");
    expect(gas.fake.sidebars.map((s) => s.title)).toEqual(["开始使用"]);
    const data = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(
      gas.fake.sidebars[0].content,
    );
    const form = JSON.parse(data?.[1] ?? "null") as GetStartedForm;
    expect(form.language).toBe("zh-CN");
    expect(form.text["start.map.title"]).toBe("映射我的表格");
  });
});

describe("a team's own sheets, mapped", () => {
  const standard = sampleSeed(60).sheets;
  // One bad owner in both workbooks, for Check data to name.
  const firstClient = standard["客户"][1];
  firstClient[standard["客户"][0].indexOf("负责人")] = "not-an-email";

  it("are guessed by the Get started form: every renamed sheet and header, the rest by the contract's names", () => {
    const gas = open(teamWorkbook(standard));
    const form = gas.call("sidebarMappingForm") as MappingForm;
    const table = (key: string) => form.tables.find((t) => t.table === key);
    expect(form.tables.map((t) => [t.table, t.sheet])).toEqual([
      ["clients", "客户名单"],
      ["deals", "销售机会"],
      ["contracts", "合同台账"],
      ["payments", "收款记录"],
      ["interactions", "拜访记录"],
      ["targets", "业绩目标"],
      ["industries", "行业"],
      ["team", "团队"],
      ["partners", "合作伙伴"],
      ["templates", "邮件模板"],
    ]);
    const chosen = (key: string) =>
      Object.fromEntries(
        (table(key)?.fields ?? []).filter((f) => f.header !== null).map((f) => [f.key, f.header]),
      );
    expect(chosen("clients")).toMatchObject({
      clientId: "客户代码",
      name: "公司名称",
      owner: "业务员",
      tier: "等级",
      industry: "所属行业",
      tierReason: "分级依据",
    });
    expect(chosen("deals")).toMatchObject({
      dealId: "商机ID",
      clientId: "客户ID",
      amount: "商机金额",
      stage: "销售阶段",
      closedOn: "成交时间",
    });
    expect(chosen("payments")).toMatchObject({ contractId: "合同号", due: "到期日", amountPaid: "回款金额" });
    // Each header of a sheet serves one column at most.
    for (const t of form.tables) {
      const headers = t.fields.map((f) => f.header).filter((h) => h !== null);
      expect(new Set(headers).size).toBe(headers.length);
    }
  });

  it("save to Settings as map.* rows a user can read, only where the names differ from the contract's", () => {
    const gas = open(teamWorkbook(standard));
    mapFromForm(gas);
    const rows = gas.fake.sheetValues("设置").filter((row) => String(row[0]).startsWith("map."));
    expect(rows.map((row) => [row[0], row[1]])).toEqual(
      expect.arrayContaining([
        ["map.clients", "客户名单"],
        ["map.clients.clientId", "客户代码"],
        ["map.clients.owner", "业务员"],
        ["map.deals.amount", "商机金额"],
        ["map.payments.due", "到期日"],
      ]),
    );
    expect(rows.find((row) => row[0] === "map.clients.clientId")?.[2]).toBe(
      "「客户」表「客户编号」列对应的表头（映射）",
    );
    expect(rows.some((row) => row[0] === "map.clients.tierReason" || row[0] === "map.targets")).toBe(false);
    // Names, not positions: the user's sheets are unchanged by the save.
    expect(gas.fake.sheetValues("客户名单")).toEqual(
      open(teamWorkbook(standard)).fake.sheetValues("客户名单"),
    );
  });

  it("give exactly the tiers, Tier history and contact plan of the standard workbook", () => {
    const plain = open(standard);
    plain.call("menuTiers");
    plain.call("menuContactPlan");
    const team = open(teamWorkbook(standard));
    mapFromForm(team);
    team.call("menuTiers");
    team.call("menuContactPlan");
    expect(team.fake.alerts.map((a) => a.title)).toEqual(plain.fake.alerts.map((a) => a.title));

    const computed = ["客户编号", "客户等级", "分级依据", "近12个月采购额", "定级日期"];
    const pick = (rows: Record<string, unknown>[]) => rows.map((r) => computed.map((k) => r[k]));
    const expected = pick(records(plain, "客户", "客户编号"));
    expect(expected.filter((r) => r[1] === "A").length).toBeGreaterThan(0);
    expect(pick(records(team, "客户名单", "客户编号", standardHeader("客户名单")))).toEqual(expected);
    // The Tier went into the team's own 等级 column; the other computed columns kept theirs.
    const teamHead = team.fake.sheetValues("客户名单")[0];
    expect(teamHead).toContain("等级");
    expect(teamHead).not.toContain("客户等级");
    expect(teamHead.length).toBe(standard["客户"][0].length);

    expect(team.fake.sheetValues("分级记录")).toEqual(plain.fake.sheetValues("分级记录"));
    expect(team.fake.sheetValues("沟通计划")).toEqual(plain.fake.sheetValues("沟通计划"));
  });

  it("make Check data name the team's own sheets and headers", () => {
    const plain = open(standard);
    plain.call("menuCheck");
    const team = open(teamWorkbook(standard));
    mapFromForm(team);
    team.call("menuCheck");
    const issues = (gas: GasHandle) =>
      gas.fake
        .sheetValues("数据问题")
        .slice(1)
        .map((row) => row.slice(1, 6));
    const own = issues(team);
    expect(own).toContainEqual(["客户名单", 2, "业务员", "not-an-email", expect.any(String)]);
    expect(issues(plain)).toContainEqual(["客户", 2, "负责人", "not-an-email", expect.any(String)]);
    // The same issues, only under the team's names.
    const renamed = issues(plain).map(([sheet, row, column, value, problem]) => {
      const entry = RENAMES[String(sheet)];
      // A problem that names a sheet names the team's.
      const text = String(problem).replace(/「(.+?)」/g, (whole, name: string) =>
        RENAMES[name] ? `「${RENAMES[name][0]}」` : whole,
      );
      return [entry?.[0] ?? sheet, row, entry?.[1][String(column)] ?? column, value, text];
    });
    expect(own).toEqual(renamed);
  });
});
