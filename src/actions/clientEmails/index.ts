/**
 * Prepare the tier-C e-mails (准备C级客户邮件, 2.2.1): for every due tier-C client whose contact
 * channel is e-mail, the message of the Templates sheet — as a Gmail draft in the mailbox of the
 * user the script runs as, for the owner to check and send (the default), or sent directly with
 * replies to the owner (`templates.mode` = send). Each message is recorded once per client and
 * cycle (core/clientEmails.ts): one Interactions row (date, client, owner, channel e-mail, summary
 * "automated e-mail: subject", Responded blank) and one Send log row (`email:ID:DUE`, sent or
 * drafted). The day's budget comes first: the remaining mail quota less a reserve for the digest,
 * the report and notices when sending, and `templates.perDay` always; what does not fit is logged
 * as deferred to a later working day and taken first by the next run. One read per table, one
 * append to the Send log and one to Interactions, whatever the number of clients.
 */
import {
  automatedHistory,
  dailyBudget,
  detectReplies,
  replyCandidates,
  replyQueries,
  type IncomingMail,
  selectDueEmails,
  sendingOrder,
  spreadOverDays,
  AUTOMATED_TIER,
  type DueEmail,
  type EmailRecipient,
  type SkipReason,
} from "../../core/clientEmails";
import {
  buildContactPlan,
  calendarOf,
  nextWorkingDay,
  type ContactRules,
  type PlanRow,
} from "../../core/contacts";
import { horizonDays } from "../../core/contactSchedule";
import { addDays, formatIsoDate, type CalDate } from "../../core/dates";
import { msg, t } from "../../i18n";
import type { Env, MailMessage } from "../../ports";
import { StopError } from "../../workbook/issues";
import { readData, type ReadPlan, type WorkbookData } from "../../workbook/read";
import { sheetName } from "../../workbook/schema";
import type { EmailMode } from "../../workbook/settings";
import { readTeam } from "../../workbook/team";
import { appendOutputRows } from "../../workbook/write";
import { contactRules } from "../contacts";
import { digestKey } from "../digest";
import { formatTimestamp, sendLogEntries } from "../mail";
import { finishRun, startRun, type ActionResult, type Run, type RunOptions } from "../run";
import { clientMessage } from "./message";
import { isAutomatedSummary, recordInteractions, recordReplies } from "./record";
import { readTemplates, templateFor, type TemplateBook } from "./templates";
import { summarise } from "./summary";

/** The columns the action reads. */
export const EMAIL_FIELDS = {
  clients: ["clientId", "name", "status", "tier", "owner", "preferredChannel", "email"],
  interactions: ["date", "clientId", "channel", "responded", "summary"],
} as const satisfies ReadPlan;

export interface ClientEmailOptions extends RunOptions {
  /** Only the clients of these owners (lower-case e-mails); absent or null: every owner. */
  readonly owners?: readonly string[] | null;
  /** Whose mailbox the drafts land in, for the summary. */
  readonly mailbox?: string;
  /** Work out and describe the messages only: nothing is sent, drafted or written (the command line). */
  readonly dryRun?: boolean;
  /**
   * The scheduled run: nothing on a day that is not a working day, and nothing in a workbook
   * without a Templates sheet (a team that does not use automated e-mails).
   */
  readonly scheduled?: boolean;
  /** The time budget's end (ms): messages not reached are left for the continuation. */
  readonly deadline?: number;
}

export type EmailOutcome = "planned" | "sent" | "drafted" | "failed" | "deferred";

export interface EmailJson {
  readonly key: string;
  readonly clientId: string;
  readonly name: string;
  readonly owner: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The day it goes out (today, or the working day it is deferred to). */
  readonly day: string;
  readonly outcome: EmailOutcome;
  readonly error?: string;
}

export type EmailSkip = SkipReason | "noTemplate" | "otherOwner";

/** The action's figures: the JSON of `account-desk emails --json`. */
export interface ClientEmailData {
  readonly asOf: string;
  readonly mode: EmailMode;
  /** Messages that may go out today. */
  readonly budget: number;
  /** The remaining mail quota when sending (null: not asked). */
  readonly quota: number | null;
  readonly reserve: number;
  /** Today's messages with their outcome. */
  readonly messages: EmailJson[];
  /** Messages spread over the next working days. */
  readonly deferred: EmailJson[];
  readonly skipped: {
    readonly clientId: string;
    readonly owner: string | null;
    readonly reason: EmailSkip;
  }[];
  /** Due clients whose message of this cycle was already sent or drafted. */
  readonly alreadyDone: number;
  /** Messages left at the time budget (not logged; the continuation takes them). */
  readonly stopped: number;
}

/** Sends or drafts today's messages, records them, and defers the rest. */
export function prepareClientEmails(
  env: Env,
  options: ClientEmailOptions = {},
): ActionResult<ClientEmailData> {
  const run = startRun(env, "emails", options);
  const mode = run.settings["templates.mode"];
  // The plan's own working calendar (weekdays, holidays, the holiday preset's make-up days).
  const rules = contactRules(run.settings);
  const calendar = calendarOf(rules);
  if (options.scheduled && !run.sheets.has("templates")) {
    run.summary.push(msg("emails.summary.noSheet", { sheet: sheetName("templates", run.language) }));
    return finishRun(run, emptyData(run, mode));
  }
  if (options.scheduled && nextWorkingDay(run.asOf, calendar) !== run.asOf) {
    run.summary.push(msg("emails.summary.notWorkingDay"));
    return finishRun(run, emptyData(run, mode));
  }
  const data = readData(
    env.workbook,
    run.sheets,
    EMAIL_FIELDS,
    ["clients", "interactions"],
    { action: run.action, dateOrder: run.settings.dateOrder },
    run.issues,
  );
  const book = readTemplates(run);
  const replied = run.settings["templates.detectReplies"]
    ? gmailReplies(run, data, options)
    : new Set<string>();
  const { due, skipped, alreadyDone } = dueMessages(run, data, book, rules, options.owners ?? null, replied);
  const log = sendLogEntries(run);
  const sentToday = new Set(log.filter((e) => e.result === "sent").map((e) => e.what));
  const deferredOrder = new Map<string, number>();
  log.forEach((entry, i) => {
    if (entry.result.startsWith("deferred") && !deferredOrder.has(entry.what))
      deferredOrder.set(entry.what, i);
  });
  const quota = mode === "send" && env.mail && !options.dryRun ? env.mail.remainingQuota() : null;
  const reserve = quotaReserve(run, data, sentToday);
  const perDay = run.settings["templates.perDay"];
  const budget = dailyBudget(mode, perDay, quota, reserve);
  const ordered = sendingOrder(due, deferredOrder);
  const days = [
    run.asOf,
    ...horizonDays(addDays(run.asOf, 1), Math.ceil(ordered.length / perDay) + 1, calendar),
  ];
  const spread = spreadOverDays(ordered, budget, perDay, days);

  const today = spread.filter((s) => s.day === run.asOf).map((s) => s.message);
  if (today.length > 0 && mode === "draft" && !options.dryRun && !env.drafts)
    throw new StopError("emails.noGmail");
  const delivered = deliver(run, today, mode, options);
  const later = spread.filter((s) => s.day !== run.asOf);
  const deferred = later.map((s) => json(s.message, formatIsoDate(s.day), "deferred"));
  if (!options.dryRun) record(run, data, delivered.done, later, deferredOrder);
  const result: ClientEmailData = {
    asOf: formatIsoDate(run.asOf),
    mode,
    budget,
    quota,
    reserve,
    messages: delivered.done.map((d) => d.json),
    deferred,
    skipped,
    alreadyDone,
    stopped: delivered.stopped,
  };
  summarise(run, result, book, options.mailbox ?? env.user);
  return finishRun(run, result);
}

/** A message ready to go: the client's row, its address and key, and the rendered mail. */
export interface Prepared extends DueEmail {
  readonly message: MailMessage;
}

function dueMessages(
  run: Run,
  data: WorkbookData,
  book: TemplateBook,
  rules: ContactRules,
  owners: readonly string[] | null,
  replied: ReadonlySet<string>,
): { due: Prepared[]; skipped: ClientEmailData["skipped"][number][]; alreadyDone: number } {
  const clients = data.clients.rows;
  const plan = buildContactPlan(
    clients.map((c) => ({
      clientId: c.clientId,
      name: c.name,
      active: c.status === "active",
      tier: c.tier,
      owner: c.owner,
      preferredChannel: c.preferredChannel,
    })),
    data.interactions.rows,
    rules,
    run.asOf,
  );
  const recipients = new Map<string, EmailRecipient>(
    clients.map((c) => [c.clientId, { clientId: c.clientId, email: c.email }] as const),
  );
  const history = new Map(historyOf(data));
  for (const clientId of replied) {
    const known = history.get(clientId);
    if (known !== undefined) history.set(clientId, { ...known, answered: true });
  }
  const done = new Set<string>();
  for (const entry of sendLogEntries(run))
    if (entry.result === "sent" || entry.result === "drafted") done.add(entry.what);
  const selection = selectDueEmails(plan, recipients, history, done);
  const skipped: ClientEmailData["skipped"][number][] = selection.skipped.map((s) => ({
    clientId: s.row.clientId,
    owner: s.row.owner,
    reason: s.reason,
  }));
  reportMissingAddresses(run, data, selection.skipped);
  const team = readTeam(
    run.env.workbook,
    run.sheets,
    { action: run.action, dateOrder: run.settings.dateOrder },
    run.issues,
  );
  const template = templateFor(book, AUTOMATED_TIER, run.language);
  const only = owners === null ? null : new Set(owners.map((o) => o.toLowerCase()));
  const due: Prepared[] = [];
  for (const item of selection.due) {
    const owner = item.row.owner as string;
    if (only !== null && !only.has(owner))
      skipped.push({ clientId: item.row.clientId, owner, reason: "otherOwner" });
    else if (template === null) skipped.push({ clientId: item.row.clientId, owner, reason: "noTemplate" });
    else due.push({ ...item, message: clientMessage(template, item, team.name(owner), run.language) });
  }
  return { due, skipped, alreadyDone: selection.done };
}

function historyOf(data: WorkbookData) {
  return automatedHistory(
    data.interactions.rows.map((i) => ({
      clientId: i.clientId,
      date: i.date,
      responded: i.responded,
      automated: isAutomatedSummary(i.summary),
    })),
  );
}

/** Most messages a reply search lists per query. */
const REPLY_SEARCH_MAX = 100;

/**
 * Replies found in Gmail (templates.detectReplies on): one search of the running user's mailbox
 * per chunk of addresses of the clients whose last automated e-mail is unanswered; each client who
 * wrote back since gets an Interactions row (Responded yes) unless this is a dry run. Without the
 * Gmail service or the gmail.readonly scope the run goes on without detection and says so.
 */
function gmailReplies(run: Run, data: WorkbookData, options: ClientEmailOptions): Set<string> {
  const candidates = replyCandidates(
    historyOf(data),
    new Map<string, EmailRecipient>(
      data.clients.rows.map((c) => [c.clientId, { clientId: c.clientId, email: c.email }] as const),
    ),
  );
  if (candidates.length === 0) return new Set();
  const inbox = run.env.inbox;
  if (!inbox) {
    run.summary.push(msg("emails.summary.noReplySearch"));
    return new Set();
  }
  const incoming: IncomingMail[] = [];
  try {
    for (const query of replyQueries(candidates))
      incoming.push(...inbox.search(query, REPLY_SEARCH_MAX, run.settings.timeZone));
  } catch {
    run.summary.push(msg("emails.summary.noReplySearch"));
    return new Set();
  }
  const replies = detectReplies(candidates, incoming);
  if (replies.length === 0) return new Set();
  const ownerOf = new Map(data.clients.rows.map((c) => [c.clientId, c.owner] as const));
  if (!options.dryRun)
    recordReplies(
      run,
      data,
      replies.map((r) => ({ clientId: r.clientId, owner: ownerOf.get(r.clientId) ?? null })),
    );
  const ids = replies.map((r) => r.clientId);
  run.summary.push(
    msg("emails.summary.replies", {
      count: ids.length,
      clients: ids.length > 10 ? `${ids.slice(0, 10).join(", ")} …` : ids.join(", "),
    }),
  );
  return new Set(ids);
}

/** A due tier-C client without an address is a data issue on its Email cell. */
function reportMissingAddresses(
  run: Run,
  data: WorkbookData,
  skipped: readonly { readonly row: PlanRow; readonly reason: SkipReason }[],
): void {
  const { sheet, header } = data.clients;
  if (sheet === null) return;
  const rowOf = new Map(data.clients.rows.map((c) => [c.clientId, c.row] as const));
  for (const s of skipped) {
    if (s.reason !== "noEmail") continue;
    run.issues.push({
      action: run.action,
      sheet,
      row: rowOf.get(s.row.clientId) ?? null,
      column: header.text.get("email") ?? null,
      value: "",
      problem: msg("issue.clientNoEmail"),
    });
  }
}

/**
 * Mails kept for the day's other senders: the digest of each owner who has not had today's, the
 * report's recipients, finance, the managers told of arrears, and one failure notice.
 */
function quotaReserve(run: Run, data: WorkbookData, sent: ReadonlySet<string>): number {
  const owners = new Set<string>();
  for (const c of data.clients.rows)
    if (c.status === "active" && c.owner !== null && !sent.has(digestKey(run.asOf, c.owner)))
      owners.add(c.owner);
  const s = run.settings;
  return (
    owners.size +
    s["report.recipients"].length +
    s["digest.finance"].length +
    s["collection.escalateTo"].length +
    1
  );
}

interface Delivered {
  readonly item: Prepared;
  readonly json: EmailJson;
}

function deliver(
  run: Run,
  today: readonly Prepared[],
  mode: EmailMode,
  options: ClientEmailOptions,
): { done: Delivered[]; stopped: number } {
  const done: Delivered[] = [];
  let stopped = 0;
  for (const item of today) {
    const day = formatIsoDate(run.asOf);
    if (options.dryRun) {
      done.push({ item, json: json(item, day, "planned") });
      continue;
    }
    if (options.deadline !== undefined && run.env.clock.now().getTime() >= options.deadline) {
      stopped++;
      continue;
    }
    try {
      if (mode === "draft") (run.env.drafts as NonNullable<Env["drafts"]>).create(item.message);
      else if (run.env.mail) run.env.mail.send(item.message);
      else throw new Error(t(run.language, "digest.reason.no-mail"));
      done.push({ item, json: json(item, day, mode === "draft" ? "drafted" : "sent") });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      done.push({ item, json: { ...json(item, day, "failed"), error: text } });
    }
  }
  return { done, stopped };
}

function json(item: Prepared, day: string, outcome: EmailOutcome): EmailJson {
  return {
    key: item.key,
    clientId: item.row.clientId,
    name: item.row.name,
    owner: item.row.owner ?? "",
    to: item.email,
    subject: item.message.subject,
    text: item.message.textBody,
    html: item.message.htmlBody,
    day,
    outcome,
  };
}

/** One append to the Send log (delivered, failed, newly deferred), one to Interactions (delivered). */
function record(
  run: Run,
  data: WorkbookData,
  delivered: readonly Delivered[],
  later: readonly { readonly message: Prepared; readonly day: CalDate }[],
  deferredBefore: ReadonlyMap<string, number>,
): void {
  const when = formatTimestamp(run.env.clock.now(), run.settings.timeZone);
  const rows = delivered.map((d) => [
    when,
    d.item.key,
    d.item.email,
    d.json.error === undefined ? d.json.outcome : `failed: ${d.json.error}`,
  ]);
  for (const l of later)
    if (!deferredBefore.has(l.message.key))
      rows.push([when, l.message.key, l.message.email, `deferred:${formatIsoDate(l.day)}`]);
  if (rows.length > 0) appendOutputRows(run.env.workbook, run.sheets, "sendLog", run.language, rows);
  recordInteractions(
    run,
    data,
    delivered.filter((d) => d.json.error === undefined).map((d) => d.item),
  );
}

function emptyData(run: Run, mode: EmailMode): ClientEmailData {
  return {
    asOf: formatIsoDate(run.asOf),
    mode,
    budget: 0,
    quota: null,
    reserve: 0,
    messages: [],
    deferred: [],
    skipped: [],
    alreadyDone: 0,
    stopped: 0,
  };
}
