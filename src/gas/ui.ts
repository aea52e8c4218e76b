/** Showing results in Sheets: the menu, toasts and alerts, in the workbook's language. */
import { msg, render, t, type Language, type MessageKey, type MessageRef } from "../i18n";
import { isStopError } from "../workbook/issues";
import { LockBusyError } from "../ports";
import type { MenuEntry } from "./registry";

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

/**
 * Builds the menu: `custom` is the top-level menu of the bound script; `addon` the add-on's menu
 * under Extensions (its title is the add-on's name in the Marketplace listing).
 */
export function buildMenu(
  ui: Ui,
  entries: readonly MenuEntry[],
  language: Language,
  kind: "custom" | "addon" = "custom",
): void {
  const fill = (menu: Menu, items: readonly MenuEntry[]): Menu => {
    for (const entry of items) {
      if (entry.kind === "separator") menu.addSeparator();
      else if (entry.kind === "item") menu.addItem(t(language, entry.label), entry.handler);
      else menu.addSubMenu(fill(ui.createMenu(t(language, entry.label)), entry.items));
    }
    return menu;
  };
  const root = kind === "addon" ? ui.createAddonMenu() : ui.createMenu(t(language, "app.name"));
  fill(root, entries).addToUi();
}

/** Shows an action's summary: an alert when there is something to read, else a toast. */
export function showSummary(
  language: Language,
  title: MessageRef,
  lines: readonly MessageRef[],
  alert: boolean,
): void {
  const text = lines.map((line) => render(language, line)).join("\n");
  if (alert) {
    SpreadsheetApp.getUi().alert(render(language, title), text, SpreadsheetApp.getUi().ButtonSet.OK);
  } else {
    SpreadsheetApp.getActiveSpreadsheet().toast(text, render(language, title), 8);
  }
}

/** Asks a yes/no question; true for yes. */
export function confirm(language: Language, title: MessageKey, body: MessageKey): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(t(language, title), t(language, body), ui.ButtonSet.YES_NO) === ui.Button.YES;
}

/** The message for an error that stopped an action. */
export function errorMessage(error: unknown): MessageRef {
  if (isStopError(error)) return error.problem;
  if (error instanceof LockBusyError) return msg("stop.lockBusy");
  return msg("stop.unexpected", { message: error instanceof Error ? error.message : String(error) });
}
