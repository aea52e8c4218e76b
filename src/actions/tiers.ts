/**
 * The tier actions (客户分级): Recalculate tiers (upgrades apply, downgrades wait), Quarterly
 * tier review (downgrades beyond the margin apply), and the monthly scheduled run that is a
 * review once in each month of `tier.reviewMonths`. Each reads Clients, Deals and Industries
 * once, lets core/tiers.ts decide, writes Tier, Tier reason, 12-month purchase and Tier since
 * in one block, appends one Tier history row per change, tells the owners of changed clients
 * (one e-mail each in Sheets; summary lines on the command line) and writes the Data issues.
 */
import { dateParts, formatIsoDate, monthKey, type CalDate } from "../core/dates";
import { formatMoney, formatPercent, fromCents } from "../core/money";
import {
  computeTiers,
  TIER_ORDER,
  type TierComputation,
  type TierResult,
  type TierRule,
  type TierRules,
} from "../core/tiers";
import { msg, render, type Language, type MessageRef } from "../i18n";
import type { Cell, Env } from "../ports";
import type { DataIssue } from "../workbook/issues";
import type { ClientRow } from "../workbook/rows";
import { normalizeName } from "../workbook/names";
import { readData, type ReadPlan, type WorkbookData } from "../workbook/read";
import type { Settings } from "../workbook/settings";
import { appendOutputRows, writeComputedColumns } from "../workbook/write";
import { notify, type TierNotice } from "./tierNotices";
import { writeProposals } from "./tierProposals";
import { appliesAtOnce, type TierChangeFound } from "../core/tierProposals";
import { finishRun, noteMissingSheets, startRun, type ActionResult, type Run, type RunOptions } from "./run";
import { overrideWithoutReason, tierAWithoutOwnerBy } from "./tierChecks";

export interface TiersOptions extends RunOptions {
  /** A quarterly review: downgrades beyond the margin apply. */
  readonly review?: boolean;
}

/** One active client in the command line's JSON (the documented shape, nothing more). */
export interface TierClientJson {
  readonly clientId: string;
  readonly tier: "A" | "B" | "C";
  readonly previousTier: "A" | "B" | "C" | null;
  readonly purchase12m: number;
  readonly rule: TierRule;
  readonly reason: string;
  readonly tierSince: string | null;
  readonly changed: boolean;
}

export interface TiersJson {
  readonly asOf: string;
  readonly review: boolean;
  readonly clients: TierClientJson[];
  /** With `tier.review` on: the changes written to Tier proposals instead of applied. */
  readonly proposals?: readonly Omit<TierChangeFound, "rule">[];
}

/** The computed columns the tier actions write, adjacent in the contract's order. */
export const TIER_COLUMNS = ["tier", "tierReason", "purchase12m", "tierSince"] as const;

/** Recalculate tiers (or, with `review`, the quarterly tier review). */
export function recalculateTiers(env: Env, options: TiersOptions = {}): ActionResult<TiersJson> {
  const review = options.review === true;
  const run = startRun(env, review ? "review" : "tiers", options);
  const result = runTiers(run, review);
  // A review done by hand counts for its quarter: the scheduled run does not review it again.
  if (review)
    env.properties.set(LAST_SCHEDULED_REVIEW, reviewPeriod(run.asOf, run.settings["tier.reviewMonths"]));
  return result;
}

/**
 * Document property that records the last reviewed quarter, by the month it starts (`2026-10`):
 * set by the scheduled review and by a review run by hand.
 */
export const LAST_SCHEDULED_REVIEW = "accountDesk.tiers.lastScheduledReview";

/** The quarter a date falls in: the latest month of `tier.reviewMonths` on or before it (`2026-10`). */
export function reviewPeriod(date: CalDate, reviewMonths: readonly number[]): string {
  const { year, month } = dateParts(date);
  const inYear = reviewMonths.filter((m) => m <= month);
  if (inYear.length > 0) return monthKey(year, Math.max(...inYear));
  return monthKey(year - 1, Math.max(...reviewMonths, 1));
}

export type ScheduledTiers =
  | {
      readonly outcome: "review" | "recalculation";
      readonly month: string;
      readonly result: ActionResult<TiersJson>;
    }
  | {
      readonly outcome: "already-reviewed";
      readonly month: string;
      readonly language: Language;
      readonly result: null;
    };

/**
 * The monthly trigger: in a month of `tier.reviewMonths` the run is the quarterly review, once
 * (a second firing in that month does nothing at all); in other months an ordinary
 * recalculation, which a second firing repeats without effect (it changes nothing).
 */
export function scheduledTiers(env: Env, options: RunOptions = {}): ScheduledTiers {
  const run = startRun(env, "tiers", options);
  const { year, month } = dateParts(run.asOf);
  const key = monthKey(year, month);
  if (!run.settings["tier.reviewMonths"].includes(month)) {
    return { outcome: "recalculation", month: key, result: runTiers(run, false) };
  }
  const quarter = reviewPeriod(run.asOf, run.settings["tier.reviewMonths"]);
  if (env.properties.get(LAST_SCHEDULED_REVIEW) === quarter)
    return { outcome: "already-reviewed", month: key, language: run.language, result: null };
  const result = runTiers({ ...run, action: "review" }, true);
  env.properties.set(LAST_SCHEDULED_REVIEW, quarter);
  return { outcome: "review", month: key, result };
}

/** The tier settings of core/tiers.ts. */
export function tierRules(settings: Settings): TierRules {
  return {
    highThreshold: settings["tier.highThreshold"],
    mediumThreshold: settings["tier.mediumThreshold"],
    downgradeMargin: settings["tier.downgradeMargin"],
    risingGrowth: settings["tier.risingGrowth"],
    longTermYears: settings["tier.longTermYears"],
    upliftShare: settings["tier.upliftShare"],
    surgeDays: settings["tier.surgeDays"],
    surgeFactor: settings["tier.surgeFactor"],
  };
}

/** The columns the tier actions and their checks read. */
const TIER_FIELDS = {
  clients: [
    "clientId",
    "name",
    "status",
    "owner",
    "industry",
    "cooperationSince",
    "purchaseOverride",
    "tierOverride",
    "overrideReason",
    "tier",
    "tierSince",
  ],
  deals: ["dealId", "clientId", "stage", "amount", "closedOn"],
  industries: ["industry", "growth"],
} as const satisfies ReadPlan;

interface Change {
  readonly client: ClientRow;
  readonly result: TierResult;
  readonly reason: string;
}

function runTiers(run: Run, review: boolean): ActionResult<TiersJson> {
  const { env, settings, language, asOf } = run;
  const data = readData(
    env.workbook,
    run.sheets,
    TIER_FIELDS,
    ["clients", "deals"],
    { action: run.action, dateOrder: settings.dateOrder },
    run.issues,
  );
  const active = data.clients.rows.filter((c) => c.status === "active");
  const results = computeTiers({
    clients: active.map((c) => ({
      clientId: c.clientId,
      industry: c.industry === null ? null : normalizeName(c.industry),
      cooperationSince: c.cooperationSince,
      purchaseOverride: c.purchaseOverride,
      tierOverride: c.tierOverride,
      previousTier: c.tier,
      tierSince: c.tierSince,
    })),
    deals: data.deals.rows,
    industries: data.industries.rows.map((i) => ({ industry: normalizeName(i.industry), growth: i.growth })),
    rules: tierRules(settings),
    asOf,
    review,
  });

  const updates = new Map<number, Record<string, Cell>>();
  const changes: Change[] = [];
  const clients: TierClientJson[] = [];
  const proposals: TierChangeFound[] = [];
  const counts = { up: 0, down: 0, added: 0, same: 0 };
  results.forEach((result, i) => {
    const client = active[i];
    const reason = render(language, tierReason(result, client, settings));
    const found: TierChangeFound = {
      clientId: client.clientId,
      from: result.previousTier,
      to: result.tier,
      rule: result.rule,
      reason,
    };
    if (settings["tier.review"] && result.changed && !appliesAtOnce(found)) {
      // Waits for approval: the tier, its reason and Tier since stay as they are.
      proposals.push(found);
      updates.set(client.row, { purchase12m: fromCents(result.purchase12m) });
      counts.same++;
      clients.push({
        ...clientJson(result, reason),
        tier: result.previousTier ?? result.tier,
        tierSince: client.tierSince === null ? null : formatIsoDate(client.tierSince),
        changed: false,
      });
      return;
    }
    const update: Record<string, Cell> = {
      tier: result.tier,
      tierReason: reason,
      purchase12m: fromCents(result.purchase12m),
    };
    if (result.changed) update.tierSince = { date: asOf };
    updates.set(client.row, update);
    if (result.changed) changes.push({ client, result, reason });
    if (result.previousTier === null) counts.added++;
    else if (!result.changed) counts.same++;
    else if (TIER_ORDER[result.tier] > TIER_ORDER[result.previousTier]) counts.up++;
    else counts.down++;
    clients.push(clientJson(result, reason));
  });

  // The history first: if a write fails (a full spreadsheet), a change is never left unrecorded.
  const date = formatIsoDate(asOf);
  const history = changes.map((c) => [
    { date: asOf },
    c.client.clientId,
    c.result.previousTier ?? "",
    c.result.tier,
    c.reason,
    env.user,
  ]);
  const historySheet =
    history.length > 0 ? appendOutputRows(env.workbook, run.sheets, "tierHistory", language, history) : null;
  writeComputedColumns(
    env.workbook,
    data.clients.sheet as string,
    "clients",
    data.clients.header,
    data.clients.values,
    TIER_COLUMNS,
    updates,
    language,
    settings.dateOrder,
  );
  run.summary.push(msg(review ? "tiers.summaryReview" : "tiers.summary", { date, ...counts }));
  noteMissingSheets(run, data.missingSheets);
  if (historySheet !== null)
    run.summary.push(msg("tiers.summaryHistory", { count: history.length, sheet: historySheet }));
  notify(run, changes.map(toNotice), review);
  if (settings["tier.review"] && (proposals.length > 0 || run.sheets.has("tierProposals")))
    writeProposals(run, data.clients.rows, proposals);
  for (const issue of tierChecks(run, data, results)) run.issues.push(issue);
  return finishRun(run, {
    asOf: date,
    review,
    clients,
    ...(settings["tier.review"] ? { proposals: proposals.map(({ rule: _rule, ...p }) => p) } : {}),
  });
}

function clientJson(result: TierResult, reason: string): TierClientJson {
  return {
    clientId: result.clientId,
    tier: result.tier,
    previousTier: result.previousTier,
    purchase12m: fromCents(result.purchase12m),
    rule: result.rule,
    reason,
    tierSince: result.tierSince === null ? null : formatIsoDate(result.tierSince),
    changed: result.changed,
  };
}

function toNotice(change: Change): TierNotice {
  const { client, result, reason } = change;
  return {
    clientId: client.clientId,
    name: client.name,
    owner: client.owner,
    from: result.previousTier,
    to: result.tier,
    reason,
  };
}

/** The tier checks, A without owner on the tiers just decided (inactive clients as they are). */
function tierChecks(run: Run, data: WorkbookData, results: readonly TierResult[]): DataIssue[] {
  const decided = new Map(results.map((r) => [r.clientId, r.tier] as const));
  const input = { data, settings: run.settings, asOf: run.asOf, action: run.action };
  return [
    ...overrideWithoutReason(input),
    ...tierAWithoutOwnerBy(input, (client) => decided.get(client.clientId) ?? client.tier),
  ];
}

// ---------------------------------------------------------------------------------------
// Reasons

/** Why a client has its tier, with the figures that decided it, as a message. */
export function tierReason(
  result: TierResult,
  client: Pick<ClientRow, "overrideReason">,
  settings: Settings,
): MessageRef {
  const money = (cents: number) => formatMoney(cents, settings.currency);
  const p12 = money(result.purchase12m);
  const purchase = msg(result.purchaseOverridden ? "tiers.purchase.override" : "tiers.purchase.computed");
  const language = settings.language;
  const purchaseText = render(language, purchase);
  switch (result.rule) {
    case "override":
      return client.overrideReason === null
        ? msg("tiers.reason.overrideNoReason", { tier: result.tier })
        : msg("tiers.reason.override", { tier: result.tier, reason: client.overrideReason });
    case "base":
    case "uplift":
    case "surge":
      return computationReason(result, result.computed, settings);
    case "kept": {
      const floor = result.floor as number;
      const above = result.purchase12m >= floor;
      const params = { tier: result.tier, p12, floor: money(floor) };
      if (!result.review) return msg(above ? "tiers.reason.keptAbove" : "tiers.reason.keptBelow", params);
      if (above) return msg("tiers.reason.reviewKeptAbove", params);
      const detail = render(language, computationReason(result, result.reduced, settings));
      return msg("tiers.reason.reviewKeptRaised", { tier: result.tier, detail });
    }
    case "review": {
      const previous = result.previousTier as "A" | "B";
      const params = {
        purchase: purchaseText,
        p12,
        floor: money(result.floor as number),
        previous,
        threshold: money(
          previous === "A" ? settings["tier.highThreshold"] : settings["tier.mediumThreshold"],
        ),
        share: formatPercent(result.reduced.scale),
        tier: result.tier,
      };
      if (result.reduced.rule === "base") return msg("tiers.reason.reviewLowered", params);
      const detail = render(language, computationReason(result, result.reduced, settings));
      return msg("tiers.reason.reviewLoweredRaised", { ...params, detail });
    }
  }
}

/** The reason of rules 2–3 at one scale (full thresholds, or reduced in a review). */
function computationReason(result: TierResult, c: TierComputation, settings: Settings): MessageRef {
  const money = (cents: number) => formatMoney(cents, settings.currency);
  const purchase = render(
    settings.language,
    msg(result.purchaseOverridden ? "tiers.purchase.override" : "tiers.purchase.computed"),
  );
  const p12 = money(result.purchase12m);
  const tier = c.tier;
  if (c.rule === "uplift") {
    return msg("tiers.reason.uplift", {
      growth: formatPercent(result.facts.industryGrowth ?? 0),
      years: result.facts.cooperationYears ?? 0,
      purchase,
      p12,
      minimum: money(c.upliftMinimum as number),
      tier,
    });
  }
  if (c.rule === "surge") {
    return msg("tiers.reason.surge", {
      days: settings["tier.surgeDays"],
      recent: money(result.facts.recent),
      factor: settings["tier.surgeFactor"],
      before: money(result.facts.before),
      annual: money(result.facts.annualised),
      next: money(c.next as number),
      tier,
    });
  }
  if (c.base === "C") return msg("tiers.reason.below", { purchase, p12, threshold: money(c.medium), tier });
  return msg("tiers.reason.atLeast", {
    purchase,
    p12,
    threshold: money(c.base === "A" ? c.high : c.medium),
    tier,
  });
}
