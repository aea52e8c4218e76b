/**
 * Data issues that stay: each action replaces only its own rows of the Data issues sheet (read
 * once, written once), stamps them with the run's time in the workbook's zone, and Check data
 * counts every action's issues listed there.
 */
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import { buildContactPlanSheet } from "../../src/actions/contacts";
import { render } from "../../src/i18n";
import type { Cell } from "../../src/ports";
import { d, testEnv } from "../helpers/env";

const HEADER = ["Action", "Sheet", "Row", "Column", "Value", "Problem", "Found at"];

/** Check finds a bad target (the contact plan does not read Targets); the plan finds a future contact. */
function workbook(future = true, extra: Record<string, Cell[][]> = {}): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", "Asia/Shanghai"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Status", "Tier"],
      ["C1", "Acme", "li@example.com", "active", "A"],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel", "Responded"],
      [d("2026-11-18"), "C1", "visit", "yes"],
      ...(future ? [[d("2026-12-01"), "C1", "visit", "yes"]] : []),
    ],
    Deals: [["Deal ID", "Client ID", "Stage", "Amount", "Closed on"]],
    Targets: [
      ["Owner", "Period", "Target"],
      ["ALL", "next year", 100],
    ],
    ...extra,
  };
}

const actionOf = (rows: readonly (readonly Cell[])[] | undefined) => (rows ?? []).slice(1).map((r) => r[0]);

describe("Data issues kept per action", () => {
  it("a clean run of one action leaves the issues another action found", () => {
    const env = testEnv(workbook(false));
    checkData(env);
    const checked = env.workbook.values("Data issues") ?? [];
    expect(checked[0]).toEqual(HEADER);
    expect(actionOf(checked)).toEqual(["Check data"]);
    expect(checked[1].slice(1, 4)).toEqual(["Targets", 2, "Period"]);

    const plan = buildContactPlanSheet(env);
    expect(plan.issues).toEqual([]);
    expect(env.workbook.values("Data issues")).toEqual(checked);
  });

  it("an action replaces only its own rows, and stamps them with the run's time in the workbook's zone", () => {
    const env = testEnv(workbook(true));
    buildContactPlanSheet(env);
    checkData(env);
    buildContactPlanSheet(env);
    const rows = env.workbook.values("Data issues") ?? [];
    // Check's rows (the bad target and the future contact) first, then the plan's latest row.
    expect(actionOf(rows)).toEqual(["Check data", "Check data", "Contact plan"]);
    // The test clock is 2026-11-27 01:00 UTC: 09:00 in Asia/Shanghai.
    for (const row of rows.slice(1)) expect(row[6]).toBe("2026-11-27 09:00");
  });

  it("Check data counts every action's issues listed in the sheet", () => {
    const env = testEnv(workbook(false, {}));
    env.workbook.replaceSheet("Data issues", [
      HEADER,
      ["Monthly report", "Deals", 7, "Amount", "abc", "expected an amount", "2026-11-01 08:00"],
      ["Client tiers", "Clients", 3, "Owner", "x", "expected an e-mail address", "2026-11-20 08:00"],
    ]);
    const result = checkData(env);
    expect(result.issues).toHaveLength(1);
    expect(render("en", result.summary[0])).toBe(
      'Check done: 1 data issues; "Data issues" lists 3 with those other actions found last.',
    );
    expect(actionOf(env.workbook.values("Data issues"))).toEqual([
      "Monthly report",
      "Client tiers",
      "Check data",
    ]);
  });

  it("says so when Check finds nothing but other actions' issues remain", () => {
    const env = testEnv({ ...workbook(false), Targets: [["Owner", "Period", "Target"]] });
    env.workbook.replaceSheet("Data issues", [
      HEADER,
      ["Client tiers", "Clients", 3, "Owner", "x", "expected an e-mail address", "2026-11-20 08:00"],
    ]);
    const result = checkData(env);
    expect(result.issues).toEqual([]);
    expect(render("en", result.summary[0])).toBe(
      'Check done: 0 data issues; "Data issues" lists 1 with those other actions found last.',
    );
  });

  it("carries rows of the earlier layout (no Found at, Chinese action names) into the current columns", () => {
    const env = testEnv(workbook(false));
    env.workbook.replaceSheet("Data issues", [
      ["操作", "工作表", "行", "列", "值", "问题"],
      ["客户分级", "客户", 3, "负责人", "x", "应为邮箱"],
      ["检查数据", "客户", 4, "负责人", "y", "应为邮箱"],
    ]);
    checkData(env);
    const rows = env.workbook.values("Data issues") ?? [];
    expect(rows[0]).toEqual(HEADER);
    expect(rows[1]).toEqual(["客户分级", "客户", 3, "负责人", "x", "应为邮箱", ""]);
    expect(actionOf(rows)).toEqual(["客户分级", "Check data"]);
  });

  it("reads the sheet once and writes it once", () => {
    const env = testEnv(workbook(true));
    checkData(env);
    const before = { ...env.workbook.calls };
    buildContactPlanSheet(env);
    const reads = (env.workbook.calls.readSheet ?? 0) - (before.readSheet ?? 0);
    const replaces = (env.workbook.calls.replaceSheet ?? 0) - (before.replaceSheet ?? 0);
    // Settings, Clients, Interactions, Deals (its stale deals), Data issues; the plan and Data issues.
    expect({ reads, replaces }).toEqual({ reads: 5, replaces: 2 });
  });
});
