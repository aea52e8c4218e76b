/**
 * The lead reservoir (商机储备库) as figures: the funnel by source — deals created in the 12
 * months (E − 12 months, E], how many of them are qualified or further and how many are won,
 * with the conversion between those steps — and the age of open deals in their stage: the
 * median per source and per stage, and the deals that sit in their stage longer than the
 * stage's limit ("stale", Pipedrive's "rotten"). A deal entered its stage on its Stage since
 * date, else on its Created date; with neither its age is unknown and it is counted apart.
 *
 * The workbook keeps no stage history, so a lost deal counts as created only: how far it went
 * before it was lost is not recorded. Pure: plain rows in, plain figures out, every deal looked
 * at once (the medians sort each group once).
 */
import { addMonths, formatIsoDate, type CalDate } from "./dates";
import { fromCents, type Cents } from "./money";
import { purchaseWindow } from "./tiers";

/** The stages a deal passes, in order, before it is won; lost is outside the funnel. */
export const FUNNEL_STAGES = ["lead", "qualified", "proposal", "negotiation"] as const;
export type OpenStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelDeal {
  readonly dealId: string;
  readonly clientId: string;
  readonly title: string | null;
  readonly owner: string | null;
  readonly stage: string;
  readonly amount: Cents;
  readonly created: CalDate | null;
  readonly stageSince: CalDate | null;
  readonly closedOn: CalDate | null;
  readonly source: string | null;
}

export interface FunnelClient {
  readonly clientId: string;
  readonly name: string;
  readonly owner: string | null;
}

export interface FunnelInput {
  readonly deals: readonly FunnelDeal[];
  readonly clients: readonly FunnelClient[];
  /** The end of the funnel's 12 months (the report month's last day). */
  readonly windowEnd: CalDate;
  /** The day stage ages are measured on (today, or --as-of). */
  readonly asOf: CalDate;
  /** Days an open deal may sit in each stage before it is stale. */
  readonly staleDays: Readonly<Record<OpenStage, number>>;
  /** The source codes in display order (a source without deals is still listed). */
  readonly sources: readonly string[];
}

export interface FunnelLine {
  /** A source code, or null for deals without a Source. */
  readonly source: string | null;
  readonly created: number;
  /** Created in the window and now qualified, in proposal, in negotiation or won. */
  readonly qualified: number;
  readonly won: number;
  readonly lost: number;
  readonly wonAmount: Cents;
  /** qualified ÷ created; null when nothing was created. */
  readonly toQualified: number | null;
  /** won ÷ qualified; null when nothing was qualified. */
  readonly toWon: number | null;
  /** Open deals of the source now (any creation date), their median days in stage, how many are stale. */
  readonly open: number;
  readonly medianAge: number | null;
  readonly stale: number;
}

export interface StageAgeLine {
  readonly stage: OpenStage;
  readonly open: number;
  readonly medianAge: number | null;
  readonly limit: number;
  readonly stale: number;
}

export interface StaleDeal {
  readonly dealId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly title: string | null;
  /** The deal's Owner, else its client's (lower case); null when neither has one. */
  readonly owner: string | null;
  readonly stage: OpenStage;
  readonly amount: Cents;
  /** The day the deal entered its stage, and whether that is its Created date (no Stage since). */
  readonly since: CalDate;
  readonly sinceIsCreated: boolean;
  readonly age: number;
  readonly limit: number;
}

export interface FunnelFigures {
  /** The 12 months (from, to] of the funnel. */
  readonly from: CalDate;
  readonly to: CalDate;
  readonly asOf: CalDate;
  readonly lines: readonly FunnelLine[];
  readonly total: FunnelLine;
  readonly stages: readonly StageAgeLine[];
  /** Stale deals, oldest first (days over the limit, then amount). */
  readonly stale: readonly StaleDeal[];
  /** Open deals with neither Stage since nor Created (or dated after asOf): age unknown. */
  readonly undated: number;
  /** Open deals whose age comes from Created because Stage since is blank. */
  readonly agedFromCreated: number;
  /** Deals without a Created date (not in the funnel's created counts). */
  readonly withoutCreated: number;
}

const QUALIFIED = new Set(["qualified", "proposal", "negotiation", "won"]);
const OPEN = new Set<string>(FUNNEL_STAGES);

/** The median of some numbers (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** When a deal entered its stage: Stage since, else Created; null when neither is known. */
export function stageStart(deal: Pick<FunnelDeal, "stageSince" | "created">): CalDate | null {
  return deal.stageSince ?? deal.created;
}

/** Days an open deal has been in its stage on `asOf`; null when unknown or dated after `asOf`. */
export function stageAge(deal: Pick<FunnelDeal, "stageSince" | "created">, asOf: CalDate): number | null {
  const start = stageStart(deal);
  return start === null || start > asOf ? null : asOf - start;
}

interface Tally {
  created: number;
  qualified: number;
  won: number;
  lost: number;
  wonAmount: Cents;
  ages: number[];
  open: number;
  stale: number;
}

const newTally = (): Tally => ({
  created: 0,
  qualified: 0,
  won: 0,
  lost: 0,
  wonAmount: 0,
  ages: [],
  open: 0,
  stale: 0,
});

function line(source: string | null, t: Tally): FunnelLine {
  return {
    source,
    created: t.created,
    qualified: t.qualified,
    won: t.won,
    lost: t.lost,
    wonAmount: t.wonAmount,
    toQualified: t.created === 0 ? null : t.qualified / t.created,
    toWon: t.qualified === 0 ? null : t.won / t.qualified,
    open: t.open,
    medianAge: median(t.ages),
    stale: t.stale,
  };
}

/** The funnel by source, the stage ages and the stale deals. */
export function computeFunnel(input: FunnelInput): FunnelFigures {
  const inWindow = purchaseWindow(input.windowEnd);
  const clients = new Map<string, FunnelClient>();
  for (const c of input.clients) if (!clients.has(c.clientId)) clients.set(c.clientId, c);
  const bySource = new Map<string | null, Tally>(input.sources.map((s) => [s, newTally()] as const));
  const all = newTally();
  const stageAges = new Map<OpenStage, { ages: number[]; open: number; stale: number }>(
    FUNNEL_STAGES.map((s) => [s, { ages: [], open: 0, stale: 0 }] as const),
  );
  const stale: StaleDeal[] = [];
  let undated = 0;
  let agedFromCreated = 0;
  let withoutCreated = 0;

  for (const deal of input.deals) {
    let tally = bySource.get(deal.source);
    if (tally === undefined) bySource.set(deal.source, (tally = newTally()));
    if (deal.created === null) withoutCreated++;
    else if (inWindow(deal.created)) {
      for (const t of [tally, all]) {
        t.created++;
        if (QUALIFIED.has(deal.stage)) t.qualified++;
        if (deal.stage === "won") {
          t.won++;
          t.wonAmount += deal.amount;
        } else if (deal.stage === "lost") t.lost++;
      }
    }
    if (!OPEN.has(deal.stage)) continue;
    const stage = deal.stage as OpenStage;
    const byStage = stageAges.get(stage) as { ages: number[]; open: number; stale: number };
    tally.open++;
    all.open++;
    byStage.open++;
    const age = stageAge(deal, input.asOf);
    if (age === null) {
      undated++;
      continue;
    }
    if (deal.stageSince === null) agedFromCreated++;
    tally.ages.push(age);
    all.ages.push(age);
    byStage.ages.push(age);
    const limit = input.staleDays[stage];
    if (age <= limit) continue;
    tally.stale++;
    all.stale++;
    byStage.stale++;
    const client = clients.get(deal.clientId);
    stale.push({
      dealId: deal.dealId,
      clientId: deal.clientId,
      clientName: client?.name ?? deal.clientId,
      title: deal.title,
      owner: (deal.owner ?? client?.owner ?? null)?.toLowerCase() ?? null,
      stage,
      amount: deal.amount,
      since: stageStart(deal) as CalDate,
      sinceIsCreated: deal.stageSince === null,
      age,
      limit,
    });
  }

  stale.sort(
    (a, b) =>
      b.age - b.limit - (a.age - a.limit) ||
      b.amount - a.amount ||
      (a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : 0),
  );
  const known = input.sources.map((s) => line(s, bySource.get(s) as Tally));
  const others = [...bySource.entries()]
    .filter(([source]) => source === null || !input.sources.includes(source))
    .filter(([, t]) => t.created > 0 || t.open > 0)
    .map(([source, t]) => line(source, t));
  return {
    from: addMonths(input.windowEnd, -12),
    to: input.windowEnd,
    asOf: input.asOf,
    lines: [...known, ...others],
    total: line(null, all),
    stages: FUNNEL_STAGES.map((stage) => {
      const s = stageAges.get(stage) as { ages: number[]; open: number; stale: number };
      return {
        stage,
        open: s.open,
        medianAge: median(s.ages),
        limit: input.staleDays[stage],
        stale: s.stale,
      };
    }),
    stale,
    undated,
    agedFromCreated,
    withoutCreated,
  };
}

/** The funnel as the report's --json gives it: amounts in yuan, dates YYYY-MM-DD, rates as fractions. */
export function funnelJson(f: FunnelFigures) {
  const lineJson = (l: FunnelLine) => ({
    source: l.source,
    created: l.created,
    qualified: l.qualified,
    won: l.won,
    lost: l.lost,
    wonAmount: fromCents(l.wonAmount),
    toQualified: l.toQualified,
    toWon: l.toWon,
    open: l.open,
    medianStageAge: l.medianAge,
    stale: l.stale,
  });
  return {
    from: formatIsoDate(f.from),
    to: formatIsoDate(f.to),
    asOf: formatIsoDate(f.asOf),
    bySource: f.lines.map(lineJson),
    total: lineJson(f.total),
    stages: f.stages.map((s) => ({
      stage: s.stage,
      open: s.open,
      medianStageAge: s.medianAge,
      staleDays: s.limit,
      stale: s.stale,
    })),
    undated: f.undated,
    agedFromCreated: f.agedFromCreated,
    withoutCreated: f.withoutCreated,
  };
}

/** A stale deal as JSON (the report and the schedule's --json). */
export function staleDealJson(d: StaleDeal) {
  return {
    dealId: d.dealId,
    clientId: d.clientId,
    title: d.title,
    owner: d.owner,
    stage: d.stage,
    since: formatIsoDate(d.since),
    sinceIsCreated: d.sinceIsCreated,
    days: d.age,
    staleDays: d.limit,
    amount: fromCents(d.amount),
  };
}
