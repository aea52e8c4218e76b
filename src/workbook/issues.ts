/**
 * Data issues: a data problem is a value, never an exception. Each names the action, the
 * sheet, the spreadsheet row (the header is row 1), the column header as found, the value
 * found and what was expected. Only a missing required sheet or column stops an action, as
 * a StopError.
 */
import { msg, render, type Language, type MessageParams, type MessageRef, type MessageKey } from "../i18n";

export type ActionName =
  | "setup"
  | "check"
  | "tiers"
  | "review"
  | "applyTiers"
  | "contacts"
  | "digest"
  | "report"
  | "contracts"
  | "emails"
  | "approvals"
  | "sidebar";

export interface DataIssue {
  readonly action: ActionName;
  readonly sheet: string;
  /** Spreadsheet row (header = 1); null for a sheet-level issue. */
  readonly row: number | null;
  /** The column's header as found in the sheet; null for a row- or sheet-level issue. */
  readonly column: string | null;
  /** The value found, as displayed (cut to 80 characters). */
  readonly value: string;
  readonly problem: MessageRef;
}

/** An error that stops an action: a missing required sheet or column, or a workbook that cannot be read. */
export class StopError extends Error {
  readonly problem: MessageRef;
  constructor(key: MessageKey, params?: MessageParams) {
    super(key);
    this.name = "StopError";
    this.problem = msg(key, params);
  }
}

export function isStopError(error: unknown): error is StopError {
  return (
    error instanceof StopError ||
    (typeof error === "object" && error !== null && (error as Error).name === "StopError")
  );
}

/** The issue as one line of text: `Clients!F7 (Owner): "x" — expected an e-mail address`. */
export function formatIssue(issue: DataIssue, language: Language): string {
  const place =
    issue.row === null
      ? issue.sheet
      : issue.column === null
        ? render(language, msg("issue.placeRow", { sheet: issue.sheet, row: issue.row }))
        : render(
            language,
            msg("issue.placeCell", { sheet: issue.sheet, row: issue.row, column: issue.column }),
          );
  const value = issue.value === "" ? "" : ` "${issue.value}"`;
  return `${place}${value}: ${render(language, issue.problem)}`;
}
