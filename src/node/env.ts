/**
 * The Node adapters of the small ports, for the command line: a clock that reads today in a
 * time zone with Intl, no mail (the command line prints what an action would send), properties
 * kept in memory for the run, and a no-op lock (one process works on one file).
 */
import { calDate, type CalDate } from "../core/dates";
import type { ClockPort, Env, PropertiesPort, WorkbookPort } from "../ports";

export const CLI_DEFAULT_TIME_ZONE = "Asia/Shanghai";

export interface NodeEnvOptions {
  /** The date the run treats as today (`--as-of`); default: today in the workbook's zone. */
  readonly asOf?: CalDate;
  /** Who runs the action; default `cli`. */
  readonly user?: string;
  /** The current instant (tests); default the system clock. */
  readonly now?: () => Date;
}

/** Today in an IANA time zone, from the system clock. */
export function todayIn(timeZone: string, instant: Date = new Date()): CalDate {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return calDate(part("year"), part("month"), part("day"));
}

export function nodeClock(options: NodeEnvOptions = {}): ClockPort {
  const now = options.now ?? (() => new Date());
  return {
    today: (timeZone) => options.asOf ?? todayIn(timeZone, now()),
    now,
  };
}

export function memoryProperties(): PropertiesPort {
  const store = new Map<string, string>();
  return {
    get: (key) => store.get(key) ?? null,
    set: (key, value) => void store.set(key, value),
    remove: (key) => void store.delete(key),
  };
}

export function createNodeEnv(workbook: WorkbookPort, options: NodeEnvOptions = {}): Env {
  return {
    workbook,
    clock: nodeClock(options),
    mail: null,
    properties: memoryProperties(),
    lock: { withLock: (fn) => fn() },
    user: options.user ?? "cli",
    defaultTimeZone: workbook.timeZone() ?? CLI_DEFAULT_TIME_ZONE,
  };
}
