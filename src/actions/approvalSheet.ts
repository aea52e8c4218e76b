/**
 * The Approvals sheet (审批) as the tool reads and writes it: one row per request for approval of
 * a deal's terms (the deal, its terms, what is beyond which limit, the approver, the status and
 * who decided when, and a note that is the user's). Rows whose deal or terms cannot be read are
 * data issues and are kept as they are, after the readable rows.
 */
import type { ApprovalRecord, ApprovalStatus, DealTerms } from "../core/dealTerms";
import { fromCents, type Cents } from "../core/money";
import type { Language } from "../i18n";
import type { Cell, SheetFormat } from "../ports";
import {
  displayCell,
  isBlank,
  parseAmount,
  parseCode,
  parseFraction,
  parseInteger,
  parseText,
  type Parsed,
} from "../workbook/cells";
import { APPROVAL_STATUSES } from "../workbook/codes";
import type { DataIssue } from "../workbook/issues";
import { mapHeaders, type HeaderMap } from "../workbook/read";
import { COLORS } from "../workbook/write";
import type { Run } from "./run";

/** A readable row of the sheet, with everything it shows. */
export interface SheetApproval extends ApprovalRecord {
  /** Spreadsheet row (header = 1). */
  readonly row: number;
  readonly client: string;
  readonly owner: string;
  /** The stage as shown. */
  readonly stage: string;
  readonly beyond: string;
  readonly approver: string;
  readonly decidedAt: string;
  readonly decidedBy: string;
}

export interface ApprovalsRead {
  readonly sheet: string;
  readonly header: HeaderMap;
  readonly values: readonly (readonly Cell[])[];
  /** One entry per data row (values[1…]); null when the row is blank or cannot be read. */
  readonly rows: (SheetApproval | null)[];
}

/** The columns of the tool's layout, 1-based, for formats and the edit trigger. */
export const APPROVAL_COLUMNS = {
  amount: 5,
  listPrice: 6,
  floorPrice: 7,
  discount: 8,
  paymentDays: 9,
  beyond: 10,
  approver: 11,
  status: 12,
  decidedAt: 13,
  decidedBy: 14,
  note: 15,
} as const;

/** Reads the Approvals sheet; null when the workbook has none. Unreadable cells become issues. */
export function readApprovals(
  run: Pick<Run, "env" | "sheets" | "action" | "settings">,
  issues: DataIssue[],
): ApprovalsRead | null {
  const sheet = run.sheets.get("approvals");
  if (sheet === undefined) return null;
  const values = run.env.workbook.readSheet(sheet) ?? [];
  const ctx = { action: run.action, dateOrder: run.settings.dateOrder };
  const header = mapHeaders("approvals", values[0] ?? [], sheet, ctx, issues);
  const rows: (SheetApproval | null)[] = [];
  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    rows.push(line.every((cell) => isBlank(cell)) ? null : readRow(line, r + 1, sheet, header, run, issues));
  }
  return { sheet, header, values, rows };
}

function readRow(
  line: readonly Cell[],
  row: number,
  sheet: string,
  header: HeaderMap,
  run: Pick<Run, "action">,
  issues: DataIssue[],
): SheetApproval | null {
  let ok = true;
  const raw = (key: string): Cell => {
    const at = header.index.get(key);
    return at === undefined ? null : (line[at] ?? null);
  };
  const cell = <T>(key: string, parse: (c: Cell) => Parsed<T>, blank: T | undefined): T | null => {
    const value = raw(key);
    if (isBlank(value) && blank !== undefined) return blank;
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    ok = false;
    issues.push({
      action: run.action,
      sheet,
      row,
      column: header.text.get(key) ?? null,
      value: displayCell(value),
      problem: parsed.problem,
    });
    return null;
  };
  const text = (key: string) => (isBlank(raw(key)) ? "" : displayCell(raw(key)));
  const dealId = cell("dealId", (c) => parseText(c, 100), undefined);
  const amount = cell("amount", parseAmount, undefined);
  const listPrice = cell<Cents | null>("listPrice", parseAmount, null);
  const floorPrice = cell<Cents | null>("floorPrice", parseAmount, null);
  const discount = cell<number | null>(
    "discount",
    (c) => parseFraction(c, { min: 0, max: 1, bareNumbersArePercent: true }),
    null,
  );
  const paymentDays = cell<number | null>("paymentDays", (c) => parseInteger(c, 0, 3660), null);
  const status = cell<ApprovalStatus>("status", (c) => parseCode(c, APPROVAL_STATUSES), "pending");
  if (!ok || dealId === null || amount === null || status === null) return null;
  return {
    row,
    dealId,
    terms: { amount, listPrice, floorPrice, discount, paymentDays },
    status,
    note: text("note"),
    client: text("client"),
    owner: text("owner"),
    stage: text("stage"),
    beyond: text("beyond"),
    approver: text("approver").toLowerCase(),
    decidedAt: text("decidedAt"),
    decidedBy: text("decidedBy"),
  };
}

/** What one row of the sheet shows, in the tool's column order. */
export interface ApprovalLine {
  readonly dealId: string;
  readonly client: string;
  readonly owner: string;
  readonly stage: string;
  readonly terms: DealTerms;
  readonly beyond: string;
  readonly approver: string;
  readonly status: ApprovalStatus;
  readonly decidedAt: string;
  readonly decidedBy: string;
  readonly note: string;
}

const money = (cents: Cents | null): Cell => (cents === null ? "" : fromCents(cents));

export function approvalCells(line: ApprovalLine, language: Language): Cell[] {
  const { terms } = line;
  return [
    line.dealId,
    line.client,
    line.owner,
    line.stage,
    fromCents(terms.amount),
    money(terms.listPrice),
    money(terms.floorPrice),
    terms.discount ?? "",
    terms.paymentDays ?? "",
    line.beyond,
    line.approver,
    APPROVAL_STATUSES.label(line.status, language),
    line.decidedAt,
    line.decidedBy,
    line.note,
  ];
}

const STATUS_COLORS: Readonly<Record<ApprovalStatus, string | null>> = {
  pending: COLORS.due,
  approved: COLORS.ok,
  rejected: COLORS.overdue,
  withdrawn: null,
};

/**
 * The sheet's formats: money, percent and day columns, the status drop-down (the three labels
 * people choose), status colours, and the status column protected so that only the approvers
 * (and the spreadsheet's owner) can decide.
 */
export function approvalFormat(
  statuses: readonly (ApprovalStatus | null)[],
  approvers: readonly string[],
  language: Language,
  currency: string,
  description: string,
): SheetFormat {
  const last = statuses.length + 1;
  const C = APPROVAL_COLUMNS;
  const amount = (column: number) => ({ column, fromRow: 2, toRow: last, kind: "amount" as const, currency });
  return {
    numberFormats:
      statuses.length === 0
        ? []
        : [
            amount(C.amount),
            amount(C.listPrice),
            amount(C.floorPrice),
            { column: C.discount, fromRow: 2, toRow: last, kind: "percent" },
            { column: C.paymentDays, fromRow: 2, toRow: last, kind: "integer" },
          ],
    validations: [
      {
        column: C.status,
        fromRow: 2,
        toRow: null,
        values: (["pending", "approved", "rejected"] as const).map((s) =>
          APPROVAL_STATUSES.label(s, language),
        ),
      },
    ],
    backgrounds:
      statuses.length === 0
        ? undefined
        : { row: 2, column: C.status, colors: statuses.map((s) => [s === null ? null : STATUS_COLORS[s]]) },
    protections: [{ column: C.status, fromRow: 2, toRow: null, editors: approvers, description }],
    columnWidths: [90, 160, 180, 80, 100, 100, 100, 70, 80, 380, 180, 80, 130, 180, 220],
    wraps: statuses.length === 0 ? [] : [{ row: 2, column: C.beyond, rows: statuses.length, columns: 1 }],
  };
}
