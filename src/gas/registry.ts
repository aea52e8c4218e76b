/**
 * The menu and the time-driven triggers as data: which label, which top-level function. The
 * build checks that every function named here is a top-level function of dist/Code.js, so a
 * typo fails the build rather than a user's click. Each feature adds its items here.
 */
import type { MessageKey } from "../i18n";

export type MenuEntry =
  | { readonly kind: "item"; readonly label: MessageKey; readonly handler: string }
  | { readonly kind: "separator" }
  | { readonly kind: "submenu"; readonly label: MessageKey; readonly items: readonly MenuEntry[] };

const item = (label: MessageKey, handler: string): MenuEntry => ({ kind: "item", label, handler });
const separator: MenuEntry = { kind: "separator" };

/**
 * The one installed trigger: an hourly dispatcher that runs the scheduled jobs
 * (src/actions/automation/) when their time in Settings has come.
 */
export const DISPATCHER_HANDLER = "triggerDispatch";

/**
 * The installable edit trigger of the Approvals sheet: stamps who decided and when (a simple
 * onEdit cannot tell who edited in most domains, and cannot run as the installer).
 */
export const APPROVAL_EDIT_HANDLER = "triggerApprovalEdit";

/** A one-off trigger that continues work stopped at the time budget; removed when it has run. */
export const CONTINUATION_HANDLER = "triggerContinue";

/**
 * Handlers of the per-job triggers of earlier versions. They stay callable (a trigger installed
 * before an update still fires) and run the dispatcher; installing or any menu action replaces them.
 */
export const LEGACY_TRIGGER_HANDLERS: readonly string[] = [
  "triggerDailyDigest",
  "triggerTiers",
  "triggerMonthlyReport",
];

/** Every trigger handler, for the build's check and the guard test. */
export const TRIGGER_HANDLERS: readonly string[] = [
  DISPATCHER_HANDLER,
  CONTINUATION_HANDLER,
  APPROVAL_EDIT_HANDLER,
  ...LEGACY_TRIGGER_HANDLERS,
];

/** The features' menu items, between Check data and Automation; each feature adds its lines here. */
export const FEATURE_MENU_ITEMS: readonly MenuEntry[] = [
  item("menu.contactPlan", "menuContactPlan"),
  item("menu.tiers", "menuTiers"),
  item("menu.tierReview", "menuTierReview"),
  item("menu.applyTierChanges", "menuApplyTierChanges"),
  item("menu.contracts", "menuContracts"),
  item("menu.approvals", "menuApprovals"),
  item("menu.sendMyDigest", "menuSendMyDigest"),
  item("menu.sendAllDigests", "menuSendAllDigests"),
  item("menu.prepareEmails", "menuPrepareEmails"),
  item("menu.report", "menuReport"),
  item("menu.sendReport", "menuSendReport"),
  item("menu.previewReport", "menuPreviewReport"),
  item("menu.clientCard", "menuClientCard"),
  item("menu.settings", "menuSettings"),
];

export function menuEntries(): MenuEntry[] {
  return [
    item("menu.getStarted", "menuGetStarted"),
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
  for (const handler of TRIGGER_HANDLERS) names.add(handler);
  return [...names].sort();
}
