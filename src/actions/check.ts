/**
 * Check data: reads and validates every table of the contract, runs every registered check,
 * replaces its own rows of the Data issues sheet and reports the count of every action's issues
 * listed there. It writes nothing else.
 */
import { msg } from "../i18n";
import type { Env } from "../ports";
import type { DataIssue } from "../workbook/issues";
import { partnerReferenceIssues, readPartners } from "../workbook/partners";
import { readData } from "../workbook/read";
import { sheetName, TABLES } from "../workbook/schema";
import { floorAboveList, wonWithoutApproval } from "./approvalChecks";
import type { DataCheck } from "./checks";
import { checkFutureInteractions } from "./contacts";
import { presetYearIssues } from "./holidayPreset";
import { contractLifecycleCheck } from "./contracts";
import { readTemplates } from "./clientEmails/templates";
import { readProposals } from "./tierProposals";
import { dealsWithoutOwner, duplicateTargets } from "./reportChecks";
import { finishRun, noteMissingSheets, startRun, type ActionResult, type Run, type RunOptions } from "./run";
import { overrideWithoutReason, tierAWithoutOwner } from "./tierChecks";

/** Every feature's checks, in report order: each feature adds its import and its entry here. */
const DATA_CHECKS: readonly DataCheck[] = [
  overrideWithoutReason,
  tierAWithoutOwner,
  checkFutureInteractions,
  contractLifecycleCheck,
  duplicateTargets,
  dealsWithoutOwner,
  floorAboveList,
];

export interface CheckData {
  readonly issueCount: number;
  readonly rows: Readonly<Record<string, number>>;
}

export function checkData(env: Env, options: RunOptions = {}): ActionResult<CheckData> {
  const run = startRun(env, "check", options);
  const data = readData(
    env.workbook,
    run.sheets,
    ["clients", "deals", "contracts", "payments", "interactions", "targets", "industries"],
    ["clients", "deals"],
    { action: "check", dateOrder: run.settings.dateOrder },
    run.issues,
  );
  // Partners is optional: without the sheet, Partner cells are not checked (a notice only).
  const partners = readPartners(
    env.workbook,
    run.sheets,
    { action: "check", dateOrder: run.settings.dateOrder },
    run.issues,
  );
  noteMissingSheets(run, partners === null ? [...data.missingSheets, "partners"] : data.missingSheets);
  for (const issue of missingMappedSheets(run)) run.issues.push(issue);
  for (const check of DATA_CHECKS) {
    const found: DataIssue[] = check({ data, settings: run.settings, asOf: run.asOf, action: "check" });
    for (const issue of found) run.issues.push(issue);
  }
  // A year of the plan that the public-holiday preset does not cover (only when it is on).
  run.issues.push(...presetYearIssues(run));
  if (partners !== null)
    for (const issue of partnerReferenceIssues(partners, [data.clients, data.deals], "check"))
      run.issues.push(issue);
  // The Tier proposals sheet, when there is one: rows whose client, tiers or status cannot be read.
  readProposals(run, run.issues);
  // The Templates sheet, when there is one: unknown placeholders, duplicate templates.
  if (run.sheets.has("templates")) readTemplates(run);
  // Won deals whose terms needed approval and have none (reads Team and Approvals when present).
  for (const issue of wonWithoutApproval(run, data)) run.issues.push(issue);
  const rows = {
    clients: data.clients.rows.length,
    deals: data.deals.rows.length,
    contracts: data.contracts.rows.length,
    payments: data.payments.rows.length,
    interactions: data.interactions.rows.length,
    targets: data.targets.rows.length,
    industries: data.industries.rows.length,
    // Only with the sheet: a workbook without one gets the figures it got before.
    ...(partners === null ? {} : { partners: partners.rows.length }),
  };
  const result = finishRun(run, { issueCount: run.issues.length, rows });
  const count = run.issues.length;
  const total = run.issuesListed ?? count;
  const sheet = dataIssuesName(run.language, run.sheets);
  const others = result.summary.filter(
    (line) => line.key !== "summary.issues" && line.key !== "summary.issuesAll",
  );
  const head =
    total === 0
      ? msg("check.clean")
      : total === count
        ? msg("check.summary", { count, sheet })
        : msg("check.summaryAll", { count, total, sheet });
  return { ...result, summary: [head, ...others] };
}

/** Sheets the mapping of Settings names that the workbook does not have (the table falls back to its contract name). */
function missingMappedSheets(run: Run): DataIssue[] {
  const settingsSheet = run.sheets.get("settings");
  if (settingsSheet === undefined) return [];
  const out: DataIssue[] = [];
  for (const [table, own] of run.settings.mapping) {
    if (own.sheet === null || run.sheets.get(table) === own.sheet) continue;
    const name = run.language === "en" ? TABLES[table].en : TABLES[table].zh;
    out.push({
      action: "check",
      sheet: settingsSheet,
      row: null,
      column: null,
      value: own.sheet,
      problem: msg("issue.mappedSheetMissing", { table: name, key: `map.${table}` }),
    });
  }
  return out;
}

function dataIssuesName(language: "zh-CN" | "en", sheets: ReadonlyMap<string, string>): string {
  return sheets.get("dataIssues") ?? sheetName("dataIssues", language);
}
