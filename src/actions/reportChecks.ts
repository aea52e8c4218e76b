/**
 * The report's checks (they report and drop nothing): a target given twice for one owner and
 * period (the first row applies), and a deal whose won amount no owner can be credited with
 * because neither the deal nor its client has an Owner.
 */
import { targetKey } from "../core/targets";
import { msg } from "../i18n";
import type { DataIssue } from "../workbook/issues";
import { columnDef, headerName, type InputTableKey } from "../workbook/schema";
import type { CheckInput, DataCheck } from "./checks";

function columnTitle(input: CheckInput, table: "targets" | "deals", key: string): string {
  return (
    input.data[table].header.text.get(key) ??
    headerName(columnDef(table as InputTableKey, key), input.settings.language)
  );
}

/** Two rows of Targets for the same owner and period: the later ones are reported. */
export const duplicateTargets: DataCheck = (input) => {
  const targets = input.data.targets;
  if (targets.sheet === null) return [];
  const seen = new Set<string>();
  const issues: DataIssue[] = [];
  for (const row of targets.rows) {
    const key = targetKey(row);
    if (!seen.has(key)) {
      seen.add(key);
      continue;
    }
    issues.push({
      action: input.action,
      sheet: targets.sheet,
      row: row.row,
      column: columnTitle(input, "targets", "period"),
      value: key.slice(key.indexOf("|") + 1),
      problem: msg("report.issue.duplicateTarget"),
    });
  }
  return issues;
};

/** A deal with no Owner whose client has no Owner either. */
export const dealsWithoutOwner: DataCheck = (input) => {
  const deals = input.data.deals;
  if (deals.sheet === null) return [];
  const clientOwner = new Map(input.data.clients.rows.map((c) => [c.clientId, c.owner] as const));
  const issues: DataIssue[] = [];
  for (const deal of deals.rows) {
    if (deal.owner !== null || (clientOwner.get(deal.clientId) ?? null) !== null) continue;
    issues.push({
      action: input.action,
      sheet: deals.sheet,
      row: deal.row,
      column: columnTitle(input, "deals", "owner"),
      value: "",
      problem: msg("report.issue.noOwner"),
    });
  }
  return issues;
};

export const REPORT_CHECKS: readonly DataCheck[] = [duplicateTargets, dealsWithoutOwner];
