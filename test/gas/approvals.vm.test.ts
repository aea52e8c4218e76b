/**
 * Negotiation limits and approvals in Sheets: *Review deal terms* writes the Approvals sheet with
 * a status drop-down and a status column only the approvers may edit, mails each approver once;
 * the installable edit trigger stamps who decided and when. Driven through dist/Code.js (run
 * `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type SeedCell } from "./harness";

function workbook(): Record<string, SeedCell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["approval.approver", "vp@example.com"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["K1", "Kestrel", "li@example.com", "A"],
      ["K2", "Kite", "zhao@example.com", "B"],
    ],
    Team: [
      ["Owner", "Name", "Manager"],
      ["li@example.com", "Li", "boss@example.com"],
    ],
    Deals: [
      [
        "Deal ID",
        "Client ID",
        "Stage",
        "Amount",
        "Closed on",
        "List price",
        "Floor price",
        "Discount",
        "Payment days",
      ],
      ["D1", "K1", "negotiation", 850_000, "", 1_000_000, 800_000, "", 120],
      ["D2", "K2", "won", 270_000, { date: "2026-11-20" }, 300_000, 280_000, "18%", ""],
    ],
  };
}

describe("Review deal terms in Sheets", () => {
  it("writes Approvals with a drop-down and a protected status column, mails the approvers once, and the edit trigger stamps the decision", () => {
    const gas = loadBundle({
      seed: { timeZone: "Asia/Shanghai", sheets: workbook(), now: "2026-11-27T01:00:00Z" },
    });
    gas.open("FULL");
    expect(JSON.stringify(gas.fake.menus)).toContain(
      '{"caption":"Review deal terms","functionName":"menuApprovals"}',
    );
    gas.call("menuInstallTriggers");
    expect(gas.fake.triggers.map((t) => [t.handler, t.eventType])).toEqual([
      ["triggerDispatch", "CLOCK"],
      ["triggerApprovalEdit", "ON_EDIT"],
    ]);

    gas.fake.resetCalls();
    gas.call("menuApprovals");
    const rows = gas.fake.sheetValues("Approvals");
    expect(rows.map((r) => [r[0], r[10], r[11]])).toEqual([
      ["Deal ID", "Approver", "Status"],
      ["D1", "boss@example.com", "Pending"],
      ["D2", "vp@example.com", "Pending"],
    ]);
    expect(rows[2][9]).toBe(
      "Price ¥270,000 below the floor ¥280,000 (by ¥10,000); Discount 18% above the tier B limit 10% (by 8 points, ¥24,000 of list price)",
    );
    const state = gas.fake.sheetState("Approvals");
    expect(state.protections).toEqual([
      {
        a1: expect.stringMatching(/^L2:L\d+$/),
        type: "RANGE",
        description: "Account Desk: approval status",
        editors: ["boss@example.com", "manager@example.com", "vp@example.com"],
        domainEdit: false,
      },
    ]);
    expect(gas.fake.canEdit("Approvals", "L2", "boss@example.com")).toBe(true);
    expect(gas.fake.canEdit("Approvals", "L2", "li@example.com")).toBe(false);
    expect(gas.fake.canEdit("Approvals", "O2", "li@example.com")).toBe(true); // the Note is anyone's
    expect(gas.fake.cell("Approvals", "L3").validation).toEqual({
      type: "VALUE_IN_LIST",
      values: ["Pending", "Approved", "Rejected"],
      allowInvalid: true,
    });
    expect(gas.fake.cell("Approvals", "H3").numberFormat).toContain("%");
    expect(gas.fake.outbox.map((m) => [m.to, m.subject])).toEqual([
      ["boss@example.com", "1 deal terms wait for your approval"],
      ["vp@example.com", "1 deal terms wait for your approval"],
    ]);
    expect(gas.fake.outbox[0].htmlBody).toContain("Payment term 120 days above the tier A limit 90 days");

    // The approver decides in the Status cell; the trigger stamps who and when.
    gas.fake.setNow("2026-11-27T02:30:00Z");
    gas.fireEdit("Approvals", "L2", "Approved", "boss@example.com");
    expect(gas.fake.sheetValues("Approvals")[1].slice(11, 14)).toEqual([
      "Approved",
      "2026-11-27 10:30",
      "boss@example.com",
    ]);
    // Where Apps Script cannot tell who edited, the stamp says so.
    gas.fireEdit("Approvals", "L3", "驳回", "");
    expect(gas.fake.sheetValues("Approvals")[2].slice(11, 14)).toEqual([
      "驳回",
      "2026-11-27 10:30",
      "unknown",
    ]);
    // An edit elsewhere is not the trigger's business.
    gas.fireEdit("Deals", "J2", "keep", "li@example.com");
    expect(gas.fake.sheetValues("Deals")[1][9]).toBe("keep");
    expect(gas.fake.lockHeld()).toBe(false);

    // Re-run: the decisions stay, nothing waits, nobody is mailed again.
    const mails = gas.fake.outbox.length;
    gas.call("menuApprovals");
    expect(
      gas.fake
        .sheetValues("Approvals")
        .slice(1)
        .map((r) => [r[0], r[11], r[13]]),
    ).toEqual([
      ["D1", "Approved", "boss@example.com"],
      ["D2", "Rejected", "unknown"],
    ]);
    expect(gas.fake.outbox.length).toBe(mails);
    expect(gas.fake.sheetState("Approvals").protections).toHaveLength(1);

    // Check data: the won deal D2 has no approval of its terms.
    gas.call("menuCheck");
    const issues = gas.fake
      .sheetValues("Data issues")
      .filter((r) => String(r[5]).startsWith("Won with terms"));
    expect(issues.map((r) => [r[1], r[2], r[3]])).toEqual([["Deals", 3, "Floor price"]]);
  });
});
