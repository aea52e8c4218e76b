/**
 * The Tier proposals sheet (分级提议) of `tier.review`: written by Recalculate tiers with the
 * changes waiting for a decision, decided by people in its Status column (批准 / 驳回), and
 * applied by *Apply approved tier changes*, which writes the tiers, records the history, tells
 * the owners as a recalculation does and marks the rows applied. Rows that cannot be read are
 * data issues and are kept as they are; Check data reports them too.
 */
import { formatIsoDate, type CalDate } from "../core/dates";
import {
  mergeProposals,
  planApply,
  type Proposal,
  type ProposalTier,
  type TierChangeFound,
} from "../core/tierProposals";
import { msg, type Language } from "../i18n";
import type { Cell, ColumnProtection, Env } from "../ports";
import { displayCell, isBlank, parseCode, parseDate, parseText, type Parsed } from "../workbook/cells";
import { PROPOSAL_STATUSES, TIERS } from "../workbook/codes";
import type { DataIssue } from "../workbook/issues";
import { mapHeaders, readData, type HeaderMap, type ReadPlan } from "../workbook/read";
import type { ClientRow } from "../workbook/rows";
import { TABLES } from "../workbook/schema";
import { readTeam, teamManagers } from "../workbook/team";
import {
  appendOutputRows,
  outputSheetName,
  replaceOutputSheet,
  writeComputedColumns,
} from "../workbook/write";
import { finishRun, startRun, type ActionResult, type Run, type RunOptions } from "./run";
import { notify, type TierNotice } from "./tierNotices";

/** A readable row of the sheet, with where it is. */
export interface SheetProposal extends Proposal {
  /** Spreadsheet row (header = 1). */
  readonly row: number;
  readonly name: string;
  readonly owner: string | null;
}

export interface ProposalsRead {
  readonly sheet: string;
  readonly header: HeaderMap;
  readonly values: readonly (readonly Cell[])[];
  /** One entry per data row (values[1…]); null when the row could not be read or is blank. */
  readonly rows: (SheetProposal | null)[];
}

/** Reads the proposals sheet; null when the workbook has none. Unreadable cells become issues. */
export function readProposals(
  run: Pick<Run, "env" | "sheets" | "action" | "settings">,
  issues: DataIssue[],
): ProposalsRead | null {
  const sheet = run.sheets.get("tierProposals");
  if (sheet === undefined) return null;
  const values = run.env.workbook.readSheet(sheet) ?? [];
  const ctx = { action: run.action, dateOrder: run.settings.dateOrder };
  const header = mapHeaders("tierProposals", values[0] ?? [], sheet, ctx, issues);
  const rows: (SheetProposal | null)[] = [];
  for (let r = 1; r < values.length; r++) {
    const line = values[r];
    if (line.every((cell) => isBlank(cell))) {
      rows.push(null);
      continue;
    }
    let ok = true;
    const cell = <T>(key: string, parse: (c: Cell) => Parsed<T>, blank: T | undefined): T | null => {
      const at = header.index.get(key);
      const raw = at === undefined ? null : (line[at] ?? null);
      if (isBlank(raw) && blank !== undefined) return blank;
      const parsed = parse(raw);
      if (parsed.ok) return parsed.value;
      ok = false;
      const column = header.text.get(key) ?? null;
      issues.push({
        action: run.action,
        sheet,
        row: r + 1,
        column,
        value: displayCell(raw),
        problem: parsed.problem,
      });
      return null;
    };
    const clientId = cell("clientId", (c) => parseText(c, 100), undefined);
    const from = cell<ProposalTier | null>("from", (c) => parseCode(c, TIERS), null);
    const to = cell("to", (c) => parseCode(c, TIERS), undefined);
    const status = cell("status", (c) => parseCode(c, PROPOSAL_STATUSES), "pending");
    const date = cell<CalDate | null>("date", (c) => parseDate(c, ctx.dateOrder), null);
    const appliedOn = cell<CalDate | null>("appliedOn", (c) => parseDate(c, ctx.dateOrder), null);
    const text = (key: string) => {
      const at = header.index.get(key);
      return at === undefined || isBlank(line[at]) ? "" : displayCell(line[at]);
    };
    rows.push(
      ok && clientId !== null && to !== null && status !== null
        ? {
            row: r + 1,
            clientId,
            from,
            to,
            status,
            date: date ?? 0,
            appliedOn,
            reason: text("reason"),
            name: text("name"),
            owner: text("owner") === "" ? null : text("owner").toLowerCase(),
          }
        : null,
    );
  }
  return { sheet, header, values, rows };
}

function proposalCells(
  p: Proposal & { name?: string; owner?: string | null },
  language: Language,
  client?: ClientRow,
): Cell[] {
  return [
    p.date === 0 ? "" : { date: p.date },
    p.clientId,
    client?.name ?? p.name ?? "",
    client?.owner ?? p.owner ?? "",
    p.from ?? "",
    p.to,
    p.reason,
    PROPOSAL_STATUSES.label(p.status, language),
    p.appliedOn === null ? "" : { date: p.appliedOn },
  ];
}

/** The Status column of the sheet (1-based), where decisions are made. */
const STATUS_COLUMN = TABLES.tierProposals.columns.findIndex((c) => c.key === "status") + 1;

/** Names the Status column's protected range (a later run replaces the one it finds). */
export const PROTECTION_DESCRIPTION = "Account Desk: tier proposal status";

/**
 * In Sheets, only the managers of the Team sheet (and the spreadsheet's owner and whoever runs
 * the action, whom Sheets never shuts out) may decide; with no manager there, the owner decides.
 */
function statusProtection(run: Run): ColumnProtection[] {
  const ctx = { action: run.action, dateOrder: run.settings.dateOrder };
  const managers = teamManagers(readTeam(run.env.workbook, run.sheets, ctx, run.issues));
  return [
    {
      column: STATUS_COLUMN,
      fromRow: 2,
      toRow: null,
      editors: managers,
      description: PROTECTION_DESCRIPTION,
    },
  ];
}

/**
 * Recalculate tiers under review: merges the fresh changes into the sheet (decisions kept) and
 * replaces it in one write; rows that could not be read stay as they were, at the end.
 */
export function writeProposals(
  run: Run,
  clients: readonly ClientRow[],
  fresh: readonly TierChangeFound[],
): void {
  const read = readProposals(run, run.issues);
  const readable = (read?.rows ?? []).filter((p): p is SheetProposal => p !== null);
  const { proposals, kept } = mergeProposals(readable, fresh, run.asOf);
  const byId = new Map(clients.map((c) => [c.clientId, c] as const));
  const cells = proposals.map((p) => proposalCells(p, run.language, byId.get(p.clientId)));
  read?.rows.forEach((p, i) => {
    const raw = read.values[i + 1];
    if (p === null && !raw.every((c) => isBlank(c))) cells.push([...raw]);
  });
  const sheet = replaceOutputSheet(run.env.workbook, run.sheets, "tierProposals", run.language, cells, {
    // The Status column: the decision people make, offered as the status labels of the language.
    validations: [
      { column: STATUS_COLUMN, fromRow: 2, toRow: null, values: PROPOSAL_STATUSES.dropdown(run.language) },
    ],
    protections: statusProtection(run),
    numberFormats:
      cells.length === 0
        ? []
        : [
            { column: 1, fromRow: 2, toRow: cells.length + 1, kind: "date" },
            { column: 9, fromRow: 2, toRow: cells.length + 1, kind: "date" },
          ],
    columnWidths: [100, 90, 200, 200, 60, 60, 420, 80, 100],
  });
  run.summary.push(msg("tiers.proposals.summary", { count: fresh.length, sheet }));
  if (kept > 0) run.summary.push(msg("tiers.proposals.kept", { count: kept }));
}

export interface ApplyTiersJson {
  readonly asOf: string;
  readonly applied: { readonly clientId: string; readonly from: string | null; readonly to: string }[];
  readonly stale: {
    readonly clientId: string;
    readonly from: string | null;
    readonly current: string | null;
  }[];
}

const APPLY_FIELDS = {
  clients: ["clientId", "name", "status", "owner", "tier", "tierReason", "purchase12m", "tierSince"],
} as const satisfies ReadPlan;

/** Apply approved tier changes: the menu item and `account-desk apply-tiers`. */
export function applyApprovedTierChanges(env: Env, options: RunOptions = {}): ActionResult<ApplyTiersJson> {
  const run = startRun(env, "applyTiers", options);
  const empty = { asOf: formatIsoDate(run.asOf), applied: [], stale: [] };
  const read = readProposals(run, run.issues);
  if (read === null) {
    run.summary.push(msg("tiers.apply.noSheet"));
    return finishRun(run, empty);
  }
  const data = readData(
    env.workbook,
    run.sheets,
    APPLY_FIELDS,
    ["clients"],
    { action: run.action, dateOrder: run.settings.dateOrder },
    run.issues,
  );
  const active = data.clients.rows.filter((c) => c.status === "active");
  const byId = new Map(active.map((c) => [c.clientId, c] as const));
  const plan = planApply(read.rows, new Map(active.map((c) => [c.clientId, c.tier] as const)));
  const statusAt = read.header.index.get("status");
  for (const { index, current } of plan.stale) {
    const p = read.rows[index] as SheetProposal;
    run.issues.push({
      action: run.action,
      sheet: read.sheet,
      row: p.row,
      column: read.header.text.get("status") ?? null,
      value: statusAt === undefined ? "" : displayCell(read.values[p.row - 1][statusAt]),
      problem:
        current === undefined
          ? msg("tiers.apply.unknownClient")
          : msg("tiers.apply.stale", { current: current ?? "—", from: p.from ?? "—" }),
    });
  }
  const applied = plan.apply.map((i) => read.rows[i] as SheetProposal);
  if (applied.length > 0) applyRows(run, read, applied, byId, data);
  const counts = { pending: 0, rejected: 0 };
  for (const p of read.rows)
    if (p !== null && (p.status === "pending" || p.status === "rejected")) counts[p.status]++;
  run.summary.push(
    applied.length === 0
      ? msg("tiers.apply.none", { sheet: read.sheet })
      : msg("tiers.apply.summary", { applied: applied.length, ...counts }),
  );
  return finishRun(run, {
    ...empty,
    applied: applied.map((p) => ({ clientId: p.clientId, from: p.from, to: p.to })),
    stale: plan.stale.map(({ index, current }) => {
      const p = read.rows[index] as SheetProposal;
      return { clientId: p.clientId, from: p.from, current: current ?? null };
    }),
  });
}

/** History first, then the Clients columns, the proposals' status, and the owners' notices. */
function applyRows(
  run: Run,
  read: ProposalsRead,
  applied: readonly SheetProposal[],
  byId: ReadonlyMap<string, ClientRow>,
  data: ReturnType<typeof readData>,
): void {
  const { env, language, asOf } = run;
  const history = applied.map((p) => [{ date: asOf }, p.clientId, p.from ?? "", p.to, p.reason, env.user]);
  appendOutputRows(env.workbook, run.sheets, "tierHistory", language, history);
  const updates = new Map<number, Record<string, Cell>>();
  for (const p of applied) {
    const client = byId.get(p.clientId) as ClientRow;
    updates.set(client.row, { tier: p.to, tierReason: p.reason, tierSince: { date: asOf } });
  }
  writeComputedColumns(
    env.workbook,
    data.clients.sheet as string,
    "clients",
    data.clients.header,
    data.clients.values,
    ["tier", "tierReason", "tierSince"],
    updates,
    language,
    run.settings.dateOrder,
  );
  markApplied(run, read, applied);
  const notices: TierNotice[] = applied.map((p) => {
    const client = byId.get(p.clientId) as ClientRow;
    return {
      clientId: p.clientId,
      name: client.name,
      owner: client.owner,
      from: p.from,
      to: p.to,
      reason: p.reason,
    };
  });
  notify(run, notices, false);
}

/** One write over the Status and Applied on columns (adjacent in the tool's layout). */
function markApplied(run: Run, read: ProposalsRead, applied: readonly SheetProposal[]): void {
  const statusAt = read.header.index.get("status");
  const appliedAt = read.header.index.get("appliedOn");
  if (statusAt === undefined) return;
  const rows = new Set(applied.map((p) => p.row));
  const label = PROPOSAL_STATUSES.label("applied", run.language);
  const both = appliedAt === statusAt + 1;
  const block: Cell[][] = [];
  for (let r = 2; r <= read.values.length; r++) {
    const line = read.values[r - 1];
    const status = rows.has(r) ? label : (line[statusAt] ?? null);
    if (!both) block.push([status]);
    else block.push([status, rows.has(r) ? { date: run.asOf } : (line[appliedAt] ?? null)]);
  }
  const sheet = outputSheetName(run.sheets, "tierProposals", run.language);
  if (block.length > 0) run.env.workbook.writeBlock(sheet, 2, statusAt + 1, block);
}
