/**
 * The client card sidebar's server side. `clientCardAt` finds the client of the selected row
 * (in Clients, Deals, Contracts, Payments, Interactions or the Contact plan) and `clientCard`
 * gathers what the other actions compute about it, as the workbook has it now: the Tier cells
 * and the client's Tier history rows, the 12-month purchase of rules.md §1.1 with the won
 * amount of each of the last 12 months, the contact plan row of rules.md §2 (core/contacts.ts),
 * open deals, contracts with renewals due, and outstanding payments (core/contracts.ts).
 * `logContact` appends one Interactions row, validated by the same reader as the sheet, and
 * returns the card with its new next due date.
 *
 * Every sheet is read once (plus Tier history, and the Contact plan when it is the selected
 * sheet); only the client's rows are parsed, by the reader's own parseTable, so a card costs a
 * scan of each sheet, not a parse of the workbook. Nothing is written by the card.
 */
import * as z from "zod/mini";
import { calendarOf, lastContacts, planClient, type PlanRow } from "../core/contacts";
import { reviewContracts } from "../core/contracts";
import {
  dateParts,
  formatIsoDate,
  formatMonth,
  monthsBetween,
  shiftMonth,
  type CalDate,
} from "../core/dates";
import { purchaseWindow } from "../core/tiers";
import { formatMoney, type Cents } from "../core/money";
import { render, t, type Language } from "../i18n";
import type { Cell, Env } from "../ports";
import { formatDateInOrder, isBlank, parseEmail, parseText } from "../workbook/cells";
import { readTeam, type Team } from "../workbook/team";
import {
  CHANNELS,
  CLIENT_STATUSES,
  CONTRACT_STATUSES,
  DEFAULT_PROBABILITY,
  OPEN_STAGES,
  PLAN_STATUSES,
  STAGES,
  TIERS,
  YES_NO,
  type Channel,
  type ContractStatus,
  type Stage,
  type Tier,
} from "../workbook/codes";
import { StopError, type DataIssue } from "../workbook/issues";
import { mapHeaders, parseTable, requireClosedOn, tableAt, type TableRead } from "../workbook/read";
import type { ClientRow, InteractionRow } from "../workbook/rows";
import { TABLES, type TableKey } from "../workbook/schema";
import { cardAlerts, type CardAlert } from "./cardAlerts";
import { readTierHistory } from "../workbook/tierHistory";
import { contactRules } from "./contacts";
import { startRun, type Run, type RunOptions } from "./run";
import { pageText, type PageText, type SelectOption } from "./sidebar";

/** The selected cell: the sheet's name and the spreadsheet row (header = 1). */
export interface CardSelection {
  readonly sheet: string;
  readonly row: number;
}

export interface TierChangeView {
  readonly date: string;
  readonly from: Tier | null;
  readonly to: Tier;
  readonly reason: string | null;
  readonly by: string | null;
}

export interface MonthBar {
  /** `2026-11`. */
  readonly month: string;
  /** Short month name in the workbook language (`11月`, `Nov`). */
  readonly label: string;
  readonly cents: Cents;
  readonly amount: string;
}

export interface ContactView {
  readonly channel: Channel;
  readonly channelLabel: string;
  readonly intervalDays: number;
  readonly lastContact: string | null;
  readonly nextDue: string;
  readonly status: "overdue" | "due" | "upcoming";
  readonly statusLabel: string;
  readonly daysOverdue: number;
}

export interface RecentContact {
  readonly date: string;
  readonly channelLabel: string | null;
  readonly responded: "yes" | "no" | null;
  readonly satisfaction: number | null;
  readonly summary: string | null;
}

export interface DealView {
  readonly dealId: string;
  readonly title: string | null;
  readonly stage: Stage;
  readonly stageLabel: string;
  readonly amount: string;
  readonly probability: string;
  readonly expectedClose: string | null;
}

export interface ContractView {
  readonly contractId: string;
  readonly title: string | null;
  readonly status: ContractStatus | null;
  readonly statusLabel: string | null;
  readonly value: string | null;
  readonly start: string | null;
  readonly end: string | null;
  /** Status signed/active and End in (as-of, as-of + renewal.noticeDays]. */
  readonly renewalDue: boolean;
  /** Days until End when a renewal is due. */
  readonly daysLeft: number | null;
}

export interface PaymentView {
  readonly contractId: string;
  readonly contractTitle: string | null;
  readonly due: string;
  readonly outstanding: string;
  /** Due before the as-of date. */
  readonly overdue: boolean;
  readonly daysOverdue: number;
}

export interface ClientCardView {
  readonly asOf: string;
  readonly clientId: string;
  readonly name: string;
  readonly industry: string | null;
  readonly region: string | null;
  /** The owner's address. */
  readonly owner: string | null;
  /** The owner's name (Team sheet, else the part of the address before `@`). */
  readonly ownerName: string | null;
  readonly active: boolean;
  readonly statusLabel: string;
  readonly tier: {
    readonly code: Tier | null;
    readonly label: string | null;
    readonly reason: string | null;
    readonly since: string | null;
    readonly override: boolean;
    /** Latest first. */
    readonly history: readonly TierChangeView[];
  };
  readonly purchase: {
    readonly total: string;
    readonly cents: Cents;
    readonly override: boolean;
    /** The 12 calendar months up to the as-of month, oldest first. */
    readonly months: readonly MonthBar[];
  };
  /** Null for an inactive client (no contact is planned). */
  readonly contact: ContactView | null;
  /** Latest first, at most RECENT_CONTACTS. */
  readonly recent: readonly RecentContact[];
  readonly deals: readonly DealView[];
  readonly dealsTotal: string;
  readonly contracts: readonly ContractView[];
  readonly payments: readonly PaymentView[];
  readonly outstandingTotal: string;
  /** Overdue receivables, renewals inside the notice window, an overdue contact: shown first. */
  readonly alerts: readonly CardAlert[];
  /** What the contact form offers and starts with. */
  readonly logForm: {
    readonly today: string;
    /** Today as the date field shows it, in the workbook's date order (`27/11/2026` for DMY). */
    readonly todayText: string;
    /** How to type a date in this workbook, e.g. `日/月/年，如 01/10/2026`. */
    readonly dateHint: string;
    readonly channel: Channel;
    readonly channels: readonly SelectOption[];
    readonly responded: readonly SelectOption[];
  };
  /** Data issues met while reading the workbook (not written anywhere by the card). */
  readonly issues: number;
}

export type ClientCardResult =
  | {
      readonly kind: "card";
      readonly language: Language;
      readonly text: PageText;
      readonly card: ClientCardView;
    }
  | { readonly kind: "hint"; readonly language: Language; readonly text: PageText; readonly message: string };

export const RECENT_CONTACTS = 5;
export const HISTORY_ROWS = 6;

/** Tables whose rows name a client, directly or through a contract. */
const CARD_TABLES = ["clients", "deals", "contracts", "payments", "interactions"] as const;
type CardTable = (typeof CARD_TABLES)[number];

/** The client's rows of each table the card shows (`values` is the whole sheet as read). */
export interface ClientData {
  readonly clients: TableRead<"clients">;
  readonly deals: TableRead<"deals">;
  readonly contracts: TableRead<"contracts">;
  readonly payments: TableRead<"payments">;
  readonly interactions: TableRead<"interactions">;
}

/** Each sheet is read at most once per server call, by whoever needs it first (the selection or the card). */
class SheetReads {
  private readonly cache = new Map<string, Cell[][]>();
  constructor(private readonly run: Run) {}

  values(sheet: string | null): Cell[][] {
    if (sheet === null) return [];
    let found = this.cache.get(sheet);
    if (found === undefined) {
      found = this.run.env.workbook.readSheet(sheet) ?? [];
      this.cache.set(sheet, found);
    }
    return found;
  }
}

/** An ID cell's text as the reader reads it, or null. */
function cellId(cell: Cell | undefined): string | null {
  if (cell === undefined || isBlank(cell)) return null;
  const parsed = parseText(cell);
  return parsed.ok ? parsed.value : null;
}

function columnOf(run: Run, table: TableKey, values: readonly Cell[][], key: string): number | undefined {
  const ctx = { action: "sidebar", dateOrder: "YMD", mapping: run.sheets.mapping } as const;
  return mapHeaders(table, values[0] ?? [], "", ctx, []).index.get(key);
}

/**
 * The rows of a table whose `key` cell is one of `ids`, parsed exactly as the reader parses the
 * sheet (same checks, same data issues, the spreadsheet's own row numbers); the other rows are
 * only scanned. A card therefore costs one read per sheet and a parse of the client's rows only.
 */
function parseRowsWhere<K extends CardTable>(
  run: Run,
  reads: SheetReads,
  table: K,
  key: "clientId" | "contractId",
  ids: ReadonlySet<string>,
): TableRead<K> {
  const sheet = run.sheets.get(table) ?? null;
  const values = reads.values(sheet);
  const at = sheet === null ? undefined : columnOf(run, table, values, key);
  const picked: Cell[][] = [values[0] ?? []];
  const rowOf: number[] = [1];
  if (at !== undefined) {
    for (let r = 1; r < values.length; r++) {
      const id = cellId(values[r][at]);
      if (id === null || !ids.has(id)) continue;
      picked.push(values[r]);
      rowOf.push(r + 1);
    }
  }
  const local: DataIssue[] = [];
  const read = parseTable(
    table,
    sheet,
    picked,
    { action: "sidebar", dateOrder: run.settings.dateOrder, mapping: run.sheets.mapping },
    local,
  );
  for (const issue of local) {
    run.issues.push(issue.row === null || issue.row < 2 ? issue : { ...issue, row: rowOf[issue.row - 1] });
  }
  const rows = read.rows.map((row) => ({ ...row, row: rowOf[row.row - 1] }));
  return { ...read, rows, values };
}

/** The client's rows of every card table; a table in `required` whose sheet is missing stops. */
function readClientData(
  run: Run,
  reads: SheetReads,
  clientId: string,
  required: readonly ("clients" | "interactions")[],
): ClientData {
  for (const table of required) {
    if (!run.sheets.has(table)) {
      throw new StopError("stop.missingSheet", { zh: TABLES[table].zh, en: TABLES[table].en });
    }
  }
  const one = new Set([clientId]);
  const clients = parseRowsWhere(run, reads, "clients", "clientId", one);
  const deals = requireClosedOn(parseRowsWhere(run, reads, "deals", "clientId", one), "sidebar", run.issues);
  const contracts = parseRowsWhere(run, reads, "contracts", "clientId", one);
  const contractIds = new Set(contracts.rows.map((c) => c.contractId));
  const payments = parseRowsWhere(run, reads, "payments", "contractId", contractIds);
  const interactions = parseRowsWhere(run, reads, "interactions", "clientId", one);
  return { clients, deals, contracts, payments, interactions };
}

const hint = (run: Run, message: string): ClientCardResult => ({
  kind: "hint",
  language: run.language,
  text: pageText(run.language),
  message,
});

/** The client card for the row selected in the spreadsheet, or a hint on how to choose one. */
export function clientCardAt(env: Env, selection: CardSelection, options: RunOptions = {}): ClientCardResult {
  const run = startRun(env, "sidebar", options);
  const table = tableAt(run.sheets, selection.sheet);
  const text = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
    t(run.language, key, params);
  const supported: readonly (TableKey | null)[] = [...CARD_TABLES, "contactPlan"];
  if (!supported.includes(table) || run.sheets.get(table as TableKey) !== selection.sheet) {
    return hint(run, text("sidebar.hint.chooseRow"));
  }
  if (selection.row < 2) return hint(run, text("sidebar.hint.headerRow"));
  const reads = new SheetReads(run);
  const clientId = selectedClientId(run, reads, table as TableKey, selection);
  if (clientId === null) {
    return hint(run, text("sidebar.hint.noClientId", { sheet: selection.sheet, row: selection.row }));
  }
  return clientCardOf(run, reads, clientId);
}

/** The client card of a client ID. */
export function clientCard(env: Env, clientId: string, options: RunOptions = {}): ClientCardResult {
  const run = startRun(env, "sidebar", options);
  return clientCardOf(run, new SheetReads(run), clientId);
}

function clientCardOf(run: Run, reads: SheetReads, clientId: string): ClientCardResult {
  const data = readClientData(run, reads, clientId, ["clients"]);
  const client = data.clients.rows.find((c) => c.clientId === clientId);
  if (client === undefined) {
    return hint(
      run,
      t(run.language, "sidebar.hint.unknownClient", {
        clientId,
        sheet: data.clients.sheet ?? TABLES.clients.zh,
      }),
    );
  }
  const history = clientTierHistory(run, clientId);
  const team = cardTeam(run);
  return {
    kind: "card",
    language: run.language,
    text: pageText(run.language),
    card: buildCard(run, data, client, history, team),
  };
}

/** The Client ID of the selected row: its own cell, or its contract's client for a payment. */
function selectedClientId(
  run: Run,
  reads: SheetReads,
  table: TableKey,
  selection: CardSelection,
): string | null {
  const values = reads.values(selection.sheet);
  const cellOf = (rows: readonly Cell[][], line: number, at: number | undefined) =>
    at === undefined ? null : cellId(rows[line]?.[at]);
  if (table !== "payments")
    return cellOf(values, selection.row - 1, columnOf(run, table, values, "clientId"));
  const contractId = cellOf(values, selection.row - 1, columnOf(run, "payments", values, "contractId"));
  if (contractId === null) return null;
  const contracts = reads.values(run.sheets.get("contracts") ?? null);
  const idAt = columnOf(run, "contracts", contracts, "contractId");
  const clientAt = columnOf(run, "contracts", contracts, "clientId");
  for (let r = 1; r < contracts.length; r++) {
    if (cellOf(contracts, r, idAt) === contractId) return cellOf(contracts, r, clientAt);
  }
  return null;
}

/** The client's rows of Tier history, latest first (one read; its unreadable rows are data issues). */
function clientTierHistory(run: Run, clientId: string): TierChangeView[] {
  const rows = readTierHistory(
    run.env.workbook,
    run.sheets,
    { action: "sidebar", dateOrder: run.settings.dateOrder, clientId },
    run.issues,
  );
  return rows
    .sort((a, b) => b.date - a.date || b.row - a.row)
    .slice(0, HISTORY_ROWS)
    .map((row) => ({
      date: formatIsoDate(row.date),
      from: row.from,
      to: row.to,
      reason: row.reason,
      by: row.by,
    }));
}

/** The optional Team sheet, for the owner's name (one read). */
function cardTeam(run: Run): Team {
  return readTeam(
    run.env.workbook,
    run.sheets,
    { action: "sidebar", dateOrder: run.settings.dateOrder },
    run.issues,
  );
}

/** Short month names through Intl (in Apps Script's V8 and in Node). */
function monthLabel(year: number, month: number, language: Language): string {
  return new Intl.DateTimeFormat(language === "en" ? "en-US" : "zh-CN", {
    month: "short",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** The card of one client from rows already read: every table's rows of the client picked out once. */
export function buildCard(
  run: Run,
  data: ClientData,
  client: ClientRow,
  history: readonly TierChangeView[],
  team: Team,
): ClientCardView {
  const { language, asOf, settings } = run;
  const currency = settings.currency;
  const money = (cents: Cents) => formatMoney(cents, currency);
  const iso = (date: CalDate | null) => (date === null ? null : formatIsoDate(date));
  const id = client.clientId;

  // 12-month purchase (rules.md §1.1) and the won amount of each calendar month up to the as-of month.
  const inPurchaseWindow = purchaseWindow(asOf);
  const { year, month } = dateParts(asOf);
  const bars = new Array<Cents>(12).fill(0);
  let won12 = 0;
  for (const deal of data.deals.rows) {
    if (deal.clientId !== id || deal.stage !== "won" || deal.closedOn === null || deal.closedOn > asOf)
      continue;
    if (inPurchaseWindow(deal.closedOn)) won12 += deal.amount;
    const ago = monthsBetween(deal.closedOn, asOf);
    if (ago >= 0 && ago < 12) bars[11 - ago] += deal.amount;
  }
  const purchase12m = client.purchaseOverride ?? won12;
  const months: MonthBar[] = bars.map((cents, i) => {
    const ym = shiftMonth(year, month, i - 11);
    return {
      month: formatMonth(ym),
      label: monthLabel(ym.year, ym.month, language),
      cents,
      amount: money(cents),
    };
  });

  // Contacts (rules.md §2): the plan row of this client, and its latest interactions.
  const own: InteractionRow[] = data.interactions.rows.filter((i) => i.clientId === id);
  const rules = contactRules(settings);
  const active = client.status === "active";
  const last = lastContacts(own, asOf).get(id) ?? null;
  const plan: PlanRow | null = active
    ? planClient(
        {
          clientId: id,
          name: client.name,
          active,
          tier: client.tier,
          owner: client.owner,
          preferredChannel: client.preferredChannel,
        },
        last,
        rules,
        calendarOf(rules),
        asOf,
      )
    : null;
  const recent = own
    .filter((i) => i.date <= asOf)
    .sort((a, b) => b.date - a.date || b.row - a.row)
    .slice(0, RECENT_CONTACTS)
    .map((i) => ({
      date: formatIsoDate(i.date),
      channelLabel: i.channel === null ? null : CHANNELS.label(i.channel, language),
      responded: i.responded,
      satisfaction: i.satisfaction,
      summary: i.summary,
    }));

  // Open deals, soonest expected close first.
  const open = data.deals.rows
    .filter((d) => d.clientId === id && OPEN_STAGES.includes(d.stage))
    .sort(
      (a, b) =>
        (a.expectedClose ?? Infinity) - (b.expectedClose ?? Infinity) || (a.dealId < b.dealId ? -1 : 1),
    );

  // Contracts and payments, with renewals due and overdue instalments as the contracts action decides them.
  const contracts = data.contracts.rows.filter((c) => c.clientId === id);
  const contractIds = new Set(contracts.map((c) => c.contractId));
  const titleOf = new Map(contracts.map((c) => [c.contractId, c.title] as const));
  const payments = data.payments.rows.filter((p) => contractIds.has(p.contractId));
  const review = reviewContracts({
    contracts,
    payments,
    clients: [client],
    asOf,
    noticeDays: settings["renewal.noticeDays"],
  });
  const renewals = new Map(review.renewalsDue.map((r) => [r.row, r.daysLeft] as const));
  const settled = (status: ContractStatus | null) =>
    status === "expired" || status === "renewed" || status === "terminated" ? 1 : 0;
  const contractViews = contracts
    .slice()
    .sort(
      (a, b) =>
        settled(a.status) - settled(b.status) ||
        (a.end ?? Infinity) - (b.end ?? Infinity) ||
        (a.contractId < b.contractId ? -1 : 1),
    )
    .map((c) => ({
      contractId: c.contractId,
      title: c.title,
      status: c.status,
      statusLabel: c.status === null ? null : CONTRACT_STATUSES.label(c.status, language),
      value: c.value === null ? null : money(c.value),
      start: iso(c.start),
      end: iso(c.end),
      renewalDue: renewals.has(c.row),
      daysLeft: renewals.get(c.row) ?? null,
    }));
  const overdueRows = new Map(review.overdue.map((o) => [o.row, o.daysOverdue] as const));
  const outstanding = payments
    .filter((p) => p.amountPaid < p.amountDue)
    .sort((a, b) => a.due - b.due || a.row - b.row);
  const outstandingTotal = outstanding.reduce((sum, p) => sum + (p.amountDue - p.amountPaid), 0);

  const defaultChannel =
    plan?.channel ?? client.preferredChannel ?? rules.cadence[client.tier ?? "C"].channel;
  return {
    asOf: formatIsoDate(asOf),
    clientId: id,
    name: client.name,
    industry: client.industry,
    region: client.region,
    owner: client.owner,
    ownerName: client.owner === null ? null : team.name(client.owner),
    active,
    statusLabel: CLIENT_STATUSES.label(client.status, language),
    tier: {
      code: client.tier,
      label: client.tier === null ? null : TIERS.label(client.tier, language),
      reason: client.tierReason,
      since: iso(client.tierSince),
      override: client.tierOverride !== null,
      history,
    },
    purchase: {
      total: money(purchase12m),
      cents: purchase12m,
      override: client.purchaseOverride !== null,
      months,
    },
    contact:
      plan === null
        ? null
        : {
            channel: plan.channel,
            channelLabel: CHANNELS.label(plan.channel, language),
            intervalDays: plan.intervalDays,
            lastContact: iso(plan.lastContact),
            nextDue: formatIsoDate(plan.nextDue),
            status: plan.status,
            statusLabel: PLAN_STATUSES.label(plan.status, language),
            daysOverdue: plan.daysOverdue,
          },
    recent,
    deals: open.map((d) => ({
      dealId: d.dealId,
      title: d.title,
      stage: d.stage,
      stageLabel: STAGES.label(d.stage, language),
      amount: money(d.amount),
      probability: `${Math.round((d.probability ?? DEFAULT_PROBABILITY[d.stage]) * 100)}%`,
      expectedClose: iso(d.expectedClose),
    })),
    dealsTotal: money(open.reduce((sum, d) => sum + d.amount, 0)),
    contracts: contractViews,
    payments: outstanding.map((p) => ({
      contractId: p.contractId,
      contractTitle: titleOf.get(p.contractId) ?? null,
      due: formatIsoDate(p.due),
      outstanding: money(p.amountDue - p.amountPaid),
      overdue: overdueRows.has(p.row),
      daysOverdue: overdueRows.get(p.row) ?? 0,
    })),
    outstandingTotal: money(outstandingTotal),
    alerts: cardAlerts({
      language,
      money,
      overdue: outstanding
        .filter((p) => overdueRows.has(p.row))
        .map((p) => ({ cents: p.amountDue - p.amountPaid, days: overdueRows.get(p.row) ?? 0 })),
      renewals: contracts
        .filter((c) => renewals.has(c.row))
        .map((c) => ({
          contract: c.title ?? c.contractId,
          end: iso(c.end) ?? "",
          days: renewals.get(c.row) ?? 0,
        })),
      contact:
        plan === null
          ? null
          : { status: plan.status, daysOverdue: plan.daysOverdue, nextDue: formatIsoDate(plan.nextDue) },
    }),
    logForm: {
      today: formatIsoDate(asOf),
      todayText: formatDateInOrder(asOf, settings.dateOrder),
      dateHint: t(language, `sidebar.dateHint.${settings.dateOrder}`),
      channel: defaultChannel,
      channels: CHANNELS.values.map((code) => ({ value: code, label: CHANNELS.label(code, language) })),
      responded: [
        { value: "", label: t(language, "sidebar.log.unknown") },
        ...YES_NO.values.map((code) => ({ value: code, label: YES_NO.label(code, language) })),
      ],
    },
    issues: run.issues.length,
  };
}

// ---------------------------------------------------------------------------------------
// Log a contact

/** The contact form as the page submits it: every field as typed (codes for the drop-downs). */
export interface ContactLogInput {
  readonly clientId: string;
  readonly date: string;
  readonly channel: string;
  readonly responded: string;
  readonly satisfaction: string;
  readonly summary: string;
}

export type ContactField = "date" | "channel" | "responded" | "satisfaction" | "summary";

export type LogContactResult =
  | { readonly ok: true; readonly text: PageText; readonly card: ClientCardView; readonly logged: string }
  | {
      readonly ok: false;
      readonly errors: Readonly<Partial<Record<ContactField, string>>>;
      readonly message: string | null;
    };

const ContactLogSchema = z.object({
  clientId: z.string().check(z.maxLength(100)),
  date: z.string().check(z.maxLength(40)),
  channel: z.string().check(z.maxLength(40)),
  responded: z.string().check(z.maxLength(20)),
  satisfaction: z.string().check(z.maxLength(10)),
  summary: z.string().check(z.maxLength(5000)),
});

const FIELDS: readonly ContactField[] = ["date", "channel", "responded", "satisfaction", "summary"];

/**
 * Appends one row to Interactions (one write), after checking it exactly as the reader checks
 * the sheet's rows; a date after today is refused too (it would not count as a contact). The
 * Owner is the user when the user has an e-mail address, else the client's owner. Returns the
 * card with the new contact counted.
 */
export function logContact(env: Env, submitted: unknown, options: RunOptions = {}): LogContactResult {
  const run = startRun(env, "sidebar", options);
  const language = run.language;
  const shape = ContactLogSchema.safeParse(submitted);
  if (!shape.success) return { ok: false, errors: {}, message: t(language, "sidebar.log.badInput") };
  const input = shape.data;
  const data = readClientData(run, new SheetReads(run), input.clientId.trim(), ["clients", "interactions"]);
  const client = data.clients.rows.find((c) => c.clientId === input.clientId.trim());
  if (client === undefined) {
    const sheet = data.clients.sheet ?? TABLES.clients.zh;
    return {
      ok: false,
      errors: {},
      message: t(language, "sidebar.hint.unknownClient", { clientId: input.clientId, sheet }),
    };
  }

  const table = data.interactions;
  const sheet = table.sheet as string;
  const headerRow = table.values[0] ?? [];
  const width = Math.max(headerRow.length, table.header.width);
  const errors: Partial<Record<ContactField, string>> = {};
  const raw: Cell[] = new Array<Cell>(width).fill(null);
  const user = parseEmail(env.user);
  const owner = user.ok ? user.value : client.owner;
  const put = (key: string, value: Cell) => {
    const at = table.header.index.get(key);
    if (at !== undefined) raw[at] = value;
    return at !== undefined;
  };
  put("clientId", client.clientId);
  put("owner", owner);
  for (const field of FIELDS) {
    const value = input[field].trim() === "" ? null : input[field].trim();
    if (!put(field, value) && value !== null) {
      const column = TABLES.interactions.columns.find((c) => c.key === field);
      errors[field] = t(language, "sidebar.log.noColumn", {
        sheet,
        column: column ? (language === "en" ? column.en : column.zh) : field,
      });
    }
  }

  // The reader's own checks on the new row (row 2 of a sheet of one row).
  const issues: DataIssue[] = [];
  const parsed = parseTable(
    "interactions",
    sheet,
    [headerRow, raw],
    { action: "sidebar", dateOrder: run.settings.dateOrder, mapping: run.sheets.mapping },
    issues,
  );
  const fieldOf = new Map<string, ContactField>();
  for (const field of FIELDS) {
    const title = table.header.text.get(field);
    if (title !== undefined) fieldOf.set(title, field);
  }
  for (const issue of issues) {
    const field = issue.column === null ? undefined : fieldOf.get(issue.column);
    if (field !== undefined && errors[field] === undefined) errors[field] = render(language, issue.problem);
  }
  const row = parsed.rows[0];
  if (row !== undefined && row.date > run.asOf && errors.date === undefined) {
    errors.date = t(language, "sidebar.log.futureDate", {
      today: formatDateInOrder(run.asOf, run.settings.dateOrder),
    });
  }
  if (Object.keys(errors).length > 0 || row === undefined) {
    return { ok: false, errors, message: null };
  }

  const cells: Cell[] = raw.slice();
  const typed: Record<string, Cell> = {
    date: { date: row.date },
    clientId: row.clientId,
    owner: row.owner,
    channel: row.channel === null ? null : CHANNELS.cell(row.channel, language),
    responded: row.responded === null ? null : YES_NO.cell(row.responded, language),
    satisfaction: row.satisfaction,
    summary: row.summary,
  };
  for (const [key, value] of Object.entries(typed)) {
    const at = table.header.index.get(key);
    if (at !== undefined) cells[at] = value;
  }
  env.workbook.appendRows(sheet, [cells]);

  const newRow: InteractionRow = { ...row, row: table.values.length + 1 };
  const after: ClientData = { ...data, interactions: { ...table, rows: [...table.rows, newRow] } };
  const history = clientTierHistory(run, client.clientId);
  const card = buildCard(run, after, client, history, cardTeam(run));
  return {
    ok: true,
    text: pageText(language),
    card,
    logged: formatDateInOrder(row.date, run.settings.dateOrder),
  };
}
