/**
 * Installs the time-driven triggers of the registry idempotently: existing triggers of our
 * handlers are deleted first, so installing twice leaves exactly one trigger per handler.
 */
import { msg, render, type Language, type MessageRef } from "../i18n";
import type { Settings } from "../workbook/settings";
import { TRIGGERS, type TriggerDef } from "./registry";

const OUR_HANDLERS = (): Set<string> => new Set(TRIGGERS.map((t) => t.handler));

export function removeTriggers(): number {
  const ours = OUR_HANDLERS();
  let removed = 0;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (ours.has(trigger.getHandlerFunction())) {
      ScriptApp.deleteTrigger(trigger);
      removed++;
    }
  }
  return removed;
}

export function installTriggers(settings: Settings): TriggerDef[] {
  removeTriggers();
  for (const def of TRIGGERS) {
    const schedule = def.schedule(settings);
    const builder = ScriptApp.newTrigger(def.handler).timeBased().inTimezone(settings.timeZone);
    if (schedule.kind === "daily") builder.everyDays(1).atHour(schedule.hour).create();
    else builder.onMonthDay(schedule.day).atHour(schedule.hour).create();
  }
  return [...TRIGGERS];
}

export function triggerStatus(language: Language, settings: Settings): MessageRef {
  const installed = new Set(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()));
  const lines = TRIGGERS.filter((t) => installed.has(t.handler)).map((t) => {
    const schedule = t.schedule(settings);
    const when =
      schedule.kind === "daily"
        ? `${String(schedule.hour).padStart(2, "0")}:00`
        : `${schedule.day} / ${String(schedule.hour).padStart(2, "0")}:00`;
    return render(
      language,
      msg("triggers.statusLine", { name: render(language, msg(t.label)), schedule: when }),
    );
  });
  return lines.length === 0 ? msg("triggers.none") : msg("triggers.status", { names: lines.join("; ") });
}
