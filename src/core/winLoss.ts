/**
 * Win and loss over 12 months (总结成功案例与失败经验, 竞争格局): the deals won or lost with Closed
 * on in (E − 12 months, E], by competitor (wins, losses, win rate, amounts) and by lost reason
 * (losses, amount, share of all losses), and the largest won and the largest lost deal as named
 * cases. Competitors and reasons compare as workbook names do (the caller's `nameKey`: case,
 * spaces and full width ignored); each is shown as first written. Pure, one pass over the deals.
 */
import { addMonths, formatIsoDate, type CalDate } from "./dates";
import { fromCents, type Cents } from "./money";
import { purchaseWindow } from "./tiers";
import type { FunnelClient } from "./funnel";

export interface WinLossDeal {
  readonly dealId: string;
  readonly clientId: string;
  readonly title: string | null;
  readonly owner: string | null;
  readonly stage: string;
  readonly amount: Cents;
  readonly closedOn: CalDate | null;
  readonly competitor: string | null;
  readonly lostReason: string | null;
}

/** A client as the funnel and the win/loss table both name it. */
export type WinLossClient = FunnelClient;

export interface WinLossInput {
  readonly deals: readonly WinLossDeal[];
  readonly clients: readonly WinLossClient[];
  /** The last day of the 12 months (the report month's last day). */
  readonly windowEnd: CalDate;
  readonly nameKey: (text: string) => string;
}

export interface CompetitorLine {
  /** As first written; null for deals that name no competitor. */
  readonly competitor: string | null;
  readonly wins: number;
  readonly losses: number;
  /** wins ÷ (wins + losses). */
  readonly winRate: number | null;
  readonly wonAmount: Cents;
  readonly lostAmount: Cents;
}

export interface ReasonLine {
  readonly reason: string | null;
  readonly losses: number;
  readonly amount: Cents;
  /** losses ÷ all losses of the 12 months. */
  readonly share: number | null;
}

/** A named case: one deal with what the team should remember of it. */
export interface DealCase {
  readonly dealId: string;
  readonly title: string | null;
  readonly clientId: string;
  readonly clientName: string;
  /** The deal's Owner, else its client's (lower case). */
  readonly owner: string | null;
  readonly amount: Cents;
  readonly closedOn: CalDate;
  readonly competitor: string | null;
  readonly reason: string | null;
}

export interface WinLossFigures {
  readonly from: CalDate;
  readonly to: CalDate;
  readonly competitors: readonly CompetitorLine[];
  readonly reasons: readonly ReasonLine[];
  readonly total: CompetitorLine;
  readonly largestWon: DealCase | null;
  readonly largestLost: DealCase | null;
}

interface Tally {
  name: string | null;
  wins: number;
  losses: number;
  wonAmount: Cents;
  lostAmount: Cents;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Text order with null (unspecified) last. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return compareText(a, b);
}

/** The larger of two cases: larger amount, then earlier Closed on, then smaller Deal ID. */
function larger(a: DealCase | null, b: DealCase): DealCase {
  if (a === null) return b;
  if (b.amount !== a.amount) return b.amount > a.amount ? b : a;
  if (b.closedOn !== a.closedOn) return b.closedOn < a.closedOn ? b : a;
  return compareText(b.dealId, a.dealId) < 0 ? b : a;
}

const toLine = (t: Tally): CompetitorLine => ({
  competitor: t.name,
  wins: t.wins,
  losses: t.losses,
  winRate: t.wins + t.losses === 0 ? null : t.wins / (t.wins + t.losses),
  wonAmount: t.wonAmount,
  lostAmount: t.lostAmount,
});

/** Win and loss by competitor and lost reason over the 12 months, with the two named cases. */
export function computeWinLoss(input: WinLossInput): WinLossFigures {
  const inWindow = purchaseWindow(input.windowEnd);
  const clients = new Map<string, WinLossClient>();
  for (const c of input.clients) if (!clients.has(c.clientId)) clients.set(c.clientId, c);
  const byCompetitor = new Map<string | null, Tally>();
  const byReason = new Map<string | null, { reason: string | null; losses: number; amount: Cents }>();
  const total: Tally = { name: null, wins: 0, losses: 0, wonAmount: 0, lostAmount: 0 };
  let largestWon: DealCase | null = null;
  let largestLost: DealCase | null = null;

  for (const deal of input.deals) {
    const won = deal.stage === "won";
    if ((!won && deal.stage !== "lost") || deal.closedOn === null || !inWindow(deal.closedOn)) continue;
    const key = deal.competitor === null ? null : input.nameKey(deal.competitor);
    let tally = byCompetitor.get(key);
    if (tally === undefined) {
      tally = { name: deal.competitor, wins: 0, losses: 0, wonAmount: 0, lostAmount: 0 };
      byCompetitor.set(key, tally);
    }
    const client = clients.get(deal.clientId);
    const found: DealCase = {
      dealId: deal.dealId,
      title: deal.title,
      clientId: deal.clientId,
      clientName: client?.name ?? deal.clientId,
      owner: (deal.owner ?? client?.owner ?? null)?.toLowerCase() ?? null,
      amount: deal.amount,
      closedOn: deal.closedOn,
      competitor: deal.competitor,
      reason: won ? null : deal.lostReason,
    };
    for (const t of [tally, total]) {
      if (won) {
        t.wins++;
        t.wonAmount += deal.amount;
      } else {
        t.losses++;
        t.lostAmount += deal.amount;
      }
    }
    if (won) {
      largestWon = larger(largestWon, found);
      continue;
    }
    largestLost = larger(largestLost, found);
    const reasonKey = deal.lostReason === null ? null : input.nameKey(deal.lostReason);
    const reason = byReason.get(reasonKey) ?? { reason: deal.lostReason, losses: 0, amount: 0 };
    reason.losses++;
    reason.amount += deal.amount;
    byReason.set(reasonKey, reason);
  }

  const competitors = [...byCompetitor.values()]
    .map(toLine)
    .sort(
      (a, b) =>
        compareNullable(a.competitor === null ? null : "", b.competitor === null ? null : "") ||
        b.wins + b.losses - (a.wins + a.losses) ||
        b.wonAmount + b.lostAmount - (a.wonAmount + a.lostAmount) ||
        compareNullable(a.competitor, b.competitor),
    );
  const reasons = [...byReason.values()]
    .map((r) => ({ ...r, share: total.losses === 0 ? null : r.losses / total.losses }))
    .sort(
      (a, b) =>
        compareNullable(a.reason === null ? null : "", b.reason === null ? null : "") ||
        b.losses - a.losses ||
        b.amount - a.amount ||
        compareNullable(a.reason, b.reason),
    );
  return {
    from: addMonths(input.windowEnd, -12),
    to: input.windowEnd,
    competitors,
    reasons,
    total: toLine(total),
    largestWon,
    largestLost,
  };
}

/** Win and loss as the report's --json gives it: amounts in yuan, dates YYYY-MM-DD, rates as fractions. */
export function winLossJson(w: WinLossFigures) {
  const lineJson = (l: CompetitorLine) => ({
    competitor: l.competitor,
    wins: l.wins,
    losses: l.losses,
    winRate: l.winRate,
    wonAmount: fromCents(l.wonAmount),
    lostAmount: fromCents(l.lostAmount),
  });
  const caseJson = (c: DealCase | null) =>
    c === null
      ? null
      : {
          dealId: c.dealId,
          title: c.title,
          clientId: c.clientId,
          clientName: c.clientName,
          owner: c.owner,
          amount: fromCents(c.amount),
          closedOn: formatIsoDate(c.closedOn),
          competitor: c.competitor,
          reason: c.reason,
        };
  return {
    from: formatIsoDate(w.from),
    to: formatIsoDate(w.to),
    byCompetitor: w.competitors.map(lineJson),
    byLostReason: w.reasons.map((r) => ({
      reason: r.reason,
      losses: r.losses,
      amount: fromCents(r.amount),
      share: r.share,
    })),
    total: lineJson(w.total),
    largestWon: caseJson(w.largestWon),
    largestLost: caseJson(w.largestLost),
  };
}
