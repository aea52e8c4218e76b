/**
 * Review deal terms (审核商机条款): every open or won deal whose price is below its floor, or whose
 * discount or payment term is beyond its client's tier limit, gets a row in the Approvals sheet
 * with what is beyond which limit and by how much, and its approver (the owner's manager on the
 * Team sheet, else `approval.approver`). Decisions already made for the same terms and every
 * note are kept (core/dealTerms.ts mergeApprovals); each approver is e-mailed what waits for them.
 */
import {
  mergeApprovals,
  mergedStatus,
  termBreaches,
  type ApprovalNeed,
  type ApprovalStatus,
  type Breach,
  type DealTerms,
} from "../core/dealTerms";
import { formatIsoDate } from "../core/dates";
import { formatMoney, formatPercent, fromCents } from "../core/money";
import { msg, render, type Language } from "../i18n";
import type { Env } from "../ports";
import { STAGES } from "../workbook/codes";
import { readData, type ReadPlan, type WorkbookData } from "../workbook/read";
import type { DealRow } from "../workbook/rows";
import { termLimits, type Settings } from "../workbook/settings";
import { readTeam } from "../workbook/team";
import { replaceOutputSheet } from "../workbook/write";
import { sendApprovalMails, type Waiting } from "./approvalMail";
import {
  approvalCells,
  approvalFormat,
  readApprovals,
  type ApprovalLine,
  type SheetApproval,
} from "./approvalSheet";
import { finishRun, startRun, type ActionResult, type Run, type RunOptions } from "./run";

/** A deal whose current terms need approval, with what the sheet shows of it. */
export interface DealNeed extends ApprovalNeed {
  readonly deal: DealRow;
  readonly clientName: string;
  readonly owner: string | null;
  readonly approver: string | null;
  readonly beyond: string;
}

export interface ApprovalJson {
  readonly dealId: string;
  readonly clientId: string;
  readonly client: string;
  readonly owner: string | null;
  readonly stage: string;
  readonly amount: number;
  readonly listPrice: number | null;
  readonly floorPrice: number | null;
  readonly discount: number | null;
  readonly paymentDays: number | null;
  readonly breaches: readonly BreachJson[];
  readonly approver: string | null;
  readonly status: string;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly note: string;
}

export type BreachJson =
  | { readonly kind: "floor"; readonly limit: number; readonly actual: number; readonly by: number }
  | {
      readonly kind: "discount" | "paymentDays";
      readonly tier: string;
      readonly limit: number;
      readonly actual: number;
      readonly by: number;
      readonly byAmount?: number | null;
    };

export interface ReviewTermsJson {
  readonly asOf: string;
  readonly approvals: readonly ApprovalJson[];
  readonly counts: { readonly pending: number; readonly approved: number; readonly rejected: number };
  readonly waiting: readonly { readonly approver: string; readonly deals: readonly string[] }[];
}

export interface ReviewTermsOptions extends RunOptions {
  /** Send approvers their list even when the Send log has the same list as sent. */
  readonly force?: boolean;
}

/** The columns the review reads (Check data reads all of them too). */
export const TERMS_FIELDS = {
  clients: ["clientId", "name", "owner", "tier"],
  deals: [
    "dealId",
    "clientId",
    "title",
    "owner",
    "stage",
    "amount",
    "listPrice",
    "floorPrice",
    "discount",
    "paymentDays",
  ],
} as const satisfies ReadPlan;

/** A deal's terms as the rule reads them. */
export function dealTerms(deal: DealRow): DealTerms {
  return {
    amount: deal.amount,
    listPrice: deal.listPrice,
    floorPrice: deal.floorPrice,
    discount: deal.discount,
    paymentDays: deal.paymentDays,
  };
}

/** One breach as a sentence in the workbook's language. */
export function breachText(breach: Breach, language: Language, currency: string): string {
  const m = (cents: number) => formatMoney(cents, currency);
  switch (breach.kind) {
    case "floor":
      return render(
        language,
        msg("approvals.beyond.floor", { actual: m(breach.actual), limit: m(breach.limit), by: m(breach.by) }),
      );
    case "discount": {
      const params = {
        actual: formatPercent(breach.actual),
        limit: formatPercent(breach.limit),
        tier: breach.tier,
        points: String(Math.round(breach.by * 1000) / 10),
      };
      return breach.byAmount === null
        ? render(language, msg("approvals.beyond.discount", params))
        : render(language, msg("approvals.beyond.discountMoney", { ...params, amount: m(breach.byAmount) }));
    }
    case "paymentDays":
      return render(
        language,
        msg("approvals.beyond.paymentDays", {
          actual: breach.actual,
          limit: breach.limit,
          tier: breach.tier,
          by: breach.by,
        }),
      );
  }
}

export function breachesText(breaches: readonly Breach[], language: Language, currency: string): string {
  const separator = render(language, msg("approvals.beyond.separator"));
  return breaches.map((b) => breachText(b, language, currency)).join(separator);
}

/** The deals (open or won) whose terms need approval, in sheet order. */
export function dealNeeds(
  data: WorkbookData,
  settings: Settings,
  managerOf: (o: string | null) => string | null,
): DealNeed[] {
  const limits = termLimits(settings);
  const clients = new Map(data.clients.rows.map((c) => [c.clientId, c] as const));
  const out: DealNeed[] = [];
  for (const deal of data.deals.rows) {
    if (deal.stage === "lost") continue;
    const client = clients.get(deal.clientId);
    const terms = dealTerms(deal);
    const breaches = termBreaches(terms, client?.tier ?? null, limits);
    if (breaches.length === 0) continue;
    const owner = deal.owner ?? client?.owner ?? null;
    out.push({
      dealId: deal.dealId,
      terms,
      breaches,
      deal,
      clientName: client?.name ?? deal.clientId,
      owner,
      approver: managerOf(owner) ?? settings["approval.approver"],
      beyond: breachesText(breaches, settings.language, settings.currency),
    });
  }
  return out;
}

/** Review deal terms: the menu item and `account-desk approvals`. */
export function reviewDealTerms(env: Env, options: ReviewTermsOptions = {}): ActionResult<ReviewTermsJson> {
  const run = startRun(env, "approvals", options);
  const ctx = { action: run.action, dateOrder: run.settings.dateOrder };
  const data = readData(env.workbook, run.sheets, TERMS_FIELDS, ["clients", "deals"], ctx, run.issues);
  const team = readTeam(env.workbook, run.sheets, ctx, run.issues);
  const needs = dealNeeds(data, run.settings, (o) => team.managerOf(o));
  const read = readApprovals(run, run.issues);
  const readable = (read?.rows ?? []).filter((r): r is SheetApproval => r !== null);
  const merged = mergeApprovals(readable, needs);
  const lines = merged.map((row) => lineOf(row, run.language));
  const statuses: (ApprovalStatus | null)[] = lines.map((l) => l.status);
  const cells = lines.map((l) => approvalCells(l, run.language));
  read?.rows.forEach((row, i) => {
    const raw = read.values[i + 1];
    if (row === null && !raw.every((c) => c === null || c === "")) {
      cells.push([...raw]);
      statuses.push(null);
    }
  });
  const approvers = [...new Set(lines.map((l) => l.approver).filter((a) => a !== ""))].sort();
  const sheet = replaceOutputSheet(
    env.workbook,
    run.sheets,
    "approvals",
    run.language,
    cells,
    approvalFormat(statuses, approvers, run.language, run.settings.currency, PROTECTION_DESCRIPTION),
  );
  run.sheets = new Map([...run.sheets, ["approvals", sheet]]);
  const waiting = waitingByApprover(merged);
  summarize(run, sheet, merged, waiting);
  sendApprovalMails(run, waiting, sheet, options.force === true);
  return finishRun(run, json(run, merged, waiting));
}

/** Names the status column's protection, so that a later run replaces it. */
export const PROTECTION_DESCRIPTION = "Account Desk: approval status";

type Merged = ReturnType<typeof mergeApprovals<SheetApproval, DealNeed>>[number];

function lineOf(row: Merged, language: Language): ApprovalLine {
  const status = mergedStatus(row);
  if (row.kind === "record" || row.kind === "withdrawn") return { ...row.record, status };
  const need = row.need;
  const fresh = {
    dealId: need.dealId,
    client: need.clientName,
    owner: need.owner ?? "",
    stage: STAGES.label(need.deal.stage, language),
    terms: need.terms,
    beyond: need.beyond,
    approver: need.approver ?? "",
  };
  if (row.kind === "new") return { ...fresh, status, decidedAt: "", decidedBy: "", note: "" };
  const { decidedAt, decidedBy, note } = row.record;
  return { ...fresh, status, decidedAt, decidedBy, note };
}

function waitingByApprover(merged: readonly Merged[]): Waiting[] {
  const by = new Map<string, DealNeed[]>();
  for (const row of merged) {
    if (row.kind === "record" || row.kind === "withdrawn" || mergedStatus(row) !== "pending") continue;
    const approver = row.need.approver ?? "";
    by.set(approver, [...(by.get(approver) ?? []), row.need]);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([approver, deals]) => ({ approver, deals }));
}

function summarize(run: Run, sheet: string, merged: readonly Merged[], waiting: readonly Waiting[]): void {
  const counts = countStatuses(merged);
  const current = merged.filter((r) => r.kind === "current" || r.kind === "new");
  run.summary.push(
    current.length === 0
      ? msg("approvals.none")
      : msg("approvals.summary", { sheet, waiting: counts.pending, ...counts }),
  );
  const withdrawn = merged.filter((r) => r.kind === "withdrawn" && r.record.status === "pending").length;
  if (withdrawn > 0) run.summary.push(msg("approvals.withdrawn", { count: withdrawn }));
  const orphans = waiting.find((w) => w.approver === "");
  if (orphans) run.summary.push(msg("approvals.noApprover", { count: orphans.deals.length }));
}

function countStatuses(merged: readonly Merged[]): ReviewTermsJson["counts"] {
  const counts = { pending: 0, approved: 0, rejected: 0 };
  for (const row of merged) {
    if (row.kind !== "current" && row.kind !== "new") continue;
    const status = mergedStatus(row);
    if (status !== "withdrawn") counts[status]++;
  }
  return counts;
}

function breachJson(b: Breach): BreachJson {
  if (b.kind === "floor")
    return { kind: "floor", limit: fromCents(b.limit), actual: fromCents(b.actual), by: fromCents(b.by) };
  if (b.kind === "paymentDays")
    return { kind: b.kind, tier: b.tier, limit: b.limit, actual: b.actual, by: b.by };
  return {
    kind: b.kind,
    tier: b.tier,
    limit: b.limit,
    actual: b.actual,
    by: b.by,
    byAmount: b.byAmount === null ? null : fromCents(b.byAmount),
  };
}

function json(run: Run, merged: readonly Merged[], waiting: readonly Waiting[]): ReviewTermsJson {
  const approvals: ApprovalJson[] = [];
  for (const row of merged) {
    if (row.kind !== "current" && row.kind !== "new") continue;
    const { need } = row;
    const t = need.terms;
    approvals.push({
      dealId: need.dealId,
      clientId: need.deal.clientId,
      client: need.clientName,
      owner: need.owner,
      stage: need.deal.stage,
      amount: fromCents(t.amount),
      listPrice: t.listPrice === null ? null : fromCents(t.listPrice),
      floorPrice: t.floorPrice === null ? null : fromCents(t.floorPrice),
      discount: t.discount,
      paymentDays: t.paymentDays,
      breaches: need.breaches.map(breachJson),
      approver: need.approver,
      status: mergedStatus(row),
      decidedAt: row.kind === "current" && row.record.decidedAt !== "" ? row.record.decidedAt : null,
      decidedBy: row.kind === "current" && row.record.decidedBy !== "" ? row.record.decidedBy : null,
      note: row.kind === "current" ? row.record.note : "",
    });
  }
  return {
    asOf: formatIsoDate(run.asOf),
    approvals,
    counts: countStatuses(merged),
    waiting: waiting
      .filter((w) => w.approver !== "")
      .map((w) => ({ approver: w.approver, deals: w.deals.map((d) => d.dealId) })),
  };
}
