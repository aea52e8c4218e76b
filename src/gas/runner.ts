/**
 * How the Apps Script entry runs an action: build the Env, hold the document lock, show the
 * summary, and turn a stop error into a clear alert instead of a stack trace. Trigger runs
 * log instead of showing UI (there is no user to see it).
 *
 * The guard: every menu handler is `menuHandler(...)` and every trigger handler
 * `triggerHandler(...)`, so no error ever reaches a user as a raw Apps Script error, and no
 * trigger fails without a line in the execution log.
 */
import type { Language, MessageKey } from "../i18n";
import { msg } from "../i18n";
import type { Env } from "../ports";
import { readWorkbookSettings, type ActionResult } from "../actions/run";
import type { Settings } from "../workbook/settings";
import { createEnv } from "./services";
import { reconcileTriggers } from "./triggers";
import { errorMessage, showSummary } from "./ui";

/** The workbook's language and settings, falling back to the defaults when they cannot be read. */
export function workbookSettings(env: Env): Settings | null {
  try {
    return readWorkbookSettings(env.workbook, env.defaultTimeZone, "setup").settings;
  } catch {
    return null;
  }
}

export function workbookLanguage(env: Env): Language {
  return workbookSettings(env)?.language ?? "zh-CN";
}

/** Runs a menu action with the lock and shows its summary (an alert when it found issues). */
export function runMenuAction<D>(
  title: MessageKey,
  body: (env: Env) => ActionResult<D>,
): ActionResult<D> | null {
  const env = createEnv(false);
  try {
    const result = env.lock.withLock(() => body(env));
    showSummary(result.language, msg(title), result.summary, result.issues.length > 0);
    return result;
  } catch (error) {
    showSummary(workbookLanguage(env), msg(title), [errorMessage(error)], true);
    return null;
  }
}

/** Runs a trigger action with the lock; failures are logged for the execution log and rethrown. */
export function runTriggerAction<D>(body: (env: Env) => D): D {
  const env = createEnv(true);
  return env.lock.withLock(() => body(env));
}

/** The workbook language where it can be read, else zh-CN (the guard must not fail itself). */
function safeLanguage(): Language {
  try {
    return workbookLanguage(createEnv(false));
  } catch {
    return "zh-CN";
  }
}

/**
 * A menu handler: reconciles the installed triggers (cheap when nothing differs; not for Trigger
 * status, which shows them as they are), runs the body, and turns any error into an alert titled
 * by the menu item, in the workbook's language.
 */
export function menuHandler(
  title: MessageKey,
  body: () => void,
  options: { readonly reconcile?: boolean } = {},
): () => void {
  return () => {
    try {
      if (options.reconcile !== false) reconcileTriggers();
      body();
    } catch (error) {
      try {
        showSummary(safeLanguage(), msg(title), [errorMessage(error)], true);
      } catch (uiError) {
        console.error(`${title}: ${String(error)} (${String(uiError)})`);
      }
    }
  };
}

/** A trigger handler: any error is logged (the dispatcher itself tells the installer about failed jobs). */
export function triggerHandler(name: string, body: (event: unknown) => void): (event?: unknown) => void {
  return (event?: unknown) => {
    try {
      body(event);
    } catch (error) {
      console.error(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
}
