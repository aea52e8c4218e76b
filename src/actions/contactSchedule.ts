/**
 * The contact plan's schedule (沟通排期) from the workbook: the capacity rules from Settings, the
 * collection and renewal needs from Contracts and Payments (when the workbook has them), the
 * day each contact is planned on by core/contactSchedule.ts, and the words the plan sheet, the
 * JSON and the digest show for it (purpose, reason). The regular figures of the plan (next
 * due, status, days overdue) are never changed here.
 */
import { collectionNeeds, escalations, renewalNeeds } from "../core/contactNeeds";
import {
  scheduleContacts,
  type ContactNeed,
  type ContactPurpose,
  type ContactSchedule,
  type ScheduleRules,
  type ScheduledContact,
} from "../core/contactSchedule";
import { calendarOf, type ContactRules, type PlanRow } from "../core/contacts";
import type { OverdueInstalment } from "../core/contracts";
import { formatIsoDate, type CalDate } from "../core/dates";
import { listOf, msg, render, t, type Language, type MessageRef } from "../i18n";
import { CHANNELS, PURPOSES } from "../workbook/codes";
import type { ReadPlan, WorkbookData } from "../workbook/read";
import { CONTRACT_FIELDS, contractsReview } from "./contracts";
import type { Settings } from "../workbook/settings";

/** The columns of the optional tables the schedule reads for collections and renewals. */
export const SCHEDULE_FIELDS = {
  contracts: CONTRACT_FIELDS.contracts,
  payments: CONTRACT_FIELDS.payments,
} as const satisfies ReadPlan;

export function scheduleRules(settings: Settings): ScheduleRules {
  return {
    capacityPerDay: settings["contact.capacityPerDay"],
    weights: settings["contact.channelWeights"],
    minGapDays: settings["contact.minGapDays"],
    horizonDays: settings["contact.planDays"],
  };
}

export interface ScheduleComputation {
  readonly schedule: ContactSchedule;
  /** Instalments 90 or more days overdue, most overdue first. */
  readonly escalations: readonly OverdueInstalment[];
}

/** Plans the contacts of `plan` with the needs of collections and renewals. */
export function computeSchedule(
  data: WorkbookData,
  settings: Settings,
  rules: ContactRules,
  plan: readonly PlanRow[],
  asOf: CalDate,
): ScheduleComputation {
  const calendar = calendarOf(rules);
  const noticeDays = settings["renewal.noticeDays"];
  const review = contractsReview(data, asOf, noticeDays);
  const lastContactOf = new Map<string, CalDate>();
  for (const row of plan) if (row.lastContact !== null) lastContactOf.set(row.clientId, row.lastContact);
  const needs: ContactNeed[] = [
    ...collectionNeeds(plan, review.overdue, rules.cadence, calendar, asOf),
    ...renewalNeeds(review.renewalsDue, lastContactOf, noticeDays, calendar),
  ];
  return {
    schedule: scheduleContacts(plan, needs, scheduleRules(settings), calendar, asOf),
    escalations: escalations(review.overdue),
  };
}

/** The purposes as labels in the workbook language. */
export function purposeText(purposes: readonly ContactPurpose[], language: Language): string {
  return listOf(
    language,
    purposes.map((p) => PURPOSES.label(p, language)),
  );
}

/** Why a contact is planned as it is: its collection and renewal needs, or why it has no day. */
export function noteMessages(contact: ScheduledContact, row: PlanRow, settings: Settings): MessageRef[] {
  const out: MessageRef[] = [];
  for (const need of contact.needs) {
    if (!contact.purposes.includes(need.purpose)) continue;
    if (need.detail.kind === "collection")
      out.push(
        msg("plan.note.collection", { days: need.detail.daysOverdue, interval: need.detail.intervalDays }),
      );
    else
      out.push(msg("plan.note.renewal", { contract: need.detail.contractId, days: need.detail.daysBefore }));
  }
  const capacity = settings["contact.capacityPerDay"] ?? 0;
  switch (contact.unplanned) {
    case "capacity":
      out.push(msg("plan.note.capacity", { days: settings["contact.planDays"], capacity }));
      break;
    case "tooHeavy":
      out.push(
        msg("plan.note.tooHeavy", {
          channel: CHANNELS.label(row.channel, settings.language),
          weight: contact.weight,
          capacity,
        }),
      );
      break;
    case "gap":
      out.push(msg("plan.note.gap", { gap: settings["contact.minGapDays"] }));
      break;
    case "noOwner":
      out.push(msg("plan.note.noOwner"));
      break;
    case null:
      break;
  }
  return out;
}

/** The notes as one cell of text. */
export function noteText(notes: readonly MessageRef[], language: Language): string {
  return notes.map((n) => render(language, n)).join(language === "en" ? "; " : "；");
}

/** Planned today, planned later, unplanned: counts per owner for the summary. */
export function scheduleSummary(
  computation: ScheduleComputation,
  asOf: CalDate,
  language: Language,
): MessageRef[] {
  const { schedule } = computation;
  const owners = new Map<string, { today: number; planned: number; unplanned: number }>();
  const total = { today: 0, planned: 0, unplanned: 0 };
  for (const c of schedule.contacts) {
    if (c.plannedOn === null && c.unplanned === null) continue;
    const key = c.owner ?? t(language, "contacts.noOwner");
    let entry = owners.get(key);
    if (entry === undefined) {
      entry = { today: 0, planned: 0, unplanned: 0 };
      owners.set(key, entry);
    }
    for (const target of [entry, total]) {
      if (c.plannedOn === null) target.unplanned++;
      else target.planned++;
      if (c.plannedOn === asOf) target.today++;
    }
  }
  const last = schedule.days[schedule.days.length - 1];
  const lines = [
    msg("plan.summary", {
      days: schedule.days.length,
      last: formatIsoDate(last),
      ...total,
    }),
  ];
  for (const owner of [...owners.keys()].sort())
    lines.push(msg("plan.summary.owner", { owner, ...(owners.get(owner) as typeof total) }));
  return lines;
}
