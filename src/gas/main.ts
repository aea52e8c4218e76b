/**
 * The Apps Script entry: only exposes the functions Sheets calls (onOpen, onInstall, menu
 * handlers, trigger handlers, sidebar server functions) and wires the adapters into actions.
 * The build turns every export into a top-level function of dist/Code.js.
 */
import { isApprovalsSheet, stampDecisions } from "../actions/approvalEdit";
import { reviewDealTerms } from "../actions/approvals";
import { dispatch } from "../actions/automation/dispatch";
import { checkData } from "../actions/check";
import { reviewContractsAction } from "../actions/contracts";
import { prepareClientEmails } from "../actions/clientEmails";
import { buildContactPlanSheet } from "../actions/contacts";
import { sendDailyDigest } from "../actions/digest";
import { generateReport, previewReport, sendReport } from "../actions/report";
import { readWorkbookSettings } from "../actions/run";
import { setupWorkbook } from "../actions/setup";
import { applyApprovedTierChanges } from "../actions/tierProposals";
import { recalculateTiers } from "../actions/tiers";
import type { ContactLogInput } from "../actions/clientCard";
import type { MappingInput } from "../actions/mapSheets";
import { msg, render } from "../i18n";
import { StopError } from "../workbook/issues";
import { menuEntries } from "./registry";
import { confirmResend, promptReportMonth } from "./reportUi";
import { openSidebar, sidebarServer, SIDEBAR_PAGES } from "./sidebar";
import {
  menuHandler,
  runMenuAction,
  runTriggerAction,
  triggerHandler,
  workbookLanguage,
  workbookSettings,
} from "./runner";
import { createEnv, currentUser, documentProperties } from "./services";
import {
  automationStatus,
  clearContinuations,
  installAutomation,
  removeAutomation,
  scheduleContinuation,
} from "./triggers";
import { buildMenu, confirm, showSummary } from "./ui";

/**
 * The menu. Opened as an add-on that is not yet used in this document (AuthMode.NONE), it is the
 * add-on menu, built without touching the spreadsheet, properties or triggers (Apps Script allows
 * none of them then). Otherwise: the add-on menu when running as an add-on, the top-level menu
 * 商务助手 / Account Desk for the script bound to the spreadsheet, in the workbook's language.
 */
function openMenu(event?: { readonly authMode?: unknown }): void {
  const ui = SpreadsheetApp.getUi();
  if (event !== undefined && String(event.authMode) === "NONE") {
    buildMenu(ui, menuEntries(), "zh-CN", "addon");
    return;
  }
  let language: "zh-CN" | "en" = "zh-CN";
  try {
    language = workbookLanguage(createEnv(false));
  } catch {
    // Settings cannot be read yet: the menu still appears, in Chinese.
  }
  buildMenu(ui, menuEntries(), language, runsAsAddon() ? "addon" : "custom");
}

/** True when installed as an Editor add-on (Marketplace), false for the bound script. */
function runsAsAddon(): boolean {
  try {
    return String(ScriptApp.getInstallationSource()) !== String(ScriptApp.InstallationSource.NONE);
  } catch {
    return false;
  }
}

export function onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  openMenu(event);
}

/** Installing the add-on: the menu at once, as when the spreadsheet opens. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  openMenu(event);
}

export const menuSetup = menuHandler("action.setup", () => {
  runMenuAction("action.setup", (env) => setupWorkbook(env));
});

export const menuCheck = menuHandler("action.check", () => {
  runMenuAction("action.check", (env) => checkData(env));
});

/** Install triggers: the hourly dispatcher, once, replacing any older per-job triggers. */
export const menuInstallTriggers = menuHandler("menu.installTriggers", () => {
  const env = createEnv(false);
  const settings = workbookSettings(env);
  const language = settings?.language ?? "zh-CN";
  if (!settings) throw new StopError("automation.status.notInstalled");
  env.lock.withLock(() => installAutomation(env.user, env.properties));
  showSummary(
    language,
    msg("menu.installTriggers"),
    [msg("automation.installed", { zone: settings.timeZone })],
    false,
  );
});

export const menuRemoveTriggers = menuHandler("menu.removeTriggers", () => {
  const env = createEnv(false);
  const language = workbookLanguage(env);
  const removed = env.lock.withLock(() => removeAutomation(env.properties));
  showSummary(language, msg("menu.removeTriggers"), [msg("automation.removed", { count: removed })], false);
});

/** Trigger status: what is installed, each job's next run from the current Settings, and any mismatch. */
export const menuTriggerStatus = menuHandler(
  "menu.triggerStatus",
  () => {
    const env = createEnv(false);
    const settings = workbookSettings(env);
    const language = settings?.language ?? "zh-CN";
    if (!settings)
      return showSummary(language, msg("menu.triggerStatus"), [msg("automation.status.notInstalled")], true);
    showSummary(language, msg("menu.triggerStatus"), automationStatus(env, settings), true);
  },
  { reconcile: false },
);

export const menuHelp = menuHandler("menu.help", () => {
  const language = workbookLanguage(createEnv(false));
  showSummary(language, msg("help.title"), [msg("help.body")], true);
});

export const menuContactPlan = menuHandler("menu.contactPlan", () => {
  runMenuAction("menu.contactPlan", (env) => buildContactPlanSheet(env));
});

/** Send my digest now: today's digest to the person clicking, even if the trigger sent it already. */
export const menuSendMyDigest = menuHandler("menu.sendMyDigest", () => {
  const me = currentUser(false).toLowerCase();
  if (!me.includes("@")) throw new StopError("digest.mine.noUser");
  runMenuAction("menu.sendMyDigest", (env) => {
    const result = sendDailyDigest(env, { owners: [me], force: true });
    if (result.data.owners.length > 0) return result;
    return { ...result, summary: [msg("digest.mine.nothing", { owner: me })] };
  });
});

/** Send all digests now…: asks first; then once per owner and day, as the scheduled digest. */
export const menuSendAllDigests = menuHandler("menu.sendAllDigests", () => {
  const language = workbookLanguage(createEnv(false));
  if (!confirm(language, "digest.confirmAll.title", "digest.confirmAll.body")) return;
  runMenuAction("menu.sendAllDigests", (env) => sendDailyDigest(env));
});

/**
 * Prepare my client e-mails (tier C): the messages of the clicking owner's due tier-C clients, as
 * drafts in the owner's own mailbox (or sent, with `templates.mode` = send). A draft can only be
 * made in the mailbox of whoever runs the script, so each owner runs this for their own clients.
 */
export const menuPrepareEmails = menuHandler("menu.prepareEmails", () => {
  const me = currentUser(false).toLowerCase();
  if (!me.includes("@")) throw new StopError("emails.mine.noUser");
  runMenuAction("menu.prepareEmails", (env) => {
    const result = prepareClientEmails(env, { owners: [me], mailbox: me });
    const mine = result.data.messages.length + result.data.deferred.length + result.data.alreadyDone;
    if (mine > 0 || result.data.skipped.some((s) => s.owner === me)) return result;
    return { ...result, summary: [msg("emails.mine.nothing", { owner: me }), ...result.summary] };
  });
});

export const menuTiers = menuHandler("menu.tiers", () => {
  runMenuAction("menu.tiers", (env) => recalculateTiers(env));
});

/** Quarterly tier review: also marks the quarter as reviewed, so the scheduled run does not review it again. */
export const menuTierReview = menuHandler("menu.tierReview", () => {
  runMenuAction("menu.tierReview", (env) => recalculateTiers(env, { review: true }));
});

/** Apply approved tier changes: the approved rows of Tier proposals (with `tier.review` on). */
export const menuApplyTierChanges = menuHandler("menu.applyTierChanges", () => {
  runMenuAction("menu.applyTierChanges", (env) => applyApprovedTierChanges(env));
});

export const menuContracts = menuHandler("menu.contracts", () => {
  runMenuAction("menu.contracts", (env) => reviewContractsAction(env));
});

/** Review deal terms: deals beyond the negotiation limits to the Approvals sheet; approvers told. */
export const menuApprovals = menuHandler("menu.approvals", () => {
  runMenuAction("menu.approvals", (env) => reviewDealTerms(env));
});

/** Generate monthly report…: asks for the month (default the previous one) and writes its sheet. */
export const menuReport = menuHandler("menu.report", () => {
  const env = createEnv(false);
  const settings = readWorkbookSettings(env.workbook, env.defaultTimeZone, "report");
  const month = promptReportMonth(env, settings.settings);
  if (month === null) return;
  runMenuAction("action.report", (runEnv) => generateReport(runEnv, { month, settings }));
});

/**
 * Send monthly report now…: asks for the month, and asks again before a second send of it
 * (the action asks after its one read of the Send log; No leaves the month as sent).
 */
export const menuSendReport = menuHandler("menu.sendReport", () => {
  const env = createEnv(false);
  const settings = readWorkbookSettings(env.workbook, env.defaultTimeZone, "report");
  const month = promptReportMonth(env, settings.settings);
  if (month === null) return;
  runMenuAction("action.report", (runEnv) =>
    sendReport(runEnv, {
      month,
      settings,
      confirmResend: (m, recipients, language) => confirmResend(language, m, recipients),
    }),
  );
});

/** Preview report e-mail to me: the report as it would go out, to the user clicking only. */
export const menuPreviewReport = menuHandler("menu.previewReport", () => {
  const env = createEnv(false);
  const settings = readWorkbookSettings(env.workbook, env.defaultTimeZone, "report");
  const month = promptReportMonth(env, settings.settings);
  if (month === null) return;
  runMenuAction("action.report", (runEnv) => previewReport(runEnv, { month, settings }));
});

/** Settings…: the settings sidebar (its page calls sidebarSettingsForm and sidebarSaveSettings). */
export const menuSettings = menuHandler("menu.settings", () => {
  openSidebar(SIDEBAR_PAGES.settings, "sidebar.settings.title", () => sidebarServer.sidebarSettingsForm());
});

/** Get started…: set up, fill in the sample or map the team's own sheets (its page calls the sidebarStart…, sidebarFillSample and sidebarMapping… functions). */
export const menuGetStarted = menuHandler("menu.getStarted", () => {
  openSidebar(SIDEBAR_PAGES.getStarted, "start.title", () => sidebarServer.sidebarGetStarted());
});

/** Client card: the sidebar of the selected row's client (its page calls sidebarClientCard and sidebarLogContact). */
export const menuClientCard = menuHandler("menu.clientCard", () => {
  openSidebar(SIDEBAR_PAGES.clientCard, "sidebar.card.title");
});

/** One tick: runs what is due under the document lock; asks for a continuation when work was left. */
function tick(continuation: boolean): void {
  const startedAt = Date.now();
  const env = createEnv(true);
  const result = env.lock.withLock(() => dispatch(env, { startedAt, owner: triggerOwner() }));
  for (const line of result.lines) console.log(render(result.language, line));
  if (result.unfinished) scheduleContinuation();
  else if (continuation) clearContinuations();
}

/** The trigger's owner (the effective user), who hears about failures when no installer is recorded. */
function triggerOwner(): string | null {
  try {
    return Session.getEffectiveUser().getEmail() || null;
  } catch {
    return null;
  }
}

/** The hourly dispatcher: runs the tier job, the monthly report and the daily digest when due. */
export const triggerDispatch = triggerHandler("triggerDispatch", () => tick(false));

/** The one-off continuation of work stopped at the time budget. */
export const triggerContinue = triggerHandler("triggerContinue", () => tick(true));

/**
 * The per-job triggers of earlier versions, still firing until replaced: each runs the
 * dispatcher (which does what is due, once) and replaces the old triggers by the dispatcher.
 */
function legacyTick(): void {
  migrateLegacy();
  tick(false);
}

function migrateLegacy(): void {
  try {
    const owner = triggerOwner();
    if (owner !== null) installAutomation(owner, documentProperties());
  } catch (error) {
    console.warn(`The older triggers stay until the next menu action: ${String(error)}`);
  }
}

/**
 * The installable edit trigger: a Status cell of the Approvals sheet changed, so its row's
 * Decided by and Decided at are stamped. Edits elsewhere return after one call.
 */
export const triggerApprovalEdit = triggerHandler("triggerApprovalEdit", (event) => {
  const e = event as GoogleAppsScript.Events.SheetsOnEdit | undefined;
  const range = e?.range;
  if (range === undefined || !isApprovalsSheet(range.getSheet().getName())) return;
  const edit = {
    sheet: range.getSheet().getName(),
    row: range.getRow(),
    column: range.getColumn(),
    rows: range.getNumRows(),
    columns: range.getNumColumns(),
  };
  runTriggerAction((env) => stampDecisions(env, edit, editor(e)));
});

/** Who edited, as far as Apps Script tells an installable trigger (often only within one domain). */
function editor(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): string | null {
  try {
    const email = e?.user?.getEmail() || Session.getActiveUser().getEmail();
    return email ? email.toLowerCase() : null;
  } catch {
    return null;
  }
}

export const triggerDailyDigest = triggerHandler("triggerDailyDigest", legacyTick);
export const triggerTiers = triggerHandler("triggerTiers", legacyTick);
export const triggerMonthlyReport = triggerHandler("triggerMonthlyReport", legacyTick);

export function sidebarSettingsForm() {
  return sidebarServer.sidebarSettingsForm();
}

export function sidebarSaveSettings(values: Readonly<Record<string, string>>) {
  return sidebarServer.sidebarSaveSettings(values);
}

export function sidebarTestMail(recipients: string) {
  return sidebarServer.sidebarTestMail(recipients);
}

export function sidebarClientCard() {
  return sidebarServer.sidebarClientCard();
}

export function sidebarLogContact(input: ContactLogInput) {
  return sidebarServer.sidebarLogContact(input);
}

export function sidebarGetStarted() {
  return sidebarServer.sidebarGetStarted();
}

export function sidebarStartSetup() {
  return sidebarServer.sidebarStartSetup();
}

export function sidebarFillSample() {
  return sidebarServer.sidebarFillSample();
}

export function sidebarMappingForm() {
  return sidebarServer.sidebarMappingForm();
}

export function sidebarSaveMapping(input: MappingInput) {
  return sidebarServer.sidebarSaveMapping(input);
}
