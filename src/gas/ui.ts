/** Showing results in Sheets: the menu, toasts and alerts, in the workbook's language. */
import { msg, render, t, type Language, type MessageRef } from "../i18n";
import { isStopError } from "../workbook/issues";
import { LockBusyError } from "../ports";
import type { MenuEntry } from "./registry";

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

export function buildMenu(ui: Ui, entries: readonly MenuEntry[], language: Language): void {
  const fill = (menu: Menu, items: readonly MenuEntry[]): Menu => {
    for (const entry of items) {
      if (entry.kind === "separator") menu.addSeparator();
      else if (entry.kind === "item") menu.addItem(t(language, entry.label), entry.handler);
      else menu.addSubMenu(fill(ui.createMenu(t(language, entry.label)), entry.items));
    }
    return menu;
  };
  fill(ui.createMenu(t(language, "app.name")), entries).addToUi();
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

/** The message for an error that stopped an action. */
export function errorMessage(error: unknown): MessageRef {
  if (isStopError(error)) return error.problem;
  if (error instanceof LockBusyError) return msg("stop.lockBusy");
  return msg("stop.unexpected", { message: error instanceof Error ? error.message : String(error) });
}
