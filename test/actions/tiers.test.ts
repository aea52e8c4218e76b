import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import {
  LAST_SCHEDULED_REVIEW,
  recalculateTiers,
  scheduledTiers,
  TIER_COLUMNS,
} from "../../src/actions/tiers";
import {
  addMonths,
  addYears,
  calDate,
  formatIsoDate,
  parseIsoDate,
  type CalDate,
} from "../../src/core/dates";
import { render } from "../../src/i18n";
import type { Cell } from "../../src/ports";
import { createWorkbook } from "../../src/node/init";
import { isStopError } from "../../src/workbook/issues";
import { normalizeName } from "../../src/workbook/names";
import { locateSheets, readData, readSettings, type WorkbookData } from "../../src/workbook/read";
import type { Settings } from "../../src/workbook/settings";
import { d, testEnv } from "../helpers/env";

const CLIENT_HEADER = [
  "My note",
  "Client ID",
  "Name",
  "Industry",
  "Owner",
  "Status",
  "Cooperation since",
  "Purchase override",
  "Tier override",
  "Override reason",
  "Tier",
  "Tier reason",
  "12-month purchase",
  "Tier since",
];
const DEAL_HEADER = ["Deal ID", "Client ID", "Stage", "Amount", "Closed on"];
const COL = Object.fromEntries(CLIENT_HEADER.map((h, i) => [h, i])) as Record<string, number>;

interface ClientSpec {
  id: string;
  name?: string;
  industry?: string;
  owner?: string;
  status?: string;
  since?: Cell;
  purchaseOverride?: Cell;
  tierOverride?: string;
  overrideReason?: string;
  tier?: string;
  tierSince?: Cell;
  note?: Cell;
}

function clientRow(c: ClientSpec): Cell[] {
  return [
    c.note ?? "",
    c.id,
    c.name ?? `Client ${c.id}`,
    c.industry ?? "",
    c.owner ?? "",
    c.status ?? "",
    c.since ?? "",
    c.purchaseOverride ?? "",
    c.tierOverride ?? "",
    c.overrideReason ?? "",
    c.tier ?? "",
    "",
    "",
    c.tierSince ?? "",
  ];
}

function workbook(
  clients: ClientSpec[],
  deals: [string, number, string][],
  options: { language?: "en" | "zh-CN"; extra?: Record<string, Cell[][]> } = {},
) {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", options.language ?? "en"],
    ],
    Clients: [CLIENT_HEADER, ...clients.map(clientRow)],
    Deals: [
      DEAL_HEADER,
      ...deals.map(([client, amount, closed], i) => [`D${i + 1}`, client, "won", amount, d(closed)]),
    ],
    Industries: [
      ["Industry", "Growth"],
      ["Cloud", "15%"],
      ["Retail", 0.02],
    ],
    ...options.extra,
  };
}

const OWNER_A = "li.na@example.com";
const OWNER_B = "wang.wei@example.com";

describe("Recalculate tiers", () => {
  it("writes tier, reason, purchase and Tier since in one block and appends one history row per change", () => {
    const env = testEnv(
      workbook(
        [
          { id: "C1", owner: OWNER_A },
          { id: "C2", owner: OWNER_A, tier: "B", tierSince: d("2026-07-01") },
          { id: "C3", owner: OWNER_B, tier: "C", tierSince: d("2026-04-01") },
        ],
        [
          ["C1", 1_240_000, "2026-05-10"],
          ["C2", 300_000, "2026-06-01"],
          ["C3", 50_000, "2026-01-15"],
        ],
      ),
      { quota: 0 },
    );
    const result = recalculateTiers(env);
    const clients = env.workbook.values("Clients") as Cell[][];
    const computed = clients.map((row) => row.slice(COL["Tier"], COL["Tier since"] + 1));
    expect(computed.slice(1)).toEqual([
      ["A", "12-month purchase ¥1,240,000 ≥ ¥1,000,000 → A", 1_240_000, { date: calDate(2026, 11, 27) }],
      ["B", "12-month purchase ¥300,000 ≥ ¥200,000 → B", 300_000, { date: calDate(2026, 7, 1) }],
      ["C", "12-month purchase ¥50,000 < ¥200,000 → C", 50_000, { date: calDate(2026, 4, 1) }],
    ]);
    expect(env.workbook.calls.writeBlock).toBe(1);
    expect(env.workbook.values("Tier history")).toEqual([
      ["Date", "Client ID", "From", "To", "Reason", "By"],
      [
        { date: calDate(2026, 11, 27) },
        "C1",
        "",
        "A",
        "12-month purchase ¥1,240,000 ≥ ¥1,000,000 → A",
        "manager@example.com",
      ],
    ]);
    expect(render("en", result.summary[0])).toBe(
      "Tiers recalculated (2026-11-27): 0 up, 0 down, 1 new, 2 unchanged.",
    );
    expect(result.data).toEqual({
      asOf: "2026-11-27",
      review: false,
      clients: [
        {
          clientId: "C1",
          tier: "A",
          previousTier: null,
          purchase12m: 1_240_000,
          rule: "base",
          reason: "12-month purchase ¥1,240,000 ≥ ¥1,000,000 → A",
          tierSince: "2026-11-27",
          changed: true,
        },
        {
          clientId: "C2",
          tier: "B",
          previousTier: "B",
          purchase12m: 300_000,
          rule: "base",
          reason: "12-month purchase ¥300,000 ≥ ¥200,000 → B",
          tierSince: "2026-07-01",
          changed: false,
        },
        {
          clientId: "C3",
          tier: "C",
          previousTier: "C",
          purchase12m: 50_000,
          rule: "base",
          reason: "12-month purchase ¥50,000 < ¥200,000 → C",
          tierSince: "2026-04-01",
          changed: false,
        },
      ],
    });
  });

  it("gives reasons in Chinese in a Chinese workbook, with the figures that decided", () => {
    const env = testEnv(
      workbook(
        [
          { id: "C1", owner: OWNER_A },
          { id: "C2", owner: OWNER_A, industry: " cloud ", since: d("2022-06-01") },
          { id: "C3", owner: OWNER_A, tier: "A", tierSince: d("2026-01-01") },
          { id: "C4", owner: OWNER_A, tierOverride: "高", overrideReason: "集团战略合作客户" },
        ],
        [
          ["C1", 1_240_000, "2026-05-10"],
          ["C2", 600_000, "2026-03-01"],
          ["C3", 930_000, "2026-02-01"],
        ],
        { language: "zh-CN" },
      ),
    );
    const result = recalculateTiers(env);
    expect(result.data.clients.map((c) => c.reason)).toEqual([
      "近12个月采购额 ¥1,240,000 ≥ ¥1,000,000 → A",
      "行业增长 15% 且合作 4 年，近12个月采购额 ¥600,000 ≥ ¥500,000，上调一级 → A",
      "季度复核前保持 A（¥930,000 未低于 ¥900,000）",
      "手工分级 → A：集团战略合作客户",
    ]);
    expect(result.data.clients.map((c) => c.rule)).toEqual(["base", "uplift", "kept", "override"]);
    expect(env.outbox.map((m) => m.subject)).toEqual(["客户分级变动：3 位客户（2026-11-27）"]);
    expect(env.outbox[0].htmlBody).toContain(
      "您好，以下由您负责的客户在 2026-11-27 的客户分级计算中分级发生了变动：",
    );
  });

  it("holds a downgrade back in an ordinary run and applies it in the quarterly review beyond the margin", () => {
    const sheets = workbook(
      [
        { id: "C1", owner: OWNER_A, tier: "A", tierSince: d("2026-01-01") },
        { id: "C2", owner: OWNER_A, tier: "A", tierSince: d("2026-01-01") },
      ],
      [
        ["C1", 930_000, "2026-02-01"],
        ["C2", 800_000, "2026-02-01"],
      ],
    );
    const ordinary = recalculateTiers(testEnv(sheets));
    expect(ordinary.data.clients.map((c) => [c.tier, c.rule, c.reason])).toEqual([
      ["A", "kept", "A kept until the quarterly review (¥930,000 not below ¥900,000)"],
      ["A", "kept", "A kept until the quarterly review (¥800,000 is below ¥900,000; the review decides)"],
    ]);
    const env = testEnv(sheets);
    const review = recalculateTiers(env, { review: true });
    expect(review.data.review).toBe(true);
    expect(review.data.clients.map((c) => [c.tier, c.rule, c.reason, c.tierSince])).toEqual([
      ["A", "kept", "Quarterly review: A kept (¥930,000 not below ¥900,000)", "2026-01-01"],
      [
        "B",
        "review",
        "Quarterly review: 12-month purchase ¥800,000 < ¥900,000 (tier A threshold ¥1,000,000 × 90%) → B",
        "2026-11-27",
      ],
    ]);
    expect(render("en", review.summary[0])).toBe(
      "Quarterly tier review done (2026-11-27): 0 up, 1 down, 0 new, 1 unchanged.",
    );
    expect(env.workbook.values("Tier history")?.[1]?.slice(1, 4)).toEqual(["C2", "A", "B"]);
  });

  it("applies an override without a reason and reports it, and reports a tier A client without an owner", () => {
    const env = testEnv(
      workbook(
        [{ id: "C1", tierOverride: "B" }, { id: "C2" }, { id: "C3", status: "inactive", tier: "A" }],
        [
          ["C1", 10_000, "2026-05-10"],
          ["C2", 2_000_000, "2026-05-10"],
        ],
      ),
    );
    const result = recalculateTiers(env);
    expect(result.data.clients.map((c) => [c.clientId, c.tier, c.reason])).toEqual([
      ["C1", "B", "Override → B (no reason given)"],
      ["C2", "A", "12-month purchase ¥2,000,000 ≥ ¥1,000,000 → A"],
    ]);
    expect(result.issues.map((i) => `${i.sheet}!${i.row}:${i.column}:${i.problem.key}`)).toEqual([
      "Clients!2:Override reason:tiers.issue.overrideWithoutReason",
      "Clients!3:Owner:tiers.issue.tierAWithoutOwner",
    ]);
    expect(env.workbook.values("Data issues")?.length).toBe(3);
    expect(render("en", result.summary[result.summary.length - 1])).toBe(
      '2 data issues, listed in "Data issues".',
    );
  });

  it("leaves inactive clients and unreadable rows as they are and reports the bad cells", () => {
    const env = testEnv(
      workbook(
        [
          { id: "C1", status: "inactive", tier: "B", tierSince: d("2025-01-01") },
          { id: "C2", owner: "not-an-email", tier: "C" },
          { id: "C3", owner: OWNER_A },
        ],
        [
          ["C1", 5_000_000, "2026-05-10"],
          ["C2", 5_000_000, "2026-05-10"],
          ["C3", 5_000_000, "2026-05-10"],
        ],
      ),
    );
    const result = recalculateTiers(env);
    const rows = env.workbook.values("Clients") as Cell[][];
    expect(rows[1].slice(COL["Tier"])).toEqual(["B", "", "", { date: calDate(2025, 1, 1) }]);
    expect(rows[2].slice(COL["Tier"])).toEqual(["C", "", "", ""]);
    expect(rows[3][COL["Tier"]]).toBe("A");
    expect(result.data.clients.map((c) => c.clientId)).toEqual(["C3"]);
    expect(result.issues.map((i) => `${i.sheet}!${i.row}:${i.column}:${i.problem.key}`)).toEqual([
      "Clients!3:Owner:issue.expectedEmail",
      "Deals!3:Client ID:issue.refersToDroppedRow",
    ]);
  });

  it("adds the computed columns after the user's own when they are missing", () => {
    const env = testEnv({
      Clients: [
        ["Client ID", "Name", "Owner", "Notes"],
        ["C1", "Acme", OWNER_A, "=SUM(1,2)"],
      ],
      Deals: [DEAL_HEADER, ["D1", "C1", "won", "25万", "2026-06-01"]],
    });
    recalculateTiers(env);
    expect(env.workbook.values("客户")).toBeUndefined();
    expect(env.workbook.values("Clients")).toEqual([
      ["Client ID", "Name", "Owner", "Notes", "客户等级", "分级依据", "近12个月采购额", "定级日期"],
      [
        "C1",
        "Acme",
        OWNER_A,
        "=SUM(1,2)",
        "B",
        "近12个月采购额 ¥250,000 ≥ ¥200,000 → B",
        250_000,
        { date: calDate(2026, 11, 27) },
      ],
    ]);
  });

  it("writes no tier when the history cannot be appended (a full spreadsheet), so no change goes unrecorded", () => {
    const env = testEnv(workbook([{ id: "C1", owner: OWNER_A }], [["C1", 1_240_000, "2026-05-10"]]));
    const before = JSON.stringify(env.workbook.values("Clients"));
    env.workbook.appendRows = () => {
      throw new Error("This action would increase the number of cells in the workbook above the limit");
    };
    expect(() => recalculateTiers(env)).toThrow(/limit/);
    expect(JSON.stringify(env.workbook.values("Clients"))).toBe(before);
    expect(env.outbox).toEqual([]);
  });

  it("stops with the sheet's name when Deals is missing", () => {
    const env = testEnv({ Clients: [CLIENT_HEADER] });
    let caught: unknown = null;
    try {
      recalculateTiers(env);
    } catch (error) {
      caught = error;
    }
    expect(isStopError(caught)).toBe(true);
    expect((caught as { problem: { key: string; params: unknown } }).problem).toEqual({
      key: "stop.missingSheet",
      params: { zh: "商机", en: "Deals" },
    });
  });

  it("changes nothing and appends no history when run a second time on its own output", () => {
    const env = testEnv(
      workbook(
        [
          { id: "C1", owner: OWNER_A, tier: "A", tierSince: d("2026-01-01") },
          { id: "C2", owner: OWNER_B },
          { id: "C3", owner: OWNER_B, tierOverride: "C", overrideReason: "回款逾期" },
        ],
        [
          ["C1", 100_000, "2026-05-10"],
          ["C2", 300_000, "2026-05-10"],
          ["C3", 3_000_000, "2026-05-10"],
        ],
      ),
    );
    recalculateTiers(env);
    const clients = JSON.stringify(env.workbook.values("Clients"));
    const history = JSON.stringify(env.workbook.values("Tier history"));
    const mails = env.outbox.length;
    const second = recalculateTiers(env);
    expect(JSON.stringify(env.workbook.values("Clients"))).toBe(clients);
    expect(JSON.stringify(env.workbook.values("Tier history"))).toBe(history);
    expect(env.outbox.length).toBe(mails);
    expect(second.data.clients.every((c) => !c.changed)).toBe(true);
  });

  it("uses a constant number of spreadsheet calls whatever the number of clients and deals", () => {
    const callsFor = (n: number) => {
      const clients: ClientSpec[] = [];
      const deals: [string, number, string][] = [];
      for (let i = 0; i < n; i++) {
        clients.push({ id: `C${i}`, owner: i % 2 ? OWNER_A : OWNER_B });
        deals.push([`C${i}`, 1000 * (i % 1500), "2026-06-01"], [`C${i}`, 500, "2026-10-01"]);
      }
      const env = testEnv(workbook(clients, deals));
      recalculateTiers(env);
      return { ...env.workbook.calls };
    };
    const small = callsFor(4);
    expect(callsFor(400)).toEqual(small);
    // Reads: Settings, Clients, Deals, Industries. Writes: the computed block, the history and the
    // send log (each created first: replaceSheet + appendRows), the Data issues sheet.
    expect(small).toEqual({ sheetNames: 3, readSheet: 4, writeBlock: 1, replaceSheet: 3, appendRows: 2 });
  });
});

describe("Tier notices", () => {
  const changing = () =>
    workbook(
      [
        { id: "C1", owner: OWNER_A, name: "<b>Acme & Co</b>", tier: "C", tierSince: d("2026-01-01") },
        { id: "C2", owner: OWNER_A.toUpperCase(), tier: "B" },
        { id: "C3", owner: OWNER_B, tier: "B", tierSince: d("2026-01-01") },
        { id: "C4" },
      ],
      [
        ["C1", 1_500_000, "2026-05-10"],
        ["C2", 250_000, "2026-05-10"],
        ["C3", 250_000, "2026-05-10"],
        ["C4", 250_000, "2026-05-10"],
      ],
    );

  it("sends one escaped e-mail per owner with changes and logs it; owners without changes get nothing", () => {
    const env = testEnv(changing());
    const result = recalculateTiers(env);
    expect(env.outbox).toHaveLength(1);
    const mail = env.outbox[0];
    expect(mail.to).toEqual([OWNER_A]);
    expect(mail.subject).toBe("Client tier changes: 1 clients (2026-11-27)");
    expect(mail.htmlBody).toContain("&lt;b&gt;Acme &amp; Co&lt;/b&gt;");
    expect(mail.htmlBody).not.toContain("<b>Acme");
    expect(mail.htmlBody).toContain("C → A");
    expect(mail.textBody).toContain(
      "C1 <b>Acme & Co</b>: C → A (12-month purchase ¥1,500,000 ≥ ¥1,000,000 → A)",
    );
    const log = env.workbook.values("Send log") as Cell[][];
    expect(log).toHaveLength(2);
    expect(log[1].slice(1)).toEqual([
      expect.stringMatching(/^tiers:2026-11-27:li\.na@example\.com:[0-9a-f]{8}$/),
      OWNER_A,
      "sent",
    ]);
    expect(result.summary.map((line) => render("en", line))).toEqual([
      "Tiers recalculated (2026-11-27): 1 up, 0 down, 1 new, 2 unchanged.",
      'Appended 2 rows to "Tier history".',
      "Tier change notices sent to 1 owners.",
      "1 clients changed tier but have no Owner to tell.",
    ]);
  });

  it("checks the mail quota first and logs the notices it could not send", () => {
    const sheets = changing();
    (sheets.Clients[3] as Cell[])[COL["Tier"]] = "A"; // C3 (owner B) now goes A → B: held back, no change
    (sheets.Clients[4] as Cell[])[COL["Owner"]] = OWNER_B; // C4 (new) now has owner B
    const env = testEnv(sheets, { quota: 1 });
    const result = recalculateTiers(env);
    expect(env.outbox.map((m) => m.to[0])).toEqual([OWNER_A]);
    const log = env.workbook.values("Send log") as Cell[][];
    expect(log.slice(1).map((r) => [r[2], r[3]])).toEqual([
      [OWNER_A, "sent"],
      [OWNER_B, "no-quota"],
    ]);
    expect(render("en", result.summary[3])).toBe('1 tier change notices could not be sent; see "Send log".');
  });

  it("prints the notices as summary lines where there is no mail (the command line)", () => {
    const env = { ...testEnv(changing()), mail: null };
    const result = recalculateTiers(env);
    expect(result.summary.map((line) => render("en", line))).toEqual([
      "Tiers recalculated (2026-11-27): 1 up, 0 down, 1 new, 2 unchanged.",
      'Appended 2 rows to "Tier history".',
      "Notice to li.na@example.com:",
      "  C1 <b>Acme & Co</b>: C → A (12-month purchase ¥1,500,000 ≥ ¥1,000,000 → A)",
      "1 clients changed tier but have no Owner to tell.",
    ]);
    expect(env.workbook.values("Send log")).toBeUndefined();
  });
});

describe("Scheduled tier run", () => {
  const sheets = () =>
    workbook(
      [{ id: "C1", owner: OWNER_A, tier: "A", tierSince: d("2026-01-01") }],
      [["C1", 100_000, "2026-05-10"]],
    );

  it("runs the quarterly review once in a review month even when fired twice", () => {
    const env = testEnv(sheets(), { today: calDate(2026, 10, 1) });
    const first = scheduledTiers(env);
    expect(first.outcome).toBe("review");
    expect(first.result?.data.clients[0]).toMatchObject({
      tier: "C",
      rule: "review",
      tierSince: "2026-10-01",
    });
    expect(env.props.get(LAST_SCHEDULED_REVIEW)).toBe("2026-10");
    const writes = { ...env.workbook.calls };
    const second = scheduledTiers(env);
    expect(second).toEqual({ outcome: "already-reviewed", month: "2026-10", language: "en", result: null });
    const { sheetNames, readSheet, ...rest } = env.workbook.calls;
    expect(rest).toEqual({
      writeBlock: writes.writeBlock,
      replaceSheet: writes.replaceSheet,
      appendRows: writes.appendRows,
    });
    expect([sheetNames - writes.sheetNames, readSheet - writes.readSheet]).toEqual([1, 1]);
    expect(env.workbook.values("Tier history")).toHaveLength(2);
    expect(env.outbox).toHaveLength(1);
  });

  it("runs an ordinary recalculation in other months, which holds downgrades back", () => {
    const env = testEnv(sheets(), { today: calDate(2026, 11, 1) });
    const run = scheduledTiers(env);
    expect(run.outcome).toBe("recalculation");
    expect(run.result?.data.clients[0]).toMatchObject({ tier: "A", rule: "kept" });
    expect(env.props.get(LAST_SCHEDULED_REVIEW)).toBeUndefined();
    expect(env.workbook.values("Tier history")).toBeUndefined();
  });

  it("reviews again in the next review month", () => {
    const env = testEnv(sheets(), { today: calDate(2027, 1, 1) });
    env.props.set(LAST_SCHEDULED_REVIEW, "2026-10");
    expect(scheduledTiers(env).outcome).toBe("review");
    expect(env.props.get(LAST_SCHEDULED_REVIEW)).toBe("2027-01");
  });
});

describe("Check data", () => {
  it("reports a tier A client without an owner and an override without a reason", () => {
    const env = testEnv(
      workbook(
        [
          { id: "C1", tier: "A" },
          { id: "C2", owner: OWNER_A, tierOverride: "C" },
          { id: "C3", tier: "A", status: "inactive" },
        ],
        [],
      ),
    );
    const result = checkData(env);
    expect(result.issues.map((i) => `${i.row}:${i.column}:${i.problem.key}`)).toEqual([
      "3:Override reason:tiers.issue.overrideWithoutReason",
      "2:Owner:tiers.issue.tierAWithoutOwner",
    ]);
  });
});

describe("every cell outside the four computed columns", () => {
  const cellArb: fc.Arbitrary<Cell> = fc.oneof(
    fc.constantFrom<Cell>(
      "",
      null,
      "A",
      "高",
      "x",
      "=1+1",
      "-5",
      "120万",
      "2026/13/40",
      "#N/A",
      OWNER_A,
      "inactive",
    ),
    fc.integer({ min: -10, max: 3_000_000 }),
    fc.integer({ min: 19_000, max: 21_000 }).map((date): Cell => ({ date })),
  );

  it("is unchanged by a recalculation or a review, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(cellArb, { minLength: CLIENT_HEADER.length, maxLength: CLIENT_HEADER.length + 1 }),
          {
            maxLength: 8,
          },
        ),
        fc.array(
          fc.tuple(
            fc.constantFrom("C0", "C1", "C2", "C9"),
            fc.constantFrom<Cell>("won", "lost", "赢单", ""),
            cellArb,
            cellArb,
          ),
          { maxLength: 10 },
        ),
        fc.boolean(),
        (rows, deals, review) => {
          const clients = rows.map((row, i) => {
            const copy = [...row];
            if (i % 3 !== 2) copy[COL["Client ID"]] = `C${i}`;
            return copy;
          });
          const env = testEnv({
            Clients: [CLIENT_HEADER, ...clients],
            Deals: [
              DEAL_HEADER,
              ...deals.map(([c, stage, amount, closed], i) => [`D${i}`, c, stage, amount, closed]),
            ],
          });
          const before = env.workbook.values("Clients") as Cell[][];
          recalculateTiers(env, { review });
          const after = env.workbook.values("Clients") as Cell[][];
          const computed = new Set(
            TIER_COLUMNS.map(
              (key) =>
                COL[
                  {
                    tier: "Tier",
                    tierReason: "Tier reason",
                    purchase12m: "12-month purchase",
                    tierSince: "Tier since",
                  }[key]
                ],
            ),
          );
          const strip = (grid: Cell[][]) =>
            grid.map((row) => row.map((cell, c) => (computed.has(c) ? "·" : cell)));
          const width = Math.max(before[0]?.length ?? 0, after[0]?.length ?? 0);
          const pad = (grid: Cell[][]) =>
            grid.map((row) => [...row, ...new Array(width - row.length).fill("")]);
          expect(strip(pad(after))).toEqual(strip(pad(before)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("on the sample workbook", () => {
  /** rules.md §1 read straight, with naive scans: an independent oracle for the action's tiers. */
  function oracle(data: WorkbookData, settings: Settings, D: CalDate, review: boolean) {
    const rank = { A: 3, B: 2, C: 1 } as const;
    const s = settings["tier.surgeDays"];
    const growthOf = (industry: string | null) =>
      industry === null
        ? null
        : (data.industries.rows.find((i) => normalizeName(i.industry) === normalizeName(industry))?.growth ??
          null);
    return data.clients.rows
      .filter((c) => c.status === "active")
      .map((c) => {
        const won = data.deals.rows.filter((x) => x.clientId === c.clientId && x.stage === "won");
        const sum = (from: CalDate, to: CalDate) =>
          won
            .filter((x) => (x.closedOn as number) > from && (x.closedOn as number) <= to)
            .reduce((a, x) => a + x.amount, 0);
        const p12 = c.purchaseOverride ?? sum(addMonths(D, -12), D);
        const R = sum(D - s, D);
        const Q = sum(D - 2 * s, D - s);
        const growth = growthOf(c.industry);
        const firstWon = won.length === 0 ? null : Math.min(...won.map((x) => x.closedOn as number));
        const start = c.cooperationSince ?? firstWon;
        const at = (k: number): { tier: "A" | "B" | "C"; rule: string } => {
          const high = settings["tier.highThreshold"] * k;
          const medium = settings["tier.mediumThreshold"] * k;
          const base = p12 >= high ? "A" : p12 >= medium ? "B" : "C";
          if (base === "A") return { tier: "A", rule: "base" };
          const next = base === "C" ? medium : high;
          const uplift =
            growth !== null &&
            growth >= settings["tier.risingGrowth"] &&
            start !== null &&
            start <= addYears(D, -settings["tier.longTermYears"]) &&
            p12 >= settings["tier.upliftShare"] * next;
          const surge = R > 0 && R >= settings["tier.surgeFactor"] * Q && (R * 365) / s >= next;
          const raised = base === "C" ? "B" : "A";
          return {
            tier: uplift || surge ? raised : base,
            rule: uplift ? "uplift" : surge ? "surge" : "base",
          };
        };
        const computed = at(1);
        const prev = c.tier;
        let tier = computed.tier;
        let rule = computed.rule;
        if (c.tierOverride !== null) [tier, rule] = [c.tierOverride, "override"];
        else if (prev !== null && rank[tier] < rank[prev]) {
          const reduced = at(1 - settings["tier.downgradeMargin"]);
          if (review && rank[reduced.tier] < rank[prev]) [tier, rule] = [reduced.tier, "review"];
          else [tier, rule] = [prev, "kept"];
        }
        const changed = tier !== prev;
        const since = changed ? D : c.tierSince;
        return {
          clientId: c.clientId,
          tier,
          previousTier: prev,
          purchase12m: p12 / 100,
          rule,
          tierSince: since === null ? null : formatIsoDate(since),
          changed,
        };
      });
  }

  for (const [language, asOfText, review] of [
    ["zh-CN", "2026-11-27", false],
    ["en", "2026-11-27", true],
    ["zh-CN", "2027-01-01", true],
    ["en", "2027-02-14", false],
  ] as const) {
    it(`follows rules.md to the letter (${language}, as of ${asOfText}, ${review ? "review" : "ordinary"})`, () => {
      const built = createWorkbook(language, { clients: 150, seed: 7, asOf: calDate(2026, 11, 27) });
      const env = { ...testEnv(), workbook: built.memory };
      const asOf = parseIsoDate(asOfText) as CalDate;
      const sheets = locateSheets(built.memory.sheetNames());
      const settings = readSettings(
        built.memory,
        sheets,
        { action: "tiers", defaultTimeZone: "Asia/Shanghai" },
        [],
      ).settings;
      const data = readData(
        built.memory,
        sheets,
        ["clients", "deals", "industries"],
        [],
        { action: "tiers", dateOrder: "YMD" },
        [],
      );
      const expected = oracle(data, settings, asOf, review);
      const result = recalculateTiers(env, { asOf, review });
      expect(result.data.clients.map(({ reason: _reason, ...rest }) => rest)).toEqual(expected);
      const rules = new Set(result.data.clients.map((c) => c.rule));
      expect(rules.has("base") && rules.has("override") && rules.has("uplift")).toBe(true);
      expect(result.data.clients.every((c) => c.reason.length > 0)).toBe(true);
    });
  }
});
