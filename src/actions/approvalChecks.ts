/**
 * The checks of deal terms that Check data runs: a won deal whose terms needed approval and have
 * none in the Approvals sheet (located on the Deals cell of the first limit it is beyond), and a
 * Floor price above the List price. They report and drop nothing.
 */
import { approvedKeys, termsKey, type Breach } from "../core/dealTerms";
import { msg } from "../i18n";
import { displayCell } from "../workbook/cells";
import type { DataIssue } from "../workbook/issues";
import type { WorkbookData } from "../workbook/read";
import { sheetName } from "../workbook/schema";
import { dealNeeds } from "./approvals";
import { readApprovals, type SheetApproval } from "./approvalSheet";
import type { DataCheck } from "./checks";
import type { Run } from "./run";
import { readTeam } from "../workbook/team";

const COLUMN_OF: Readonly<Record<Breach["kind"], string>> = {
  floor: "floorPrice",
  discount: "discount",
  paymentDays: "paymentDays",
};

/** Won deals beyond the limits without an approval of their current terms. */
export function wonWithoutApproval(run: Run, data: WorkbookData): DataIssue[] {
  const deals = data.deals;
  if (deals.sheet === null) return [];
  const ctx = { action: run.action, dateOrder: run.settings.dateOrder };
  const team = readTeam(run.env.workbook, run.sheets, ctx, run.issues);
  const read = readApprovals(run, run.issues);
  const approved = approvedKeys((read?.rows ?? []).filter((r): r is SheetApproval => r !== null));
  const approvals = read?.sheet ?? sheetName("approvals", run.language);
  const out: DataIssue[] = [];
  for (const need of dealNeeds(data, run.settings, (o) => team.managerOf(o))) {
    if (need.deal.stage !== "won" || approved.has(termsKey(need.dealId, need.terms))) continue;
    const first = need.breaches[0];
    // A discount derived from the list price is located on the List price cell.
    const key =
      first.kind === "discount" && need.terms.discount === null ? "listPrice" : COLUMN_OF[first.kind];
    const at = deals.header.index.get(key);
    out.push({
      action: run.action,
      sheet: deals.sheet,
      row: need.deal.row,
      column: deals.header.text.get(key) ?? null,
      value: at === undefined ? "" : displayCell(deals.values[need.deal.row - 1]?.[at]),
      problem: msg("issue.wonWithoutApproval", { sheet: approvals, beyond: need.beyond }),
    });
  }
  return out;
}

/** A Floor price above the List price: one of the two is mistyped. */
export const floorAboveList: DataCheck = ({ data, action }) => {
  const deals = data.deals;
  if (deals.sheet === null) return [];
  const at = deals.header.index.get("floorPrice");
  const out: DataIssue[] = [];
  for (const deal of deals.rows) {
    if (deal.floorPrice === null || deal.listPrice === null || deal.floorPrice <= deal.listPrice) continue;
    out.push({
      action,
      sheet: deals.sheet,
      row: deal.row,
      column: deals.header.text.get("floorPrice") ?? null,
      value: at === undefined ? "" : displayCell(deals.values[deal.row - 1]?.[at]),
      problem: msg("issue.floorAboveList"),
    });
  }
  return out;
};
