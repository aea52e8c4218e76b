/**
 * The Apps Script entry: only exposes the functions Sheets calls (onOpen, onInstall, menu
 * handlers, trigger handlers, sidebar server functions) and wires the adapters into actions.
 * The build turns every export into a top-level function of dist/Code.js.
 */
import { checkData } from "../actions/check";
import { reviewContractsAction } from "../actions/contracts";
import { buildContactPlanSheet } from "../actions/contacts";
import { sendDailyDigest } from "../actions/digest";
import { generateReport, reportSendState, sendReport } from "../actions/report";
import { setupWorkbook } from "../actions/setup";
import { recalculateTiers, scheduledTiers } from "../actions/tiers";
import type { ContactLogInput } from "../actions/clientCard";
import { msg, render, t } from "../i18n";
import { menuEntries } from "./registry";
import { confirmResend, logSummary, promptReportMonth } from "./reportUi";
import { openSidebar, sidebarServer, SIDEBAR_PAGES } from "./sidebar";
import { runMenuAction, runTriggerAction, workbookLanguage, workbookSettings } from "./runner";
import { createEnv } from "./services";
import { installTriggers, removeTriggers, triggerStatus } from "./triggers";
import { buildMenu, errorMessage, showSummary } from "./ui";

export function onOpen(): void {
  let language: "zh-CN" | "en" = "zh-CN";
  try {
    language = workbookLanguage(createEnv(false));
  } catch {
    // Opened without authorisation (add-on not yet enabled): the menu still appears, in Chinese.
  }
  buildMenu(SpreadsheetApp.getUi(), menuEntries(), language);
}

export function onInstall(): void {
  onOpen();
}

export function menuSetup(): void {
  runMenuAction("action.setup", (env) => setupWorkbook(env));
}

export function menuCheck(): void {
  runMenuAction("action.check", (env) => checkData(env));
}

export function menuInstallTriggers(): void {
  const env = createEnv(false);
  const settings = workbookSettings(env);
  const language = settings?.language ?? "zh-CN";
  try {
    if (!settings) throw new Error(t(language, "triggers.none"));
    const installed = env.lock.withLock(() => installTriggers(settings));
    const names = installed.map((def) => t(language, def.label)).join(", ");
    showSummary(
      language,
      msg("menu.installTriggers"),
      [msg("triggers.installed", { count: installed.length, names })],
      false,
    );
  } catch (error) {
    showSummary(language, msg("menu.installTriggers"), [errorMessage(error)], true);
  }
}

export function menuRemoveTriggers(): void {
  const env = createEnv(false);
  const language = workbookLanguage(env);
  try {
    const removed = env.lock.withLock(() => removeTriggers());
    showSummary(language, msg("menu.removeTriggers"), [msg("triggers.removed", { count: removed })], false);
  } catch (error) {
    showSummary(language, msg("menu.removeTriggers"), [errorMessage(error)], true);
  }
}

export function menuTriggerStatus(): void {
  const env = createEnv(false);
  const settings = workbookSettings(env);
  const language = settings?.language ?? "zh-CN";
  if (!settings) return showSummary(language, msg("menu.triggerStatus"), [msg("triggers.none")], true);
  showSummary(language, msg("menu.triggerStatus"), [triggerStatus(language, settings)], true);
}

export function menuHelp(): void {
  const language = workbookLanguage(createEnv(false));
  showSummary(language, msg("help.title"), [msg("help.body")], true);
}

export function menuContactPlan(): void {
  runMenuAction("menu.contactPlan", (env) => buildContactPlanSheet(env));
}

/** The daily trigger at `digest.hour`: the summary (what was sent, what could not be) goes to the execution log. */
export function triggerDailyDigest(): void {
  const result = runTriggerAction((env) => sendDailyDigest(env));
  Logger.log(result.summary.map((line) => render(result.language, line)).join("\n"));
}

export function menuTiers(): void {
  runMenuAction("menu.tiers", (env) => recalculateTiers(env));
}

export function menuTierReview(): void {
  runMenuAction("menu.tierReview", (env) => recalculateTiers(env, { review: true }));
}

/** The monthly tier trigger: the quarterly review once in each review month, else a recalculation. */
export function triggerTiers(): void {
  const scheduled = runTriggerAction((env) => scheduledTiers(env));
  if (scheduled.result === null) {
    console.log(t(scheduled.language, "tiers.scheduledDone", { month: scheduled.month }));
    return;
  }
  const result = scheduled.result;
  console.log(result.summary.map((line) => render(result.language, line)).join("\n"));
}

export function menuContracts(): void {
  runMenuAction("menu.contracts", (env) => reviewContractsAction(env));
}

/** Generate monthly report…: asks for the month (default the previous one) and writes its sheet. */
export function menuReport(): void {
  const month = promptReportMonth(createEnv(false));
  if (month === null) return;
  runMenuAction("action.report", (env) => generateReport(env, { month }));
}

/** Send monthly report now…: asks for the month, and asks again before a second send of it. */
export function menuSendReport(): void {
  const env = createEnv(false);
  const month = promptReportMonth(env);
  if (month === null) return;
  const state = reportSendState(env, month);
  if (state.sent && !confirmResend(state.language, month, state.recipients)) return;
  runMenuAction("action.report", (runEnv) => sendReport(runEnv, { month, force: state.sent }));
}

/** The monthly trigger at report.dayOfMonth / report.hour: sends the previous month's report once. */
export function triggerMonthlyReport(): void {
  logSummary(runTriggerAction((env) => sendReport(env)));
}

/** Settings…: the settings sidebar (its page calls sidebarSettingsForm and sidebarSaveSettings). */
export function menuSettings(): void {
  openSidebar(SIDEBAR_PAGES.settings, "sidebar.settings.title", () => sidebarServer.sidebarSettingsForm());
}

/** Client card: the sidebar of the selected row's client (its page calls sidebarClientCard and sidebarLogContact). */
export function menuClientCard(): void {
  openSidebar(SIDEBAR_PAGES.clientCard, "sidebar.card.title");
}

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
