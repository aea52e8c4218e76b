/**
 * The two sidebars in Sheets: the menu handlers that open them (HtmlService pages built into
 * dist/), and the server functions their pages call through google.script.run. Reads run
 * without the document lock; saving settings and logging a contact hold it. A failure reaches
 * the page as an Error whose message is already in the workbook language.
 */
import { clientCardAt, type CardSelection } from "../actions/clientCard";
import { logContact } from "../actions/clientCard";
import { pageWithData, saveSettings, settingsForm } from "../actions/sidebar";
import { sendTestMail } from "../actions/testMail";
import { fillSample, getStartedForm, setupFromPage } from "../actions/getStarted";
import { mappingForm, saveMapping } from "../actions/mapSheets";
import { render, t, type MessageKey } from "../i18n";
import type { Env } from "../ports";
import type { SidebarServer } from "../ui/api";
import type * as entry from "./main";
import { workbookLanguage } from "./runner";
import { createEnv } from "./services";
import { reconcileTriggers } from "./triggers";
import { errorMessage } from "./ui";

/** The pages of src/ui/pages/, built into dist/NAME.html. */
export const SIDEBAR_PAGES = {
  settings: "settings",
  clientCard: "client-card",
  getStarted: "get-started",
} as const;

/**
 * Opens a page in the Sheets sidebar, titled in the workbook language. With `data`, what the
 * page would first ask the server for is computed now and put into the page, so it shows at
 * once; if that fails, the page asks itself and shows the error.
 */
export function openSidebar(page: string, title: MessageKey, data?: () => unknown): void {
  const env = createEnv(false);
  const language = workbookLanguage(env);
  let output = HtmlService.createHtmlOutputFromFile(page);
  if (data !== undefined) {
    const first = firstData(data);
    if (first !== undefined) output = HtmlService.createHtmlOutput(pageWithData(output.getContent(), first));
  }
  SpreadsheetApp.getUi().showSidebar(output.setTitle(t(language, title)));
}

/** The page's first data, or undefined when computing it failed (the page then asks and shows why). */
function firstData(data: () => unknown): unknown {
  try {
    return data();
  } catch {
    return undefined;
  }
}

function serve<T>(body: (env: Env) => T, locked: boolean): T {
  const env = createEnv(false);
  try {
    return locked ? env.lock.withLock(() => body(env)) : body(env);
  } catch (error) {
    // The page shows the message as it is; Apps Script's ES2020 typings have no Error cause option.
    const failure = new Error(render(workbookLanguage(env), errorMessage(error)));
    throw Object.assign(failure, { cause: error });
  }
}

/** The active sheet and the first row of the selection. */
function activeSelection(): CardSelection {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const range = spreadsheet.getActiveRange();
  if (range === null) return { sheet: spreadsheet.getActiveSheet().getName(), row: 1 };
  return { sheet: range.getSheet().getName(), row: range.getRow() };
}

export const sidebarServer: SidebarServer = {
  sidebarSettingsForm: () => serve((env) => settingsForm(env), false),
  // After a save the installed triggers are reconciled; the dispatcher reads the saved times on its next tick.
  sidebarSaveSettings: (values) => {
    const saved = serve((env) => saveSettings(env, values), true);
    reconcileTriggers();
    return saved;
  },
  sidebarTestMail: (recipients) => serve((env) => sendTestMail(env, recipients), true),
  sidebarClientCard: () => serve((env) => clientCardAt(env, activeSelection()), false),
  sidebarLogContact: (input) => serve((env) => logContact(env, input), true),
  sidebarGetStarted: () => serve((env) => getStartedForm(env), false),
  sidebarStartSetup: () => serve((env) => setupFromPage(env), true),
  sidebarFillSample: () => serve((env) => fillSample(env), true),
  sidebarMappingForm: () => serve((env) => mappingForm(env), false),
  sidebarSaveMapping: (input) => serve((env) => saveMapping(env, input), true),
};

/** Holds only if main.ts exports every server function the pages call, with the types the pages expect. */
type Implements<T extends SidebarServer> = T;
export type ExportedSidebarServer = Implements<Pick<typeof entry, keyof SidebarServer>>;
