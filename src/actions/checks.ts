/**
 * The checks beyond cell parsing that Check data runs, and that each action runs for its own
 * tables (tier A without an owner, an override without a reason, contract lifecycle, future
 * interactions). A check reports and drops nothing; Check data lists every feature's checks in check.ts.
 */
import type { CalDate } from "../core/dates";
import type { ActionName, DataIssue } from "../workbook/issues";
import type { WorkbookData } from "../workbook/read";
import type { Settings } from "../workbook/settings";

export interface CheckInput {
  readonly data: WorkbookData;
  readonly settings: Settings;
  readonly asOf: CalDate;
  readonly action: ActionName;
}

export type DataCheck = (input: CheckInput) => DataIssue[];
