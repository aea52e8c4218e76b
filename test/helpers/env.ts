/**
 * An Env for action tests: the in-memory workbook, a fixed clock, a mail port that records
 * what it sends and honours a quota, in-memory properties and a lock that counts.
 */
import { calDate, type CalDate } from "../../src/core/dates";
import type { Cell, Env, MailMessage } from "../../src/ports";
import { LockBusyError } from "../../src/ports";
import { MemoryWorkbook } from "../../src/workbook/memory";

export interface TestEnv extends Env {
  readonly workbook: MemoryWorkbook;
  readonly outbox: MailMessage[];
  readonly props: Map<string, string>;
  quota: number;
  locks: number;
  lockBusy: boolean;
}

export function testEnv(
  sheets: Readonly<Record<string, readonly (readonly Cell[])[]>> = {},
  options: { today?: CalDate; user?: string; timeZone?: string; quota?: number } = {},
): TestEnv {
  const workbook = new MemoryWorkbook(sheets, options.timeZone ?? null);
  const today = options.today ?? calDate(2026, 11, 27);
  const outbox: MailMessage[] = [];
  const props = new Map<string, string>();
  const env: TestEnv = {
    workbook,
    outbox,
    props,
    quota: options.quota ?? 100,
    locks: 0,
    lockBusy: false,
    clock: { today: () => today, now: () => new Date(Date.UTC(2026, 10, 27, 1, 0, 0)) },
    mail: {
      remainingQuota: () => env.quota,
      send: (message) => {
        if (env.quota < message.to.length)
          throw new Error("Service invoked too many times for one day: email.");
        env.quota -= message.to.length;
        outbox.push(message);
      },
    },
    properties: {
      get: (key) => props.get(key) ?? null,
      set: (key, value) => void props.set(key, value),
      remove: (key) => void props.delete(key),
    },
    lock: {
      withLock: (fn) => {
        if (env.lockBusy) throw new LockBusyError();
        env.locks++;
        return fn();
      },
    },
    user: options.user ?? "manager@example.com",
    defaultTimeZone: options.timeZone ?? "Asia/Shanghai",
  };
  return env;
}

/** A date cell. */
export const d = (iso: string): Cell => {
  const [y, m, day] = iso.split("-").map(Number);
  return { date: calDate(y, m, day) };
};
