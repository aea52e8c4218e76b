/**
 * The checks beyond cell parsing that Check data runs, and that each action runs for its own
 * tables (tier A without an owner, an override without a reason, contract lifecycle, future
 * interactions). Each feature adds its check here; a check reports and drops nothing.
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

/** Every registered check, in report order. Features append to it at module load. */
export const DATA_CHECKS: DataCheck[] = [];

export function registerCheck(check: DataCheck): void {
  DATA_CHECKS.push(check);
}
