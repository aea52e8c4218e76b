/**
 * Channel partners end to end on small workbooks: the Partners sheet read and checked (hostile
 * inputs included: an empty sheet, a missing header, malformed cells, duplicate IDs), Partner
 * references checked, and the partner effectiveness topic in the report's sheet, HTML and JSON
 * with hand-computed figures. A workbook without the sheet works as before.
 */
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import { generateReport } from "../../src/actions/report";
import { calDate } from "../../src/core/dates";
import { render } from "../../src/i18n";
import type { Cell } from "../../src/ports";
import type { DataIssue } from "../../src/workbook/issues";
import { d, testEnv } from "../helpers/env";

const october = { year: 2026, month: 10 };
const asOf = calDate(2026, 11, 27);

const PARTNERS_HEADER = [
  "Partner ID",
  "Name",
  "Type",
  "Region",
  "Agreement start",
  "Agreement end",
  "Commission rate",
];

/** An English workbook: three partners, deals through them (one inherited from its client). */
function workbook(partners: Cell[][] | null = null): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Partner"],
      ["C1", "Acme", "li@example.com", ""],
      ["C2", "Beta", "li@example.com", "P2"],
    ],
    Deals: [
      ["Deal ID", "Client ID", "Stage", "Amount", "Created", "Closed on", "Partner"],
      ["D1", "C1", "won", 100000, d("2026-09-01"), d("2026-10-11"), "P1"],
      ["D2", "C1", "lost", 20000, d("2026-08-01"), d("2026-09-01"), "P1"],
      ["D3", "C2", "won", 30000, d("2026-09-11"), d("2026-10-01"), ""],
      ["D4", "C1", "won", 7000, d("2026-10-02"), d("2026-10-03"), ""],
      ["D5", "C1", "lead", 5000, d("2026-10-20"), "", "P9"],
    ],
    ...(partners === null ? {} : { Partners: partners }),
  };
}

const PARTNERS: Cell[][] = [
  PARTNERS_HEADER,
  ["P1", "Eastlink", "reseller", "East", d("2024-01-01"), d("2027-06-30"), "8%"],
  ["P2", "Dingxin", "集成商", "North", d("2024-01-01"), d("2026-12-15"), 0.05],
  ["P3", "Hengtong", "Referral", "Central", d("2024-01-01"), "", "0.03"],
];

/** The issues of the Partners sheet and of the Partner columns (the other checks aside). */
const partnerIssues = (issues: readonly DataIssue[]): DataIssue[] =>
  issues.filter((i) => i.sheet === "Partners" || i.column === "Partner");

describe("the Partners sheet", () => {
  it("Check data reads it and reports a Partner that names no partner, on its cell", () => {
    const result = checkData(testEnv(workbook(PARTNERS)), { asOf });
    expect(result.data.rows.partners).toBe(3);
    const found = partnerIssues(result.issues);
    expect(found.map((i) => [i.sheet, i.row, i.column, i.value])).toEqual([["Deals", 6, "Partner", "P9"]]);
    expect(render("en", found[0].problem)).toBe(
      "no partner with this Partner ID in Partners; the row counts as direct (no partner)",
    );
  });

  it("without the sheet, no issue: a notice only, and Partner cells are not checked", () => {
    const result = checkData(testEnv(workbook()), { asOf });
    expect(partnerIssues(result.issues)).toEqual([]);
    expect(result.summary.map((m) => render("en", m)).join("\n")).toContain("Partners");
  });

  it("hostile inputs: an empty sheet, or one without its ID header, is one issue on row 1 and is not used", () => {
    for (const sheet of [
      [],
      [
        ["Name", "Type"],
        ["Eastlink", "reseller"],
      ],
    ] as Cell[][][]) {
      const result = checkData(testEnv(workbook(sheet)), { asOf });
      const found = partnerIssues(result.issues);
      // Not used: the Partner cells are not checked against it, and nothing stops.
      expect(found.map((i) => [i.sheet, i.row, i.column])).toEqual([["Partners", 1, null]]);
      expect(render("en", found[0].problem)).toContain(
        sheet.length === 0 ? "伙伴编号 / Partner ID, 伙伴名称 / Name" : "伙伴编号 / Partner ID",
      );
      expect(result.data.rows.partners).toBeUndefined();
      const report = generateReport(testEnv(workbook(sheet)), { month: october, asOf });
      expect(report.topics.map((t) => t.id)).not.toContain("partners");
    }
  });

  it("hostile inputs: malformed cells, duplicate IDs and an end before the start are located issues", () => {
    const sheet: Cell[][] = [
      PARTNERS_HEADER,
      ["P1", "Eastlink", "distributor", "East", "2024-13-01", d("2027-06-30"), "8"],
      ["P2", "Dingxin", "integrator", "North", d("2025-01-01"), d("2024-12-31"), "150%"],
      ["P3", "", "referral", "", "", "", ""],
      ["P4", "A", "referral", "", "", "", "#REF!"],
      ["P4", "B", "referral", "", "", "", ""],
    ];
    const result = checkData(testEnv(workbook(sheet)), { asOf });
    const sheetIssues = result.issues
      .filter((i) => i.sheet === "Partners")
      .map((i) => [i.row, i.column, i.value, render("en", i.problem)]);
    expect(sheetIssues).toEqual([
      [2, "Type", "distributor", "unknown value; use one of reseller / referral / integrator"],
      [2, "Agreement start", "2024-13-01", expect.stringContaining("date")],
      [2, "Commission rate", "8", "expected a fraction from 0% to 100%"],
      [3, "Commission rate", "150%", "expected a fraction from 0% to 100%"],
      [4, "Name", "", expect.stringContaining("required")],
      [5, "Commission rate", "#REF!", "formula error #REF!"],
      [5, "Partner ID", "P4", "duplicate ID; neither row was used"],
      [6, "Partner ID", "P4", "duplicate ID; neither row was used"],
    ]);
    // P1 and P2 cannot be read: the Partners typed in Clients and Deals refer to unreadable rows.
    const refs = result.issues.filter((i) => i.sheet !== "Partners" && i.column === "Partner");
    expect(refs.map((i) => [i.sheet, i.row, i.value])).toEqual([
      ["Clients", 3, "P2"],
      ["Deals", 2, "P1"],
      ["Deals", 3, "P1"],
      ["Deals", 6, "P9"],
    ]);
    expect(render("en", refs[0].problem)).toContain("cannot be read");
  });

  it("an agreement that ends before it starts is reported on its end and the partner kept", () => {
    const sheet: Cell[][] = [
      PARTNERS_HEADER,
      ["P1", "Eastlink", "reseller", "", d("2025-01-01"), d("2024-12-31"), ""],
    ];
    const result = checkData(testEnv(workbook(sheet)), { asOf });
    const issue = result.issues.find((i) => i.sheet === "Partners");
    expect([issue?.row, issue?.column, issue?.value]).toEqual([2, "Agreement end", "2024-12-31"]);
    expect(result.data.rows.partners).toBe(1);
  });
});

describe("the partner effectiveness topic", () => {
  it("gives each partner's figures by hand, direct deals and totals, in the sheet, the HTML and the JSON", () => {
    const env = testEnv(workbook(PARTNERS));
    const result = generateReport(env, { month: october, asOf });
    const topic = result.topics.find((t) => t.id === "partners");
    // The sheet: the topic's title, then its table, the partner's row with its numbers.
    const sheet = env.workbook.values(result.sheet) ?? [];
    const title = sheet.findIndex((r) => r[0] === "Partner effectiveness");
    expect(title).toBeGreaterThan(0);
    const eastlink = sheet.findIndex((r) => r[0] === "Eastlink (Reseller)");
    expect(eastlink).toBeGreaterThan(title);
    expect(sheet[eastlink].slice(0, 7)).toEqual([
      "Eastlink (Reseller)",
      100000,
      0.5,
      8000,
      2,
      40,
      { date: calDate(2027, 6, 30) },
    ]);
    expect(topic?.table?.columns.map((c) => c.label)).toEqual([
      "Partner",
      "Won",
      "Win rate",
      "Commission",
      "New deals",
      "Days to close",
      "Ends",
    ]);
    // P1: D1 won ¥100,000 after 40 days, D2 lost; 8% of ¥100,000 = ¥8,000 (in cents).
    // P2 (D3 inherits it from C2): won ¥30,000 after 20 days; 5% = ¥1,500; its agreement ends
    // 2026-12-15, within 90 days of 2026-10-31: flagged. P3: no deal for two quarters: flagged.
    expect(topic?.table?.rows.map((r) => [...r.cells, r.flagged ?? false])).toEqual([
      ["Eastlink (Reseller)", 10_000_000, 0.5, 800_000, 2, 40, calDate(2027, 6, 30), false],
      ["Dingxin (Integrator)", 3_000_000, 1, 150_000, 1, 20, calDate(2026, 12, 15), true],
      ["Hengtong (Referral)", 0, null, 0, 0, null, null, true],
      // D4, and D5 whose partner P9 is unknown.
      ["Direct (no partner)", 700_000, 1, null, 2, 1, null, false],
    ]);
    expect(topic?.table?.total).toEqual(["Total", 13_700_000, 0.75, 950_000, 5, 20, null]);
    expect(topic?.figures.map((f) => [f.label, f.value])).toEqual([
      ["Won through partners (12 months)", 13_000_000],
      ["Share of won through partners", 13_000_000 / 13_700_000],
      ["Commission due this month", 950_000],
      ["Agreements ending in 90 days", 1],
    ]);
    expect(topic?.notes).toEqual([
      "12 months to 2026-10-31: new deals by Created; days to close: median, Created to won.",
      "Commission = commission rate × won this month. A deal without a Partner takes its client's.",
      "Flagged: agreement ends by 2027-01-29, or no new deal in two quarters.",
      "Agreement ends within 90 days: Dingxin (2026-12-15)",
      "For review — no new deal in the last two quarters (since 2026-04-30): Hengtong",
    ]);
    expect(result.html).toContain('data-topic="partners"');
    expect(result.html).toContain("Eastlink (Reseller)");
    const json = result.data;
    expect(json.partners?.commissionDue).toBe(9500);
    expect(
      json.partners?.partners.map((p) => [p.partnerId, p.won, p.commissionDue, p.endingSoon, p.forReview]),
    ).toEqual([
      ["P1", 100000, 8000, false, false],
      ["P2", 30000, 1500, true, false],
      ["P3", 0, 0, false, true],
    ]);
    expect(json.topics.find((t) => t.id === "partners")?.table?.rows[0]).toEqual([
      "Eastlink (Reseller)",
      100000,
      0.5,
      8000,
      2,
      40,
      "2027-06-30",
    ]);
  });

  it("is left out, with the JSON as before, when the workbook has no Partners sheet or no partner in it", () => {
    for (const partners of [null, [PARTNERS_HEADER]]) {
      const result = generateReport(testEnv(workbook(partners)), { month: october, asOf });
      expect(result.topics.map((t) => t.id)).not.toContain("partners");
      expect(result.html).not.toContain('data-topic="partners"');
      expect(Object.keys(result.data)).not.toContain("partners");
    }
  });
});
