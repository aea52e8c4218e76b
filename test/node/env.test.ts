import { describe, expect, it } from "vitest";
import { calDate } from "../../src/core/dates";
import { createNodeEnv, todayIn } from "../../src/node/env";
import { MemoryWorkbook } from "../../src/workbook/memory";

describe("the command line's Env", () => {
  it("reads today in the given time zone", () => {
    const instant = new Date("2026-11-26T16:30:00Z");
    expect(todayIn("Asia/Shanghai", instant)).toBe(calDate(2026, 11, 27));
    expect(todayIn("America/New_York", instant)).toBe(calDate(2026, 11, 26));
    expect(todayIn("UTC", new Date("2028-02-29T23:59:59Z"))).toBe(calDate(2028, 2, 29));
  });

  it("uses --as-of as today, sends no mail, runs the lock body once and keeps properties for the run", () => {
    const env = createNodeEnv(new MemoryWorkbook(), { asOf: calDate(2026, 10, 5) });
    expect(env.clock.today("Asia/Shanghai")).toBe(calDate(2026, 10, 5));
    expect(env.mail).toBeNull();
    expect(env.user).toBe("cli");
    expect(env.defaultTimeZone).toBe("Asia/Shanghai");
    expect(env.lock.withLock(() => 42)).toBe(42);
    env.properties.set("k", "v");
    expect(env.properties.get("k")).toBe("v");
    env.properties.remove("k");
    expect(env.properties.get("k")).toBeNull();
  });

  it("takes the workbook's own time zone as the default when it has one", () => {
    const env = createNodeEnv(new MemoryWorkbook({}, "Europe/Berlin"), {
      now: () => new Date("2026-11-26T23:30:00Z"),
    });
    expect(env.defaultTimeZone).toBe("Europe/Berlin");
    expect(env.clock.today("Europe/Berlin")).toBe(calDate(2026, 11, 27));
  });
});
