import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import { buildContactPlanSheet } from "../../src/actions/contacts";
import { calDate } from "../../src/core/dates";
import { createNodeEnv } from "../../src/node/env";
import type { Cell } from "../../src/ports";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { COLORS } from "../../src/workbook/write";
import { d, testEnv } from "../helpers/env";

const CLIENT_HEADER = ["Client ID", "Name", "Owner", "Status", "Tier", "Preferred channel", "My notes"];
const INTERACTION_HEADER = ["Date", "Client ID", "Channel", "Responded", "Summary"];

/** An English workbook as of Friday 2026-11-27 with one of each case. */
function workbook(settings: Cell[][] = []): Record<string, Cell[][]> {
  return {
    Settings: [["Key", "Value"], ["language", "en"], ...settings],
    Clients: [
      CLIENT_HEADER,
      ["C1", "Acme <b>&</b>", "Li@Example.com", "", "A", "", "keep"],
      ["C2", "Beta", "wang@example.com", "active", "B", "video", ""],
      ["C3", "Gamma", "li@example.com", "", "C", "", ""],
      ["C4", "Delta", "li@example.com", "inactive", "A", "", ""],
      ["C5", "=Eps", "", "", "", "", ""],
    ],
    Interactions: [
      INTERACTION_HEADER,
      [d("2026-11-18"), "C1", "visit", "yes", "quarterly review"],
      [d("2026-11-12"), "C2", "phone", "no", ""],
      [d("2026-11-20"), "C3", "email", "", ""],
      ["2026-11-26", "C3", "fax", "yes", "unknown channel"],
      [d("2026-11-26"), "C9", "visit", "yes", "unknown client"],
      [d("2026-12-01"), "C1", "visit", "yes", "future-dated"],
    ],
    Notes: [["anything"], [d("2026-01-01")]],
  };
}

const ASOF = calDate(2026, 11, 27);

describe("Build contact plan", () => {
  it("replaces the Contact plan with one sorted row per active client, headers in the workbook language", () => {
    const env = testEnv(workbook(), { today: ASOF });
    buildContactPlanSheet(env);
    const sheet = env.workbook.values("Contact plan") ?? [];
    expect(sheet.slice(0, 5).map((row) => row.slice(0, 9))).toEqual([
      ["Client ID", "Name", "Tier", "Owner", "Channel", "Last contact", "Next due", "Status", "Days overdue"],
      ["C1", "Acme <b>&</b>", "A", "li@example.com", "Visit", d("2026-11-18"), d("2026-11-25"), "Overdue", 2],
      ["C2", "Beta", "B", "wang@example.com", "Video", d("2026-11-12"), d("2026-11-27"), "Due today", 0],
      ["C5", "=Eps", "", "", "E-mail", "", d("2026-11-27"), "Due today", 0],
      ["C3", "Gamma", "C", "li@example.com", "E-mail", d("2026-11-20"), d("2026-12-21"), "Upcoming", 0],
    ]);
    expect(sheet).toHaveLength(6); // the rate block is one row longer than the plan
  });

  it("writes Chinese headers and labels in a Chinese workbook", () => {
    const env = testEnv({
      客户: [
        ["客户编号", "客户名称", "客户等级"],
        ["K1", "云启", "A"],
      ],
      沟通记录: [
        ["日期", "客户编号", "渠道"],
        [d("2026-11-27"), "K1", "面访"],
      ],
    });
    buildContactPlanSheet(env);
    const sheet = env.workbook.values("沟通计划") ?? [];
    expect(sheet[0].slice(0, 9)).toEqual([
      "客户编号",
      "客户名称",
      "客户等级",
      "负责人",
      "渠道",
      "最近联系",
      "下次联系",
      "状态",
      "逾期天数",
    ]);
    expect(sheet[1].slice(0, 9)).toEqual([
      "K1",
      "云启",
      "A",
      "",
      "面访",
      d("2026-11-27"),
      d("2026-12-04"),
      "待办",
      0,
    ]);
    expect(sheet[0].slice(9, 12)).toEqual(["安排日期", "目的", "排期说明"]);
    expect(sheet[1].slice(9, 12)).toEqual([d("2026-12-04"), "例行", ""]);
    expect(sheet[0][13]).toBe("渠道响应率（近 90 天）");
  });

  it("marks overdue rows and due-today rows with their colours in one background block", () => {
    const env = testEnv(workbook(), { today: ASOF });
    buildContactPlanSheet(env);
    const plan = env.workbook.sheet("Contact plan");
    const backgrounds = plan?.formats[0].backgrounds;
    expect(backgrounds?.row).toBe(2);
    expect(backgrounds?.column).toBe(1);
    expect(backgrounds?.colors.map((row) => [row.length, row[0]])).toEqual([
      [12, COLORS.overdue],
      [12, COLORS.due],
      [12, COLORS.due],
    ]);
    expect(plan?.formats[0].frozenRows).toBe(1);
  });

  it("puts the response rates per channel and per tier beside the plan", () => {
    const env = testEnv(workbook(), { today: ASOF });
    buildContactPlanSheet(env);
    const sheet = env.workbook.values("Contact plan") ?? [];
    expect(sheet.map((row) => row.slice(12))).toEqual([
      [
        "",
        "Channel response rate (last 90 days)",
        "Responded",
        "Response recorded",
        "Rate",
        "Tier A rate",
        "Tier B rate",
        "Tier C rate",
      ],
      ["", "Visit", 1, 1, 1, 1, "—", "—"],
      ["", "Phone", 0, 1, 0, "—", 0, "—"],
      ["", "Video", 0, 0, "—", "—", "—", "—"],
      ["", "E-mail", 0, 0, "—", "—", "—", "—"],
      ["", "Online", 0, 0, "—", "—", "—", "—"],
    ]);
  });

  it("reports unknown clients, unknown channels, a client without a tier and future-dated interactions", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = buildContactPlanSheet(env);
    expect(result.issues.map((i) => `${i.sheet}!${i.row}:${i.column}:${i.value}:${i.problem.key}`)).toEqual([
      "Interactions!5:Channel:fax:issue.unknownCode",
      "Interactions!6:Client ID:C9:issue.unknownClient",
      "Clients!6:Tier::contacts.issue.noTier",
      "Interactions!7:Date:2026-12-01:contacts.issue.futureInteraction",
    ]);
    expect(env.workbook.values("Data issues")?.[4]).toEqual([
      "Contact plan",
      "Interactions",
      7,
      "Date",
      "2026-12-01",
      "dated after today (2026-11-27); not counted as a last contact",
      expect.stringMatching(/^2026-11-27 \d{2}:\d{2}$/),
    ]);
  });

  it("reports holidays that are not dates and plans as if there were none", () => {
    const env = testEnv(workbook([["contact.holidays", "2026-11-27, next Friday"]]), { today: ASOF });
    const result = buildContactPlanSheet(env);
    expect(result.issues[0]).toMatchObject({
      sheet: "Settings",
      row: 3,
      column: "Value",
      problem: { key: "issue.expectedDateList" },
    });
    expect(result.data.plan.find((r) => r.clientId === "C2")).toMatchObject({
      nextDue: "2026-11-27",
      status: "due",
    });
  });

  it("honours holidays and working days from Settings", () => {
    const env = testEnv(
      workbook([
        ["contact.holidays", "2026-11-27，2026/11/30"],
        ["contact.workingDays", "周一,周二,周三,周四,周五,周六"],
      ]),
      { today: ASOF },
    );
    const result = buildContactPlanSheet(env);
    expect(result.data.plan.find((r) => r.clientId === "C2")).toMatchObject({
      nextDue: "2026-11-28",
      status: "upcoming",
    });
  });

  it("returns the JSON of the command line", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const { data } = buildContactPlanSheet(env);
    expect(data.asOf).toBe("2026-11-27");
    expect(data.plan).toEqual([
      {
        clientId: "C1",
        name: "Acme <b>&</b>",
        tier: "A",
        owner: "li@example.com",
        channel: "visit",
        lastContact: "2026-11-18",
        nextDue: "2026-11-25",
        status: "overdue",
        daysOverdue: 2,
      },
      {
        clientId: "C2",
        name: "Beta",
        tier: "B",
        owner: "wang@example.com",
        channel: "video",
        lastContact: "2026-11-12",
        nextDue: "2026-11-27",
        status: "due",
        daysOverdue: 0,
      },
      {
        clientId: "C5",
        name: "=Eps",
        tier: null,
        owner: null,
        channel: "email",
        lastContact: null,
        nextDue: "2026-11-27",
        status: "due",
        daysOverdue: 0,
      },
      {
        clientId: "C3",
        name: "Gamma",
        tier: "C",
        owner: "li@example.com",
        channel: "email",
        lastContact: "2026-11-20",
        nextDue: "2026-12-21",
        status: "upcoming",
        daysOverdue: 0,
      },
    ]);
    expect(data.responseRates).toEqual([
      { channel: "visit", responded: 1, answered: 1, rate: 1 },
      { channel: "phone", responded: 0, answered: 1, rate: 0 },
      { channel: "video", responded: 0, answered: 0, rate: null },
      { channel: "email", responded: 0, answered: 0, rate: null },
      { channel: "online", responded: 0, answered: 0, rate: null },
    ]);
  });

  it("sums up overdue, due today and upcoming per owner", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = buildContactPlanSheet(env);
    expect(result.summary).toEqual([
      {
        key: "contacts.summary.plan",
        params: { clients: 4, overdue: 1, due: 2, upcoming: 1, sheet: "Contact plan" },
      },
      { key: "contacts.summary.owner", params: { owner: "li@example.com", overdue: 1, due: 0, upcoming: 1 } },
      {
        key: "contacts.summary.owner",
        params: { owner: "wang@example.com", overdue: 0, due: 1, upcoming: 0 },
      },
      { key: "contacts.summary.owner", params: { owner: "(no owner)", overdue: 0, due: 1, upcoming: 0 } },
      { key: "summary.issues", params: { count: 4, sheet: "Data issues" } },
    ]);
  });

  it("stops with the sheet's name when Interactions is missing", () => {
    const env = testEnv({ Clients: workbook().Clients });
    expect(() => buildContactPlanSheet(env)).toThrow(
      expect.objectContaining({
        name: "StopError",
        problem: { key: "stop.missingSheet", params: { zh: "沟通记录", en: "Interactions" } },
      }),
    );
  });

  it("reports a missing Tier column once and plans every client with the C cadence", () => {
    const env = testEnv({
      Clients: [
        ["Client ID", "Name"],
        ["C1", "Acme"],
        ["C2", "Beta"],
      ],
      Interactions: [
        ["Date", "Client ID"],
        [d("2026-10-28"), "C1"],
      ],
    });
    const result = buildContactPlanSheet(env);
    expect(result.issues.map((i) => [i.sheet, i.row, i.problem.key])).toEqual([
      ["Clients", null, "contacts.issue.noTierColumn"],
    ]);
    expect(result.data.plan.map((r) => [r.clientId, r.channel, r.nextDue])).toEqual([
      ["C1", "email", "2026-11-27"],
      ["C2", "email", "2026-11-27"],
    ]);
  });

  it("makes the same few spreadsheet calls for 5 clients and for 2,000", () => {
    const calls = (n: number) => {
      const clients: Cell[][] = [["Client ID", "Name", "Tier"]];
      const interactions: Cell[][] = [["Date", "Client ID", "Channel", "Responded"]];
      for (let i = 0; i < n; i++) {
        clients.push([`C${i}`, `Client ${i}`, ["A", "B", "C"][i % 3]]);
        interactions.push([d("2026-11-02"), `C${i}`, "phone", i % 2 === 0 ? "yes" : "no"]);
      }
      const env = testEnv({ Clients: clients, Interactions: interactions });
      buildContactPlanSheet(env);
      return env.workbook.calls;
    };
    const small = calls(5);
    expect(calls(2000)).toEqual(small);
    expect(small).toEqual({ sheetNames: 1, readSheet: 2, replaceSheet: 2, writeBlock: 1, format: 1 });
  });
});

describe("Check data runs the future-dated interaction check", () => {
  it("lists interactions dated after the as-of date", () => {
    const sheets = workbook();
    const env = testEnv({ ...sheets, Deals: [["Deal ID", "Client ID", "Stage", "Amount"]] }, { today: ASOF });
    const result = checkData(env);
    expect(
      result.issues.filter((i) => i.problem.key === "contacts.issue.futureInteraction").map((i) => i.row),
    ).toEqual([7]);
  });
});

describe("time zones: today is the calendar date in the Settings zone", () => {
  const at = (iso: string, timeZone: string) => {
    const memory = new MemoryWorkbook({
      Settings: [
        ["Key", "Value"],
        ["timeZone", timeZone],
      ],
      Clients: [
        ["Client ID", "Name", "Tier"],
        ["C1", "Acme", "A"],
      ],
      Interactions: [
        ["Date", "Client ID"],
        [d("2026-10-25"), "C1"],
        [d("2026-02-26"), "C1"],
      ],
    });
    return buildContactPlanSheet(createNodeEnv(memory, { now: () => new Date(iso) })).data;
  };

  it("turns the date at midnight in Asia/Shanghai, eight hours before UTC", () => {
    expect(at("2026-11-26T15:59:00Z", "Asia/Shanghai").asOf).toBe("2026-11-26");
    expect(at("2026-11-26T16:00:00Z", "Asia/Shanghai").asOf).toBe("2026-11-27");
  });

  it("follows America/New_York across the autumn change (UTC−4 before 1 Nov, UTC−5 after)", () => {
    // Last contact Sun 25 Oct + 7 = Sun 1 Nov (the change day) → due Mon 2 Nov.
    expect(at("2026-11-01T03:59:00Z", "America/New_York").asOf).toBe("2026-10-31");
    expect(at("2026-11-01T04:00:00Z", "America/New_York")).toMatchObject({
      asOf: "2026-11-01",
      plan: [{ nextDue: "2026-11-02", status: "upcoming" }],
    });
    // 04:30 UTC on 2 Nov is still 23:30 on 1 Nov in New York (a fixed UTC−4 would say 2 Nov).
    expect(at("2026-11-02T04:30:00Z", "America/New_York")).toMatchObject({
      asOf: "2026-11-01",
      plan: [{ status: "upcoming" }],
    });
    expect(at("2026-11-02T05:00:00Z", "America/New_York")).toMatchObject({
      asOf: "2026-11-02",
      plan: [{ nextDue: "2026-11-02", status: "due" }],
    });
  });

  it("follows America/New_York across the spring change (UTC−5 before 8 Mar, UTC−4 after)", () => {
    expect(at("2026-03-08T04:59:00Z", "America/New_York").asOf).toBe("2026-03-07");
    expect(at("2026-03-08T05:00:00Z", "America/New_York").asOf).toBe("2026-03-08");
    expect(at("2026-03-09T03:59:00Z", "America/New_York").asOf).toBe("2026-03-08");
    expect(at("2026-03-09T04:00:00Z", "America/New_York")).toMatchObject({
      asOf: "2026-03-09",
      plan: [{ lastContact: "2026-02-26", nextDue: "2026-03-05", status: "overdue", daysOverdue: 4 }],
    });
  });
});

describe("properties of the action", () => {
  const idArb = fc.stringMatching(/^[A-Za-z0-9=+@-]{1,5}$/);
  const rowsArb = fc.uniqueArray(
    fc.record({
      id: idArb,
      status: fc.constantFrom("", "active", "inactive", "停用", "活跃"),
      tier: fc.constantFrom("", "A", "B", "C", "高", "low"),
    }),
    { selector: (r) => r.id, maxLength: 25 },
  );
  const scenario = fc.record({
    clients: rowsArb,
    contacts: fc.array(
      fc.record({
        pick: fc.nat(),
        offset: fc.integer({ min: -60, max: 5 }),
        channel: fc.constantFrom("", "visit", "电话", "fax"),
      }),
      { maxLength: 40 },
    ),
  });

  it("has one plan row per active client and leaves every cell outside its own sheets unchanged", () => {
    fc.assert(
      fc.property(scenario, ({ clients, contacts }) => {
        const clientRows: Cell[][] = [["Notes", "Client ID", "Name", "Status", "Tier"]];
        for (const c of clients) clientRows.push([`note ${c.id}`, c.id, `Name ${c.id}`, c.status, c.tier]);
        const interactionRows: Cell[][] = [["Date", "Client ID", "Channel", "Extra"]];
        for (const p of contacts) {
          const id = clients.length === 0 ? "none" : clients[p.pick % clients.length].id;
          interactionRows.push([{ date: ASOF + p.offset }, id, p.channel, "x"]);
        }
        const sheets = {
          Clients: clientRows,
          Interactions: interactionRows,
          Mine: [
            ["a", 1, true],
            [null, { date: 5 }, "=1+1"],
          ],
        };
        const env = testEnv(sheets, { today: ASOF });
        const before = env.workbook.sheets.map((s) => ({
          name: s.name,
          values: env.workbook.values(s.name),
        }));
        const { data } = buildContactPlanSheet(env);
        for (const sheet of before) {
          expect(env.workbook.values(sheet.name)).toEqual(sheet.values);
          const stored = env.workbook.sheet(sheet.name);
          expect(stored?.written.size).toBe(0);
          expect(stored?.formats).toEqual([]);
        }
        // Without a Settings sheet the workbook language is Chinese.
        expect(env.workbook.sheetNames().sort()).toEqual([
          "Clients",
          "Interactions",
          "Mine",
          "数据问题",
          "沟通计划",
        ]);
        const active = clients.filter((c) => c.status !== "inactive" && c.status !== "停用").map((c) => c.id);
        expect(data.plan.map((r) => r.clientId).sort()).toEqual([...active].sort());
        expect(
          (env.workbook.values("沟通计划") ?? [])
            .slice(1)
            .filter((r) => r[0] !== "")
            .map((r) => r[0]),
        ).toEqual(data.plan.map((r) => r.clientId));
      }),
      { numRuns: 60 },
    );
  });
});
