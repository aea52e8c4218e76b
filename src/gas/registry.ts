/**
 * The menu and the time-driven triggers as data: which label, which top-level function. The
 * build checks that every function named here is a top-level function of dist/Code.js, so a
 * typo fails the build rather than a user's click. Each feature adds its items here.
 */
import type { MessageKey } from "../i18n";
import type { Settings } from "../workbook/settings";

export type MenuEntry =
  | { readonly kind: "item"; readonly label: MessageKey; readonly handler: string }
  | { readonly kind: "separator" }
  | { readonly kind: "submenu"; readonly label: MessageKey; readonly items: readonly MenuEntry[] };

const item = (label: MessageKey, handler: string): MenuEntry => ({ kind: "item", label, handler });
const separator: MenuEntry = { kind: "separator" };

/** When a trigger runs, from Settings. */
export type TriggerSchedule =
  | { readonly kind: "daily"; readonly hour: number }
  | { readonly kind: "monthly"; readonly day: number; readonly hour: number };

export interface TriggerDef {
  readonly handler: string;
  /** A name for the status line. */
  readonly label: MessageKey;
  readonly schedule: (settings: Settings) => TriggerSchedule;
}

/** The features' menu items, between Check data and Automation; each feature adds its lines here. */
export const FEATURE_MENU_ITEMS: readonly MenuEntry[] = [
  item("menu.contactPlan", "menuContactPlan"),
  item("menu.tiers", "menuTiers"),
  item("menu.tierReview", "menuTierReview"),
  item("menu.contracts", "menuContracts"),
  item("menu.report", "menuReport"),
  item("menu.sendReport", "menuSendReport"),
  item("menu.clientCard", "menuClientCard"),
  item("menu.settings", "menuSettings"),
];

/** Time-driven triggers; each feature adds its line here. */
export const TRIGGERS: readonly TriggerDef[] = [
  {
    handler: "triggerDailyDigest",
    label: "trigger.digest",
    schedule: (settings) => ({ kind: "daily", hour: settings["digest.hour"] }),
  },
  // Tiers: on the 1st, an hour before the monthly report so that its tier counts are fresh.
  {
    handler: "triggerTiers",
    label: "triggers.tierReview",
    schedule: (settings) => ({ kind: "monthly", day: 1, hour: Math.max(0, settings["report.hour"] - 1) }),
  },
  {
    handler: "triggerMonthlyReport",
    label: "trigger.report",
    schedule: (settings) => ({
      kind: "monthly",
      day: settings["report.dayOfMonth"],
      hour: settings["report.hour"],
    }),
  },
];

export function menuEntries(): MenuEntry[] {
  return [
    item("menu.setup", "menuSetup"),
    item("menu.check", "menuCheck"),
    ...(FEATURE_MENU_ITEMS.length > 0 ? [separator, ...FEATURE_MENU_ITEMS] : []),
    separator,
    {
      kind: "submenu",
      label: "menu.automation",
      items: [
        item("menu.installTriggers", "menuInstallTriggers"),
        item("menu.removeTriggers", "menuRemoveTriggers"),
        item("menu.triggerStatus", "menuTriggerStatus"),
      ],
    },
    item("menu.help", "menuHelp"),
  ];
}

/** Every function the menu and the triggers call, for the build's check. */
export function referencedHandlerNames(): string[] {
  const names = new Set<string>(["onOpen", "onInstall"]);
  const walk = (entries: readonly MenuEntry[]): void => {
    for (const entry of entries) {
      if (entry.kind === "item") names.add(entry.handler);
      if (entry.kind === "submenu") walk(entry.items);
    }
  };
  walk(menuEntries());
  for (const trigger of TRIGGERS) names.add(trigger.handler);
  return [...names].sort();
}
