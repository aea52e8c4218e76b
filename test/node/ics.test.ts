/**
 * `account-desk schedule FILE --ics DIR` on the generated sample: one .ics file per owner of
 * `calendar.owners`, read back by a small independent reader (unfold, split, unescape) that
 * shares no code with the writer.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli as run, tempDir } from "./fixtures";

const AS_OF = "2026-11-27";

function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .slice(0, -1);
}

function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === "n" ? "\n" : c));
}

/** The VEVENTs of a file as property maps (name without parameters → raw value with parameters). */
function events(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of unfold(text)) {
    if (line === "BEGIN:VEVENT") current = new Map();
    else if (line === "END:VEVENT" && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      const head = line.slice(0, colon);
      current.set(head.split(";")[0], line.slice(head.split(";")[0].length));
    }
  }
  return out;
}

describe("account-desk schedule --ics", () => {
  it("writes one calendar per opted-in owner with their planned visits, folded and escaped", async () => {
    const dir = tempDir();
    const file = path.join(dir, "team.xlsx");
    const init = await run("init", file, "--sample", "--clients", "60", "--as-of", AS_OF);
    expect(init.code).toBe(0);
    const json = path.join(dir, "plan.json");
    const ics = path.join(dir, "ics");
    const result = await run("schedule", file, "--as-of", AS_OF, "--json", json, "--ics", ics);
    expect(result.code).toBe(0);
    expect(readdirSync(ics).sort()).toEqual(["li.na_at_example.com.ics", "wang.wei_at_example.com.ics"]);
    expect(result.out).toContain("已写入 2 个 .ics 文件");

    const plan = JSON.parse(readFileSync(json, "utf8")) as {
      plan: {
        clientId: string;
        name: string;
        channel: string;
        owner: string | null;
        lastContact: string | null;
      }[];
      schedule: { planned: { clientId: string; owner: string | null; plannedOn: string }[] };
    };
    const rows = new Map(plan.plan.map((r) => [r.clientId, r]));
    for (const owner of ["li.na@example.com", "wang.wei@example.com"]) {
      const text = readFileSync(path.join(ics, `${owner.replace("@", "_at_")}.ics`), "utf8");
      // CRLF only, every physical line at most 75 octets.
      expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      const expected = plan.schedule.planned
        .filter((p) => p.owner === owner && rows.get(p.clientId)?.channel === "visit")
        .map((p) => p.clientId)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      const found = events(text);
      const ids = found
        .map((e) => decodeURIComponent((e.get("UID") as string).slice(1)).split("#")[0])
        .sort();
      expect(ids).toEqual(expected);
      for (const event of found) {
        const id = decodeURIComponent((event.get("UID") as string).slice(1)).split("#")[0];
        const row = rows.get(id);
        const planned = plan.schedule.planned.find((p) => p.clientId === id);
        expect(event.get("DTSTART")).toBe(`;VALUE=DATE:${planned?.plannedOn.replace(/-/g, "")}`);
        expect(event.get("DTSTAMP")).toMatch(/^:\d{8}T\d{6}Z$/);
        expect(unescape((event.get("SUMMARY") as string).slice(1))).toBe(`面访：${row?.name}`);
        expect(unescape((event.get("DESCRIPTION") as string).slice(1)).split("\n")[0]).toBe(
          `客户：${row?.name}（${id}）`,
        );
        expect(event.get("UID")).toBe(
          `:${id}#${row?.lastContact ?? "new"}@account-desk.invalid`.replace(/[^:A-Za-z0-9._#@-]/g, (c) =>
            encodeURIComponent(c),
          ),
        );
      }
    }
  });

  it("says so and writes nothing when no owner opted in", async () => {
    const dir = tempDir();
    const file = path.join(dir, "empty.xlsx");
    expect((await run("init", file)).code).toBe(0);
    const result = await run("schedule", file, "--as-of", AS_OF, "--ics", path.join(dir, "ics"));
    expect(result.code).toBe(0);
    expect(result.out).toContain("没有负责人开启面访同步");
  });
});
