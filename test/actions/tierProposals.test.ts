import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import { setupWorkbook } from "../../src/actions/setup";
import { PROTECTION_DESCRIPTION, applyApprovedTierChanges } from "../../src/actions/tierProposals";
import { recalculateTiers } from "../../src/actions/tiers";
import { calDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import { teamManagers } from "../../src/workbook/team";
import { d, testEnv } from "../helpers/env";

const ASOF = calDate(2026, 11, 27);

/**
 * K1 (C) bought 220,000 over the year: C → B waits for approval. K2 (C) surged with 100,000 in the
 * last 90 days: C → B applies at once. K3 has no tier yet: its first tier applies at once. K4 (B)
 * keeps B.
 */
function workbook(review = "on"): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["tier.review", review],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier", "Tier reason", "12-month purchase", "Tier since", "Notes"],
      ["K1", "Kestrel", "li@example.com", "C", "old reason", "", d("2025-01-01"), "keep"],
      ["K2", "Kite", "li@example.com", "C", "", "", "", ""],
      ["K3", "Koala", "wang@example.com", "", "", "", "", ""],
      ["K4", "Krill", "wang@example.com", "B", "", "", "", ""],
    ],
    Deals: [
      ["Deal ID", "Client ID", "Stage", "Amount", "Closed on"],
      ["D1", "K1", "won", "120000", d("2026-03-10")],
      ["D2", "K1", "won", "100000", d("2026-05-15")],
      ["D3", "K2", "won", "100000", d("2026-11-01")],
      ["D4", "K3", "won", "50000", d("2026-06-01")],
    ],
  };
}

describe("Recalculate tiers with tier.review on", () => {
  it("writes the C → B upgrade to Tier proposals instead of applying it; surge and first tiers apply at once", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = recalculateTiers(env);
    const clients = env.workbook.values("Clients") ?? [];
    expect(clients.map((row) => [row[0], row[3], row[4], row[5]])).toEqual([
      ["Client ID", "Tier", "Tier reason", "12-month purchase"],
      ["K1", "C", "old reason", 220000],
      ["K2", "B", expect.stringContaining("→ B"), 100000],
      ["K3", "C", expect.stringContaining("→ C"), 50000],
      ["K4", "B", expect.any(String), 0],
    ]);
    expect(clients[1][6]).toEqual(d("2025-01-01")); // Tier since unchanged while waiting
    expect(clients[1][7]).toBe("keep");
    const proposals = env.workbook.values("Tier proposals") ?? [];
    expect(proposals).toEqual([
      ["Proposed on", "Client ID", "Name", "Owner", "From", "To", "Reason", "Status", "Applied on"],
      [
        d("2026-11-27"),
        "K1",
        "Kestrel",
        "li@example.com",
        "C",
        "B",
        "12-month purchase ¥220,000 ≥ ¥200,000 → B",
        "Pending",
        "",
      ],
    ]);
    expect(result.data.proposals).toEqual([
      { clientId: "K1", from: "C", to: "B", reason: "12-month purchase ¥220,000 ≥ ¥200,000 → B" },
    ]);
    expect(result.data.clients.find((c) => c.clientId === "K1")).toMatchObject({ tier: "C", changed: false });
    // The history has the two changes that applied, not the proposal.
    expect(
      (env.workbook.values("Tier history") ?? []).slice(1).map((row) => [row[1], row[2], row[3]]),
    ).toEqual([
      ["K2", "C", "B"],
      ["K3", "", "C"],
    ]);
    expect(result.summary.map((m) => m.key)).toContain("tiers.proposals.summary");
  });

  it("offers the status labels of the workbook's language as a drop-down on the Status column", () => {
    for (const language of ["en", "zh-CN"] as const) {
      const sheets = workbook();
      sheets.Settings[1] = ["language", language];
      const env = testEnv(sheets, { today: ASOF });
      recalculateTiers(env);
      const name = language === "en" ? "Tier proposals" : "分级提议";
      const formats = env.workbook.sheet(name)?.formats ?? [];
      expect(formats).toHaveLength(1);
      expect(formats[0].validations).toEqual([
        {
          column: 8,
          fromRow: 2,
          toRow: null,
          values:
            language === "en"
              ? ["Pending", "Approved", "Rejected", "Applied"]
              : ["待审", "批准", "驳回", "已应用"],
        },
      ]);
    }
  });

  it("protects the Status column for the managers of the Team sheet (an inactive one left out)", () => {
    const sheets = workbook();
    sheets.Team = [
      ["Owner", "Name", "Manager", "Active"],
      ["li@example.com", "Li", "Boss@Example.com", "yes"],
      ["wang@example.com", "Wang", "old.boss@example.com", "yes"],
      ["old.boss@example.com", "Old boss", "", "no"],
      ["boss@example.com", "Boss", "", "yes"],
    ];
    const env = testEnv(sheets, { today: ASOF });
    recalculateTiers(env);
    const formats = env.workbook.sheet("Tier proposals")?.formats ?? [];
    expect(formats[0].protections).toEqual([
      {
        column: 8,
        fromRow: 2,
        toRow: null,
        editors: ["boss@example.com"],
        description: PROTECTION_DESCRIPTION,
      },
    ]);
    expect(teamManagers({ rows: [] })).toEqual([]);
    // Without a Team sheet, only the owner (and whoever recalculates) may decide.
    const alone = testEnv(workbook(), { today: ASOF });
    recalculateTiers(alone);
    expect(alone.workbook.sheet("Tier proposals")?.formats[0].protections?.[0].editors).toEqual([]);
  });

  it("with tier.review off applies every change as before and writes no proposals", () => {
    const env = testEnv(workbook("off"), { today: ASOF });
    const result = recalculateTiers(env);
    expect((env.workbook.values("Clients") ?? [])[1][3]).toBe("B");
    expect(env.workbook.values("Tier proposals")).toBeUndefined();
    expect(result.data.proposals).toBeUndefined();
  });
});

describe("Apply approved tier changes", () => {
  function proposed() {
    const env = testEnv(workbook(), { today: ASOF });
    recalculateTiers(env);
    return env;
  }

  it("applies an approved row: tier, reason and Tier since written, history appended, owner told, row marked applied", () => {
    const env = proposed();
    const sheet = env.workbook.values("Tier proposals") ?? [];
    env.workbook.replaceSheet("Tier proposals", [sheet[0], [...sheet[1].slice(0, 7), "批准", ""]]);
    const later = calDate(2026, 11, 30);
    const result = applyApprovedTierChanges(env, { asOf: later });
    const k1 = (env.workbook.values("Clients") ?? [])[1];
    expect([k1[3], k1[4], k1[6], k1[7]]).toEqual([
      "B",
      "12-month purchase ¥220,000 ≥ ¥200,000 → B",
      d("2026-11-30"),
      "keep",
    ]);
    expect((env.workbook.values("Tier history") ?? []).at(-1)?.slice(0, 4)).toEqual([
      d("2026-11-30"),
      "K1",
      "C",
      "B",
    ]);
    expect((env.workbook.values("Tier proposals") ?? [])[1].slice(7)).toEqual(["Applied", d("2026-11-30")]);
    expect(result.data).toEqual({
      asOf: "2026-11-30",
      applied: [{ clientId: "K1", from: "C", to: "B" }],
      stale: [],
    });
    expect(result.summary.map((m) => m.key)).toEqual(["tiers.noticesSent", "tiers.apply.summary"]);
    const notice = env.outbox.at(-1);
    expect(notice?.to).toEqual(["li@example.com"]);
    expect(notice?.textBody).toContain("K1 Kestrel: C → B (12-month purchase ¥220,000 ≥ ¥200,000 → B)");
    // Applying again does nothing: the row is applied now.
    const again = applyApprovedTierChanges(env, { asOf: later });
    expect(again.data.applied).toEqual([]);
    expect(again.summary.map((m) => m.key)).toEqual(["tiers.apply.none"]);
  });

  it("never applies a pending or rejected row", () => {
    for (const status of ["", "Pending", "驳回"]) {
      const env = proposed();
      const sheet = env.workbook.values("Tier proposals") ?? [];
      env.workbook.replaceSheet("Tier proposals", [sheet[0], [...sheet[1].slice(0, 7), status, ""]]);
      const result = applyApprovedTierChanges(env, { asOf: ASOF });
      expect(result.data.applied).toEqual([]);
      expect((env.workbook.values("Clients") ?? [])[1][3]).toBe("C");
    }
  });

  it("does not apply an approved row whose client has changed tier since, and says where", () => {
    const env = proposed();
    const sheet = env.workbook.values("Tier proposals") ?? [];
    env.workbook.replaceSheet("Tier proposals", [sheet[0], [...sheet[1].slice(0, 7), "approved", ""]]);
    const clients = env.workbook.values("Clients") ?? [];
    clients[1][3] = "A";
    env.workbook.replaceSheet("Clients", clients);
    const result = applyApprovedTierChanges(env, { asOf: ASOF });
    expect(result.data.stale).toEqual([{ clientId: "K1", from: "C", current: "A" }]);
    expect(result.issues.map((i) => [i.sheet, i.row, i.column, i.value, i.problem.key])).toEqual([
      ["Tier proposals", 2, "Status", "approved", "tiers.apply.stale"],
    ]);
    expect((env.workbook.values("Clients") ?? [])[1][3]).toBe("A");
  });

  it("says there is nothing to apply in a workbook without the sheet", () => {
    const env = testEnv(workbook("off"), { today: ASOF });
    const result = applyApprovedTierChanges(env);
    expect(result.summary.map((m) => m.key)).toEqual(["tiers.apply.noSheet"]);
  });
});

describe("the Tier proposals sheet in Set up and Check data", () => {
  it("is created by Set up only when tier.review is on", () => {
    const on = testEnv(workbook(), { today: ASOF });
    setupWorkbook(on);
    expect(on.workbook.values("Tier proposals")?.[0]).toEqual([
      "Proposed on",
      "Client ID",
      "Name",
      "Owner",
      "From",
      "To",
      "Reason",
      "Status",
      "Applied on",
    ]);
    const off = testEnv(workbook("off"), { today: ASOF });
    setupWorkbook(off);
    expect(off.workbook.values("Tier proposals")).toBeUndefined();
  });

  it("reports rows whose tiers or status cannot be read, and keeps them when proposals are rewritten", () => {
    const env = proposed();
    const sheet = env.workbook.values("Tier proposals") ?? [];
    const broken: Cell[] = [d("2026-11-01"), "K4", "Krill", "", "B", "Z", "typed by hand", "maybe", ""];
    env.workbook.replaceSheet("Tier proposals", [...sheet, broken]);
    const result = checkData(env, { asOf: ASOF });
    expect(
      result.issues
        .filter((i) => i.sheet === "Tier proposals")
        .map((i) => [i.row, i.column, i.value, i.problem.key]),
    ).toEqual([
      [3, "To", "Z", "issue.unknownCode"],
      [3, "Status", "maybe", "issue.unknownCode"],
    ]);
    recalculateTiers(env);
    expect((env.workbook.values("Tier proposals") ?? []).at(-1)).toEqual(broken);
  });

  function proposed() {
    const env = testEnv(workbook(), { today: ASOF });
    recalculateTiers(env);
    return env;
  }
});
