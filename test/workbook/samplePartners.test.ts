/**
 * The sample's channel partners and contract paperwork: believable partners of each type, one
 * agreement ending within weeks and one partner idle for two quarters, Partners on deals and
 * clients (some deals inheriting their client's), every contract's approvals and archive link
 * but for one signed contract waiting for finance and one without its link; the report and the
 * contracts review show them, and Check data finds nothing wrong with them.
 */
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import { reviewContractsAction } from "../../src/actions/contracts";
import { generateReport } from "../../src/actions/report";
import { asOf, october, sampleEnv } from "../actions/report/workbooks";

describe("the sample's partners", () => {
  const report = generateReport(sampleEnv({ language: "en" }), { month: october, asOf });
  const partners = report.data.partners;

  it("has six partners of the three types, one agreement ending soon and one partner idle", () => {
    expect(partners?.partners).toHaveLength(6);
    expect(new Set(partners?.partners.map((p) => p.type))).toEqual(
      new Set(["reseller", "referral", "integrator"]),
    );
    expect(partners?.partners.filter((p) => p.endingSoon).map((p) => p.partnerId)).toEqual(["P02"]);
    expect(partners?.partners.filter((p) => p.forReview).map((p) => p.partnerId)).toEqual(["P05"]);
    // Partners bring a believable share of the 12 months' wins, and earn commission this month.
    const share = 1 - (partners?.direct.won ?? 0) / (partners?.all.won ?? 1);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.5);
    expect(partners?.commissionDue).toBeGreaterThan(0);
  });

  it("puts Partners on deals and on clients whose deals inherit them, with no data issue", () => {
    const env = sampleEnv({ language: "en" });
    const result = checkData(env, { asOf });
    expect(result.issues.filter((i) => i.sheet === "Partners" || i.column === "Partner")).toEqual([]);
    const deals = env.workbook.values("Deals") ?? [];
    const clients = env.workbook.values("Clients") ?? [];
    const dealAt = deals[0].indexOf("Partner");
    const clientAt = clients[0].indexOf("Partner");
    expect(deals.filter((r) => r[dealAt] !== "").length).toBeGreaterThan(20);
    expect(clients.filter((r, i) => i > 0 && r[clientAt] !== "").length).toBeGreaterThan(3);
  });

  it("has one signed contract missing finance's approval and one missing its archive link", () => {
    const result = reviewContractsAction(sampleEnv({ language: "en" }), { asOf });
    expect(result.data.paperwork?.map((g) => g.missing)).toEqual([["archiveLink"], ["finance"]]);
  });
});
