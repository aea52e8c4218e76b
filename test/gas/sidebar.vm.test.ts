/**
 * The sidebars through dist/Code.js in the vm harness (run `npm run build` first): the menu
 * opens them with the built pages, and the server functions their pages call read and write
 * the fake spreadsheet, in a constant number of spreadsheet calls, and refuse bad input with a
 * clear message.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type {
  ClientCardResult,
  LogContactResult,
  SaveSettingsResult,
  SettingsForm,
  TestMailResult,
} from "../../src/ui/api";
import { sidebarWorkbook, XSS_NAME } from "../helpers/sidebarWorkbook";
import { loadBundle, ROOT, type MenuItemRecord, type SeedCell } from "./harness";

const NOW = "2026-11-27T01:00:00Z"; // 09:00 in Shanghai

function open(sheets: Record<string, SeedCell[][]> = sidebarWorkbook()) {
  return loadBundle({ seed: { timeZone: "Asia/Shanghai", now: NOW, sheets } });
}

function captions(items: readonly MenuItemRecord[]): string[] {
  return items.flatMap((item) =>
    "caption" in item ? [item.caption] : "items" in item ? captions(item.items) : [],
  );
}

describe("Sidebars from the menu", () => {
  it("adds Client card and Settings… to the menu", () => {
    const gas = open();
    gas.open("FULL");
    const items = gas.fake.menus[0].items;
    expect(captions(items)).toContain("客户卡片");
    expect(captions(items)).toContain("设置…");
    const handlers = items.flatMap((item) => ("functionName" in item ? [item.functionName] : []));
    expect(handlers).toContain("menuClientCard");
    expect(handlers).toContain("menuSettings");
  });

  it("opens the Settings sidebar with the built page and its form already in it, titled in the workbook language", () => {
    const gas = open();
    gas.call("menuSettings");
    expect(gas.fake.sidebars).toHaveLength(1);
    expect(gas.fake.sidebars[0].title).toBe("商务助手 设置");
    const content = gas.fake.sidebars[0].content;
    const data = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(content);
    expect(data).not.toBeNull();
    expect(content.replace(data?.[0] ?? "", "")).toBe(
      readFileSync(path.join(ROOT, "dist", "settings.html"), "utf8"),
    );
    expect(data?.[1]).not.toContain("<");
    const form = JSON.parse(data?.[1] ?? "null") as SettingsForm;
    expect(form).toEqual(gas.call("sidebarSettingsForm"));
    expect(form.groups[0].fields[0]).toMatchObject({ key: "report.recipients", value: "boss@example.com" });
  });

  it("opens the client card sidebar with the built page", () => {
    const gas = open();
    gas.call("menuClientCard");
    expect(gas.fake.sidebars.map((s) => s.title)).toEqual(["客户卡片"]);
    expect(gas.fake.sidebars[0].content).toBe(
      readFileSync(path.join(ROOT, "dist", "client-card.html"), "utf8"),
    );
    expect(gas.fake.sidebars[0].content).toContain("google.script.run");
  });
});

describe("Settings sidebar server functions", () => {
  it("give the form from one read of the Settings sheet", () => {
    const gas = open();
    gas.fake.resetCalls();
    const form = gas.call("sidebarSettingsForm") as SettingsForm;
    expect(form.language).toBe("zh-CN");
    expect(form.groups.map((g) => g.title)).toEqual([
      "报告与提醒邮件",
      "沟通节奏",
      "客户分级",
      "谈判底线与审批",
      "合同与业绩",
      "语言与地区",
    ]);
    expect(form.groups[2].fields[0]).toMatchObject({
      key: "tier.highThreshold",
      value: "¥1,000,000",
      error: null,
    });
    expect(gas.fake.calls["Range.getValues"]).toBe(1);
    expect(gas.fake.calls["Range.setValues"] ?? 0).toBe(0);
  });

  it("save valid values to the Settings sheet in one write, holding the lock", () => {
    const gas = open();
    gas.fake.resetCalls();
    const result = gas.call("sidebarSaveSettings", {
      "tier.highThreshold": "1500000",
      "contact.B.intervalDays": "10",
    }) as SaveSettingsResult;
    expect(result.ok && result.saved).toEqual(["tier.highThreshold", "contact.B.intervalDays"]);
    expect(gas.fake.calls["Range.setValues"]).toBe(1);
    expect(gas.fake.sheetValues("设置").slice(3)).toEqual([
      ["tier.highThreshold", 1500000, "A级门槛"],
      ["contact.A.channel", "面访", "A级渠道"],
      ["report.recipients", "boss@example.com", "月报收件人"],
      ["contact.B.intervalDays", 10, "B级客户的沟通间隔（天）"],
    ]);
    expect(gas.fake.locks.acquired).toBe(1);
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("refuse an invalid threshold and a bad e-mail with a message per field, writing nothing", () => {
    const gas = open();
    gas.fake.resetCalls();
    const result = gas.call("sidebarSaveSettings", {
      "tier.highThreshold": "-5",
      "report.recipients": "boss at example.com",
    }) as SaveSettingsResult;
    expect(result).toEqual({
      ok: false,
      errors: {
        "tier.highThreshold": "金额不能为负数",
        "report.recipients": "收件人中有无效的邮箱：boss at example.com",
      },
      message: "请先修正标红的 2 项。",
    });
    expect(gas.fake.calls["Range.setValues"] ?? 0).toBe(0);
  });
});

describe("Settings sidebar's Test e-mail", () => {
  it("sends one short message to the recipients as typed, holding the lock, and logs it in the Send log", () => {
    const gas = open();
    const result = gas.call("sidebarTestMail", "boss@example.com, cfo@example.com") as TestMailResult;
    expect(result).toEqual({ ok: true, message: "测试邮件已发送给 2 位收件人，并记入「发送记录」。" });
    expect(gas.fake.outbox.map((m) => [m.to, m.subject])).toEqual([
      ["boss@example.com,cfo@example.com", "商务助手测试邮件"],
    ]);
    expect(gas.fake.outbox[0].body).toContain("每月 1 日 08:00");
    expect(gas.fake.sheetValues("发送记录").slice(1)).toEqual([
      ["2026-11-27 09:00", "test:2026-11-27 09:00", "boss@example.com,cfo@example.com", "sent"],
    ]);
    expect(gas.fake.locks.acquired).toBe(1);
  });

  it("checks the quota first and sends nothing when it is too low", () => {
    const gas = loadBundle({
      seed: { timeZone: "Asia/Shanghai", now: NOW, sheets: sidebarWorkbook(), mailQuota: 1 },
    });
    const result = gas.call("sidebarTestMail", "boss@example.com, cfo@example.com") as TestMailResult;
    expect(result.ok).toBe(false);
    expect(result.message).toBe("今日邮件额度不足（还可发给 1 位收件人），未发送；已记入「发送记录」。");
    expect(gas.fake.outbox).toEqual([]);
    expect(gas.fake.sheetValues("发送记录").at(-1)?.[3]).toBe("no-quota");
  });

  it("refuses an address that is not one, naming it, and sends nothing", () => {
    const gas = open();
    const result = gas.call("sidebarTestMail", "boss at example.com") as TestMailResult;
    expect(result).toEqual({ ok: false, message: "收件人中有无效的邮箱：boss at example.com" });
    expect(gas.fake.outbox).toEqual([]);
  });
});

describe("Client card server functions", () => {
  it("give the card of the selected row's client in a constant number of spreadsheet calls", () => {
    const gas = open();
    gas.fake.setSelection("商机", "C3");
    gas.fake.resetCalls();
    const result = gas.call("sidebarClientCard") as ClientCardResult;
    if (result.kind !== "card") throw new Error(result.message);
    expect(result.card.name).toBe("杭州云启科技有限公司");
    expect(result.card.purchase.total).toBe("¥1,290,000");
    expect(result.card.contact).toMatchObject({ nextDue: "2026-11-25", status: "overdue", daysOverdue: 2 });
    expect(result.card.tier.history.map((h) => h.to)).toEqual(["A", "B", "C"]);
    // Settings, Clients, Deals, Contracts, Payments, Interactions, Tier history: one read each.
    expect(gas.fake.calls["Range.getValues"]).toBe(7);
    expect(gas.fake.calls["Range.setValues"] ?? 0).toBe(0);
    expect(gas.fake.locks.acquired).toBe(0);
  });

  it("return a client named like HTML as plain data", () => {
    const gas = open();
    gas.fake.setSelection("客户", "B3");
    const result = gas.call("sidebarClientCard") as ClientCardResult;
    expect(result.kind === "card" && result.card.name).toBe(XSS_NAME);
  });

  it("say how to choose a client when the selection is elsewhere", () => {
    const gas = open();
    gas.fake.setSelection("设置", "A2");
    const result = gas.call("sidebarClientCard") as ClientCardResult;
    expect(result.kind).toBe("hint");
    expect(result.kind === "hint" && result.message).toContain("然后点击“读取选中行”");
  });

  it("log a contact as one appended Interactions row with a real date cell", () => {
    const gas = open();
    gas.fake.resetCalls();
    const result = gas.call("sidebarLogContact", {
      clientId: "C001",
      date: "2026-11-27",
      channel: "phone",
      responded: "no",
      satisfaction: "",
      summary: '=HYPERLINK("x")',
    }) as LogContactResult;
    expect(result.ok && result.card.contact?.nextDue).toBe("2026-12-04");
    expect(gas.fake.calls["Range.setValues"]).toBe(1);
    expect(gas.fake.sheetValues("沟通记录").at(-1)).toEqual([
      { date: "2026-11-27" },
      "C001",
      "manager@example.com",
      "电话",
      "否",
      null,
      '=HYPERLINK("x")',
    ]);
    expect(gas.fake.cell("沟通记录", "G7").type).toBe("text");
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("refuse an invalid contact with a message per field and append nothing", () => {
    const gas = open();
    gas.fake.resetCalls();
    const result = gas.call("sidebarLogContact", {
      clientId: "C001",
      date: "27/11/2026",
      channel: "visit",
      responded: "",
      satisfaction: "9",
      summary: "",
    }) as LogContactResult;
    expect(result).toEqual({
      ok: false,
      errors: {
        date: "日期有歧义：请写成年在前（2026-10-05），或在设置中将 dateOrder 设为 DMY 或 MDY",
        satisfaction: "应为 1 到 5 之间的整数",
      },
      message: null,
    });
    expect(gas.fake.calls["Range.setValues"] ?? 0).toBe(0);
  });

  it("fail with a clear message when the Interactions sheet is missing", () => {
    const sheets = sidebarWorkbook();
    delete sheets["沟通记录"];
    const gas = open(sheets);
    expect(() =>
      gas.call("sidebarLogContact", {
        clientId: "C001",
        date: "2026-11-27",
        channel: "visit",
        responded: "",
        satisfaction: "",
        summary: "",
      }),
    ).toThrow(/沟通记录/);
    expect(gas.fake.lockHeld()).toBe(false);
  });
});
