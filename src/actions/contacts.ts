/**
 * Build contact plan (生成沟通计划): reads Clients and Interactions once each, plans every active
 * client with core/contacts.ts, replaces the Contact plan sheet (overdue and due-today rows
 * highlighted, the channel response rates in a block beside the plan), writes the data issues
 * and sums up per owner. Also the contact checks (future-dated interactions, clients without
 * a tier) and the shared computation the daily digest reuses.
 */
import type { ScheduledContact } from "../core/contactSchedule";
import {
  buildContactPlan,
  countsByOwner,
  responseRates,
  CONTACT_TIERS,
  type ChannelRate,
  type ContactRules,
  type ContactTier,
  type PlanClient,
  type PlanInteraction,
  type PlanRow,
  type PlanStatus,
  type ResponseRates,
} from "../core/contacts";
import { formatIsoDate, type CalDate } from "../core/dates";
import { withPreset } from "../core/holidayPresets";
import { staleDealJson } from "../core/funnel";
import { fromCents } from "../core/money";
import { msg, t, type Language } from "../i18n";
import type { Cell, Env, SheetFormat } from "../ports";
import { isBlank } from "../workbook/cells";
import { CHANNELS, PLAN_STATUSES, type Channel, type Tier } from "../workbook/codes";
import type { DataIssue } from "../workbook/issues";
import { readData, type ReadPlan, type WorkbookData } from "../workbook/read";
import { contactSettings, type Settings } from "../workbook/settings";
import { COLORS, outputSheetName, replaceOutputSheet } from "../workbook/write";
import type { ContactPurpose, UnplannedReason } from "../core/contactSchedule";
import {
  computeSchedule,
  noteMessages,
  noteText,
  purposeText,
  scheduleSummary,
  SCHEDULE_FIELDS,
  type ScheduleComputation,
} from "./contactSchedule";
import { syncVisitCalendars } from "./calendar";
import type { CheckInput, DataCheck } from "./checks";
import { STALE_FIELDS, staleDealsOf } from "./staleDeals";
import { finishRun, startRun, type ActionResult, type Run, type RunOptions } from "./run";

/** The tables the contact plan needs. */
export const CONTACT_TABLES = ["clients", "interactions"] as const;

/**
 * The columns the contact plan and its checks read; Contracts and Payments (when present) add
 * collection and renewal contacts; Deals (when present) gives the stale deals of the JSON.
 */
export const CONTACT_FIELDS = {
  clients: ["clientId", "name", "status", "tier", "owner", "preferredChannel"],
  interactions: ["date", "clientId", "channel", "responded"],
  ...SCHEDULE_FIELDS,
  deals: STALE_FIELDS.deals,
} as const satisfies ReadPlan;

/** One plan row as the command line's JSON gives it. */
export interface PlanJsonRow {
  readonly clientId: string;
  readonly name: string;
  readonly tier: Tier | null;
  readonly owner: string | null;
  readonly channel: Channel;
  readonly lastContact: string | null;
  readonly nextDue: string;
  readonly status: PlanStatus;
  readonly daysOverdue: number;
}

/** A contact the schedule planned on a day of the horizon. */
export interface PlannedJson {
  readonly clientId: string;
  readonly owner: string | null;
  readonly plannedOn: string;
  /** The first day it was due (the earliest of its needs). */
  readonly due: string;
  readonly purposes: readonly ContactPurpose[];
  /** The plan's reason: the collection and renewal figures. */
  readonly note: string;
}

/** A contact due in the horizon that has no day. */
export interface UnplannedJson {
  readonly clientId: string;
  readonly owner: string | null;
  readonly due: string;
  readonly purposes: readonly ContactPurpose[];
  readonly reason: UnplannedReason;
  readonly note: string;
}

/** An instalment 90 or more days overdue: told to the owner's manager. */
export interface EscalationJson {
  readonly contractId: string;
  readonly clientId: string;
  readonly owner: string | null;
  readonly due: string;
  readonly outstanding: number;
  readonly daysOverdue: number;
}

/** The action's figures: the JSON of `account-desk schedule --json`. */
export interface ContactPlanData {
  readonly asOf: string;
  readonly plan: PlanJsonRow[];
  readonly responseRates: ChannelRate[];
  /** The same rates split by the client's tier (clients without a tier count only above). */
  readonly responseRatesByTier: Readonly<Record<Tier, ChannelRate[]>>;
  /** The schedule: its working days, capacity (null: no limit) and the contacts it planned, by day. */
  readonly schedule: {
    readonly days: string[];
    readonly capacityPerDay: number | null;
    readonly minGapDays: number;
    readonly planned: PlannedJson[];
  };
  /** Contacts due in the horizon that did not fit, with the reason. */
  readonly unplanned: UnplannedJson[];
  readonly escalations: EscalationJson[];
  /** Open deals longer in their stage than its limit (the digest's stale-deal lists). */
  readonly staleDeals?: ReturnType<typeof staleDealJson>[];
}

/** The contact rules of rules.md §2, every number from Settings. */
export function contactRules(settings: Settings): ContactRules {
  const cadence = {} as Record<ContactTier, { channel: Channel; intervalDays: number }>;
  for (const tier of CONTACT_TIERS) cadence[tier] = contactSettings(settings, tier);
  return {
    cadence,
    workingDays: settings["contact.workingDays"],
    ...withPreset(settings["contact.holidays"], settings["contact.holidayPreset"]),
    responseWindowDays: settings["contact.responseWindowDays"],
  };
}

export interface ContactComputation {
  readonly plan: PlanRow[];
  readonly rates: ResponseRates;
  readonly scheduled: ScheduleComputation;
}

/** The plan and the response rates from the typed rows (interactions of unknown clients were dropped by the reader). */
export function computeContacts(data: WorkbookData, settings: Settings, asOf: CalDate): ContactComputation {
  const clients: PlanClient[] = data.clients.rows.map((c) => ({
    clientId: c.clientId,
    name: c.name,
    active: c.status === "active",
    tier: c.tier,
    owner: c.owner,
    preferredChannel: c.preferredChannel,
  }));
  const interactions: PlanInteraction[] = data.interactions.rows;
  const tierOf = new Map<string, ContactTier | null>(
    data.clients.rows.map((c) => [c.clientId, c.tier] as const),
  );
  const rules = contactRules(settings);
  const plan = buildContactPlan(clients, interactions, rules, asOf);
  return {
    plan,
    rates: responseRates(interactions, tierOf, asOf, rules.responseWindowDays),
    scheduled: computeSchedule(data, settings, rules, plan, asOf),
  };
}

/** Interactions dated after the as-of date: reported, and not counted as a last contact. */
export const checkFutureInteractions: DataCheck = ({ data, asOf, action }: CheckInput): DataIssue[] => {
  const { sheet, rows, header } = data.interactions;
  if (sheet === null) return [];
  const column = header.text.get("date") ?? null;
  const problem = msg("contacts.issue.futureInteraction", { asOf: formatIsoDate(asOf) });
  return rows
    .filter((row) => row.date > asOf)
    .map((row) => ({ action, sheet, row: row.row, column, value: formatIsoDate(row.date), problem }));
};

/**
 * Active clients whose Tier cell is blank: planned with the C cadence (rules.md §4). A Tier
 * cell that cannot be read was already reported by the reader; a missing Tier column is one issue.
 */
export const checkClientsWithoutTier: DataCheck = ({ data, action }: CheckInput): DataIssue[] => {
  const { sheet, rows, header, values } = data.clients;
  if (sheet === null) return [];
  const at = header.index.get("tier");
  const active = rows.filter((c) => c.status === "active");
  if (at === undefined) {
    return active.length === 0
      ? []
      : [{ action, sheet, row: null, column: null, value: "", problem: msg("contacts.issue.noTierColumn") }];
  }
  const column = header.text.get("tier") ?? null;
  return active
    .filter((c) => c.tier === null && isBlank(values[c.row - 1]?.[at]))
    .map((c) => ({ action, sheet, row: c.row, column, value: "", problem: msg("contacts.issue.noTier") }));
};

/** The checks the contact plan and the digest run on their tables. */
export const CONTACT_CHECKS: readonly DataCheck[] = [checkClientsWithoutTier, checkFutureInteractions];

/** Reads the contact tables once, runs the contact checks, and computes plan and rates. */
export function readAndComputeContacts(run: Run): { data: WorkbookData; result: ContactComputation } {
  const data = readData(
    run.env.workbook,
    run.sheets,
    CONTACT_FIELDS,
    CONTACT_TABLES,
    { action: run.action, dateOrder: run.settings.dateOrder },
    run.issues,
  );
  runContactChecks(run, data);
  return { data, result: computeContacts(data, run.settings, run.asOf) };
}

export function runContactChecks(run: Run, data: WorkbookData): void {
  for (const check of CONTACT_CHECKS) {
    for (const issue of check({ data, settings: run.settings, asOf: run.asOf, action: run.action }))
      run.issues.push(issue);
  }
}

export function planJson(asOf: CalDate, result: ContactComputation, settings: Settings): ContactPlanData {
  const { schedule, escalations } = result.scheduled;
  const planned: PlannedJson[] = [];
  const unplanned: UnplannedJson[] = [];
  result.plan.forEach((row, i) => {
    const c = schedule.contacts[i];
    if (c.plannedOn === null && c.unplanned === null) return;
    const note = noteText(noteMessages(c, row, settings), settings.language);
    const base = { clientId: c.clientId, owner: c.owner, due: formatIsoDate(c.due), purposes: c.purposes };
    if (c.plannedOn !== null) planned.push({ ...base, plannedOn: formatIsoDate(c.plannedOn), note });
    else if (c.unplanned !== null) unplanned.push({ ...base, reason: c.unplanned, note });
  });
  planned.sort((a, b) => (a.plannedOn < b.plannedOn ? -1 : a.plannedOn > b.plannedOn ? 1 : 0));
  return {
    asOf: formatIsoDate(asOf),
    plan: result.plan.map((row) => ({
      clientId: row.clientId,
      name: row.name,
      tier: row.tier,
      owner: row.owner,
      channel: row.channel,
      lastContact: row.lastContact === null ? null : formatIsoDate(row.lastContact),
      nextDue: formatIsoDate(row.nextDue),
      status: row.status,
      daysOverdue: row.daysOverdue,
    })),
    responseRates: result.rates.all,
    responseRatesByTier: result.rates.byTier,
    schedule: {
      days: schedule.days.map(formatIsoDate),
      capacityPerDay: settings["contact.capacityPerDay"],
      minGapDays: settings["contact.minGapDays"],
      planned,
    },
    unplanned,
    escalations: escalations.map((o) => ({
      contractId: o.contractId,
      clientId: o.clientId,
      owner: o.owner,
      due: formatIsoDate(o.due),
      outstanding: fromCents(o.outstanding),
      daysOverdue: o.daysOverdue,
    })),
  };
}

const PLAN_WIDTH = 12;
/** The response-rate block starts one blank column after the plan. */
const RATES_COLUMN = PLAN_WIDTH + 2;
const NO_RATE = "—";

/** The plan rows as sheet cells: codes shown as labels in the workbook language, dates as date cells. */
export function planCells(result: ContactComputation, settings: Settings): Cell[][] {
  const language = settings.language;
  const contacts = result.scheduled.schedule.contacts;
  return result.plan.map((row, i) => [
    row.clientId,
    row.name,
    row.tier ?? "",
    row.owner ?? "",
    CHANNELS.label(row.channel, language),
    row.lastContact === null ? "" : { date: row.lastContact },
    { date: row.nextDue },
    PLAN_STATUSES.label(row.status, language),
    row.daysOverdue,
    ...scheduleCells(contacts[i], row, settings),
  ]);
}

function scheduleCells(c: ScheduledContact, row: PlanRow, settings: Settings): Cell[] {
  const inHorizon = c.plannedOn !== null || c.unplanned !== null;
  return [
    c.plannedOn === null ? "" : { date: c.plannedOn },
    inHorizon ? purposeText(c.purposes, settings.language) : "",
    noteText(noteMessages(c, row, settings), settings.language),
  ];
}

/** The response-rate block: a header row (on the plan's header row), then one row per channel. */
export function rateCells(rates: ResponseRates, windowDays: number, language: Language): Cell[][] {
  const rate = (r: ChannelRate): Cell => (r.rate === null ? NO_RATE : r.rate);
  const header: Cell[] = [
    t(language, "contacts.rates.title", { days: windowDays }),
    t(language, "contacts.rates.responded"),
    t(language, "contacts.rates.answered"),
    t(language, "contacts.rates.rate"),
    ...CONTACT_TIERS.map((tier) => t(language, "contacts.rates.tierRate", { tier })),
  ];
  const body = rates.all.map((r, i) => [
    CHANNELS.label(r.channel, language),
    r.responded,
    r.answered,
    rate(r),
    ...CONTACT_TIERS.map((tier) => rate(rates.byTier[tier][i])),
  ]);
  return [header, ...body];
}

/** Overdue rows first, then due rows (the plan is sorted so): one background block over them. */
function planFormat(plan: readonly PlanRow[]): SheetFormat {
  const marked = plan.filter((row) => row.status !== "upcoming");
  const lastRow = plan.length + 1;
  return {
    ...(marked.length > 0
      ? {
          backgrounds: {
            row: 2,
            column: 1,
            colors: marked.map((row) =>
              new Array<string>(PLAN_WIDTH).fill(row.status === "overdue" ? COLORS.overdue : COLORS.due),
            ),
          },
        }
      : {}),
    numberFormats:
      plan.length === 0
        ? []
        : [
            { column: 6, fromRow: 2, toRow: lastRow, kind: "date" },
            { column: 7, fromRow: 2, toRow: lastRow, kind: "date" },
            { column: 9, fromRow: 2, toRow: lastRow, kind: "integer" },
            { column: 10, fromRow: 2, toRow: lastRow, kind: "date" },
          ],
    columnWidths: [90, 220, 70, 200, 70, 100, 100, 80, 90, 100, 130, 320, 24, 220, 70, 90, 70, 90, 90, 90],
  };
}

function ratesFormat(rows: number): SheetFormat {
  const width = 4 + CONTACT_TIERS.length;
  const percent = [4, 5, 6, 7].map((offset) => ({
    column: RATES_COLUMN + offset - 1,
    fromRow: 2,
    toRow: rows,
    kind: "percent" as const,
  }));
  return {
    backgrounds: { row: 1, column: RATES_COLUMN, colors: [new Array<string>(width).fill(COLORS.header)] },
    numberFormats: percent,
  };
}

/** The menu item: replaces the Contact plan sheet and writes the data issues. */
export function buildContactPlanSheet(env: Env, options: RunOptions = {}): ActionResult<ContactPlanData> {
  const run = startRun(env, "contacts", options);
  const { data, result } = readAndComputeContacts(run);
  const port = env.workbook;
  const sheet = outputSheetName(run.sheets, "contactPlan", run.language);
  replaceOutputSheet(
    port,
    run.sheets,
    "contactPlan",
    run.language,
    planCells(result, run.settings),
    planFormat(result.plan),
  );
  const rates = rateCells(result.rates, run.settings["contact.responseWindowDays"], run.language);
  port.writeBlock(sheet, 1, RATES_COLUMN, rates);
  port.format(sheet, ratesFormat(rates.length));

  const total = { overdue: 0, due: 0, upcoming: 0 };
  for (const row of result.plan) total[row.status]++;
  run.summary.push(msg("contacts.summary.plan", { clients: result.plan.length, ...total, sheet }));
  for (const owner of countsByOwner(result.plan)) {
    const name = owner.owner ?? t(run.language, "contacts.noOwner");
    run.summary.push(
      msg("contacts.summary.owner", {
        owner: name,
        overdue: owner.overdue,
        due: owner.due,
        upcoming: owner.upcoming,
      }),
    );
  }
  if (run.settings["contact.capacityPerDay"] !== null)
    for (const line of scheduleSummary(result.scheduled, run.asOf, run.language)) run.summary.push(line);
  // In Sheets the planned visits of opted-in owners then go to their calendars.
  if (env.calendar)
    run.summary.push(
      ...syncVisitCalendars(env, run.settings, result, port.sheetLink?.(sheet) ?? null).summary,
    );
  const staleDeals = staleDealsOf(data, run.settings, run.asOf).map(staleDealJson);
  return finishRun(run, { ...planJson(run.asOf, result, run.settings), staleDeals });
}
