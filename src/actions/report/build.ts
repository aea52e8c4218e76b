/**
 * Building a report: reads each table once (the inputs, Tier history, Team, Report
 * snapshots), runs the report's checks, computes the figures of the month (core/report.ts),
 * the attention facts and the restatements since the previous report, and makes the topics.
 */
import { attentionFacts } from "../../core/attention";
import { discountsGranted } from "../../core/discounts";
import { formatIsoDate, parseMonthKey, type CalDate } from "../../core/dates";
import { computeFunnel } from "../../core/funnel";
import { formatMoney } from "../../core/money";
import { partnerEffectiveness, type PartnerModel } from "../../core/partners";
import { computeReport, type ReportInput, type ReportModel, type ReportTierChange } from "../../core/report";
import { latestRevision, restatements, snapshotLines, type SnapshotLine } from "../../core/restatements";
import type { YearMonth } from "../../core/dates";
import type { TargetEntry } from "../../core/targets";
import { computeWinLoss } from "../../core/winLoss";
import { msg, type MessageRef } from "../../i18n";
import { CHANNELS, DEFAULT_PROBABILITY, OPEN_STAGES, SOURCES, type Tier } from "../../workbook/codes";
import { normalizeName } from "../../workbook/names";
import { partnerReferenceIssues, readPartners, type PartnerBook } from "../../workbook/partners";
import { readData, type ReadPlan, type WorkbookData } from "../../workbook/read";
import { readTierHistory } from "../../workbook/tierHistory";
import { contactSettings, staleLimits } from "../../workbook/settings";
import { readTeam, type Team } from "../../workbook/team";
import { REPORT_CHECKS } from "../reportChecks";
import { noteMissingSheets, type Run } from "../run";
import type { ChangesSince, ReportContext } from "./context";
import { previousReportMonth, readSnapshots } from "./snapshots";
import type { Topic } from "./topic";
import { reportTopics, type TopicFunction } from "./topics";

export interface Built {
  readonly month: YearMonth;
  readonly input: ReportInput;
  readonly model: ReportModel;
  readonly context: ReportContext;
  readonly topics: readonly Topic[];
  readonly team: Team;
  readonly snapshots: readonly SnapshotLine[];
}

/** The columns the report and its checks read. */
const REPORT_FIELDS = {
  clients: ["clientId", "name", "industry", "owner", "status", "tier", "purchaseOverride", "partner"],
  deals: [
    "dealId",
    "clientId",
    "title",
    "owner",
    "stage",
    "amount",
    "probability",
    "expectedClose",
    "closedOn",
    "source",
    "lostReason",
    "created",
    "partner",
    "stageSince",
    "competitor",
    "listPrice",
    "discount",
  ],
  contracts: ["contractId", "clientId", "owner", "value", "status", "signedOn", "end"],
  payments: "all",
  interactions: ["date", "clientId", "channel", "responded", "satisfaction"],
  targets: "all",
  industries: "all",
} as const satisfies ReadPlan;

/** Reads the workbook, checks it and computes the report of a month. */
export function buildReport(
  run: Run,
  month: YearMonth,
  sheet: string,
  topicList?: readonly TopicFunction[],
): Built {
  const ctx = { action: "report" as const, dateOrder: run.settings.dateOrder };
  const data = readData(run.env.workbook, run.sheets, REPORT_FIELDS, ["clients", "deals"], ctx, run.issues);
  noteMissingSheets(run, data.missingSheets);
  for (const check of REPORT_CHECKS) {
    for (const issue of check({ data, settings: run.settings, asOf: run.asOf, action: "report" }))
      run.issues.push(issue);
  }
  const team = readTeam(run.env.workbook, run.sheets, ctx, run.issues);
  const partnerBook = readPartners(run.env.workbook, run.sheets, ctx, run.issues);
  if (partnerBook !== null)
    for (const issue of partnerReferenceIssues(partnerBook, [data.clients, data.deals], "report"))
      run.issues.push(issue);
  const snapshots = readSnapshots(run);
  const input: ReportInput = {
    year: month.year,
    month: month.month,
    clients: data.clients.rows,
    deals: data.deals.rows,
    contracts: data.contracts.rows,
    payments: data.payments.rows,
    interactions: data.interactions.rows,
    targets: data.targets.rows as readonly TargetEntry[],
    industries: data.industries.rows,
    tierHistory: tierChanges(run),
    underperformShare: run.settings["report.underperformShare"],
    renewalNoticeDays: run.settings["renewal.noticeDays"],
    intervalDays: intervals(run),
    openStages: OPEN_STAGES,
    defaultProbability: DEFAULT_PROBABILITY,
    channels: CHANNELS.values,
    nameKey: normalizeName,
  };
  const model = computeReport(input);
  const context: ReportContext = {
    model,
    language: run.language,
    currency: run.settings.currency,
    sheet,
    generated: run.asOf,
    underperformShare: run.settings["report.underperformShare"],
    renewalNoticeDays: run.settings["renewal.noticeDays"],
    notes: reportNotes(model, run.asOf, run.settings.currency),
    attention: attentionFacts(input, model.monthEnd, model.renewalsDue),
    discounts: discountsGranted(
      data.deals.rows,
      ownerOfClient(data.clients.rows),
      model.monthStart,
      model.monthEnd,
    ),
    changes: changesSince(input, model.month, snapshots),
    // No topic for a sheet without partners (Set up creates it empty): nothing to say.
    partners:
      partnerBook === null || partnerBook.rows.length === 0 ? null : partnerModel(partnerBook, data, model),
    name: team.name,
    funnel: computeFunnel({
      deals: data.deals.rows,
      clients: data.clients.rows,
      windowEnd: model.monthEnd,
      asOf: run.asOf,
      staleDays: staleLimits(run.settings),
      sources: SOURCES.values,
    }),
    winLoss: computeWinLoss({
      deals: data.deals.rows,
      clients: data.clients.rows,
      windowEnd: model.monthEnd,
      nameKey: normalizeName,
    }),
  };
  return { month, input, model, context, topics: reportTopics(context, topicList), team, snapshots };
}

/** A client's owner by ID (for deals without their own Owner). */
function ownerOfClient(clients: readonly { clientId: string; owner: string | null }[]) {
  const owners = new Map(clients.map((c) => [c.clientId, c.owner] as const));
  return (clientId: string) => owners.get(clientId) ?? null;
}

/**
 * The previous report's frozen figures against the same month computed now (one more pass over
 * the tables, whatever the number of snapshots).
 */
function changesSince(
  input: ReportInput,
  month: string,
  snapshots: readonly SnapshotLine[],
): ChangesSince | null {
  const previous = previousReportMonth(snapshots, month);
  if (previous === null) return null;
  const frozen = latestRevision(snapshots, previous);
  const at = parseMonthKey(previous);
  if (at === null || frozen.length === 0) return null;
  const now = computeReport({ ...input, year: at.year, month: at.month });
  return {
    month: previous,
    revision: frozen[0].revision,
    restatements: restatements(frozen, snapshotLines(now, frozen[0].revision)),
  };
}

/** Partner effectiveness of the report's month (agreements ending within 90 days, idle for 6 months). */
function partnerModel(book: PartnerBook, data: WorkbookData, model: ReportModel): PartnerModel {
  return partnerEffectiveness({
    partners: book.rows,
    deals: data.deals.rows,
    clients: data.clients.rows,
    monthStart: model.monthStart,
    monthEnd: model.monthEnd,
    endingDays: 90,
    idleMonths: 6,
  });
}

/** The notes a report carries, from its figures and the date it is generated on. */
function reportNotes(model: ReportModel, asOf: CalDate, currency: string): MessageRef[] {
  const notes: MessageRef[] = [];
  if (model.monthEnd >= asOf)
    notes.push(msg("report.note.monthNotOver", { month: model.month, date: formatIsoDate(asOf) }));
  if (!model.tiersComputed) notes.push(msg("report.note.tiersNeverComputed"));
  else if (model.untiered > 0) notes.push(msg("report.note.untiered", { count: model.untiered }));
  const withoutTarget = model.team.coverageMonthsWithoutTarget;
  if (withoutTarget.length > 0) {
    const months = withoutTarget.join(", ");
    notes.push(
      msg(
        model.team.coverageMonths.length > 0
          ? "report.note.coverageWithoutTarget"
          : "report.note.coverageNoTarget",
        { months },
      ),
    );
  }
  if (model.team.unassignedCount > 0) {
    notes.push(
      msg("report.note.unassigned", {
        count: model.team.unassignedCount,
        amount: formatMoney(model.team.unassignedWon, currency),
      }),
    );
  }
  return notes;
}

function intervals(run: Run): Record<Tier, number> {
  return {
    A: contactSettings(run.settings, "A").intervalDays,
    B: contactSettings(run.settings, "B").intervalDays,
    C: contactSettings(run.settings, "C").intervalDays,
  };
}

/** Tier history as the tier action appended it (one read; unreadable rows are data issues). */
function tierChanges(run: Run): ReportTierChange[] {
  const rows = readTierHistory(
    run.env.workbook,
    run.sheets,
    { action: "report", dateOrder: run.settings.dateOrder },
    run.issues,
  );
  return rows.map(({ date, clientId, from, to, reason }) => ({ date, clientId, from, to, reason }));
}
