/**
 * The server API of the sidebars, as types only: what each function that the pages call with
 * google.script.run takes and returns. src/gas/main.ts exports these functions (src/gas/sidebar.ts
 * checks their types against this interface at compile time) and src/ui/rpc.ts types its calls
 * with it, so a page and the server cannot drift apart unnoticed. Nothing here exists at run time.
 */
import type { ClientCardResult, ContactLogInput, LogContactResult } from "../actions/clientCard";
import type { SaveSettingsResult, SettingsForm } from "../actions/sidebar";
import type { TestMailResult } from "../actions/testMail";
import type { GetStartedForm, StartResult } from "../actions/getStarted";
import type { MappingForm, MappingInput, SaveMappingResult } from "../actions/mapSheets";

export type {
  ClientCardResult,
  ClientCardView,
  ContactField,
  ContactLogInput,
  LogContactResult,
} from "../actions/clientCard";
export type { TestMailResult } from "../actions/testMail";
export type { GetStartedForm, StartResult } from "../actions/getStarted";
export type {
  MappingField,
  MappingForm,
  MappingInput,
  MappingTable,
  SaveMappingResult,
  StartText,
} from "../actions/mapSheets";
export type { DateOrder } from "../workbook/cells";
export type {
  HolidayRow,
  PageText,
  PageTextKey,
  SaveSettingsResult,
  SettingField,
  SettingsForm,
} from "../actions/sidebar";

export interface SidebarServer {
  /** Settings sidebar: every setting, grouped, with its current value and whether it is valid. */
  sidebarSettingsForm(): SettingsForm;
  /** Settings sidebar: validates and saves the values (key → text as typed) in one write. */
  sidebarSaveSettings(values: Readonly<Record<string, string>>): SaveSettingsResult;
  /** Settings sidebar: a short test message to the recipients as typed (quota checked, Send log). */
  sidebarTestMail(recipients: string): TestMailResult;
  /** Client card: the card of the client of the selected row, or how to choose one. */
  sidebarClientCard(): ClientCardResult;
  /** Client card: appends one Interactions row and returns the refreshed card. */
  sidebarLogContact(input: ContactLogInput): LogContactResult;
  /** Get started: the page's strings in the workbook language. */
  sidebarGetStarted(): GetStartedForm;
  /** Get started: runs Set up workbook. */
  sidebarStartSetup(): StartResult;
  /** Get started: fills in the sample when the input sheets are empty, else says why not. */
  sidebarFillSample(): StartResult;
  /** Map my sheets: each table's sheet and each column's header, best guesses chosen. */
  sidebarMappingForm(): MappingForm;
  /** Map my sheets: validates and saves the mapping in Settings (one write). */
  sidebarSaveMapping(input: MappingInput): SaveMappingResult;
}
