/**
 * The monthly performance report (月度业绩报告) as figures: every figure of rules.md §3 for a
 * month `M`, per owner and for the team, with the precise readings of §4. Plain data in (the
 * typed rows of the workbook, structurally), plain data out; amounts stay in cents until
 * `reportJson` turns them into yuan. Every table is scanned once and joined through indexes by
 * ID, so the cost grows linearly with the workbook.
 */
import {
  addDays,
  firstDayOfMonth,
  formatIsoDate,
  lastDayOfMonth,
  monthKey,
  monthRange,
  shiftMonth,
  type CalDate,
  type MonthKey,
  type YearMonth,
} from "./dates";
import { outstandingAt } from "./contracts";
import { ExactSum, fromCents, type Cents } from "./money";
import { indexTargets, type TargetEntry } from "./targets";
import { purchaseWindow } from "./tiers";

export type ReportTier = "A" | "B" | "C";
export const REPORT_TIERS: readonly ReportTier[] = ["A", "B", "C"];
const TIER_RANK: Readonly<Record<ReportTier, number>> = { A: 3, B: 2, C: 1 };

export interface ReportClient {
  readonly clientId: string;
  readonly name: string;
  readonly industry: string | null;
  readonly owner: string | null;
  readonly status: "active" | "inactive";
  /** The Tier cell as the last tier calculation left it. */
  readonly tier: ReportTier | null;
  readonly purchaseOverride: Cents | null;
}

export interface ReportDeal {
  readonly dealId: string;
  readonly clientId: string;
  readonly title: string | null;
  readonly owner: string | null;
  readonly stage: string;
  readonly amount: Cents;
  readonly probability: number | null;
  readonly expectedClose: CalDate | null;
  readonly closedOn: CalDate | null;
  readonly source: string | null;
  readonly lostReason: string | null;
}

export interface ReportContract {
  readonly contractId: string;
  readonly clientId: string;
  readonly owner: string | null;
  readonly value: Cents | null;
  readonly status: string | null;
  readonly signedOn: CalDate | null;
  readonly end: CalDate | null;
}

export interface ReportPayment {
  readonly contractId: string;
  readonly due: CalDate;
  readonly amountDue: Cents;
  readonly paidOn: CalDate | null;
  readonly amountPaid: Cents;
}

export interface ReportInteraction {
  readonly date: CalDate;
  readonly clientId: string;
  readonly channel: string | null;
  readonly responded: "yes" | "no" | null;
  readonly satisfaction: number | null;
}

export interface ReportIndustry {
  readonly industry: string;
  readonly growth: number | null;
}

/** A row of Tier history. */
export interface ReportTierChange {
  readonly date: CalDate;
  readonly clientId: string;
  readonly from: ReportTier | null;
  readonly to: ReportTier | null;
  readonly reason: string | null;
}

export interface ReportInput {
  readonly year: number;
  readonly month: number;
  readonly clients: readonly ReportClient[];
  readonly deals: readonly ReportDeal[];
  readonly contracts: readonly ReportContract[];
  readonly payments: readonly ReportPayment[];
  readonly interactions: readonly ReportInteraction[];
  readonly targets: readonly TargetEntry[];
  readonly industries: readonly ReportIndustry[];
  readonly tierHistory: readonly ReportTierChange[];
  /** `report.underperformShare`. */
  readonly underperformShare: number;
  /** `renewal.noticeDays`. */
  readonly renewalNoticeDays: number;
  /** `contact.T.intervalDays` per tier; a client without a Tier uses the C cadence. */
  readonly intervalDays: Readonly<Record<ReportTier, number>>;
  /** The open stages in pipeline order, and each stage's probability when a deal has none. */
  readonly openStages: readonly string[];
  readonly defaultProbability: Readonly<Record<string, number>>;
  /** The channel codes, in display order. */
  readonly channels: readonly string[];
  /** How industry names and lost reasons compare (workbook names: NFKC, trimmed, case-folded). */
  readonly nameKey: (text: string) => string;
}

export interface OwnerFigures {
  readonly owner: string;
  readonly won: Cents;
  readonly wonCount: number;
  readonly lostCount: number;
  readonly winRate: number | null;
  readonly target: Cents | null;
  readonly attainment: number | null;
  readonly underperforming: boolean;
}

export interface TeamFigures {
  readonly won: Cents;
  readonly wonCount: number;
  readonly lostCount: number;
  readonly winRate: number | null;
  readonly target: Cents | null;
  readonly attainment: number | null;
  readonly prevMonthWon: Cents;
  readonly sameMonthLastYearWon: Cents;
  /** (won − prevMonthWon) ÷ prevMonthWon; null when the previous month won nothing. */
  readonly momChange: number | null;
  readonly yoyChange: number | null;
  readonly qtdWon: Cents;
  readonly qtdTarget: Cents | null;
  readonly qtdAttainment: number | null;
  readonly ytdWon: Cents;
  readonly ytdTarget: Cents | null;
  readonly ytdAttainment: number | null;
  /**
   * Coverage: over the months among the 3 after M that have a team target (`coverageMonths`), the
   * weighted open pipeline expected to close in them ÷ their target; null when none has one.
   * `coverageMonthsWithoutTarget` names the others, which coverage leaves out on both sides.
   */
  readonly coverageWeighted: Cents;
  readonly coverageTarget: Cents | null;
  readonly coverage: number | null;
  readonly coverageMonths: readonly MonthKey[];
  readonly coverageMonthsWithoutTarget: readonly MonthKey[];
  /** Won in M by deals with no owner and a client with no owner (in the team, in no owner's row). */
  readonly unassignedWon: Cents;
  readonly unassignedCount: number;
}

export interface PipelineStage {
  readonly stage: string;
  readonly count: number;
  readonly amount: Cents;
  readonly weighted: Cents;
}

export interface PipelineTotal {
  readonly count: number;
  readonly amount: Cents;
  readonly weighted: Cents;
}

export interface LostDeal {
  readonly dealId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly title: string | null;
  readonly amount: Cents;
  readonly closedOn: CalDate;
  readonly reason: string | null;
}

export interface Underperformer {
  readonly owner: string;
  readonly won: Cents;
  readonly target: Cents | null;
  readonly attainment: number | null;
  readonly lostDeals: readonly LostDeal[];
  readonly openPipeline: PipelineTotal;
}

export interface RenewalDue {
  readonly contractId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly owner: string | null;
  readonly status: string;
  readonly end: CalDate;
  readonly value: Cents | null;
}

export interface ClientOutstanding {
  readonly clientId: string | null;
  readonly clientName: string;
  readonly outstanding: Cents;
  readonly count: number;
}

export interface TierChangeLine {
  readonly date: CalDate;
  readonly clientId: string;
  readonly clientName: string;
  readonly from: ReportTier | null;
  readonly to: ReportTier | null;
  readonly direction: "up" | "down" | "new" | "same";
  readonly reason: string | null;
}

export interface ChannelFigures {
  readonly channel: string;
  readonly count: number;
  readonly responded: number;
  readonly answered: number;
  readonly rate: number | null;
}

export interface SourceFigures {
  readonly source: string | null;
  readonly won: Cents;
  readonly count: number;
}

export interface IndustryFigures {
  readonly industry: string | null;
  readonly growth: number | null;
  readonly clients: number;
  readonly won: Cents;
  readonly count: number;
  readonly purchase12m: Cents;
}

export interface LostReasonFigures {
  readonly reason: string | null;
  readonly count: number;
  readonly amount: Cents;
}

export interface TrendPoint {
  readonly month: MonthKey;
  readonly won: Cents;
  readonly target: Cents | null;
}

export interface ReportModel {
  readonly month: MonthKey;
  readonly monthStart: CalDate;
  readonly monthEnd: CalDate;
  readonly team: TeamFigures;
  readonly owners: readonly OwnerFigures[];
  readonly underperformers: readonly Underperformer[];
  readonly pipeline: readonly PipelineStage[];
  readonly pipelineTotal: PipelineTotal;
  readonly contractsSigned: { readonly count: number; readonly value: Cents };
  readonly renewalsDue: readonly RenewalDue[];
  readonly receivablesOverdue: {
    readonly total: Cents;
    readonly count: number;
    readonly byClient: readonly ClientOutstanding[];
  };
  readonly collected: Cents;
  /** False when no client has a Tier cell: the tier calculation has never run. */
  readonly tiersComputed: boolean;
  readonly activeClients: number;
  readonly tierCounts: Readonly<Record<ReportTier, number>>;
  /** Active clients with a blank Tier cell. */
  readonly untiered: number;
  readonly tierChanges: {
    readonly count: number;
    readonly up: number;
    readonly down: number;
    readonly new: number;
    readonly rows: readonly TierChangeLine[];
  };
  readonly contactCompliance: number | null;
  readonly contactCompliant: number;
  readonly interactions: {
    readonly total: number;
    readonly byChannel: readonly ChannelFigures[];
    readonly satisfaction: number | null;
    readonly satisfactionCount: number;
  };
  readonly sources: readonly SourceFigures[];
  readonly industries: readonly IndustryFigures[];
  readonly lostReasons: readonly LostReasonFigures[];
  readonly trend: readonly TrendPoint[];
}

const rate = (part: number, whole: number | null): number | null =>
  whole === null || whole === 0 ? null : part / whole;
const change = (now: number, before: number): number | null =>
  before === 0 ? null : (now - before) / before;

/** Adds to a numeric entry of a map. */
function bump<K>(map: Map<K, number>, key: K, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

interface OwnerTally {
  won: Cents;
  wonCount: number;
  lostCount: number;
  lostDeals: LostDeal[];
}

const newTally = (): OwnerTally => ({
  won: 0,
  wonCount: 0,
  lostCount: 0,
  lostDeals: [],
});

/** Open deals: count, amount and the weighted amount summed exactly (rounded once, when shown). */
interface OpenTally {
  count: number;
  amount: Cents;
  weighted: ExactSum;
}

const newOpen = (): OpenTally => ({ count: 0, amount: 0, weighted: new ExactSum() });
const openFigures = (open: OpenTally | undefined): PipelineTotal =>
  open
    ? { count: open.count, amount: open.amount, weighted: open.weighted.cents() }
    : { count: 0, amount: 0, weighted: 0 };

/** Computes every figure of the report for the input's month. */
export function computeReport(input: ReportInput): ReportModel {
  const at: YearMonth = { year: input.year, month: input.month };
  const monthStart = firstDayOfMonth(at.year, at.month);
  const monthEnd = lastDayOfMonth(at.year, at.month);
  const inMonth = (date: CalDate | null): date is CalDate =>
    date !== null && date >= monthStart && date <= monthEnd;
  const key = input.nameKey;

  // Months M−12 … M: their first days bound the won-by-month tally (index 12 is M).
  const firstOf: CalDate[] = [];
  for (let i = -12; i <= 1; i++) {
    const m = shiftMonth(at.year, at.month, i);
    firstOf.push(firstDayOfMonth(m.year, m.month));
  }
  const wonByMonth = new Array<Cents>(13).fill(0);
  const monthSlot = (date: CalDate): number => {
    if (date < firstOf[0] || date >= firstOf[13]) return -1;
    let i = 12;
    while (firstOf[i] > date) i--;
    return i;
  };
  const inPurchaseWindow = purchaseWindow(monthEnd); // the 12 months (E − 12 months, E]

  /** Industry text → its key: many clients share a few spellings, so each is normalised once. */
  const industryKeyOf = new Map<string, string>();
  const industryKey = (text: string): string => {
    let found = industryKeyOf.get(text);
    if (found === undefined) {
      found = key(text);
      industryKeyOf.set(text, found);
    }
    return found;
  };

  // Clients, indexed by ID: each one's slot in input.clients.
  const clientSlot = new Map<string, number>();
  const clientById = {
    get: (id: string): ReportClient | undefined => {
      const slot = clientSlot.get(id);
      return slot === undefined ? undefined : input.clients[slot];
    },
  };
  const tierCounts: Record<ReportTier, number> = { A: 0, B: 0, C: 0 };
  let activeClients = 0;
  let untiered = 0;
  let tiersComputed = false;
  input.clients.forEach((client, slot) => {
    if (!clientSlot.has(client.clientId)) clientSlot.set(client.clientId, slot);
    if (client.tier !== null) tiersComputed = true;
    if (client.status !== "active") return;
    activeClients++;
    if (client.tier === null) untiered++;
    else tierCounts[client.tier]++;
  });
  const clientName = (id: string): string => clientById.get(id)?.name ?? id;

  // Deals.
  const owners = new Map<string, OwnerTally>();
  const tally = (owner: string): OwnerTally => {
    let found = owners.get(owner);
    if (!found) {
      found = newTally();
      owners.set(owner, found);
    }
    return found;
  };
  const openOwners = new Map<string, OpenTally>();
  const stageIndex = new Map(input.openStages.map((stage, i) => [stage, i] as const));
  const openByStage = input.openStages.map(newOpen);
  const openAll = newOpen();
  // The coverage window (E, end of M + 3]: the weighted pipeline of each of its three months.
  const coverageWindow = [1, 2, 3].map((i) => shiftMonth(at.year, at.month, i));
  const coverageEnd = lastDayOfMonth(coverageWindow[2].year, coverageWindow[2].month);
  const coverageStarts = coverageWindow.map((m) => firstDayOfMonth(m.year, m.month));
  const coverageByMonth = coverageWindow.map(() => new ExactSum());
  let won = 0;
  let wonCount = 0;
  let lostCount = 0;
  let unassignedWon = 0;
  let unassignedCount = 0;
  const bySource = new Map<string | null, { won: Cents; count: number }>();
  const industryWon = new Map<string | null, { won: Cents; count: number }>();
  const clientWon12 = new Map<string, Cents>();
  const lostByReason = new Map<string | null, { reason: string | null; count: number; amount: Cents }>();

  for (const deal of input.deals) {
    if (deal.stage === "won") {
      if (deal.closedOn === null) continue;
      const slot = monthSlot(deal.closedOn);
      if (slot >= 0) wonByMonth[slot] += deal.amount;
      if (inPurchaseWindow(deal.closedOn)) bump(clientWon12, deal.clientId, deal.amount);
      if (slot !== 12) continue;
      const client = clientById.get(deal.clientId);
      const owner = deal.owner ?? client?.owner ?? null;
      won += deal.amount;
      wonCount++;
      if (owner === null) {
        unassignedWon += deal.amount;
        unassignedCount++;
      } else {
        const t = tally(owner);
        t.won += deal.amount;
        t.wonCount++;
      }
      const source = bySource.get(deal.source) ?? { won: 0, count: 0 };
      source.won += deal.amount;
      source.count++;
      bySource.set(deal.source, source);
      const industry = client?.industry ? industryKey(client.industry) : null;
      const ind = industryWon.get(industry) ?? { won: 0, count: 0 };
      ind.won += deal.amount;
      ind.count++;
      industryWon.set(industry, ind);
    } else if (deal.stage === "lost") {
      if (!inMonth(deal.closedOn)) continue;
      const client = clientById.get(deal.clientId);
      const owner = deal.owner ?? client?.owner ?? null;
      lostCount++;
      const reasonKey = deal.lostReason === null ? null : key(deal.lostReason);
      const reason = lostByReason.get(reasonKey) ?? { reason: deal.lostReason, count: 0, amount: 0 };
      reason.count++;
      reason.amount += deal.amount;
      lostByReason.set(reasonKey, reason);
      if (owner !== null) {
        const t = tally(owner);
        t.lostCount++;
        t.lostDeals.push({
          dealId: deal.dealId,
          clientId: deal.clientId,
          clientName: client?.name ?? deal.clientId,
          title: deal.title,
          amount: deal.amount,
          closedOn: deal.closedOn,
          reason: deal.lostReason,
        });
      }
    } else {
      const index = stageIndex.get(deal.stage);
      if (index === undefined) continue;
      const owner = deal.owner ?? clientById.get(deal.clientId)?.owner ?? null;
      const probability = deal.probability ?? input.defaultProbability[deal.stage] ?? 0;
      const tallies = [openByStage[index], openAll];
      if (owner !== null) {
        let open = openOwners.get(owner);
        if (!open) openOwners.set(owner, (open = newOpen()));
        tallies.push(open);
      }
      for (const open of tallies) {
        open.count++;
        open.amount += deal.amount;
        open.weighted.add(deal.amount, probability);
      }
      const close = deal.expectedClose;
      if (close !== null && close > monthEnd && close <= coverageEnd) {
        const slot = close >= coverageStarts[2] ? 2 : close >= coverageStarts[1] ? 1 : 0;
        coverageByMonth[slot].add(deal.amount, probability);
      }
    }
  }

  // Targets and the team.
  const targets = indexTargets(input.targets);
  for (const owner of targets.owners) if (targets.ownerTarget(owner, at) !== null) tally(owner);
  const teamTarget = targets.teamTarget(at);
  const quarterStart = shiftMonth(at.year, at.month, -((at.month - 1) % 3));
  const qtdMonths = monthRange(quarterStart, at);
  const ytdMonths = monthRange({ year: at.year, month: 1 }, at);
  const qtdWon = wonByMonth.slice(13 - qtdMonths.length).reduce((a, b) => a + b, 0);
  const ytdWon = wonByMonth.slice(13 - ytdMonths.length).reduce((a, b) => a + b, 0);
  const qtdTarget = targets.teamTargetSum(qtdMonths);
  const ytdTarget = targets.teamTargetSum(ytdMonths);
  // Coverage counts only the months of the window that have a team target, on both sides.
  const coverageWithTarget = coverageWindow.map((m) => targets.teamTarget(m) !== null);
  const coverageSum = new ExactSum();
  coverageByMonth.forEach((sum, i) => {
    if (coverageWithTarget[i]) coverageSum.addSum(sum);
  });
  const coverageTarget = targets.teamTargetSum(coverageWindow);
  const coverageMonthKeys = coverageWindow.map((m) => monthKey(m.year, m.month));
  const team: TeamFigures = {
    won,
    wonCount,
    lostCount,
    winRate: rate(wonCount, wonCount + lostCount),
    target: teamTarget,
    attainment: rate(won, teamTarget),
    prevMonthWon: wonByMonth[11],
    sameMonthLastYearWon: wonByMonth[0],
    momChange: change(won, wonByMonth[11]),
    yoyChange: change(won, wonByMonth[0]),
    qtdWon,
    qtdTarget,
    qtdAttainment: rate(qtdWon, qtdTarget),
    ytdWon,
    ytdTarget,
    ytdAttainment: rate(ytdWon, ytdTarget),
    coverageWeighted: coverageSum.cents(),
    coverageTarget,
    coverage: rate(coverageSum.value(), coverageTarget),
    coverageMonths: coverageMonthKeys.filter((_, i) => coverageWithTarget[i]),
    coverageMonthsWithoutTarget: coverageMonthKeys.filter((_, i) => !coverageWithTarget[i]),
    unassignedWon,
    unassignedCount,
  };

  const ownerFigures: OwnerFigures[] = [...owners.entries()].map(([owner, t]) => {
    const target = targets.ownerTarget(owner, at);
    const attainment = rate(t.won, target);
    return {
      owner,
      won: t.won,
      wonCount: t.wonCount,
      lostCount: t.lostCount,
      winRate: rate(t.wonCount, t.wonCount + t.lostCount),
      target,
      attainment,
      underperforming: attainment !== null && attainment < input.underperformShare,
    };
  });
  ownerFigures.sort((a, b) => b.won - a.won || (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
  const underperformers: Underperformer[] = ownerFigures
    .filter((o) => o.underperforming)
    .map((o) => {
      const t = owners.get(o.owner) as OwnerTally;
      return {
        owner: o.owner,
        won: o.won,
        target: o.target,
        attainment: o.attainment,
        lostDeals: [...t.lostDeals].sort((a, b) => b.amount - a.amount || compareText(a.dealId, b.dealId)),
        openPipeline: openFigures(openOwners.get(o.owner)),
      };
    });
  const pipeline: PipelineStage[] = input.openStages.map((stage, i) => ({
    stage,
    ...openFigures(openByStage[i]),
  }));
  const pipelineTotal = openFigures(openAll);

  // Contracts and payments.
  const contractById = new Map<string, ReportContract>();
  let signedCount = 0;
  let signedValue = 0;
  const renewalsDue: RenewalDue[] = [];
  const renewalEnd = addDays(monthEnd, input.renewalNoticeDays);
  for (const contract of input.contracts) {
    contractById.set(contract.contractId, contract);
    if (inMonth(contract.signedOn)) {
      signedCount++;
      signedValue += contract.value ?? 0;
    }
    if ((contract.status === "signed" || contract.status === "active") && contract.end !== null) {
      if (contract.end > monthEnd && contract.end <= renewalEnd) {
        renewalsDue.push({
          contractId: contract.contractId,
          clientId: contract.clientId,
          clientName: clientName(contract.clientId),
          owner: contract.owner ?? clientById.get(contract.clientId)?.owner ?? null,
          status: contract.status,
          end: contract.end,
          value: contract.value,
        });
      }
    }
  }
  renewalsDue.sort((a, b) => a.end - b.end || compareText(a.contractId, b.contractId));

  let collected = 0;
  const overdueCutoff = { dueBy: monthEnd, paidBy: monthEnd };
  let overdueTotal = 0;
  let overdueCount = 0;
  const overdueByClient = new Map<string | null, { outstanding: Cents; count: number }>();
  for (const payment of input.payments) {
    if (inMonth(payment.paidOn)) collected += payment.amountPaid;
    const outstanding = outstandingAt(payment, overdueCutoff);
    if (outstanding === 0) continue;
    overdueTotal += outstanding;
    overdueCount++;
    const clientId = contractById.get(payment.contractId)?.clientId ?? null;
    const entry = overdueByClient.get(clientId) ?? { outstanding: 0, count: 0 };
    entry.outstanding += outstanding;
    entry.count++;
    overdueByClient.set(clientId, entry);
  }
  const byClient: ClientOutstanding[] = [...overdueByClient.entries()]
    .map(([clientId, e]) => ({
      clientId,
      clientName: clientId === null ? "" : clientName(clientId),
      outstanding: e.outstanding,
      count: e.count,
    }))
    .sort((a, b) => b.outstanding - a.outstanding || compareText(a.clientId ?? "", b.clientId ?? ""));

  // Interactions: the month's activity, and each client's last contact up to E.
  const channelIndex = new Map(input.channels.map((channel, i) => [channel, i] as const));
  const byChannel = input.channels.map((channel) => ({ channel, count: 0, responded: 0, answered: 0 }));
  let interactionTotal = 0;
  let satisfactionSum = 0;
  let satisfactionCount = 0;
  // Each client's last contact up to E, by slot (-Infinity: none).
  const lastContact = new Float64Array(input.clients.length).fill(-Infinity);
  for (const interaction of input.interactions) {
    if (interaction.date <= monthEnd) {
      const slot = clientSlot.get(interaction.clientId);
      if (slot !== undefined && interaction.date > lastContact[slot]) lastContact[slot] = interaction.date;
    }
    if (!inMonth(interaction.date)) continue;
    interactionTotal++;
    if (interaction.satisfaction !== null) {
      satisfactionSum += interaction.satisfaction;
      satisfactionCount++;
    }
    const index = interaction.channel === null ? undefined : channelIndex.get(interaction.channel);
    if (index === undefined) continue;
    const line = byChannel[index];
    line.count++;
    if (interaction.responded !== null) line.answered++;
    if (interaction.responded === "yes") line.responded++;
  }

  // Contact compliance, the 12-month purchase by industry and the industry table.
  let compliant = 0;
  const industryNames = new Map<string, string>();
  const industryGrowth = new Map<string, number | null>();
  for (const row of input.industries) {
    const k = key(row.industry);
    if (industryNames.has(k)) continue;
    industryNames.set(k, row.industry);
    industryGrowth.set(k, row.growth);
  }
  const industryPurchase = new Map<string | null, Cents>();
  const industryClients = new Map<string | null, number>();
  for (let slot = 0; slot < input.clients.length; slot++) {
    const client = input.clients[slot];
    const industry = client.industry ? industryKey(client.industry) : null;
    if (client.industry && industry !== null && !industryNames.has(industry))
      industryNames.set(industry, client.industry);
    bump(industryClients, industry, 1);
    bump(industryPurchase, industry, client.purchaseOverride ?? clientWon12.get(client.clientId) ?? 0);
    if (client.status !== "active") continue;
    const last = lastContact[clientSlot.get(client.clientId) ?? slot];
    if (monthEnd - last <= input.intervalDays[client.tier ?? "C"]) compliant++;
  }
  const industryKeys = new Set<string | null>([...industryNames.keys(), ...industryClients.keys()]);
  const industries: IndustryFigures[] = [...industryKeys]
    .map((k) => ({
      industry: k === null ? null : (industryNames.get(k) ?? k),
      growth: k === null ? null : (industryGrowth.get(k) ?? null),
      clients: industryClients.get(k) ?? 0,
      won: industryWon.get(k)?.won ?? 0,
      count: industryWon.get(k)?.count ?? 0,
      purchase12m: industryPurchase.get(k) ?? 0,
    }))
    .sort(
      (a, b) => b.won - a.won || b.purchase12m - a.purchase12m || compareNullable(a.industry, b.industry),
    );

  // Tier history rows dated in M.
  const tierRows: TierChangeLine[] = [];
  let up = 0;
  let down = 0;
  let fresh = 0;
  for (const row of input.tierHistory) {
    if (!inMonth(row.date)) continue;
    const direction: TierChangeLine["direction"] =
      row.from === null
        ? "new"
        : row.to === null
          ? "same"
          : TIER_RANK[row.to] > TIER_RANK[row.from]
            ? "up"
            : TIER_RANK[row.to] < TIER_RANK[row.from]
              ? "down"
              : "same";
    if (direction === "up") up++;
    else if (direction === "down") down++;
    else if (direction === "new") fresh++;
    tierRows.push({ ...row, clientName: clientName(row.clientId), direction });
  }
  tierRows.sort((a, b) => a.date - b.date || compareText(a.clientId, b.clientId));

  const trend: TrendPoint[] = [];
  for (let i = -11; i <= 0; i++) {
    const m = shiftMonth(at.year, at.month, i);
    trend.push({ month: monthKey(m.year, m.month), won: wonByMonth[12 + i], target: targets.teamTarget(m) });
  }

  return {
    month: monthKey(at.year, at.month),
    monthStart,
    monthEnd,
    team,
    owners: ownerFigures,
    underperformers,
    pipeline,
    pipelineTotal,
    contractsSigned: { count: signedCount, value: signedValue },
    renewalsDue,
    receivablesOverdue: { total: overdueTotal, count: overdueCount, byClient },
    collected,
    tiersComputed,
    activeClients,
    tierCounts,
    untiered,
    tierChanges: { count: tierRows.length, up, down, new: fresh, rows: tierRows },
    contactCompliance: rate(compliant, activeClients),
    contactCompliant: compliant,
    interactions: {
      total: interactionTotal,
      byChannel: byChannel.map((c) => ({ ...c, rate: rate(c.responded, c.answered) })),
      satisfaction: satisfactionCount === 0 ? null : satisfactionSum / satisfactionCount,
      satisfactionCount,
    },
    sources: [...bySource.entries()]
      .map(([source, s]) => ({ source, won: s.won, count: s.count }))
      .sort((a, b) => b.won - a.won || b.count - a.count || compareNullable(a.source, b.source)),
    industries,
    lostReasons: [...lostByReason.values()].sort(
      (a, b) => b.count - a.count || b.amount - a.amount || compareNullable(a.reason, b.reason),
    ),
    trend,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Text order with null (unspecified) last. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return compareText(a, b);
}

// ---------------------------------------------------------------------------------------
// JSON (rules.md §3): amounts in yuan (up to 2 decimals), rates as unrounded fractions,
// dates as YYYY-MM-DD, a missing value null, text raw.

const money = (cents: Cents): number => fromCents(cents);
const moneyOrNull = (cents: Cents | null): number | null => (cents === null ? null : fromCents(cents));

/** The report as the command line's --json writes it. */
export function reportJson(model: ReportModel, currency: string) {
  const formatDate = formatIsoDate;
  const t = model.team;
  return {
    month: model.month,
    currency,
    team: {
      won: money(t.won),
      wonCount: t.wonCount,
      lostCount: t.lostCount,
      winRate: t.winRate,
      target: moneyOrNull(t.target),
      attainment: t.attainment,
      prevMonthWon: money(t.prevMonthWon),
      sameMonthLastYearWon: money(t.sameMonthLastYearWon),
      momChange: t.momChange,
      yoyChange: t.yoyChange,
      qtdWon: money(t.qtdWon),
      qtdTarget: moneyOrNull(t.qtdTarget),
      ytdWon: money(t.ytdWon),
      ytdTarget: moneyOrNull(t.ytdTarget),
      coverage: t.coverage,
      coverageWeighted: money(t.coverageWeighted),
      coverageTarget: moneyOrNull(t.coverageTarget),
      coverageMonths: [...t.coverageMonths],
      coverageMonthsWithoutTarget: [...t.coverageMonthsWithoutTarget],
      unassignedWon: money(t.unassignedWon),
    },
    owners: model.owners.map((o) => ({
      owner: o.owner,
      won: money(o.won),
      wonCount: o.wonCount,
      lostCount: o.lostCount,
      winRate: o.winRate,
      target: moneyOrNull(o.target),
      attainment: o.attainment,
      underperforming: o.underperforming,
    })),
    underperformers: model.underperformers.map((u) => ({
      owner: u.owner,
      attainment: u.attainment,
      lostDeals: u.lostDeals.map((d) => ({
        dealId: d.dealId,
        clientId: d.clientId,
        amount: money(d.amount),
        closedOn: formatDate(d.closedOn),
        reason: d.reason,
      })),
      openPipeline: {
        count: u.openPipeline.count,
        amount: money(u.openPipeline.amount),
        weighted: money(u.openPipeline.weighted),
      },
    })),
    pipeline: model.pipeline.map((p) => ({
      stage: p.stage,
      count: p.count,
      amount: money(p.amount),
      weighted: money(p.weighted),
    })),
    contractsSigned: { count: model.contractsSigned.count, value: money(model.contractsSigned.value) },
    renewalsDue: model.renewalsDue.map((r) => ({
      contractId: r.contractId,
      clientId: r.clientId,
      end: formatDate(r.end),
      value: moneyOrNull(r.value),
    })),
    receivablesOverdue: {
      total: money(model.receivablesOverdue.total),
      count: model.receivablesOverdue.count,
      byClient: model.receivablesOverdue.byClient.map((c) => ({
        clientId: c.clientId,
        outstanding: money(c.outstanding),
      })),
    },
    collected: money(model.collected),
    tiersComputed: model.tiersComputed,
    tierCounts: { ...model.tierCounts },
    tierChanges: {
      count: model.tierChanges.count,
      up: model.tierChanges.up,
      down: model.tierChanges.down,
      new: model.tierChanges.new,
      rows: model.tierChanges.rows.map((r) => ({
        date: formatDate(r.date),
        clientId: r.clientId,
        from: r.from,
        to: r.to,
      })),
    },
    contactCompliance: model.contactCompliance,
    interactions: {
      total: model.interactions.total,
      byChannel: model.interactions.byChannel.map((c) => ({
        channel: c.channel,
        count: c.count,
        responded: c.responded,
        answered: c.answered,
        rate: c.rate,
      })),
      satisfaction: model.interactions.satisfaction,
    },
    sources: model.sources.map((s) => ({ source: s.source, won: money(s.won), count: s.count })),
    industries: model.industries.map((i) => ({
      industry: i.industry,
      growth: i.growth,
      won: money(i.won),
      count: i.count,
      purchase12m: money(i.purchase12m),
    })),
    lostReasons: model.lostReasons.map((l) => ({
      reason: l.reason,
      count: l.count,
      amount: money(l.amount),
    })),
    trend: model.trend.map((p) => ({ month: p.month, won: money(p.won), target: moneyOrNull(p.target) })),
  };
}

export type ReportJson = ReturnType<typeof reportJson>;
