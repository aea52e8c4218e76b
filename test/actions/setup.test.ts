import { describe, expect, it } from "vitest";
import { setupWorkbook } from "../../src/actions/setup";
import { checkData } from "../../src/actions/check";
import { SETTING_DEFS } from "../../src/workbook/settings";
import { SETUP_TABLES, TABLES } from "../../src/workbook/schema";
import { testEnv, d } from "../helpers/env";

describe("Set up workbook", () => {
  it("creates every contract sheet with Chinese headers on an empty workbook", () => {
    const env = testEnv();
    const result = setupWorkbook(env);
    const names = env.workbook.sheetNames();
    for (const table of SETUP_TABLES) expect(names).toContain(TABLES[table].zh);
    expect(env.workbook.values("客户")?.[0]).toEqual(TABLES.clients.columns.map((c) => c.zh));
    const settings = env.workbook.values("设置") ?? [];
    expect(settings.length).toBe(SETTING_DEFS.length + 1);
    expect(settings.find((r) => r[0] === "timeZone")?.[1]).toBe("Asia/Shanghai");
    expect(result.data.createdSheets).toHaveLength(SETUP_TABLES.length);
  });

  it("creates English sheets when asked for English", () => {
    const env = testEnv();
    setupWorkbook(env, { language: "en" });
    expect(env.workbook.sheetNames()).toContain("Clients");
    expect(env.workbook.values("Clients")?.[0][0]).toBe("Client ID");
  });

  it("appends missing columns after the user's own and keeps every user cell", () => {
    const env = testEnv({
      客户: [
        ["我的备注", "客户编号", "客户名称"],
        ["keep me", "C001", "杭州云启科技有限公司"],
      ],
    });
    setupWorkbook(env);
    const clients = env.workbook.values("客户") ?? [];
    expect(clients[0].slice(0, 3)).toEqual(["我的备注", "客户编号", "客户名称"]);
    expect(clients[0][3]).toBe("行业");
    expect(clients[1].slice(0, 3)).toEqual(["keep me", "C001", "杭州云启科技有限公司"]);
    expect(clients[0]).toHaveLength(TABLES.clients.columns.length + 1);
  });

  it("changes nothing when run a second time", () => {
    const env = testEnv({
      Clients: [
        ["Client ID", "Name"],
        ["C1", "Acme"],
      ],
    });
    setupWorkbook(env, { language: "en" });
    const snapshot = JSON.stringify(env.workbook.sheets.map((s) => [s.name, env.workbook.values(s.name)]));
    const second = setupWorkbook(env);
    expect(JSON.stringify(env.workbook.sheets.map((s) => [s.name, env.workbook.values(s.name)]))).toBe(
      snapshot,
    );
    expect(second.data).toEqual({ createdSheets: [], addedColumns: [], addedSettings: [] });
    expect(second.summary.map((m) => m.key)).toEqual(["setup.nothingToDo"]);
  });
});

describe("Check data", () => {
  it("reports each bad cell by sheet, row and column and changes no input cell", () => {
    const env = testEnv();
    setupWorkbook(env, { language: "en" });
    env.workbook.writeBlock("Clients", 2, 1, [
      ["C1", "Acme", "", "", "not-an-email", "", "", "2026-02-30"],
      ["C1", "Dup", "", "", "", "", "", ""],
      ["C2", "Beta", "", "", "#N/A", "", "", ""],
    ]);
    env.workbook.writeBlock("Deals", 2, 1, [
      ["D1", "C9", "", "", "won", "12万", "", "", "", d("2026-10-01")],
    ]);
    const before = JSON.stringify(env.workbook.values("Clients"));
    const result = checkData(env);
    const found = result.issues.map((i) => `${i.sheet}!${i.row}:${i.column}:${i.problem.key}`);
    expect(found).toEqual([
      "Clients!2:Owner:issue.expectedEmail",
      "Clients!2:Cooperation since:issue.impossibleDate",
      "Clients!2:Client ID:issue.duplicateId",
      "Clients!3:Client ID:issue.duplicateId",
      "Clients!4:Owner:issue.formulaError",
      "Deals!2:Client ID:issue.unknownClient",
    ]);
    expect(JSON.stringify(env.workbook.values("Clients"))).toBe(before);
    expect(env.workbook.values("Data issues")).toHaveLength(7);
  });
});
