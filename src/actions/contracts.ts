/**
 * Review contracts and payments (合同与回款): reads Clients, Contracts, Payments (and Deals, for
 * won deals without a contract) once each, reports the lifecycle checks as data issues (they
 * drop nothing), and replaces the `Renewals & receivables` sheet with three titled blocks —
 * renewals due within `renewal.noticeDays`, overdue instalments with their ageing bucket, and
 * per-owner totals — in one write with a constant number of formatting calls.
 */
import {
  AGEING_BUCKETS,
  RENEWAL_NEAR_DAYS,
  lifecycleFindings,
  reviewContracts,
  type CollectionTotals,
  type ContractsReview,
  type LifecycleFinding,
} from "../core/contracts";
import { formatIsoDate, type CalDate } from "../core/dates";
import { formatMoney, fromCents, type Cents } from "../core/money";
import { msg, t, type Language, type MessageRef } from "../i18n";
import type { Cell, ColumnNumberFormat, Env, SheetFormat } from "../ports";
import { displayCell } from "../workbook/cells";
import { CONTRACT_STATUSES } from "../workbook/codes";
import type { DataIssue } from "../workbook/issues";
import { readData, type ReadPlan, type TableRead, type WorkbookData } from "../workbook/read";
import { columnDef, headerName } from "../workbook/schema";
import { COLORS, outputSheetName } from "../workbook/write";
import type { CheckInput, DataCheck } from "./checks";
import { appendPaperwork, contractPaperwork, paperworkJson } from "./contractPaperwork";
import { finishRun, noteMissingSheets, startRun, type ActionResult, type Run, type RunOptions } from "./run";

// ---------------------------------------------------------------------------------------
// Lifecycle checks as data issues

/** Contract lifecycle checks (rules.md §4: reported, nothing dropped). Listed in check.ts. */
export const contractLifecycleCheck: DataCheck = (input: CheckInput): DataIssue[] => {
  const { data, settings, asOf, action } = input;
  const findings = lifecycleFindings({
    contracts: data.contracts.rows,
    payments: data.payments.rows,
    deals: data.deals.rows,
    asOf,
  });
  const language = settings.language;
  const money = (cents: Cents) => formatMoney(cents, settings.currency);
  const tables: Readonly<Record<LifecycleFinding["table"], TableRead<"contracts" | "payments" | "deals">>> = {
    contracts: data.contracts,
    payments: data.payments,
    deals: data.deals,
  };
  const issues: DataIssue[] = [];
  for (const finding of findings) {
    const table = tables[finding.table];
    if (table.sheet === null) continue;
    const at = table.header.index.get(finding.column);
    issues.push({
      action,
      sheet: table.sheet,
      row: finding.row,
      column:
        table.header.text.get(finding.column) ??
        headerName(columnDef(finding.table, finding.column), language),
      value: at === undefined ? "" : displayCell(table.values[finding.row - 1]?.[at]),
      problem: findingProblem(finding, language, money),
    });
  }
  return issues;
};

function findingProblem(
  finding: LifecycleFinding,
  language: Language,
  money: (cents: Cents) => string,
): MessageRef {
  switch (finding.kind) {
    case "signedWithoutDate":
      return msg("contracts.issue.signedWithoutDate", {
        status: CONTRACT_STATUSES.label(finding.status, language),
      });
    case "endBeforeStart":
      return msg("contracts.issue.endBeforeStart", {
        end: formatIsoDate(finding.end),
        start: formatIsoDate(finding.start),
      });
    case "activePastEnd":
      return msg("contracts.issue.activePastEnd", {
        end: formatIsoDate(finding.end),
        days: finding.daysPast,
      });
    case "renewedWithoutSuccessor":
      return msg("contracts.issue.renewedWithoutSuccessor", { clientId: finding.clientId });
    case "paidMoreThanDue":
      return msg("contracts.issue.paidMoreThanDue", {
        paid: money(finding.amountPaid),
        due: money(finding.amountDue),
      });
    case "planMismatch":
      return msg("contracts.issue.planMismatch", {
        count: finding.instalments,
        planned: money(finding.planned),
        value: money(finding.value),
        difference: money(Math.abs(finding.value - finding.planned)),
      });
    case "wonWithoutContract":
      return msg("contracts.issue.wonWithoutContract", {
        closedOn: formatIsoDate(finding.closedOn),
        days: finding.days,
      });
  }
}

// ---------------------------------------------------------------------------------------
// The action

/** The tables the action reads; Deals only feeds the won-without-contract check. */
export const CONTRACT_FIELDS = {
  clients: ["clientId", "name", "status", "owner", "tier"],
  deals: ["dealId", "clientId", "stage", "closedOn"],
  contracts: ["contractId", "clientId", "dealId", "owner", "value", "status", "signedOn", "start", "end"],
  payments: ["contractId", "due", "amountDue", "paidOn", "amountPaid"],
} as const satisfies ReadPlan;
export const CONTRACT_REQUIRED = ["clients", "contracts", "payments"] as const;

/** The review also reads the contracts' paperwork (approvals and archive link). */
const REVIEW_FIELDS = {
  ...CONTRACT_FIELDS,
  contracts: [...CONTRACT_FIELDS.contracts, "approvals", "archiveLink"],
} as const satisfies ReadPlan;

/** Reads the tables the contracts review needs, one read each; stops when a required sheet is missing. */
export function readContractData(run: Run): WorkbookData {
  return readData(
    run.env.workbook,
    run.sheets,
    REVIEW_FIELDS,
    CONTRACT_REQUIRED,
    { action: run.action, dateOrder: run.settings.dateOrder },
    run.issues,
  );
}

/** The core review of the contracts in read data. */
export function contractsReview(data: WorkbookData, asOf: CalDate, noticeDays: number): ContractsReview {
  return reviewContracts({
    contracts: data.contracts.rows,
    payments: data.payments.rows,
    clients: data.clients.rows,
    asOf,
    noticeDays,
  });
}

/**
 * Review contracts and payments: the menu item and `account-desk contracts`. Its data is the
 * command line's `--json` (amounts in currency units, dates YYYY-MM-DD).
 */
export function reviewContractsAction(env: Env, options: RunOptions = {}): ActionResult<ContractsJson> {
  const run = startRun(env, "contracts", options);
  const data = readContractData(run);
  noteMissingSheets(run, data.missingSheets);
  // A loop, not push(...): the findings may outnumber the arguments a call can take.
  for (const issue of contractLifecycleCheck({
    data,
    settings: run.settings,
    asOf: run.asOf,
    action: "contracts",
  })) {
    run.issues.push(issue);
  }
  const review = contractsReview(data, run.asOf, run.settings["renewal.noticeDays"]);
  const sheet = outputSheetName(run.sheets, "renewals", run.language);
  const paperwork = contractPaperwork(data);
  const renewals = renewalsSheet(review, run.language, run.settings.currency);
  const layout = paperwork === null ? renewals : appendPaperwork(renewals, paperwork, run.language);
  env.workbook.replaceSheet(sheet, layout.values, layout.format);
  const money = (cents: Cents) => formatMoney(cents, run.settings.currency);
  run.summary.push(
    msg("contracts.summary", {
      renewals: review.totals.renewals,
      renewalValue: money(review.totals.renewalValue),
      overdue: review.totals.overdue,
      outstanding: money(review.totals.outstanding),
      sheet,
    }),
  );
  for (const o of review.owners) {
    run.summary.push(
      msg("contracts.summaryOwner", {
        owner: o.owner ?? t(run.language, "contracts.sheet.noOwner"),
        renewals: o.renewals,
        renewalValue: money(o.renewalValue),
        overdue: o.overdue,
        outstanding: money(o.outstanding),
      }),
    );
  }
  if (paperwork !== null && paperwork.length > 0)
    run.summary.push(msg("contracts.summaryPaperwork", { count: paperwork.length, sheet }));
  const json = contractsJson(review, run.settings.currency);
  return finishRun(run, paperwork === null ? json : { ...json, paperwork: paperworkJson(paperwork) });
}

// ---------------------------------------------------------------------------------------
// The output sheet

export interface SheetLayout {
  readonly values: Cell[][];
  readonly format: SheetFormat;
}

const WIDTH = 10;

/**
 * The `Renewals & receivables` sheet: a title row, then three blocks, each a title row, a
 * header row and its rows (a "none" row when empty), separated by a blank row. Near renewals
 * and overdue instalments are coloured; titles and headers are bold; amounts and dates get
 * number formats per block column — a constant number of formatting calls whatever the rows.
 */
export function renewalsSheet(review: ContractsReview, language: Language, currency: string): SheetLayout {
  const tr = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(language, key, params);
  const header = (table: "contracts" | "payments", key: string) =>
    headerName(columnDef(table, key), language);
  const money = (cents: Cents) => formatMoney(cents, currency);
  const owner = (value: string | null) => value ?? tr("contracts.sheet.noOwner");
  const date = (value: CalDate): Cell => ({ date: value });

  const values: Cell[][] = [];
  const colors: (string | null)[][] = [];
  const boldRows: number[] = [];
  const numberFormats: ColumnNumberFormat[] = [];
  const push = (line: Cell[], color: string | null = null, bold = false): number => {
    values.push(line);
    colors.push(new Array<string | null>(WIDTH).fill(color));
    if (bold) boldRows.push(values.length);
    return values.length;
  };
  const formats = (
    from: number,
    to: number,
    columns: Readonly<Record<number, ColumnNumberFormat["kind"]>>,
  ) => {
    if (to < from) return;
    for (const [column, kind] of Object.entries(columns)) {
      numberFormats.push({
        column: Number(column),
        fromRow: from,
        toRow: to,
        kind,
        ...(kind === "amount" ? { currency } : {}),
      });
    }
  };
  const none = () => push([tr("contracts.sheet.none")]);

  push([tr("contracts.sheet.title", { date: formatIsoDate(review.asOf) })], null, true);
  push([]);

  // Renewals due.
  push(
    [
      tr("contracts.sheet.renewalsTitle", {
        days: review.noticeDays,
        count: review.totals.renewals,
        value: money(review.totals.renewalValue),
      }),
    ],
    null,
    true,
  );
  push(
    [
      header("contracts", "contractId"),
      header("contracts", "clientId"),
      tr("contracts.sheet.clientName"),
      tr("contracts.sheet.tier"),
      header("contracts", "owner"),
      header("contracts", "end"),
      header("contracts", "value"),
      tr("contracts.sheet.daysLeft"),
      tr("contracts.sheet.mark"),
    ],
    COLORS.header,
    true,
  );
  const renewalsFrom = values.length + 1;
  for (const r of review.renewalsDue) {
    push(
      [
        r.contractId,
        r.clientId,
        r.clientName ?? "",
        r.tier ?? "",
        owner(r.owner),
        date(r.end),
        r.value === null ? "" : fromCents(r.value),
        r.daysLeft,
        r.near ? tr("contracts.sheet.near", { days: RENEWAL_NEAR_DAYS }) : "",
      ],
      r.near ? COLORS.due : null,
    );
  }
  formats(renewalsFrom, values.length, { 6: "date", 7: "amount", 8: "integer" });
  if (review.renewalsDue.length === 0) none();
  push([]);

  // Overdue instalments.
  push(
    [
      tr("contracts.sheet.overdueTitle", {
        count: review.totals.overdue,
        outstanding: money(review.totals.outstanding),
      }),
    ],
    null,
    true,
  );
  push(
    [
      header("payments", "contractId"),
      header("contracts", "clientId"),
      tr("contracts.sheet.clientName"),
      header("contracts", "owner"),
      header("payments", "due"),
      header("payments", "amountDue"),
      header("payments", "amountPaid"),
      tr("contracts.sheet.outstanding"),
      tr("contracts.sheet.daysOverdue"),
      tr("contracts.sheet.bucket"),
    ],
    COLORS.header,
    true,
  );
  const overdueFrom = values.length + 1;
  for (const o of review.overdue) {
    push(
      [
        o.contractId,
        o.clientId,
        o.clientName ?? "",
        owner(o.owner),
        date(o.due),
        fromCents(o.amountDue),
        fromCents(o.amountPaid),
        fromCents(o.outstanding),
        o.daysOverdue,
        o.bucket,
      ],
      COLORS.overdue,
    );
  }
  formats(overdueFrom, values.length, {
    5: "date",
    6: "amount",
    7: "amount",
    8: "amount",
    9: "integer",
    10: "text",
  });
  if (review.overdue.length === 0) none();
  push([]);

  // Per-owner totals.
  push([tr("contracts.sheet.ownersTitle")], null, true);
  push(
    [
      header("contracts", "owner"),
      tr("contracts.sheet.renewals"),
      tr("contracts.sheet.renewalValue"),
      tr("contracts.sheet.overdueCount"),
      tr("contracts.sheet.outstanding"),
      ...AGEING_BUCKETS,
    ],
    COLORS.header,
    true,
  );
  const ownersFrom = values.length + 1;
  const totalsLine = (label: string, totals: CollectionTotals): Cell[] => [
    label,
    totals.renewals,
    fromCents(totals.renewalValue),
    totals.overdue,
    fromCents(totals.outstanding),
    ...AGEING_BUCKETS.map((bucket) => fromCents(totals.outstandingByBucket[bucket])),
  ];
  for (const o of review.owners)
    push(totalsLine(owner(o.owner), o), o.outstanding > 0 ? COLORS.overdue : null);
  push(totalsLine(tr("contracts.sheet.total"), review.totals), null, true);
  formats(ownersFrom, values.length, {
    2: "integer",
    3: "amount",
    4: "integer",
    5: "amount",
    6: "amount",
    7: "amount",
    8: "amount",
    9: "amount",
  });

  return {
    values,
    format: {
      backgrounds: { row: 1, column: 1, colors },
      boldRows,
      numberFormats,
      columnWidths: [120, 110, 220, 90, 200, 110, 120, 120, 110, 110],
    },
  };
}

// ---------------------------------------------------------------------------------------
// JSON for the command line

export interface ContractsJson {
  readonly asOf: string;
  readonly currency: string;
  readonly noticeDays: number;
  readonly renewalsDue: {
    readonly contractId: string;
    readonly clientId: string;
    readonly owner: string | null;
    readonly end: string;
    readonly value: number | null;
    readonly daysLeft: number;
  }[];
  readonly overdue: {
    readonly contractId: string;
    readonly clientId: string;
    readonly owner: string | null;
    readonly due: string;
    readonly outstanding: number;
    readonly daysOverdue: number;
    readonly bucket: string;
  }[];
  readonly owners: ({ readonly owner: string | null } & TotalsJson)[];
  readonly totals: TotalsJson;
  /** Signed and active contracts missing approvals or their archive link (with either column only). */
  readonly paperwork?: ReturnType<typeof paperworkJson>;
}

interface TotalsJson {
  readonly renewals: number;
  readonly renewalValue: number;
  readonly overdue: number;
  readonly outstanding: number;
  readonly outstandingByBucket: Readonly<Record<string, number>>;
}

function totalsJson(totals: CollectionTotals): TotalsJson {
  return {
    renewals: totals.renewals,
    renewalValue: fromCents(totals.renewalValue),
    overdue: totals.overdue,
    outstanding: fromCents(totals.outstanding),
    outstandingByBucket: Object.fromEntries(
      AGEING_BUCKETS.map((b) => [b, fromCents(totals.outstandingByBucket[b])]),
    ),
  };
}

/** The `--json` figures of `account-desk contracts` (amounts in currency units, dates YYYY-MM-DD). */
export function contractsJson(review: ContractsReview, currency: string): ContractsJson {
  return {
    asOf: formatIsoDate(review.asOf),
    currency,
    noticeDays: review.noticeDays,
    renewalsDue: review.renewalsDue.map((r) => ({
      contractId: r.contractId,
      clientId: r.clientId,
      owner: r.owner,
      end: formatIsoDate(r.end),
      value: r.value === null ? null : fromCents(r.value),
      daysLeft: r.daysLeft,
    })),
    overdue: review.overdue.map((o) => ({
      contractId: o.contractId,
      clientId: o.clientId,
      owner: o.owner,
      due: formatIsoDate(o.due),
      outstanding: fromCents(o.outstanding),
      daysOverdue: o.daysOverdue,
      bucket: o.bucket,
    })),
    owners: review.owners.map((o) => ({ owner: o.owner, ...totalsJson(o) })),
    totals: totalsJson(review.totals),
  };
}
