import { describe, expect, it } from "vitest";
import { reviewDealTerms } from "../../src/actions/approvals";
import { checkData } from "../../src/actions/check";
import { generateReport } from "../../src/actions/report";
import { calDate } from "../../src/core/dates";
import { render } from "../../src/i18n";
import type { Cell } from "../../src/ports";
import { d, testEnv } from "../helpers/env";

const ASOF = calDate(2026, 11, 27);

/**
 * K1 is tier A (limits 15 %, 90 days), K2 tier B (10 %, 60 days), K3 tier C (5 %, 30 days).
 * D1: list ¥1,000,000 at ¥850,000 is a 15 % discount (at the limit), but 120 days is 30 beyond 90.
 * D2: ¥270,000 is ¥10,000 below its ¥280,000 floor, and 18 % is 8 points beyond 10 % (¥24,000 of
 * its ¥300,000 list). D3 (won): 45 days is 15 beyond 30; its owner has no manager, so the
 * Settings approver decides. D4 is lost, D5 has no terms, D6's discount cannot be read.
 */
function workbook(): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["approval.approver", "vp@example.com"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["K1", "Kestrel", "li@example.com", "A"],
      ["K2", "Kite", "wang@example.com", "B"],
      ["K3", "Koala", "zhao@example.com", "C"],
    ],
    Team: [
      ["Owner", "Name", "Manager"],
      ["li@example.com", "Li", "boss@example.com"],
      ["wang@example.com", "Wang", "boss@example.com"],
      ["zhao@example.com", "Zhao", ""],
    ],
    Deals: [
      [
        "Deal ID",
        "Client ID",
        "Title",
        "Stage",
        "Amount",
        "Closed on",
        "List price",
        "Floor price",
        "Discount",
        "Payment days",
        "My notes",
      ],
      ["D1", "K1", "Line 3", "negotiation", 850_000, "", 1_000_000, 800_000, "", 120, "keep"],
      ["D2", "K2", "Pumps", "proposal", 270_000, "", 300_000, 280_000, "18%", "", ""],
      ["D3", "K3", "Valves", "won", 95_000, d("2026-11-20"), 100_000, "", 0.05, 45, ""],
      ["D4", "K1", "Old", "lost", 10_000, d("2026-10-01"), 100_000, 90_000, "90%", 365, ""],
      ["D5", "K2", "Plain", "qualified", 50_000, "", "", "", "", "", ""],
      ["D6", "K2", "Odd", "proposal", 60_000, "", "", "", "abc", 30, ""],
    ],
  };
}

const HEADER = [
  "Deal ID",
  "Client",
  "Owner",
  "Stage",
  "Amount",
  "List price",
  "Floor price",
  "Discount",
  "Payment days",
  "Beyond limits",
  "Approver",
  "Status",
  "Decided at",
  "Decided by",
  "Note",
];

const D1_BEYOND = "Payment term 120 days above the tier A limit 90 days (by 30 days)";
const D2_BEYOND =
  "Price ¥270,000 below the floor ¥280,000 (by ¥10,000); Discount 18% above the tier B limit 10% (by 8 points, ¥24,000 of list price)";
const D3_BEYOND = "Payment term 45 days above the tier C limit 30 days (by 15 days)";

describe("Review deal terms", () => {
  it("lists each deal beyond a limit with the limit and by how much, its approver, and mails each approver once", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = reviewDealTerms(env);
    expect(env.workbook.values("Approvals")).toEqual([
      HEADER,
      [
        "D1",
        "Kestrel",
        "li@example.com",
        "Negotiation",
        850000,
        1000000,
        800000,
        "",
        120,
        D1_BEYOND,
        "boss@example.com",
        "Pending",
        "",
        "",
        "",
      ],
      [
        "D2",
        "Kite",
        "wang@example.com",
        "Proposal",
        270000,
        300000,
        280000,
        0.18,
        "",
        D2_BEYOND,
        "boss@example.com",
        "Pending",
        "",
        "",
        "",
      ],
      [
        "D3",
        "Koala",
        "zhao@example.com",
        "Won",
        95000,
        100000,
        "",
        0.05,
        45,
        D3_BEYOND,
        "vp@example.com",
        "Pending",
        "",
        "",
        "",
      ],
    ]);
    expect(result.data.approvals.map((a) => a.breaches)).toEqual([
      [{ kind: "paymentDays", tier: "A", limit: 90, actual: 120, by: 30 }],
      [
        { kind: "floor", limit: 280000, actual: 270000, by: 10000 },
        {
          kind: "discount",
          tier: "B",
          limit: 0.1,
          actual: 0.18,
          by: expect.closeTo(0.08, 9),
          byAmount: 24000,
        },
      ],
      [{ kind: "paymentDays", tier: "C", limit: 30, actual: 45, by: 15 }],
    ]);
    expect(result.data.waiting).toEqual([
      { approver: "boss@example.com", deals: ["D1", "D2"] },
      { approver: "vp@example.com", deals: ["D3"] },
    ]);
    expect(env.outbox.map((m) => [m.to, m.subject])).toEqual([
      [["boss@example.com"], "2 deal terms wait for your approval"],
      [["vp@example.com"], "1 deal terms wait for your approval"],
    ]);
    // D6's discount is a located issue; the deal itself is still read (its row stays).
    expect(result.issues.map((i) => [i.sheet, i.row, i.column, i.value])).toEqual([
      ["Deals", 7, "Discount", "abc"],
    ]);
    // Deals is never written.
    expect(env.workbook.values("Deals")?.[1][10]).toBe("keep");

    // The same waiting set is not mailed again.
    reviewDealTerms(env);
    expect(env.outbox).toHaveLength(2);
    const log = (env.workbook.values("Send log") ?? [])
      .slice(1)
      .map((row) => [String(row[1]).split(":")[0], row[2], row[3]]);
    expect(log).toEqual([
      ["approvals", "boss@example.com", "sent"],
      ["approvals", "vp@example.com", "sent"],
    ]);
  });

  it("keeps decisions and notes on re-run; changed terms need a new decision; a pending row with a note is withdrawn, not lost", () => {
    const env = testEnv(workbook(), { today: ASOF });
    reviewDealTerms(env);
    const sheet = (env.workbook.values("Approvals") ?? []).map((row) => [...row]);
    sheet[1][11] = "批准"; // D1 approved
    sheet[1][12] = "2026-11-27 10:00";
    sheet[1][13] = "boss@example.com";
    sheet[1][14] = "ok for this year only";
    sheet[2][14] = "asked for a better floor"; // D2 pending, with a note
    sheet[3][11] = "Rejected"; // D3 rejected
    env.workbook.replaceSheet("Approvals", sheet);
    // D2's price changes: its old request no longer matches.
    const deals = (env.workbook.values("Deals") ?? []).map((row) => [...row]);
    deals[2][4] = 265_000;
    env.workbook.replaceSheet("Deals", deals);

    const result = reviewDealTerms(env);
    const rows = (env.workbook.values("Approvals") ?? []).slice(1);
    expect(rows.map((r) => [r[0], r[4], r[11], r[12], r[13], r[14]])).toEqual([
      ["D1", 850000, "Approved", "2026-11-27 10:00", "boss@example.com", "ok for this year only"],
      ["D2", 270000, "Withdrawn", "", "", "asked for a better floor"],
      ["D3", 95000, "Rejected", "", "", ""],
      ["D2", 265000, "Pending", "", "", ""],
    ]);
    expect(result.data.counts).toEqual({ pending: 1, approved: 1, rejected: 1 });
    expect(result.data.waiting).toEqual([{ approver: "boss@example.com", deals: ["D2"] }]);
    // boss's waiting set changed (D1 decided, D2's terms new): a new list goes out.
    expect(env.outbox.at(-1)?.to).toEqual(["boss@example.com"]);
    expect(result.summary.map((m) => render("en", m))).toContain(
      "1 pending rows whose terms changed or no longer need approval are marked Withdrawn (notes kept)",
    );
  });

  it("escapes what deals and clients say in the approver's e-mail", () => {
    const book = workbook();
    book.Clients[2][1] = "<b>Kite</b> & Co";
    const env = testEnv(book, { today: ASOF });
    reviewDealTerms(env);
    const html = env.outbox[0].htmlBody;
    expect(html).toContain("&lt;b&gt;Kite&lt;/b&gt; &amp; Co");
    expect(html).not.toContain("<b>Kite");
  });
});

describe("Check data and deal terms", () => {
  it("reports a won deal beyond the limits without an approval of its terms, located on Deals", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = checkData(env);
    const won = result.issues.filter((i) => i.problem.key === "issue.wonWithoutApproval");
    expect(won.map((i) => [i.sheet, i.row, i.column, i.value])).toEqual([["Deals", 4, "Payment days", "45"]]);
    // Approved for these terms: no issue.
    reviewDealTerms(env);
    const sheet = (env.workbook.values("Approvals") ?? []).map((row) => [...row]);
    sheet[3][11] = "Approved";
    env.workbook.replaceSheet("Approvals", sheet);
    expect(checkData(env).issues.filter((i) => i.problem.key === "issue.wonWithoutApproval")).toEqual([]);
  });
});

describe("The report's discounts granted this month", () => {
  it("shows the month's discounted wins and their cost against list price in the sheet, the e-mail and the JSON", () => {
    const book = workbook();
    // A second November win for Li: 20 % off and no list price (list implied 80,000 ÷ 0.8).
    book.Deals.push(["D7", "K1", "Gears", "won", 80_000, d("2026-11-05"), "", "", "20%", "", ""]);
    const env = testEnv(book, { today: calDate(2026, 12, 1) });
    const result = generateReport(env, { month: { year: 2026, month: 11 }, asOf: calDate(2026, 12, 1) });
    const topic = result.data.topics.find((x) => x.id === "discounts");
    expect(topic?.title).toBe("Discounts granted this month");
    expect(topic?.table?.rows).toEqual([
      ["Li", 1, 100000, 20000, 0.2],
      ["Zhao", 1, 100000, 5000, 0.05],
    ]);
    expect(topic?.table?.total).toEqual(["Total", 2, 200000, 25000, 0.125]);
    expect(topic?.figures.map((f) => f.value)).toEqual([25000, 2, 0.125]);
    expect(topic?.notes).toEqual([
      "1 won deals have a Discount but no List price: their list price is taken as Amount ÷ (1 − Discount).",
    ]);
    expect(result.html).toContain("Discounts granted this month");
    expect(result.html).toContain("¥25,000");
    const sheet = (env.workbook.values(result.sheet) ?? []).map((row) => row.join("|"));
    expect(sheet.some((line) => line.includes("Discounts granted this month"))).toBe(true);
    expect(sheet.some((line) => line.startsWith("Zhao|1|100000|5000|0.05"))).toBe(true);
  });
});
