/**
 * The Apps Script entry: only exposes the functions Sheets calls (onOpen, onInstall, menu
 * handlers, trigger handlers, sidebar server functions) and wires the adapters into actions.
 * The build turns every export into a top-level function of dist/Code.js.
 */
import { checkData } from "../actions/check";
import { setupWorkbook } from "../actions/setup";
import { msg, t } from "../i18n";
import { menuEntries } from "./registry";
import { runMenuAction, workbookLanguage, workbookSettings } from "./runner";
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
  const removed = env.lock.withLock(() => removeTriggers());
  showSummary(language, msg("menu.removeTriggers"), [msg("triggers.removed", { count: removed })], false);
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
