/**
 * The foundation through the REAL dist/Code.js (npm test builds it first; run `npm run build`
 * before running this file alone), loaded into node:vm with the fakes of the Apps Script services:
 * the menu, Set up, Check data, the triggers and the document lock, as Sheets would run them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { t, type Language, type MessageKey } from "../../src/i18n";
import { menuEntries, TRIGGER_HANDLERS, type MenuEntry } from "../../src/gas/registry";
import { SETUP_TABLES, TABLES, type TableKey } from "../../src/workbook/schema";
import { SETTING_DEFS, setupValue } from "../../src/workbook/settings";
import { loadBundle, type GasHandle, type MenuItemRecord, type ResetOptions, type SeedCell } from "./harness";

let functions: string[] = [];

beforeAll(() => {
  functions = loadBundle().functions();
});

function gas(seed: ResetOptions = {}): GasHandle {
  return loadBundle({ seed: { now: "2026-11-27T01:00:00Z", ...seed } });
}

function colLetter(n: number): string {
  let s = "";
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(65 + ((m - 1) % 26)) + s;
  return s;
}

function expectedMenu(entries: readonly MenuEntry[], language: Language): MenuItemRecord[] {
  return entries.map((entry): MenuItemRecord => {
    if (entry.kind === "separator") return { separator: true };
    if (entry.kind === "item") return { caption: t(language, entry.label), functionName: entry.handler };
    return { title: t(language, entry.label), items: expectedMenu(entry.items, language) };
  });
}

/** Every sheet's values and formats, to prove that an action changed nothing. */
function snapshot(h: GasHandle): string {
  return JSON.stringify(
    h.fake.sheetNames().map((name) => [name, h.fake.sheetValues(name), h.fake.sheetState(name)]),
  );
}

const header = (table: TableKey): string[] => TABLES[table].columns.map((c) => c.zh);

/** A row of a table from values by column key (missing columns blank). */
function row(table: TableKey, values: Record<string, SeedCell>): SeedCell[] {
  return TABLES[table].columns.map((c) => values[c.key] ?? null);
}

const HYPERLINK = `=HYPERLINK("http://evil.example/steal","点我领取优惠")${"，".repeat(60)}`;

/** Clients and deals with one problem per row, then `extra` clients of which every 50th has a bad e-mail. */
function badWorkbook(extra = 0): Record<string, SeedCell[][]> {
  const good = (id: string, extra: Record<string, SeedCell> = {}): SeedCell[] =>
    row("clients", {
      clientId: id,
      name: `客户 ${id}`,
      industry: "软件",
      region: "华东",
      owner: "li.lei@example.com",
      email: `${id.toLowerCase()}@client.example`,
      status: "active",
      cooperationSince: { date: "2020-03-15" },
      ...extra,
    });
  const clients: SeedCell[][] = [
    header("clients"),
    good("C001", { email: "not-an-email" }),
    good("C002", { cooperationSince: "2026-02-30" }),
    good("C003", { industry: { formula: "=VLOOKUP(A4,行业!A:B,2,FALSE)", value: "#N/A" } }),
    good("C004"),
    good("C004"),
    good("C005", { status: "maybe" }),
    good("C006", { name: HYPERLINK }),
  ];
  for (let i = 0; i < extra; i++) {
    const id = `K${String(i).padStart(5, "0")}`;
    clients.push(good(id, i % 50 === 49 ? { email: `${id}-at-nowhere` } : {}));
  }
  const deals: SeedCell[][] = [
    header("deals"),
    row("deals", {
      dealId: "D001",
      clientId: "C005",
      stage: "lead",
      amount: 120000,
      created: { date: "2026-10-01" },
    }),
    row("deals", { dealId: "D002", clientId: "C999", stage: "lead", amount: 5000 }),
  ];
  return { 客户: clients, 商机: deals };
}

describe("onOpen", () => {
  it("builds the 商务助手 menu from the registry, every item a top-level function", () => {
    const h = gas();
    h.call("onOpen");
    expect(h.fake.menus).toEqual([{ title: "商务助手", items: expectedMenu(menuEntries(), "zh-CN") }]);
    const items = h.fake.menus[0].items;
    expect(items).toContainEqual({ caption: "初始化工作簿", functionName: "menuSetup" });
    expect(items).toContainEqual({ caption: "检查数据", functionName: "menuCheck" });
    expect(items).toContainEqual({
      title: "自动化",
      items: [
        { caption: "安装定时任务", functionName: "menuInstallTriggers" },
        { caption: "移除定时任务", functionName: "menuRemoveTriggers" },
        { caption: "查看状态", functionName: "menuTriggerStatus" },
      ],
    });
    expect(items[items.length - 1]).toEqual({ caption: "帮助", functionName: "menuHelp" });
    const handlers: string[] = [];
    const walk = (list: MenuItemRecord[]): void => {
      for (const item of list) {
        if ("functionName" in item) handlers.push(item.functionName);
        if ("items" in item) walk(item.items);
      }
    };
    walk(items);
    for (const handler of [...handlers, ...TRIGGER_HANDLERS]) expect(functions).toContain(handler);
  });

  it("shows the English menu Account Desk when Settings says en", () => {
    const h = gas({
      sheets: {
        Settings: [
          ["Key", "Value", "Description"],
          ["language", "en", ""],
        ],
      },
    });
    h.call("onOpen");
    expect(h.fake.menus).toEqual([{ title: "Account Desk", items: expectedMenu(menuEntries(), "en") }]);
  });

  it("shows the add-on menu, in Chinese, without authorisation (AuthMode.NONE), and the custom menu when LIMITED", () => {
    const h = gas({
      sheets: {
        Settings: [
          ["Key", "Value", "Description"],
          ["language", "en", ""],
        ],
      },
    });
    h.open("NONE");
    expect(h.fake.menus.map((m) => [m.title, m.addon])).toEqual([["Account Desk", true]]);
    expect(h.fake.menus[0].items).toEqual(expectedMenu(menuEntries(), "zh-CN"));
    const limited = gas({
      sheets: {
        Settings: [
          ["Key", "Value", "Description"],
          ["language", "en", ""],
        ],
      },
    });
    limited.open("LIMITED");
    expect(limited.fake.menus.map((m) => m.title)).toEqual(["Account Desk"]);
  });
});

describe("menuSetup", () => {
  it("creates every sheet of the contract with headers, frozen row 1, drop-downs and notes", () => {
    const h = gas();
    h.call("menuSetup");
    const names = h.fake.sheetNames();
    for (const table of SETUP_TABLES) expect(names).toContain(TABLES[table].zh);
    const note = t("zh-CN", "setup.computedNote");
    for (const table of SETUP_TABLES) {
      const name = TABLES[table].zh;
      const values = h.fake.sheetValues(name);
      expect(values[0]).toEqual(header(table));
      const state = h.fake.sheetState(name);
      expect(state.frozenRows).toBe(1);
      TABLES[table].columns.forEach((column, i) => {
        const letter = colLetter(i + 1);
        if (column.computed) expect(state.notes[`${letter}1`]).toBe(note);
        else expect(state.notes[`${letter}1`]).toBeUndefined();
        const validation = state.validations.find((v) => v.a1.startsWith(`${letter}2:`));
        // A list of codes in one cell (approvals) has no drop-down: it holds several.
        if (column.type === "codeSet") expect(validation).toBeUndefined();
        if (column.codes && column.type === "code" && !column.computed && !TABLES[table].output) {
          expect(validation).toMatchObject({ type: "VALUE_IN_LIST", values: column.codes.dropdown("zh-CN") });
          expect(validation?.a1).toBe(`${letter}2:${letter}${state.maxRows}`);
        }
      });
    }
    const settings = h.fake.sheetValues("设置");
    expect(settings.slice(1).map((r) => r[0])).toEqual(SETTING_DEFS.map((d) => d.key));
    expect(settings.find((r) => r[0] === "timeZone")?.[1]).toBe("Asia/Shanghai");
    expect(h.fake.cell("设置", "B2")).toMatchObject({ type: "text", value: "zh-CN" });
    expect(h.fake.lockHeld()).toBe(false);
    expect(h.fake.warnings).toEqual([]);
  });

  it("stores every setting exactly as written (no number or date conversion by Sheets)", () => {
    const h = gas();
    h.call("menuSetup");
    const values = h.fake.sheetValues("设置");
    for (const def of SETTING_DEFS) {
      const line = values.find((r) => r[0] === def.key);
      const expected =
        def.key === "timeZone"
          ? "Asia/Shanghai"
          : def.key === "language"
            ? "zh-CN"
            : setupValue(def, "zh-CN");
      expect(line?.[1] ?? "", def.key).toEqual(expected === "" ? "" : expected);
    }
  });

  it("changes nothing when run a second time", () => {
    const h = gas();
    h.call("menuSetup");
    const first = snapshot(h);
    h.fake.alerts.length = 0;
    h.fake.toasts.length = 0;
    h.call("menuSetup");
    expect(snapshot(h)).toBe(first);
    expect([...h.fake.toasts, ...h.fake.alerts].map((m) => m.message).join("\n")).toContain(
      t("zh-CN", "setup.nothingToDo"),
    );
  });
});

describe("menuCheck", () => {
  it("lists each bad cell in Data issues, alerts the count and changes no input cell", () => {
    const h = gas({ sheets: badWorkbook() });
    const before = { clients: h.fake.sheetValues("客户"), deals: h.fake.sheetValues("商机") };
    h.call("menuCheck");
    expect(h.fake.sheetValues("客户")).toEqual(before.clients);
    expect(h.fake.sheetValues("商机")).toEqual(before.deals);

    const issues = h.fake.sheetValues("数据问题");
    expect(issues[0]).toEqual(["操作", "工作表", "行", "列", "值", "问题", "发现时间"]);
    const found = (sheet: string, rowNumber: number, column: string) =>
      issues.find((r) => r[1] === sheet && r[2] === rowNumber && r[3] === column);
    expect(found("客户", 2, "邮箱")?.[4]).toBe("not-an-email");
    expect(found("客户", 3, "合作起始日期")?.[5]).toBe(t("zh-CN", "issue.impossibleDate"));
    expect(found("客户", 4, "行业")?.[4]).toBe("#N/A");
    expect(found("客户", 5, "客户编号")?.[5]).toBe(t("zh-CN", "issue.duplicateId"));
    expect(found("客户", 6, "客户编号")?.[5]).toBe(t("zh-CN", "issue.duplicateId"));
    expect(found("客户", 7, "状态")?.[4]).toBe("maybe");
    expect(found("商机", 3, "客户编号")?.[5]).toBe(t("zh-CN", "issue.unknownClient"));
    const link = issues.findIndex((r) => r[1] === "客户" && r[2] === 8 && r[3] === "客户名称");
    expect(link).toBeGreaterThan(0);
    expect(h.fake.cell("数据问题", `E${link + 1}`)).toMatchObject({ type: "text" });
    expect(String(issues[link][4]).startsWith("=HYPERLINK(")).toBe(true);
    for (let r = 2; r <= issues.length; r++) {
      for (const c of "ABCDEF") expect(h.fake.cell("数据问题", `${c}${r}`).type).not.toBe("formula");
    }

    const count = issues.length - 1;
    expect(h.fake.alerts).toHaveLength(1);
    expect(h.fake.alerts[0].title).toBe(t("zh-CN", "action.check"));
    expect(h.fake.alerts[0].message).toContain(`发现 ${count} 个数据问题`);
    expect(h.fake.lockHeld()).toBe(false);
  });

  it("makes as many spreadsheet calls for 5,000 client rows as for 100 (and 100 issues as for 2)", () => {
    const run = (extra: number): { calls: number; issues: number } => {
      const h = gas({ sheets: badWorkbook(extra) });
      h.fake.resetCalls();
      h.call("menuCheck");
      return { calls: h.fake.spreadsheetCalls(), issues: h.fake.sheetValues("数据问题").length - 1 };
    };
    const small = run(100);
    const large = run(5000);
    expect(large.issues - small.issues).toBe(98);
    expect(small.calls).toBeGreaterThan(0);
    expect(large.calls).toBe(small.calls);
  });
});

describe("triggers", () => {
  it("installing twice leaves one hourly dispatcher and keeps the user's own triggers", () => {
    const h = gas({ triggers: [{ handler: "myOwnJob" }] });
    h.call("menuInstallTriggers");
    h.call("menuInstallTriggers");
    expect(h.fake.triggers.map((tr) => [tr.handler, tr.schedule])).toEqual([
      ["myOwnJob", {}],
      ["triggerDispatch", { everyHours: 1 }],
      ["triggerApprovalEdit", {}],
    ]);
    expect(h.fake.alerts).toEqual([]);
    expect(h.fake.toasts).toHaveLength(2);
    h.call("menuRemoveTriggers");
    expect(h.fake.triggers.map((tr) => tr.handler)).toEqual(["myOwnJob"]);
  });

  it("runs every trigger handler without UI on a set-up workbook, releasing the lock", () => {
    const h = gas();
    h.call("menuSetup");
    h.fake.alerts.length = 0;
    for (const handler of TRIGGER_HANDLERS) {
      h.evaluate(`ScriptApp.newTrigger("${handler}").timeBased().everyDays(1).create();`);
      expect(() => h.fireTrigger(handler), handler).not.toThrow();
      expect(h.fake.lockHeld()).toBe(false);
    }
    expect(h.fake.alerts).toEqual([]);
    expect(h.fake.warnings).toEqual([]);
    expect(h.fake.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

describe("the document lock", () => {
  const busy = t("zh-CN", "stop.lockBusy");

  it.each(["menuSetup", "menuCheck", "menuInstallTriggers"])(
    "%s shows the lock-busy alert and changes nothing while another action holds the lock",
    (action) => {
      const h = gas({ sheets: badWorkbook() });
      const before = snapshot(h);
      h.fake.lockBusy = true;
      h.call(action);
      expect(snapshot(h)).toBe(before);
      expect(h.fake.triggers).toEqual([]);
      expect(h.fake.alerts).toHaveLength(1);
      expect(h.fake.alerts[0].message).toContain("另一个操作正在运行");
      expect(h.fake.alerts[0].message).toBe(busy);
      expect(h.fake.locks.acquired).toBe(0);
    },
  );

  // Bug (src/gas/main.ts menuRemoveTriggers): env.lock.withLock is outside any try/catch, so a busy
  // lock throws LockBusyError ("lock-busy") at the user instead of the alert. Remove `.fails` once fixed.
  it("menuRemoveTriggers shows the lock-busy alert too", () => {
    const h = gas();
    h.fake.lockBusy = true;
    h.call("menuRemoveTriggers");
    expect(h.fake.alerts.map((a) => a.message)).toEqual([busy]);
  });
});

/** Labels the tests rely on exist in both languages. */
it("has the labels of the menu in both languages", () => {
  const keys: MessageKey[] = [
    "app.name",
    "menu.setup",
    "menu.check",
    "menu.automation",
    "menu.help",
    "stop.lockBusy",
  ];
  for (const key of keys) expect(t("en", key)).not.toBe(t("zh-CN", key));
});
