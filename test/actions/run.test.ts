/** Settings are parsed in one place, once per execution, and passed on (src/actions/run.ts). */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateReport, reportSendState } from "../../src/actions/report";
import { readWorkbookSettings, startRun } from "../../src/actions/run";
import { calDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import { testEnv } from "../helpers/env";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith(".ts") ? [full] : [];
  });
}

function workbook(): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", "Asia/Shanghai"],
      ["report.recipients", "boss@x.com"],
      ["tier.surgeDays", "many"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner"],
      ["C1", "Alpha", "a@x.com"],
    ],
    Deals: [
      ["Deal ID", "Client ID", "Stage", "Amount", "Closed on"],
      ["D1", "C1", "won", 100, "2026-10-05"],
    ],
  };
}

describe("Settings, parsed once", () => {
  it("are parsed in one place in the code: readWorkbookSettings", () => {
    const callers = sources(src)
      .filter((file) =>
        /\breadSettings\(/.test(readFileSync(file, "utf8").replace(/export function readSettings\(/, "")),
      )
      .map((file) => path.relative(src, file).split(path.sep).join("/"));
    expect(callers).toEqual(["actions/run.ts"]);
  });

  it("read once by a menu are passed to the action, which does not read the sheet again", () => {
    const month = { year: 2026, month: 10 };
    const asOf = calDate(2026, 11, 27);
    const reads = (settingsFirst: boolean) => {
      const env = testEnv(workbook());
      const settings = settingsFirst
        ? readWorkbookSettings(env.workbook, env.defaultTimeZone, "report")
        : undefined;
      const before = env.workbook.calls.readSheet ?? 0;
      const state = reportSendState(env, month, { settings });
      const result = generateReport(env, { month, asOf, settings });
      return { reads: (env.workbook.calls.readSheet ?? 0) - before, state, result };
    };
    const once = reads(true);
    const twice = reads(false);
    // Without the settings passed on, each of the two calls reads the Settings sheet itself.
    expect(twice.reads - once.reads).toBe(2);
    expect(once.state).toEqual({ sent: false, recipients: ["boss@x.com"], language: "en" });
    expect(once.result.data).toEqual(twice.result.data);
    // The settings' own data issues still reach the action's Data issues, once.
    const surge = (issues: readonly { column: string | null; value: string }[]) =>
      issues.filter((i) => i.value === "many");
    expect(surge(once.result.issues)).toHaveLength(1);
    expect(surge(twice.result.issues)).toHaveLength(1);
  });

  it("records the settings' issues for the action that reads them, and starts a run with them", () => {
    const env = testEnv(workbook());
    const read = readWorkbookSettings(env.workbook, env.defaultTimeZone, "report");
    expect(read.sheet).toBe("Settings");
    expect(read.settings.language).toBe("en");
    expect(read.issues.map((i) => [i.action, i.row, i.value])).toEqual([["report", 5, "many"]]);
    const run = startRun(env, "report", { settings: read });
    expect(run.language).toBe("en");
    expect(run.issues).toHaveLength(1);
    expect(run.issues).not.toBe(read.issues);
  });
});
