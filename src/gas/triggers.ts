/**
 * The installed triggers: exactly one hourly dispatcher and one edit trigger (the Approvals
 * sheet's decision stamp) per user and document (also what Editor add-ons allow: one trigger of
 * each kind, time-driven at most hourly). The dispatcher reads Settings on
 * every tick, so changed hours, days and time zones apply without reinstalling. Installing is
 * idempotent and migrates the older per-job triggers; every menu action and a settings save
 * reconcile what is installed with what should be (one getProjectTriggers call when nothing is
 * to change). A run stopped at its time budget is continued by a one-off trigger, removed when
 * it has run; where one-off triggers are not allowed (add-ons) the next hourly tick continues.
 */
import { formatRunTime, JOB_LABELS, JOB_ORDER, nextRun, wallHour } from "../actions/automation/schedule";
import { INSTALLER_PROPERTY, readState } from "../actions/automation/state";
import { msg, render, type Language, type MessageRef } from "../i18n";
import type { Env, PropertiesPort } from "../ports";
import type { Settings } from "../workbook/settings";
import {
  APPROVAL_EDIT_HANDLER,
  CONTINUATION_HANDLER,
  DISPATCHER_HANDLER,
  LEGACY_TRIGGER_HANDLERS,
} from "./registry";
import { currentUser, documentLock, documentProperties } from "./services";

type Trigger = GoogleAppsScript.Script.Trigger;

/** How long a continuation waits before it runs. */
const CONTINUATION_DELAY_MS = 60_000;

interface Installed {
  readonly dispatchers: Trigger[];
  /** The Approvals sheet's edit trigger (one per user and document, like the dispatcher). */
  readonly edits: Trigger[];
  readonly continuations: Trigger[];
  readonly legacy: Trigger[];
}

function classify(triggers: readonly Trigger[]): Installed {
  const found: Installed = { dispatchers: [], edits: [], continuations: [], legacy: [] };
  for (const trigger of triggers) {
    const handler = trigger.getHandlerFunction();
    if (handler === DISPATCHER_HANDLER) found.dispatchers.push(trigger);
    else if (handler === CONTINUATION_HANDLER) found.continuations.push(trigger);
    else if (handler === APPROVAL_EDIT_HANDLER) found.edits.push(trigger);
    else if (LEGACY_TRIGGER_HANDLERS.includes(handler)) found.legacy.push(trigger);
  }
  return found;
}

/** Whether automation should be on: recorded as installed, or still running on older per-job triggers. */
function wanted(installer: string | null, found: Installed): boolean {
  return installer !== null || found.legacy.length > 0 || found.dispatchers.length > 0;
}

/** What differs between the installed triggers and what should be installed. */
function differences(shouldRun: boolean, found: Installed): MessageRef[] {
  const problems: MessageRef[] = [];
  if (!shouldRun) return problems;
  if (found.dispatchers.length === 0) problems.push(msg("automation.problem.missing"));
  if (found.dispatchers.length > 1)
    problems.push(msg("automation.problem.duplicates", { count: found.dispatchers.length }));
  if (found.edits.length !== 1)
    problems.push(msg("automation.problem.editTrigger", { count: found.edits.length }));
  if (found.legacy.length > 0) {
    const names = [...new Set(found.legacy.map((t) => t.getHandlerFunction()))].join(", ");
    problems.push(msg("automation.problem.legacy", { names }));
  }
  return problems;
}

/**
 * Makes the installed triggers exactly one hourly dispatcher and one edit trigger of the
 * spreadsheet (an Editor add-on may have one trigger of each kind per user and document):
 * deletes the older per-job ones and duplicates, creates what is missing.
 */
function makeExact(found: Installed): void {
  const extra = [...found.legacy, ...found.dispatchers.slice(1), ...found.edits.slice(1)];
  for (const trigger of extra) ScriptApp.deleteTrigger(trigger);
  if (found.dispatchers.length === 0)
    ScriptApp.newTrigger(DISPATCHER_HANDLER).timeBased().everyHours(1).create();
  if (found.edits.length === 0)
    ScriptApp.newTrigger(APPROVAL_EDIT_HANDLER).forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}

/** Installs the dispatcher (idempotent) and records who installed it (who hears about failures). */
export function installAutomation(user: string, properties: PropertiesPort): void {
  makeExact(classify(ScriptApp.getProjectTriggers()));
  properties.set(INSTALLER_PROPERTY, user);
}

/** Removes every trigger of ours (dispatcher, continuations, older per-job triggers). */
export function removeAutomation(properties: PropertiesPort): number {
  const found = classify(ScriptApp.getProjectTriggers());
  const all = [...found.dispatchers, ...found.edits, ...found.continuations, ...found.legacy];
  for (const trigger of all) ScriptApp.deleteTrigger(trigger);
  properties.remove(INSTALLER_PROPERTY);
  return all.length;
}

/**
 * Brings the installed triggers in line with what should be installed, for the current user only
 * (another user's triggers are not visible and not ours to change). Cheap when nothing differs:
 * one properties read and one getProjectTriggers call. Never throws: a failure leaves it to the
 * next action.
 */
export function reconcileTriggers(): void {
  try {
    const properties = documentProperties();
    const installer = properties.get(INSTALLER_PROPERTY);
    const user = currentUser(false);
    if (installer !== null && installer !== user) return;
    const found = classify(ScriptApp.getProjectTriggers());
    if (differences(wanted(installer, found), found).length === 0) return;
    documentLock.withLock(() => {
      makeExact(classify(ScriptApp.getProjectTriggers()));
      if (installer === null && user !== "unknown") properties.set(INSTALLER_PROPERTY, user);
    });
  } catch (error) {
    console.warn(`Trigger reconciliation skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Asks for a continuation run soon (once); false where one-off triggers are not allowed (add-ons). */
export function scheduleContinuation(): boolean {
  try {
    if (classify(ScriptApp.getProjectTriggers()).continuations.length > 0) return true;
    ScriptApp.newTrigger(CONTINUATION_HANDLER).timeBased().after(CONTINUATION_DELAY_MS).create();
    return true;
  } catch (error) {
    console.warn(
      `No continuation trigger (${error instanceof Error ? error.message : String(error)}); the next hourly run continues.`,
    );
    return false;
  }
}

/** Removes the continuation triggers once their work is done. */
export function clearContinuations(): void {
  for (const trigger of classify(ScriptApp.getProjectTriggers()).continuations)
    ScriptApp.deleteTrigger(trigger);
}

/**
 * Trigger status: what is actually installed (from the project's triggers), each job's next
 * run from the current Settings, and whether what is installed differs from what should be.
 */
export function automationStatus(env: Env, settings: Settings): MessageRef[] {
  const language: Language = settings.language;
  const installer = env.properties.get(INSTALLER_PROPERTY);
  const found = classify(ScriptApp.getProjectTriggers());
  const lines: MessageRef[] = [];
  const otherUser = installer !== null && installer !== env.user;
  const shouldRun = wanted(installer, found);
  if (found.dispatchers.length > 0)
    lines.push(msg("automation.status.installed", { user: installer ?? env.user }));
  else if (otherUser) lines.push(msg("automation.status.otherUser", { user: installer }));
  else if (!shouldRun) return [msg("automation.status.notInstalled")];
  const zone = settings.timeZone;
  const now = { date: env.clock.today(zone), hour: wallHour(env.clock.now(), zone) };
  const state = readState(env.properties);
  for (const job of JOB_ORDER) {
    const last = state.jobs[job];
    const next = formatRunTime(
      nextRun(job, settings, now, last?.outcome === "partial" ? null : (last?.period ?? null)),
    );
    const line = render(
      language,
      msg("automation.status.job", { job: render(language, msg(JOB_LABELS[job])), next }),
    );
    const lastText = last
      ? render(
          language,
          msg(`automation.status.last.${last.outcome}`, { period: last.period, error: last.error ?? "" }),
        )
      : "";
    lines.push(msg("automation.plain", { text: line + lastText }));
  }
  lines.push(msg("automation.status.zone", { zone }));
  if (found.continuations.length > 0) lines.push(msg("automation.status.continuation"));
  if (!otherUser) {
    const problems = differences(shouldRun, found);
    if (problems.length > 0)
      lines.push(
        msg("automation.status.differs", { problems: problems.map((p) => render(language, p)).join("; ") }),
      );
  }
  return lines;
}
