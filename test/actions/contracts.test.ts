import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import { reviewContractsAction } from "../../src/actions/contracts";
import { calDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import { isStopError } from "../../src/workbook/issues";
import { render } from "../../src/i18n";
import { COLORS } from "../../src/workbook/write";
import { d, testEnv } from "../helpers/env";

const ASOF = calDate(2026, 11, 27);

/** An English workbook as of 2026-11-27 with one case of each rule. */
function workbook(): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["renewal.noticeDays", "60"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier", "My notes"],
      ["C1", "Acme", "Li@Example.com", "A", "keep"],
      ["C2", "=Beta", "wang@example.com", "B", ""],
      ["C3", "Gamma", "", "C", ""],
    ],
    Deals: [
      ["Deal ID", "Client ID", "Stage", "Amount", "Closed on"],
      ["D1", "C1", "won", 100000, d("2026-09-01")],
      ["D2", "C2", "won", 50000, d("2026-10-28")],
      ["D3", "C3", "won", 80000, d("2026-10-01")],
    ],
    Contracts: [
      [
        "Contract ID",
        "Client ID",
        "Deal ID",
        "Owner",
        "Value",
        "Status",
        "Signed on",
        "Start",
        "End",
        "Remark",
      ],
      [
        "K1",
        "C1",
        "D1",
        "",
        120000,
        "active",
        d("2026-01-05"),
        d("2026-01-10"),
        d("2026-12-27"),
        "near renewal",
      ],
      ["K2", "C2", "", "", "50万", "signed", d("2026-06-01"), d("2026-06-01"), d("2027-01-26"), ""],
      ["K3", "C3", "", "zhao@example.com", 30000, "active", "", d("2026-03-01"), d("2026-11-20"), "past End"],
      [
        "K4",
        "C2",
        "",
        "",
        20000,
        "renewed",
        d("2026-06-20"),
        d("2026-07-01"),
        d("2026-10-31"),
        "no successor",
      ],
      [
        "K5",
        "C3",
        "",
        "",
        "",
        "expired",
        d("2025-01-01"),
        d("2025-03-01"),
        d("2025-02-01"),
        "End before Start",
      ],
    ],
    Payments: [
      ["Contract ID", "Due", "Amount due", "Paid on", "Amount paid"],
      ["K1", d("2026-02-01"), 50000, d("2026-02-03"), 50000],
      ["K1", d("2026-10-28"), 50000, "", 20000],
      ["K2", d("2026-08-01"), 500000, "", ""],
      ["K3", d("2026-11-26"), 30000, "", 31000],
      ["K9", d("2026-11-01"), 1000, "", ""],
      ["K5", d("2025-09-01"), 7000, "", ""],
    ],
    Notes: [["anything"], [d("2026-01-01")]],
  };
}

describe("Review contracts and payments", () => {
  it("lays out renewals due, overdue instalments and per-owner totals as titled blocks", () => {
    const env = testEnv(workbook(), { today: ASOF });
    reviewContractsAction(env);
    expect(env.workbook.values("Renewals & receivables")).toEqual([
      ["Renewals & receivables as of 2026-11-27", "", "", "", "", "", "", "", "", ""],
      ["", "", "", "", "", "", "", "", "", ""],
      ["Due for renewal (ending within 60 days): 2, value ¥620,000", "", "", "", "", "", "", "", "", ""],
      ["Contract ID", "Client ID", "Client name", "Tier", "Owner", "End", "Value", "Days left", "Note", ""],
      ["K1", "C1", "Acme", "A", "li@example.com", d("2026-12-27"), 120000, 30, "ends within 30 days", ""],
      ["K2", "C2", "=Beta", "B", "wang@example.com", d("2027-01-26"), 500000, 60, "", ""],
      ["", "", "", "", "", "", "", "", "", ""],
      ["Overdue instalments: 3, outstanding ¥537,000", "", "", "", "", "", "", "", "", ""],
      [
        "Contract ID",
        "Client ID",
        "Client name",
        "Owner",
        "Due",
        "Amount due",
        "Amount paid",
        "Outstanding",
        "Days overdue",
        "Ageing (days)",
      ],
      ["K5", "C3", "Gamma", "(no owner)", d("2025-09-01"), 7000, 0, 7000, 452, "90+"],
      ["K2", "C2", "=Beta", "wang@example.com", d("2026-08-01"), 500000, 0, 500000, 118, "90+"],
      ["K1", "C1", "Acme", "li@example.com", d("2026-10-28"), 50000, 20000, 30000, 30, "1-30"],
      ["", "", "", "", "", "", "", "", "", ""],
      ["By owner", "", "", "", "", "", "", "", "", ""],
      [
        "Owner",
        "Renewals due",
        "Renewal value",
        "Overdue instalments",
        "Outstanding",
        "1-30",
        "31-60",
        "61-90",
        "90+",
        "",
      ],
      ["li@example.com", 1, 120000, 1, 30000, 30000, 0, 0, 0, ""],
      ["wang@example.com", 1, 500000, 1, 500000, 0, 0, 0, 500000, ""],
      ["(no owner)", 0, 0, 1, 7000, 0, 0, 0, 7000, ""],
      ["Total", 2, 620000, 3, 537000, 30000, 0, 0, 507000, ""],
    ]);
  });

  it("marks near renewals and overdue rows, bolds titles and headers, in a constant number of formats", () => {
    const env = testEnv(workbook(), { today: ASOF });
    reviewContractsAction(env);
    const sheet = env.workbook.sheet("Renewals & receivables");
    expect(sheet?.formats).toHaveLength(1);
    const format = sheet!.formats[0];
    expect(format.backgrounds?.row).toBe(1);
    expect(format.backgrounds?.colors.map((row) => row[0])).toEqual([
      null,
      null,
      null,
      COLORS.header,
      COLORS.due,
      null,
      null,
      null,
      COLORS.header,
      COLORS.overdue,
      COLORS.overdue,
      COLORS.overdue,
      null,
      null,
      COLORS.header,
      COLORS.overdue,
      COLORS.overdue,
      COLORS.overdue,
      null,
    ]);
    expect(format.boldRows).toEqual([1, 3, 4, 8, 9, 14, 15, 19]);
    expect(
      format.numberFormats?.filter((f) => f.kind === "date").map((f) => [f.column, f.fromRow, f.toRow]),
    ).toEqual([
      [6, 5, 6],
      [5, 10, 12],
    ]);
  });

  it("reports each lifecycle problem with its sheet, row, column, value and fix, and drops nothing", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = reviewContractsAction(env);
    expect(
      result.issues.map((i) => `${i.sheet}!${i.row}:${i.column}:${i.value}: ${render("en", i.problem)}`),
    ).toEqual([
      "Payments!6:Contract ID:K9: no contract with this Contract ID",
      "Contracts!2:Value:120000: the instalments (2) add up to ¥100,000, not the contract Value ¥120,000 (difference ¥20,000); check the payment plan or the Value",
      "Contracts!4:Signed on:: a contract with status Active has no Signed on date; fill in Signed on",
      "Contracts!4:Status:active: the contract ended on 2026-11-20 (7 days ago) but is still active; set Status to expired or renewed",
      "Contracts!5:Status:renewed: marked renewed, but client C2 has no later contract; add the renewal contract or correct Status",
      "Contracts!6:End:2025-02-01: End 2025-02-01 is before Start 2025-03-01; correct Start or End",
      "Payments!5:Amount paid:31000: Amount paid ¥31,000 is more than Amount due ¥30,000; check Amount paid",
      "Deals!4:Deal ID:D3: won on 2026-10-01 (57 days ago) but no contract names this Deal ID; add the contract with its Deal ID",
    ]);
    // The checks drop nothing: K3 (three findings) and K5 (End before Start) are still reviewed.
    expect(result.data.overdue.map((o) => o.contractId)).toContain("K5");
    expect(env.workbook.values("Data issues")).toHaveLength(9);
  });

  it("returns the --json figures: renewals due and overdue instalments with owner, amounts and buckets", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const { data } = reviewContractsAction(env);
    expect(data.asOf).toBe("2026-11-27");
    expect(data.renewalsDue).toEqual([
      {
        contractId: "K1",
        clientId: "C1",
        owner: "li@example.com",
        end: "2026-12-27",
        value: 120000,
        daysLeft: 30,
      },
      {
        contractId: "K2",
        clientId: "C2",
        owner: "wang@example.com",
        end: "2027-01-26",
        value: 500000,
        daysLeft: 60,
      },
    ]);
    expect(data.overdue).toEqual([
      {
        contractId: "K5",
        clientId: "C3",
        owner: null,
        due: "2025-09-01",
        outstanding: 7000,
        daysOverdue: 452,
        bucket: "90+",
      },
      {
        contractId: "K2",
        clientId: "C2",
        owner: "wang@example.com",
        due: "2026-08-01",
        outstanding: 500000,
        daysOverdue: 118,
        bucket: "90+",
      },
      {
        contractId: "K1",
        clientId: "C1",
        owner: "li@example.com",
        due: "2026-10-28",
        outstanding: 30000,
        daysOverdue: 30,
        bucket: "1-30",
      },
    ]);
    expect(data.totals).toEqual({
      renewals: 2,
      renewalValue: 620000,
      overdue: 3,
      outstanding: 537000,
      outstandingByBucket: { "1-30": 30000, "31-60": 0, "61-90": 0, "90+": 507000 },
    });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it("takes the as-of date from the options over the clock", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const { data } = reviewContractsAction(env, { asOf: calDate(2026, 10, 29) });
    expect(data.renewalsDue.map((r) => [r.contractId, r.daysLeft])).toEqual([
      ["K3", 22],
      ["K1", 59],
    ]);
    expect(data.overdue.map((o) => [o.contractId, o.daysOverdue, o.bucket])).toEqual([
      ["K5", 423, "90+"],
      ["K2", 89, "61-90"],
      ["K1", 1, "1-30"],
    ]);
  });

  it("says how much is due and overdue in the summary, in the workbook language", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = reviewContractsAction(env);
    expect(result.summary.map((line) => render("en", line))).toEqual([
      'Contracts due for renewal: 2 (¥620,000); overdue instalments: 3 (¥537,000 outstanding). See "Renewals & receivables".',
      "li@example.com: renewals due 1 (¥120,000); overdue instalments 1 (¥30,000 outstanding)",
      "wang@example.com: renewals due 1 (¥500,000); overdue instalments 1 (¥500,000 outstanding)",
      "(no owner): renewals due 0 (¥0); overdue instalments 1 (¥7,000 outstanding)",
      '8 data issues, listed in "Data issues".',
    ]);
  });

  it("writes a Chinese sheet in a Chinese workbook and notes a missing Deals sheet", () => {
    const env = testEnv({
      客户: [
        ["客户编号", "客户名称", "负责人"],
        ["K1", "云启", "a@b.com"],
      ],
      合同: [
        ["合同编号", "客户编号", "状态", "签订日期", "结束日期", "合同金额"],
        ["H1", "K1", "履行中", d("2026-01-01"), d("2026-12-01"), "12万"],
      ],
      回款: [
        ["合同编号", "应收日期", "应收金额"],
        ["H1", d("2026-11-01"), "6万"],
      ],
    });
    const result = reviewContractsAction(env);
    expect(result.summary.map((line) => render("zh-CN", line))).toEqual([
      "以下工作表不存在，按空表处理：商机",
      "续约提醒 1 份合同（合计 ¥120,000）；逾期回款 1 笔（未收 ¥60,000）。详见「续约与回款」。",
      "a@b.com：待续约 1 份（¥120,000），逾期 1 笔（未收 ¥60,000）",
      "数据问题 1 个，详见「数据问题」。",
    ]);
    expect(env.workbook.values("续约与回款")?.map((row) => row[0])).toEqual([
      "续约与回款（截至 2026-11-27）",
      "",
      "90 天内到期待续约：1 份，合同金额合计 ¥120,000",
      "合同编号",
      "H1",
      "",
      "逾期回款：1 笔，未收合计 ¥60,000",
      "合同编号",
      "H1",
      "",
      "按负责人汇总",
      "负责人",
      "a@b.com",
      "合计",
    ]);
    expect(env.workbook.values("续约与回款")?.[4]).toEqual([
      "H1",
      "K1",
      "云启",
      "",
      "a@b.com",
      d("2026-12-01"),
      120000,
      4,
      "30 天内到期",
      "",
    ]);
  });

  it("writes a None row under an empty block", () => {
    const env = testEnv({
      Settings: [
        ["Key", "Value"],
        ["language", "en"],
      ],
      Clients: [["Client ID", "Name"]],
      Contracts: [["Contract ID", "Client ID"]],
      Payments: [["Contract ID", "Due", "Amount due"]],
    });
    reviewContractsAction(env);
    expect(env.workbook.values("Renewals & receivables")?.map((row) => row[0])).toEqual([
      "Renewals & receivables as of 2026-11-27",
      "",
      "Due for renewal (ending within 90 days): 0, value ¥0",
      "Contract ID",
      "None",
      "",
      "Overdue instalments: 0, outstanding ¥0",
      "Contract ID",
      "None",
      "",
      "By owner",
      "Owner",
      "Total",
    ]);
  });

  it("stops with the sheet's name when Contracts or Payments is missing", () => {
    for (const missing of ["Contracts", "Payments"]) {
      const sheets = workbook();
      delete sheets[missing];
      const env = testEnv(sheets);
      let caught: unknown = null;
      try {
        reviewContractsAction(env);
      } catch (error) {
        caught = error;
      }
      expect(isStopError(caught)).toBe(true);
      expect(render("en", (caught as { problem: Parameters<typeof render>[1] }).problem)).toContain(
        `"${missing}"`,
      );
      expect(env.workbook.sheet("Renewals & receivables")).toBeUndefined();
    }
  });

  it("reads each table once and writes two sheets, whatever the number of rows", () => {
    const calls = (n: number) => {
      const sheets = workbook();
      for (let i = 0; i < n; i++) {
        sheets.Contracts.push([
          `X${i}`,
          "C1",
          "",
          "",
          1000,
          "active",
          d("2026-01-01"),
          d("2026-01-01"),
          { date: ASOF + (i % 120) },
          "",
        ]);
        sheets.Payments.push([`X${i}`, { date: ASOF - (i % 200) }, 1000, "", i % 3 === 0 ? 1000 : 0]);
      }
      const env = testEnv(sheets, { today: ASOF });
      reviewContractsAction(env);
      return {
        ...env.workbook.calls,
        formats: env.workbook.sheet("Renewals & receivables")?.formats[0].numberFormats?.length,
      };
    };
    const small = calls(3);
    expect(small).toEqual({ sheetNames: 1, readSheet: 5, replaceSheet: 2, formats: 17 });
    expect(calls(2000)).toEqual(small);
  });

  it("changes no cell of any input or user sheet", () => {
    const sheets = workbook();
    const before = JSON.stringify(sheets);
    const env = testEnv(workbook(), { today: ASOF });
    reviewContractsAction(env);
    for (const name of Object.keys(sheets))
      expect(JSON.stringify(env.workbook.values(name))).toBe(JSON.stringify(sheets[name]));
    expect(JSON.stringify(sheets)).toBe(before);
  });

  it("leaves every input cell as it was, whatever the cells hold (property)", () => {
    const cell = fc.oneof(
      fc.constantFrom<Cell>(
        "",
        null,
        "K1",
        "K2",
        "C1",
        "C9",
        "active",
        "已续签",
        "signed",
        "bogus",
        "12万",
        "-5",
        "#N/A",
        "=1+1",
        "2026-02-30",
      ),
      fc.integer({ min: -10, max: 1_000_000 }),
      fc.integer({ min: ASOF - 400, max: ASOF + 400 }).map((date): Cell => ({ date })),
    );
    const rows = (width: number) =>
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 });
    fc.assert(
      fc.property(rows(10), rows(5), (contracts, payments) => {
        const sheets = workbook();
        sheets.Contracts = [sheets.Contracts[0], ...contracts];
        sheets.Payments = [sheets.Payments[0], ...payments];
        const env = testEnv(sheets, { today: ASOF });
        const snapshot = Object.fromEntries(
          Object.keys(sheets).map((name) => [name, JSON.stringify(env.workbook.values(name))]),
        );
        const result = reviewContractsAction(env);
        for (const name of Object.keys(sheets))
          expect(JSON.stringify(env.workbook.values(name))).toBe(snapshot[name]);
        for (const o of result.data.overdue) expect(o.outstanding).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

describe("Check data with contracts", () => {
  it("lists the lifecycle problems among the issues", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = checkData(env);
    expect(
      result.issues
        .filter((i) => i.problem.key.startsWith("contracts."))
        .map((i) => `${i.sheet}!${i.row}:${i.problem.key}`),
    ).toEqual([
      "Contracts!2:contracts.issue.planMismatch",
      "Contracts!4:contracts.issue.signedWithoutDate",
      "Contracts!4:contracts.issue.activePastEnd",
      "Contracts!5:contracts.issue.renewedWithoutSuccessor",
      "Contracts!6:contracts.issue.endBeforeStart",
      "Payments!5:contracts.issue.paidMoreThanDue",
      "Deals!4:contracts.issue.wonWithoutContract",
    ]);
  });
});
