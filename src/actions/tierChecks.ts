/**
 * The seed duties' checks on the Clients sheet that are not tiers themselves (rules.md §4: they
 * report and drop nothing): a tier A client has a dedicated account manager (an Owner), and a
 * Tier override says why. Check data runs them on the Tier cells as they are; the tier actions
 * run them on the tiers they have just decided.
 */
import { msg } from "../i18n";
import type { Tier } from "../workbook/codes";
import type { DataIssue } from "../workbook/issues";
import type { ClientRow } from "../workbook/rows";
import { columnDef, headerName } from "../workbook/schema";
import type { CheckInput, DataCheck } from "./checks";

function columnTitle(input: CheckInput, key: string): string {
  return (
    input.data.clients.header.text.get(key) ?? headerName(columnDef("clients", key), input.settings.language)
  );
}

/** An active tier A client with no Owner (高价值客户配备专属客户经理), by the Tier cells as read. */
export const tierAWithoutOwner: DataCheck = (input) => tierAWithoutOwnerBy(input, (client) => client.tier);

/**
 * The same check with the tiers of each client given by `tierOf` (the tier actions pass the
 * tiers they have just decided, without copying the rows).
 */
export function tierAWithoutOwnerBy(
  input: CheckInput,
  tierOf: (client: ClientRow) => Tier | null,
): DataIssue[] {
  const clients = input.data.clients;
  if (clients.sheet === null) return [];
  const issues: DataIssue[] = [];
  for (const client of clients.rows) {
    if (client.status !== "active" || client.owner !== null || tierOf(client) !== "A") continue;
    issues.push({
      action: input.action,
      sheet: clients.sheet,
      row: client.row,
      column: columnTitle(input, "owner"),
      value: "",
      problem: msg("tiers.issue.tierAWithoutOwner"),
    });
  }
  return issues;
}

/** An active client with a Tier override and no Override reason (the override still applies). */
export const overrideWithoutReason: DataCheck = (input) => {
  const clients = input.data.clients;
  if (clients.sheet === null) return [];
  const issues: DataIssue[] = [];
  for (const client of clients.rows) {
    if (client.status !== "active" || client.tierOverride === null || client.overrideReason !== null)
      continue;
    issues.push({
      action: input.action,
      sheet: clients.sheet,
      row: client.row,
      column: columnTitle(input, "overrideReason"),
      value: "",
      problem: msg("tiers.issue.overrideWithoutReason"),
    });
  }
  return issues;
};
