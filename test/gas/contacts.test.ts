/**
 * The contact plan menu item and the daily digest trigger, driven through dist/Code.js in the
 * vm harness with call-counting fake Apps Script services (run `npm run build` first).
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type ResetOptions, type SeedCell } from "./harness";

type Sheets = Record<string, SeedCell[][]>;

/** An English workbook: li has an overdue and a due-today client (as of Fri 27 Nov 2026), wang an upcoming one. */
function workbook(timeZone: string): Sheets {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", timeZone],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Status", "Tier", "My notes"],
      ["C1", "Acme <b>&</b>", "li@example.com", "", "A", "keep me"],
      ["C2", "Beta", "li@example.com", "active", "B", ""],
      ["C3", "Gamma", "wang@example.com", "", "C", ""],
      ["C4", "Delta", "li@example.com", "inactive", "A", ""],
      ["C5", "=Eps", "", "", "", ""],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel", "Responded"],
      [{ date: "2026-11-18" }, "C1", "visit", "yes"],
      [{ date: "2026-11-12" }, "C2", "phone", "no"],
      [{ date: "2026-11-20" }, "C3", "email", ""],
      [{ date: "2026-12-01" }, "C1", "visit", "yes"],
    ],
  };
}

function open(options: ResetOptions) {
  return loadBundle({ seed: { timeZone: "Asia/Shanghai", ...options } });
}

describe("Build contact plan from the menu", () => {
  it("replaces the Contact plan, marks overdue and due-today rows and shows the summary", () => {
    const gas = open({ sheets: workbook("Asia/Shanghai"), now: "2026-11-27T01:00:00Z" });
    gas.call("menuContactPlan");
    const plan = gas.fake.sheetValues("Contact plan");
    expect(plan.slice(0, 5).map((row) => row.slice(0, 9))).toEqual([
      ["Client ID", "Name", "Tier", "Owner", "Channel", "Last contact", "Next due", "Status", "Days overdue"],
      [
        "C1",
        "Acme <b>&</b>",
        "A",
        "li@example.com",
        "Visit",
        { date: "2026-11-18" },
        { date: "2026-11-25" },
        "Overdue",
        2,
      ],
      [
        "C2",
        "Beta",
        "B",
        "li@example.com",
        "Phone",
        { date: "2026-11-12" },
        { date: "2026-11-27" },
        "Due today",
        0,
      ],
      ["C5", "=Eps", null, null, "E-mail", null, { date: "2026-11-27" }, "Due today", 0],
      [
        "C3",
        "Gamma",
        "C",
        "wang@example.com",
        "E-mail",
        { date: "2026-11-20" },
        { date: "2026-12-21" },
        "Upcoming",
        0,
      ],
    ]);
    expect(gas.fake.cell("Contact plan", "B4").type).toBe("text"); // "=Eps" stays text, not a formula
    const state = gas.fake.sheetState("Contact plan");
    expect([state.backgrounds.A2, state.backgrounds.I2, state.backgrounds.A3, state.backgrounds.I4]).toEqual([
      "#fce8e6",
      "#fce8e6",
      "#fef7e0",
      "#fef7e0",
    ]);
    expect(state.backgrounds.A5).toBeUndefined();
    expect(plan[1].slice(13, 17)).toEqual(["Visit", 1, 1, 1]);
    expect(gas.fake.sheetValues("Clients")[1][5]).toBe("keep me");
    expect(gas.fake.alerts).toHaveLength(1);
    expect(gas.fake.alerts[0].message.split("\n").slice(0, 4)).toEqual([
      'Contact plan: 4 active clients, 1 overdue, 2 due today, 1 upcoming; see "Contact plan".',
      "li@example.com: 1 overdue, 1 due today, 0 upcoming",
      "wang@example.com: 0 overdue, 0 due today, 1 upcoming",
      "(no owner): 0 overdue, 1 due today, 0 upcoming",
    ]);
    expect(gas.fake.sheetValues("Data issues").map((row) => row[5])).toEqual([
      "Problem",
      "Tier is blank; planned with the tier C cadence. Run the tier calculation first",
      "dated after today (2026-11-27); not counted as a last contact",
    ]);
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("makes the same number of spreadsheet calls for 5 clients and for 1,000", () => {
    const calls = (n: number) => {
      const sheets = workbook("Asia/Shanghai");
      sheets.Clients = [sheets.Clients[0]];
      sheets.Interactions = [sheets.Interactions[0]];
      for (let i = 0; i < n; i++) {
        sheets.Clients.push([
          `C${i}`,
          `Client ${i}`,
          `o${i % 7}@example.com`,
          "",
          ["A", "B", "C"][i % 3],
          "",
        ]);
        sheets.Interactions.push([
          { date: `2026-11-${String(1 + (i % 27)).padStart(2, "0")}` },
          `C${i}`,
          "phone",
          i % 2 ? "yes" : "no",
        ]);
      }
      const gas = open({ sheets, now: "2026-11-27T01:00:00Z" });
      gas.fake.resetCalls();
      gas.call("menuContactPlan");
      expect(gas.fake.sheetValues("Contact plan")).toHaveLength(n + 1);
      // Besides at most one insert per sheet that a longer output outgrows (rows past a new sheet's 1,000).
      expect(gas.fake.gridCalls()).toBeLessThanOrEqual(2);
      return {
        total: gas.fake.spreadsheetCalls() - gas.fake.gridCalls(),
        reads: gas.fake.calls["Range.getValues"],
        writes: gas.fake.calls["Range.setValues"],
      };
    };
    const small = calls(5);
    expect(calls(1000)).toEqual(small);
    expect(small.reads).toBe(3); // Settings, Clients, Interactions
    expect(small.writes).toBe(3); // the plan, the rate block, Data issues
  });
});

describe("the daily digest trigger", () => {
  function installed(options: ResetOptions) {
    const gas = open(options);
    gas.call("menuInstallTriggers");
    return gas;
  }

  it("is sent by the hourly dispatcher from digest.hour in the workbook's zone", () => {
    const gas = installed({ sheets: workbook("Asia/Shanghai"), now: "2026-11-26T23:30:00Z" }); // 07:30
    const trigger = gas.fake.triggers.find((t) => t.handler === "triggerDispatch");
    expect(trigger?.eventType).toBe("CLOCK");
    expect(trigger?.schedule).toEqual({ everyHours: 1 });
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox).toEqual([]);
    gas.fake.setNow("2026-11-27T00:05:00Z"); // 08:05
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox.map((m) => m.to)).toEqual(["li@example.com"]);
  });

  it("mails each owner with overdue or due-today contacts once, none for others, and not twice on a second firing", () => {
    // 16:30 UTC on 26 Nov is already 00:30 on 27 Nov in Shanghai (digest.hour 0 here).
    const sheets = workbook("Asia/Shanghai");
    sheets.Settings.push(["digest.hour", "0"]);
    const gas = installed({ sheets, now: "2026-11-26T16:30:00Z" });
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox.map((m) => [m.to, m.subject])).toEqual([
      ["li@example.com", "Daily digest 2026-11-27: 2 to follow up"],
    ]);
    const mail = gas.fake.outbox[0];
    expect(mail.htmlBody).toContain("Acme &lt;b&gt;&amp;&lt;/b&gt; · C1");
    expect(mail.htmlBody).not.toContain("<b>&</b>");
    expect(mail.body).toContain(
      "- Beta · C2: Tier B · Channel Phone · Last contact 2026-11-12 · Status due today",
    );

    gas.fake.setNow("2026-11-26T17:30:00Z");
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox).toHaveLength(1);
    expect(gas.fake.sheetValues("Send log")).toEqual([
      ["When", "What", "To", "Result"],
      ["2026-11-27 00:30", "digest:2026-11-27:li@example.com", "li@example.com", "sent"],
    ]);
    const logged = gas.fake.logs.map((l) => l.message).join("\n");
    expect(logged).toContain("Sent 1 daily digests: li@example.com");
    expect(gas.fake.lockHeld()).toBe(false);
  });

  it("sends nothing, logs the failure and says so when the mail quota is 0", () => {
    const gas = installed({ sheets: workbook("Asia/Shanghai"), now: "2026-11-27T00:00:00Z", mailQuota: 0 });
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox).toEqual([]);
    expect(gas.fake.sheetValues("Send log")[1]).toEqual([
      "2026-11-27 08:00",
      "digest:2026-11-27:li@example.com",
      "li@example.com",
      "no-quota",
    ]);
    expect(gas.fake.logs.map((l) => l.message).join("\n")).toContain(
      '1 digests could not be sent (today\'s mail quota is used up): li@example.com; logged in "Send log".',
    );
  });

  it("makes the same number of spreadsheet calls for 3 owners and for 200", () => {
    const calls = (owners: number) => {
      const sheets = workbook("Asia/Shanghai");
      sheets.Clients = [sheets.Clients[0]];
      sheets.Interactions = [sheets.Interactions[0]];
      for (let i = 0; i < owners * 2; i++)
        sheets.Clients.push([`C${i}`, `Client ${i}`, `o${i % owners}@example.com`, "", "A", ""]);
      const gas = installed({ sheets, now: "2026-11-27T00:00:00Z", mailQuota: 1000 });
      gas.fake.resetCalls();
      gas.fireTrigger("triggerDispatch");
      expect(gas.fake.outbox).toHaveLength(owners);
      return gas.fake.spreadsheetCalls();
    };
    expect(calls(200)).toBe(calls(3));
  });
});

describe("time zones with daylight-saving changes (America/New_York)", () => {
  const newYork = (now: string): Sheets => ({
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", "America/New_York"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["C1", "Acme", "li@example.com", "A"],
      ["C2", "Beta", "wang@example.com", "B"],
    ],
    Interactions: now.startsWith("2026-11")
      ? [
          ["Date", "Client ID"],
          [{ date: "2026-10-25" }, "C1"], // + 7 = Sun 1 Nov, the autumn change day → Mon 2 Nov
          [{ date: "2026-11-01" }, "C2"], // on the change day; + 15 = Mon 16 Nov
        ]
      : [
          ["Date", "Client ID"],
          [{ date: "2026-03-01" }, "C1"], // + 7 = Sun 8 Mar, the spring change day → Mon 9 Mar
          [{ date: "2026-03-08" }, "C2"], // on the change day; + 15 = Mon 23 Mar
        ],
  });

  function at(now: string) {
    const gas = open({ timeZone: "America/New_York", sheets: newYork(now), now });
    gas.call("menuInstallTriggers");
    return gas;
  }

  it("keeps date cells on their calendar day around the autumn change and plans from the zone's today", () => {
    // 04:30 UTC on 2 Nov is 23:30 on 1 Nov in New York (UTC−5 since 02:00 that day).
    const gas = at("2026-11-02T04:30:00Z");
    gas.call("menuContactPlan");
    expect(
      gas.fake
        .sheetValues("Contact plan")
        .slice(1, 3)
        .map((row) => row.slice(0, 9)),
    ).toEqual([
      [
        "C1",
        "Acme",
        "A",
        "li@example.com",
        "Visit",
        { date: "2026-10-25" },
        { date: "2026-11-02" },
        "Upcoming",
        0,
      ],
      [
        "C2",
        "Beta",
        "B",
        "wang@example.com",
        "Phone",
        { date: "2026-11-01" },
        { date: "2026-11-16" },
        "Upcoming",
        0,
      ],
    ]);
    gas.fireTrigger("triggerDispatch");
    // Nothing due on 1 Nov (the tier job and the report of the 1st fail here: no Deals sheet).
    expect(gas.fake.outbox.filter((m) => m.subject.startsWith("Daily digest"))).toEqual([]);
  });

  it("sends the digest on the Monday after the autumn change at 08:00 local time", () => {
    const gas = at("2026-11-02T13:00:00Z"); // 08:00 EST
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox.map((m) => [m.to, m.subject])).toEqual([
      ["li@example.com", "Daily digest 2026-11-02: 1 to follow up"],
    ]);
    expect(gas.fake.sheetValues("Send log")[1].slice(0, 2)).toEqual([
      "2026-11-02 08:00",
      "digest:2026-11-02:li@example.com",
    ]);
  });

  it("keeps date cells on their calendar day around the spring change and sends on the Monday after", () => {
    const gas = at("2026-03-09T12:00:00Z"); // 08:00 EDT
    gas.call("menuContactPlan");
    expect(
      gas.fake
        .sheetValues("Contact plan")
        .slice(1, 3)
        .map((row) => row.slice(5, 9)),
    ).toEqual([
      [{ date: "2026-03-01" }, { date: "2026-03-09" }, "Due today", 0],
      [{ date: "2026-03-08" }, { date: "2026-03-23" }, "Upcoming", 0],
    ]);
    gas.fireTrigger("triggerDispatch");
    expect(gas.fake.outbox.map((m) => m.subject)).toEqual(["Daily digest 2026-03-09: 1 to follow up"]);
  });
});
