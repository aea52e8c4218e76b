/**
 * The daily digest (每日提醒): one e-mail per owner per day, built from sections that features
 * contribute. A feature adds a `DigestProvider` to DIGEST_PROVIDERS below; the digest reads the
 * union of the providers' tables once, asks each provider for its per-owner sections, and mails
 * every owner with at least one actionable row. Mails go through sendMails (key
 * `digest:YYYY-MM-DD:owner`), so a second firing on the same day sends nothing, the quota is
 * checked before anything goes out, and what could not be sent is logged and said.
 */
import { formatIsoDate, type CalDate } from "../core/dates";
import { msg, render, type MessageKey, type MessageRef } from "../i18n";
import type { Env } from "../ports";
import { mergeReadPlans, readData, type ReadPlan, type WorkbookData } from "../workbook/read";
import { TABLES, type InputTableKey } from "../workbook/schema";
import { readTeam, type Team } from "../workbook/team";
import { collectionDigestProvider } from "./collectionDigest";
import { contactDigestProvider } from "./contactDigest";
import { contractReminderProvider } from "./contractReminders";
import { actionableCount, renderDigestMail } from "./digestHtml";
import { staleDigestProvider } from "./staleDigest";
import { sendMails, sentKeys, type OutgoingMail, type SendOutcome } from "./mail";
import { finishRun, startRun, type ActionResult, type Run, type RunOptions } from "./run";

/** A table a provider may read (Settings is always read by the run). */
export type DigestTable = Exclude<InputTableKey, "settings" | "team" | "partners" | "templates">;

/** How a row is marked in the e-mail. */
export type DigestTone = "overdue" | "due" | "neutral";

export interface DigestRow {
  /** Plain text, one per column (escaped by the renderer, never here). The first is the row's title. */
  readonly cells: readonly string[];
  readonly tone: DigestTone;
}

/** One owner's part of one feature in the digest: a titled list. */
export interface DigestSection {
  /** Lower-case e-mail of the owner the section is for. */
  readonly owner: string;
  readonly title: MessageRef;
  /** Column headings, one per cell of each row. */
  readonly columns: readonly MessageRef[];
  readonly rows: readonly DigestRow[];
  /**
   * True when the rows need the owner today (overdue, due, falling due). An owner is mailed only
   * when an actionable section has rows; other sections (the next seven days) ride along.
   */
  readonly actionable: boolean;
  /** Rows beyond those listed (the renderer says how many more). */
  readonly more?: number;
}

export interface DigestInput {
  /** The run: its settings and language; a provider may add summary lines and data issues to it. */
  readonly run: Run;
  readonly data: WorkbookData;
  readonly asOf: CalDate;
  /** Send-log keys already sent, read once for the whole digest. */
  readonly sent: ReadonlySet<string>;
  /** Names and managers of the optional Team sheet (read once for the whole digest). */
  readonly team: Team;
}

/** A feature's contribution to the digest. */
export interface DigestProvider {
  /** A name for the summary when the provider is left out. */
  readonly label: MessageKey;
  /** The columns the provider reads of each table (read once for all providers). */
  readonly fields?: ReadPlan;
  /** Tables the provider reads with every column. */
  readonly tables?: readonly DigestTable[];
  /** Tables without which the provider is left out (and the summary says so). */
  readonly requires: readonly DigestTable[];
  /** Sections for any number of owners, in the order they appear in each owner's mail. */
  sections(input: DigestInput): DigestSection[];
}

/** Every section provider, in mail order: each feature adds its import and its entry here. */
export const DIGEST_PROVIDERS: readonly DigestProvider[] = [
  contactDigestProvider,
  contractReminderProvider,
  collectionDigestProvider,
  staleDigestProvider,
];

/** The send-log key of an owner's digest for a day. */
export function digestKey(asOf: CalDate, owner: string): string {
  return `digest:${formatIsoDate(asOf)}:${owner}`;
}

export interface DigestData {
  readonly asOf: string;
  /** Owners with an actionable row, each with the outcome of their mail. */
  readonly owners: { readonly owner: string; readonly outcome: SendOutcome; readonly rows: number }[];
  readonly sent: number;
  /** Owners left for a later run because the time budget ran out (their mails were not sent). */
  readonly deferred: number;
}

export interface DigestOptions extends RunOptions {
  readonly providers?: readonly DigestProvider[];
  /** Only these owners (lower-case e-mails): Send my digest now. */
  readonly owners?: readonly string[];
  /** Send even an owner who already had today's digest (a user asked for it). */
  readonly force?: boolean;
  /** The time budget's end (ms): owners not reached by then are left for the continuation. */
  readonly deadline?: number;
}

/** Groups sections by owner, keeping owners with an actionable row, in owner order. */
export function sectionsByOwner(sections: readonly DigestSection[]): Map<string, DigestSection[]> {
  const byOwner = new Map<string, DigestSection[]>();
  for (const section of sections) {
    if (section.rows.length === 0) continue;
    const list = byOwner.get(section.owner);
    if (list) list.push(section);
    else byOwner.set(section.owner, [section]);
  }
  const owners = [...byOwner.keys()]
    .filter((owner) => (byOwner.get(owner) ?? []).some((s) => s.actionable))
    .sort();
  return new Map(owners.map((owner) => [owner, byOwner.get(owner) as DigestSection[]] as const));
}

/** The daily trigger: mails each owner their digest, at most once a day. */
export function sendDailyDigest(env: Env, options: DigestOptions = {}): ActionResult<DigestData> {
  const providers = options.providers ?? DIGEST_PROVIDERS;
  const run = startRun(env, "digest", options);
  const plan = mergeReadPlans(providers.flatMap((p) => [p.fields ?? {}, p.tables ?? []]));
  const ctx = { action: "digest", dateOrder: run.settings.dateOrder } as const;
  const data = readData(env.workbook, run.sheets, plan, ["clients"], ctx, run.issues);
  const team = readTeam(env.workbook, run.sheets, ctx, run.issues);
  const sent = sentKeys(run);
  const sections: DigestSection[] = [];
  for (const provider of providers) {
    const missing = provider.requires.filter((table) => !run.sheets.has(table));
    if (missing.length > 0) {
      const names = missing
        .map((table) => (run.language === "en" ? TABLES[table].en : TABLES[table].zh))
        .join(", ");
      run.summary.push(
        msg("digest.summary.skipped", { section: render(run.language, msg(provider.label)), sheets: names }),
      );
      continue;
    }
    sections.push(...provider.sections({ run, data, asOf: run.asOf, sent, team }));
  }

  const only = options.owners ? new Set(options.owners.map((o) => o.toLowerCase())) : null;
  const byOwner = sectionsByOwner(only ? sections.filter((s) => only.has(s.owner)) : sections);
  const mails: OutgoingMail[] = [...byOwner.entries()].map(([owner, list]) => ({
    what: digestKey(run.asOf, owner),
    message: renderDigestMail(run.language, { address: owner, name: team.name(owner) }, run.asOf, list),
  }));
  const report = sendMails(run, mails, { sent, force: options.force, deadline: options.deadline });
  const outcomeOf = new Map(report.outcomes.map((o) => [o.what, o.outcome] as const));
  const owners = [...byOwner.entries()]
    .filter(([owner]) => outcomeOf.has(digestKey(run.asOf, owner)))
    .map(([owner, list]) => ({
      owner,
      outcome: outcomeOf.get(digestKey(run.asOf, owner)) as SendOutcome,
      rows: actionableCount(list),
    }));
  summarise(run, owners, report.deferred);
  return finishRun(run, {
    asOf: formatIsoDate(run.asOf),
    owners,
    sent: report.sent,
    deferred: report.deferred,
  });
}

function summarise(run: Run, owners: DigestData["owners"], deferred: number): void {
  if (owners.length === 0 && deferred === 0) run.summary.push(msg("digest.summary.nothing"));
  if (deferred > 0) run.summary.push(msg("automation.digestDeferred", { count: deferred }));
  const by = (outcome: SendOutcome) => owners.filter((o) => o.outcome === outcome).map((o) => o.owner);
  const sent = by("sent");
  if (sent.length > 0)
    run.summary.push(msg("digest.summary.sent", { count: sent.length, owners: sent.join(", ") }));
  const already = by("already-sent");
  if (already.length > 0)
    run.summary.push(
      msg("digest.summary.alreadySent", { count: already.length, owners: already.join(", ") }),
    );
  for (const outcome of ["no-quota", "failed", "no-mail", "no-recipients"] as const) {
    const list = by(outcome);
    if (list.length === 0) continue;
    const reason = render(run.language, msg(`digest.reason.${outcome}`));
    run.summary.push(msg("digest.summary.notSent", { count: list.length, reason, owners: list.join(", ") }));
  }
}
