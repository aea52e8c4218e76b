/**
 * `account-desk schedule FILE [--ics DIR]`: the contact plan (沟通计划) on an .xlsx file; with
 * `--ics` it also writes one RFC 5545 calendar per owner listed in `calendar.owners`, with the
 * visits the schedule plans for them (the command line's stand-in for the Google Calendar sync).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { visitCalendarFiles } from "../actions/calendarJob";
import { buildContactPlanSheet, type ContactPlanData } from "../actions/contacts";
import type { ActionResult } from "../actions/run";
import { t } from "../i18n";
import type { ActionCommand } from "./cli";

/** The plan's result, with the calendar files when --ics asked for them (not part of the JSON). */
interface ScheduleResult extends ActionResult<ContactPlanData> {
  readonly ics?: ReadonlyMap<string, string>;
}

export const scheduleCommand: ActionCommand = {
  name: "schedule",
  help: "cli.help.schedule",
  options: { ics: { kind: "value", help: "cli.option.ics" } },
  run: (env, context): ScheduleResult => {
    const result = buildContactPlanSheet(env, { asOf: context.asOf });
    if (typeof context.options.ics !== "string") return result;
    return { ...result, ics: visitCalendarFiles(env, result.asOf) };
  },
  after: async (result, context, io) => {
    const dir = context.options.ics;
    const files = (result as ScheduleResult).ics;
    if (typeof dir !== "string" || files === undefined) return 0;
    const language = context.language;
    if (files.size === 0) {
      io.out(`${t(language, "cli.noIcs")}\n`);
      return 0;
    }
    try {
      await mkdir(dir, { recursive: true });
      for (const [name, text] of files) await writeFile(path.join(dir, name), text, "utf8");
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.err(
        `${t(language, "cli.error", { message: t(language, "cli.cannotWrite", { file: dir, reason }) })}\n`,
      );
      return 2;
    }
    io.out(
      `${t(language, "cli.wroteIcs", { count: files.size, dir, files: [...files.keys()].join(", ") })}\n`,
    );
    return 0;
  },
};
