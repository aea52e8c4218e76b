/** The client card sidebar's server side: finding the client, the card, and logging a contact. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clientCard,
  clientCardAt,
  logContact,
  type ClientCardResult,
  type ClientCardView,
  type LogContactResult,
} from "../../src/actions/clientCard";
import { addDays, formatIsoDate, parseIsoDate } from "../../src/core/dates";
import type { DataIssue } from "../../src/workbook/issues";
import { locateSheets, readTable } from "../../src/workbook/read";
import { testEnv } from "../helpers/env";
import { memoryCells, sidebarWorkbook, XSS_NAME, type IsoSheets } from "../helpers/sidebarWorkbook";

function envOf(sheets: IsoSheets = sidebarWorkbook(), user?: string) {
  return testEnv(memoryCells(sheets), { user });
}

function card(result: ClientCardResult): ClientCardView {
  if (result.kind !== "card") throw new Error(`expected a card, got the hint "${result.message}"`);
  return result.card;
}

function hint(result: ClientCardResult): string {
  if (result.kind !== "hint") throw new Error(`expected a hint, got the card of ${result.card.clientId}`);
  return result.message;
}

function rejected(result: LogContactResult) {
  if (result.ok) throw new Error("expected the contact to be refused");
  return result;
}

const CONTACT = {
  clientId: "C001",
  date: "2026-11-27",
  channel: "visit",
  responded: "yes",
  satisfaction: "5",
  summary: "确认二期合同条款",
};

describe("Client card", () => {
  it("shows the tier, its reason and history, and the 12-month purchase with a bar per month", () => {
    const view = card(clientCardAt(envOf(), { sheet: "商机", row: 3 }));
    expect(view.clientId).toBe("C001");
    expect(view.tier).toEqual({
      code: "A",
      label: "高",
      reason: "近12个月采购额 ¥1,240,000 ≥ ¥1,000,000 → A",
      since: "2026-10-01",
      override: false,
      history: [
        {
          date: "2026-10-01",
          from: "B",
          to: "A",
          reason: "近12个月采购额 ¥1,240,000 ≥ ¥1,000,000 → A",
          by: "trigger",
        },
        {
          date: "2025-07-01",
          from: "C",
          to: "B",
          reason: "近12个月采购额 ¥420,000 ≥ ¥200,000 → B",
          by: "trigger",
        },
        {
          date: "2025-04-01",
          from: null,
          to: "C",
          reason: "近12个月采购额 ¥150,000 < ¥200,000 → C",
          by: "trigger",
        },
      ],
    });
    // Won deals closed in (2025-11-27, 2026-11-27]: D008 (2025-11-20) is outside, D012 is lost.
    expect(view.purchase.total).toBe("¥1,290,000");
    expect(view.purchase.months.map((m) => [m.month, m.label, m.cents / 100])).toEqual([
      ["2025-12", "12月", 50000],
      ["2026-01", "1月", 180000],
      ["2026-02", "2月", 0],
      ["2026-03", "3月", 260000],
      ["2026-04", "4月", 0],
      ["2026-05", "5月", 150000],
      ["2026-06", "6月", 0],
      ["2026-07", "7月", 320000],
      ["2026-08", "8月", 0],
      ["2026-09", "9月", 210000],
      ["2026-10", "10月", 0],
      ["2026-11", "11月", 120000],
    ]);
  });

  it("plans the next contact by rules.md §2 and lists the latest contacts first", () => {
    const view = card(clientCardAt(envOf(), { sheet: "客户", row: 2 }));
    expect(view.owner).toBe("li.ming@example.com");
    expect(view.ownerName).toBe("li.ming");
    expect(view.contact).toEqual({
      channel: "visit",
      channelLabel: "面访",
      intervalDays: 7,
      lastContact: "2026-11-18",
      nextDue: "2026-11-25",
      status: "overdue",
      statusLabel: "逾期",
      daysOverdue: 2,
    });
    expect(view.recent.map((r) => [r.date, r.channelLabel, r.responded, r.satisfaction])).toEqual([
      ["2026-11-18", "面访", "yes", 5],
      ["2026-11-05", "电话", "yes", 4],
      ["2026-10-28", "邮件", "no", null],
      ["2026-10-20", "面访", "yes", 4],
    ]);
    expect(view.logForm.channel).toBe("visit");
    expect(view.logForm.today).toBe("2026-11-27");
  });

  it("lists open deals, contracts with renewals due and outstanding payments", () => {
    const view = card(clientCardAt(envOf(), { sheet: "合同", row: 2 }));
    expect(view.deals.map((d) => [d.dealId, d.stageLabel, d.amount, d.probability, d.expectedClose])).toEqual(
      [
        ["D010", "商务谈判", "¥680,000", "75%", "2026-12-20"],
        ["D011", "方案报价", "¥240,000", "50%", "2027-01-15"],
      ],
    );
    expect(view.dealsTotal).toBe("¥920,000");
    expect(view.contracts.map((c) => [c.contractId, c.statusLabel, c.end, c.renewalDue, c.daysLeft])).toEqual(
      [
        ["K001", "履行中", "2026-12-31", true, 34],
        ["K002", "已签订", "2027-02-28", false, null],
        ["K003", "已到期", "2023-12-31", false, null],
      ],
    );
    expect(view.payments).toEqual([
      {
        contractId: "K001",
        contractTitle: "2024年度框架协议",
        due: "2026-10-15",
        outstanding: "¥200,000",
        overdue: true,
        daysOverdue: 43,
      },
      {
        contractId: "K002",
        contractTitle: "MES系统实施合同",
        due: "2026-12-15",
        outstanding: "¥400,000",
        overdue: false,
        daysOverdue: 0,
      },
    ]);
    expect(view.outstandingTotal).toBe("¥600,000");
    expect(view.issues).toBe(0);
  });

  it("finds the client from a row of Clients, Deals, Contracts, Payments, Interactions or the Contact plan", () => {
    const sheets = sidebarWorkbook();
    sheets["沟通计划"] = [
      ["客户编号", "客户名称"],
      ["C002", XSS_NAME],
    ];
    const env = envOf(sheets);
    const idAt = (sheet: string, row: number) => card(clientCardAt(env, { sheet, row })).clientId;
    expect(idAt("客户", 3)).toBe("C002");
    expect(idAt("商机", 13)).toBe("C002");
    expect(idAt("合同", 3)).toBe("C001");
    expect(idAt("回款", 4)).toBe("C001");
    expect(idAt("沟通记录", 5)).toBe("C001");
    expect(idAt("沟通计划", 2)).toBe("C002");
    expect(card(clientCardAt(env, { sheet: "客户", row: 3 })).name).toBe(XSS_NAME);
  });

  it("says how to choose a client when the selection is not on one", () => {
    const env = envOf();
    expect(hint(clientCardAt(env, { sheet: "设置", row: 3 }))).toBe(
      "在「客户」「商机」「合同」「回款」「沟通记录」或「沟通计划」表中点选某个客户所在的行，然后点击“读取选中行”。",
    );
    expect(hint(clientCardAt(env, { sheet: "商机", row: 1 }))).toBe("选中的是表头；请点选下面的数据行。");
    expect(hint(clientCardAt(env, { sheet: "商机", row: 40 }))).toBe("「商机」第 40 行没有客户编号。");
    expect(hint(unknownClientCard(env))).toBe("客户编号 C404 不在「客户」中，或该行有数据问题。");
  });

  it("plans no contact for an inactive client but still shows its history", () => {
    const view = card(clientCardAt(envOf(), { sheet: "客户", row: 4 }));
    expect(view.active).toBe(false);
    expect(view.statusLabel).toBe("停用");
    expect(view.contact).toBeNull();
    expect(view.recent.map((r) => r.date)).toEqual(["2026-11-02"]);
  });

  it("shows the owner by the Team sheet's name, reading the sheet once, and the address's name without it", () => {
    const sheets = sidebarWorkbook();
    sheets["团队"] = [
      ["负责人", "姓名", "上级", "在职"],
      ["Li.Ming@example.com", "李明", "zhao@example.com", "是"],
    ];
    const env = envOf(sheets);
    const view = card(clientCardAt(env, { sheet: "客户", row: 2 }));
    expect(view.ownerName).toBe("李明");
    expect(view.owner).toBe("li.ming@example.com");
    expect(env.workbook.calls).toEqual({ sheetNames: 1, readSheet: 8 });
    expect(card(clientCardAt(envOf(), { sheet: "客户", row: 2 })).ownerName).toBe("li.ming");
  });

  it("reads each table once and writes nothing", () => {
    const env = envOf();
    clientCardAt(env, { sheet: "客户", row: 2 });
    // Settings, Clients, Deals, Contracts, Payments, Interactions, Tier history.
    expect(env.workbook.calls).toEqual({ sheetNames: 1, readSheet: 7 });
  });

  it("counts the data issues of the client's rows, without writing the Data issues sheet", () => {
    const sheets = sidebarWorkbook();
    sheets["商机"].push(["D099", "C001", "坏金额", "赢单", "很多", "", "", { date: "2026-11-01" }]);
    sheets["分级记录"].push([{ date: "2026-11-01" }, "C001", "A", "Z", "", "x"]);
    sheets["商机"].push(["D098", "C002", "别的客户", "赢单", "很多", "", "", { date: "2026-11-01" }]);
    const env = envOf(sheets);
    const view = card(clientCard(env, "C001"));
    // Only C001's rows are parsed: C002's bad deal is not this card's business.
    expect(view.issues).toBe(2);
    expect(view.tier.history).toHaveLength(3);
    expect(env.workbook.sheetNames()).not.toContain("数据问题");
  });

  it("speaks the workbook's language", () => {
    const sheets = sidebarWorkbook();
    sheets["设置"][1] = ["language", "en", ""];
    const result = clientCardAt(envOf(sheets), { sheet: "客户", row: 2 });
    expect(result.language).toBe("en");
    expect(card(result).contact?.statusLabel).toBe("Overdue");
    expect(card(result).purchase.months[11].label).toBe("Nov");
    expect(result.text["sidebar.card.purchase"]).toBe("12-month purchase");
    expect(card(result).alerts.map((a) => a.text)).toEqual([
      "Overdue receivables ¥200,000 · instalments: 1 · oldest: 43 days",
      "Renewal due: 2024年度框架协议 ends on 2026-12-31 (34 days left)",
      "Contact 2 days overdue (was due 2026-11-25)",
    ]);
  });

  it("puts overdue receivables, renewals in the notice window and an overdue contact first, in that order", () => {
    const view = card(clientCardAt(envOf(), { sheet: "客户", row: 2 }));
    expect(view.alerts).toEqual([
      { kind: "receivables", tone: "red", text: "逾期应收 ¥200,000：1 笔，最久逾期 43 天" },
      {
        kind: "renewal",
        tone: "amber",
        text: "待续约：「2024年度框架协议」将于 2026-12-31 到期（还有 34 天）",
      },
      { kind: "contact", tone: "red", text: "联系已逾期 2 天（应于 2026-11-25 联系）" },
    ]);
    // The alerts agree with the sections below them.
    expect(view.payments.filter((p) => p.overdue).map((p) => p.outstanding)).toEqual(["¥200,000"]);
    expect(view.contracts.filter((c) => c.renewalDue).map((c) => c.daysLeft)).toEqual([34]);
    expect(view.contact?.daysOverdue).toBe(2);
  });

  it("has no alerts for an inactive client with nothing outstanding", () => {
    const view = card(clientCardAt(envOf(), { sheet: "客户", row: 4 }));
    expect(view.active).toBe(false);
    expect(view.alerts).toEqual([]);
  });

  it("offers today in the workbook's date order and reads the logged date in it", () => {
    const sheets = sidebarWorkbook();
    sheets["设置"].push(["dateOrder", "DMY", ""]);
    const env = envOf(sheets);
    expect(card(clientCardAt(env, { sheet: "客户", row: 2 })).logForm).toMatchObject({
      today: "2026-11-27",
      todayText: "27/11/2026",
      dateHint: "日/月/年，如 01/10/2026",
    });
    const result = logContact(env, { ...CONTACT, date: "03/11/2026" });
    expect(result.ok && result.logged).toBe("03/11/2026");
    expect(env.workbook.values("沟通记录")?.at(-1)?.[0]).toEqual({ date: parseIsoDate("2026-11-03") });
  });
});

function unknownClientCard(env: ReturnType<typeof envOf>): ClientCardResult {
  return clientCard(env, "C404");
}

describe("Logging a contact", () => {
  it("appends one Interactions row in one write and returns the card with the new next due date", () => {
    const env = envOf();
    const result = logContact(env, CONTACT);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(env.workbook.calls.appendRows).toBe(1);
    expect(env.workbook.calls.writeBlock ?? 0).toBe(0);
    expect(env.workbook.values("沟通记录")?.at(-1)).toEqual([
      { date: parseIsoDate("2026-11-27") },
      "C001",
      "manager@example.com",
      "面访",
      "是",
      5,
      "确认二期合同条款",
    ]);
    expect(result.logged).toBe("2026-11-27");
    expect(result.card.contact?.lastContact).toBe("2026-11-27");
    expect(result.card.contact?.nextDue).toBe("2026-12-04");
    expect(result.card.contact?.status).toBe("upcoming");
    expect(result.card.recent[0]).toEqual({
      date: "2026-11-27",
      channelLabel: "面访",
      responded: "yes",
      satisfaction: 5,
      summary: "确认二期合同条款",
    });
  });

  it("takes the client's owner when the user has no e-mail address, and leaves blank fields blank", () => {
    const env = envOf(sidebarWorkbook(), "cli");
    const result = logContact(env, { ...CONTACT, responded: "", satisfaction: "", summary: "  " });
    expect(result.ok).toBe(true);
    expect(env.workbook.values("沟通记录")?.at(-1)).toEqual([
      { date: parseIsoDate("2026-11-27") },
      "C001",
      "li.ming@example.com",
      "面访",
      "",
      "",
      "",
    ]);
  });

  it("refuses what the sheet's reader would refuse, field by field, and appends nothing", () => {
    const env = envOf();
    const result = rejected(
      logContact(env, {
        ...CONTACT,
        date: "2026-02-30",
        channel: "pigeon",
        responded: "maybe",
        satisfaction: "7",
      }),
    );
    expect(result.errors).toEqual({
      date: "日期不存在",
      channel: "无法识别的值；可用：visit / phone / video / email / online",
      responded: "无法识别的值；可用：yes / no",
      satisfaction: "应为 1 到 5 之间的整数",
    });
    expect(rejected(logContact(env, { ...CONTACT, date: "" })).errors).toEqual({ date: "必填项为空" });
    expect(rejected(logContact(env, { ...CONTACT, date: "2026-11-28" })).errors).toEqual({
      date: "日期不能晚于今天（2026-11-27）",
    });
    expect(rejected(logContact(env, { ...CONTACT, clientId: "C404" })).message).toBe(
      "客户编号 C404 不在「客户」中，或该行有数据问题。",
    );
    expect(rejected(logContact(env, { clientId: "C001" })).message).toBe(
      "提交的内容无法识别，请刷新侧边栏后重试",
    );
    expect(env.workbook.calls.appendRows ?? 0).toBe(0);
  });

  it("says which column is missing rather than dropping a value", () => {
    const sheets = sidebarWorkbook();
    sheets["沟通记录"] = sheets["沟通记录"].map((row) => row.slice(0, 5));
    const env = envOf(sheets);
    expect(rejected(logContact(env, CONTACT)).errors).toEqual({
      satisfaction: "「沟通记录」表没有「满意度」列；请先运行「初始化工作簿」",
      summary: "「沟通记录」表没有「纪要」列；请先运行「初始化工作簿」",
    });
    expect(logContact(env, { ...CONTACT, satisfaction: "", summary: "" }).ok).toBe(true);
  });

  it("stops with the missing sheet's name when there is no Interactions sheet", () => {
    const sheets = sidebarWorkbook();
    delete sheets["沟通记录"];
    expect(() => logContact(envOf(sheets), CONTACT)).toThrow(expect.objectContaining({ name: "StopError" }));
  });

  it("appends a row that the reader reads back as exactly the contact logged, for any valid input", () => {
    const channels = ["visit", "phone", "video", "email", "online"];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(...channels),
        fc.constantFrom("", "yes", "no"),
        fc.constantFrom("", "1", "2", "3", "4", "5"),
        fc.string({ maxLength: 60 }),
        (daysAgo, channel, responded, satisfaction, summary) => {
          const env = envOf();
          const date = formatIsoDate(addDays(parseIsoDate("2026-11-27") as number, -daysAgo));
          const result = logContact(env, {
            clientId: "C001",
            date,
            channel,
            responded,
            satisfaction,
            summary,
          });
          expect(result.ok).toBe(true);
          const issues: DataIssue[] = [];
          const read = readTable(
            env.workbook,
            locateSheets(env.workbook.sheetNames()),
            "interactions",
            { action: "check", dateOrder: "YMD" },
            issues,
          );
          expect(issues).toEqual([]);
          const last = read.rows.at(-1);
          expect(last).toEqual({
            row: 7,
            date: parseIsoDate(date),
            clientId: "C001",
            owner: "manager@example.com",
            channel,
            responded: responded === "" ? null : responded,
            satisfaction: satisfaction === "" ? null : Number(satisfaction),
            summary: summary.trim() === "" ? null : summary.trim(),
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
