/**
 * Get started on an in-memory workbook: the sample only fills an empty workbook (never a sheet
 * with data, under the sheet's own headers when mapped), and a mapping is saved only when it is
 * valid, with each problem named.
 */
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import { clientCardAt } from "../../src/actions/clientCard";
import { fillSample } from "../../src/actions/getStarted";
import { mappingForm, saveMapping, type MappingInput } from "../../src/actions/mapSheets";
import { recalculateTiers } from "../../src/actions/tiers";
import { testEnv } from "../helpers/env";

describe("filling in the sample", () => {
  it("fills an empty workbook, then refuses a second time and names the sheets with data", () => {
    const env = testEnv({});
    const first = fillSample(env);
    expect(first.ok).toBe(true);
    expect(first.lines.at(-1)).toMatch(/^已填入示例数据：\d+ 行，写入 「客户」、「商机」/);
    const clients = env.workbook.values("客户") ?? [];
    expect(clients.length).toBe(151);
    expect(env.workbook.values("设置")?.find((row) => row[0] === "contact.capacityPerDay")?.[1]).toBe("6");
    const before = JSON.stringify(env.workbook.values("客户"));
    const second = fillSample(env);
    expect(second.ok).toBe(false);
    expect(second.lines[0]).toMatch(/^没有填入示例：「客户」、「商机」、.*已有数据/);
    expect(JSON.stringify(env.workbook.values("客户"))).toBe(before);
  });

  it("never touches a workbook whose input sheets hold a row, even one", () => {
    const env = testEnv({
      Clients: [
        ["Client ID", "Name"],
        ["C1", "Ours"],
      ],
    });
    const result = fillSample(env);
    expect(result).toEqual({
      ok: false,
      lines: ["没有填入示例：「Clients」 已有数据。示例只填入空的工作簿，不会覆盖你的数据。"],
    });
    expect(env.workbook.sheetNames()).toEqual(["Clients"]);
    expect(env.workbook.values("Clients")).toEqual([
      ["Client ID", "Name"],
      ["C1", "Ours"],
    ]);
  });

  it("writes under a mapped empty sheet's own headers, in their order", () => {
    const env = testEnv({
      设置: [
        ["键", "值"],
        ["map.clients", "客户名单"],
        ["map.clients.clientId", "客户代码"],
      ],
      客户名单: [["备注", "客户名称", "客户代码"]],
    });
    expect(fillSample(env).ok).toBe(true);
    const rows = env.workbook.values("客户名单") ?? [];
    expect(rows[0].slice(0, 3)).toEqual(["备注", "客户名称", "客户代码"]);
    expect(rows[1][0] ?? "").toBe("");
    expect(String(rows[1][2])).toMatch(/^KH\d+$/);
    expect(env.workbook.sheetNames()).not.toContain("客户");
    // The actions read it through the mapping.
    const tiers = recalculateTiers(env).data.clients;
    expect(tiers).toContainEqual(
      expect.objectContaining({ clientId: rows[1][2], tier: expect.stringMatching(/^[ABC]$/) }),
    );
  });
});

describe("saving a mapping", () => {
  const workbook = () =>
    testEnv({
      Settings: [
        ["Key", "Value"],
        ["language", "en"],
      ],
      Customers: [["Customer ID", "Company", "Sales rep", "Notes"]],
      Opportunities: [["Opp ID", "Customer ID", "Stage", "Value"]],
    });
  const input = (deals: Record<string, string | null>): MappingInput => ({
    clients: {
      sheet: "Customers",
      columns: { clientId: "Customer ID", name: "Company", owner: "Sales rep" },
    },
    deals: { sheet: "Opportunities", columns: deals },
  });

  it("names the required columns left unmapped, a header used twice and a sheet that is not there; writes nothing", () => {
    const env = workbook();
    const result = saveMapping(env, {
      ...input({ dealId: "Opp ID", clientId: "Opp ID", stage: "Stage", amount: null }),
      contracts: { sheet: "Agreements", columns: {} },
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        "deals.clientId": 'The header "Opp ID" is already used for Deal ID.',
        contracts: 'The workbook has no sheet "Agreements".',
        deals: '"Opportunities" still needs these required columns: Amount',
      },
      message: "Fix the 3 problems marked in red first.",
    });
    expect(env.workbook.values("Settings")).toEqual([
      ["Key", "Value"],
      ["language", "en"],
    ]);
    expect(saveMapping(env, { deals: input({}).deals }).ok).toBe(false);
  });

  it("saves map.* rows in one write, and a second save blanks the rows no longer needed", () => {
    const env = workbook();
    const writes = () => env.workbook.calls.writeBlock ?? 0;
    const before = writes();
    const ok = saveMapping(
      env,
      input({ dealId: "Opp ID", clientId: "Customer ID", stage: "Stage", amount: "Value" }),
    );
    expect(ok).toEqual({
      ok: true,
      saved: 8,
      message: "Mapping saved (8 Settings rows). Run Check data to confirm.",
    });
    expect(writes() - before).toBe(1);
    expect(
      env.workbook
        .values("Settings")
        ?.slice(2)
        .map((row) => [row[0], row[1]]),
    ).toEqual([
      ["map.clients", "Customers"],
      ["map.clients.clientId", "Customer ID"],
      ["map.clients.name", "Company"],
      ["map.clients.owner", "Sales rep"],
      ["map.deals", "Opportunities"],
      ["map.deals.dealId", "Opp ID"],
      ["map.deals.clientId", "Customer ID"],
      ["map.deals.amount", "Value"],
    ]);
    // Customer ID in Opportunities is read as Client ID by its synonym; the form shows the saved choices.
    const form = mappingForm(env);
    expect(form.tables[1].fields.find((f) => f.key === "clientId")?.header).toBe("Customer ID");
    expect(form.tables[0].fields.find((f) => f.key === "owner")?.header).toBe("Sales rep");
    const again = saveMapping(env, {
      ...input({ dealId: "Opp ID", clientId: "Customer ID", stage: "Stage", amount: "Value" }),
      clients: { sheet: "Customers", columns: { clientId: "Customer ID", name: "Company" } },
    });
    expect(again.ok).toBe(true);
    expect(env.workbook.values("Settings")?.find((row) => row[0] === "map.clients.owner")?.[1]).toBe("");
  });
});

describe("Actions on a mapped workbook", () => {
  it("shows the client card of a row selected in the team's own sheet", () => {
    const env = testEnv({
      设置: [
        ["键", "值"],
        ["map.clients", "客户名单"],
        ["map.clients.clientId", "客户代码"],
      ],
      客户名单: [
        ["备注", "客户代码", "客户名称"],
        ["", "C1", "甲公司"],
      ],
      商机: [["商机编号", "客户编号", "阶段", "金额"]],
    });
    const card = clientCardAt(env, { sheet: "客户名单", row: 2 });
    expect(card).toMatchObject({ kind: "card", card: { clientId: "C1", name: "甲公司" } });
    expect(clientCardAt(env, { sheet: "商机", row: 1 }).kind).toBe("hint");
  });

  it("names a mapped sheet that is not in the workbook, and reads the table by its contract name", () => {
    const env = testEnv({
      Settings: [
        ["Key", "Value"],
        ["language", "en"],
        ["map.clients", "Customers"],
      ],
      Clients: [
        ["Client ID", "Name"],
        ["C1", "Acme"],
      ],
      Deals: [["Deal ID", "Client ID", "Stage", "Amount"]],
    });
    const result = checkData(env);
    expect(result.data.rows.clients).toBe(1);
    expect(result.issues.map((i) => [i.sheet, i.row, i.value, i.problem])).toEqual([
      [
        "Settings",
        null,
        "Customers",
        { key: "issue.mappedSheetMissing", params: { table: "Clients", key: "map.clients" } },
      ],
    ]);
  });
});
