/**
 * Stale deals (停滞商机) outside the report: the open deals longer in their stage than the
 * stage's limit, found by the funnel's one rule (core/funnel.ts) on the as-of date, for the
 * daily digest and the schedule's JSON.
 */
import { computeFunnel, type StaleDeal } from "../core/funnel";
import type { CalDate } from "../core/dates";
import type { ReadPlan, WorkbookData } from "../workbook/read";
import { staleLimits, type Settings } from "../workbook/settings";

/** The columns the stale-deal list reads. */
export const STALE_FIELDS = {
  clients: ["clientId", "name", "owner"],
  deals: ["dealId", "clientId", "title", "owner", "stage", "amount", "created", "stageSince", "source"],
} as const satisfies ReadPlan;

/** The stale deals on `asOf`, furthest over their limit first. */
export function staleDealsOf(data: WorkbookData, settings: Settings, asOf: CalDate): readonly StaleDeal[] {
  if (data.deals.sheet === null) return [];
  return computeFunnel({
    deals: data.deals.rows,
    clients: data.clients.rows,
    windowEnd: asOf,
    asOf,
    staleDays: staleLimits(settings),
    sources: [],
  }).stale;
}

/**
 * The days on which a stale deal is worth a mail: the day it turns stale and every seventh day
 * after, so an owner is reminded weekly, not daily (the list rides along in between).
 */
export function staleReminderDay(deal: Pick<StaleDeal, "age" | "limit">): boolean {
  return deal.age > deal.limit && (deal.age - deal.limit - 1) % 7 === 0;
}
