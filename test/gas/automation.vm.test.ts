/**
 * The automation through dist/Code.js (run `npm run build` first): one hourly dispatcher that
 * follows the current Settings, runs the jobs in order and once per period, tells the installer
 * once about a failure, stops at its time budget and continues; the guard around every handler;
 * the clock; the digest menu items; the add-on's onOpen in AuthMode.NONE.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n";
import { menuEntries, TRIGGER_HANDLERS, type MenuEntry } from "../../src/gas/registry";
import { loadBundle, ROOT, type GasHandle, type ResetOptions, type SeedCell } from "./harness";

type Sheets = Record<string, SeedCell[][]>;

/** li has an overdue and a due-today client on Fri 27 Nov 2026, wang an overdue one. */
function workbook(settings: readonly [string, string][] = [], owners = 0): Sheets {
  const clients: SeedCell[][] = [
    ["Client ID", "Name", "Owner", "Tier"],
    ["C1", "Acme", "li@example.com", "A"],
    ["C2", "Beta", "li@example.com", "B"],
    ["C3", "Gamma", "wang@example.com", "C"],
  ];
  for (let i = 0; i < owners; i++) clients.push([`K${i}`, `Client ${i}`, `o${i}@example.com`, "A"]);
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
      ["timeZone", "Asia/Shanghai"],
      ["report.recipients", "boss@example.com"],
      ...settings.map(([k, v]) => [k, v]),
    ],
    Clients: clients,
    Interactions: [
      ["Date", "Client ID", "Channel"],
      [{ date: "2026-11-18" }, "C1", "visit"],
      [{ date: "2026-11-12" }, "C2", "phone"],
      [{ date: "2026-09-01" }, "C3", "email"],
    ],
    Deals: [
      ["Deal ID", "Client ID", "Owner", "Stage", "Amount", "Closed on"],
      ["D1", "C3", "wang@example.com", "won", 2_000_000, { date: "2026-10-05" }],
    ],
  };
}

/** 08:30 on Fri 27 Nov 2026 in Shanghai. */
const MORNING = "2026-11-27T00:30:00Z";

function gas(options: ResetOptions = {}): GasHandle {
  return loadBundle({ seed: { timeZone: "Asia/Shanghai", now: MORNING, sheets: workbook(), ...options } });
}

function installed(options: ResetOptions = {}): GasHandle {
  const h = gas(options);
  h.call("menuInstallTriggers");
  h.fake.toasts.length = 0;
  return h;
}

const sendLog = (h: GasHandle) =>
  h.fake.sheetNames().includes("Send log") ? h.fake.sheetValues("Send log") : [];
const logText = (h: GasHandle) => h.fake.logs.map((l) => l.message).join("\n");

function handlersOf(entries: readonly MenuEntry[]): string[] {
  return entries.flatMap((e) =>
    e.kind === "item" ? [e.handler] : e.kind === "submenu" ? handlersOf(e.items) : [],
  );
}

describe("one hourly dispatcher", () => {
  it("installing twice leaves exactly one hourly dispatcher, replaces older per-job triggers and keeps the user's own", () => {
    const h = gas({
      triggers: [
        { handler: "myOwnJob" },
        { handler: "triggerDailyDigest", schedule: { everyDays: 1, atHour: 8 } },
        { handler: "triggerTiers", schedule: { onMonthDay: 1, atHour: 7 } },
        { handler: "triggerMonthlyReport", schedule: { onMonthDay: 1, atHour: 8 } },
      ],
    });
    h.call("menuInstallTriggers");
    h.call("menuInstallTriggers");
    expect(h.fake.triggers.map((tr) => [tr.handler, tr.schedule])).toEqual([
      ["myOwnJob", {}],
      ["triggerDispatch", { everyHours: 1 }],
      ["triggerApprovalEdit", {}],
    ]);
    expect(h.fake.properties()["accountDesk.automation.installer"]).toBe("manager@example.com");
    h.call("menuRemoveTriggers");
    expect(h.fake.triggers.map((tr) => tr.handler)).toEqual(["myOwnJob"]);
  });

  it("follows a digest.hour changed in the settings sidebar without reinstalling", () => {
    const h = installed();
    h.fake.setNow("2026-11-27T00:30:00Z"); // 08:30
    h.fireTrigger("triggerDispatch");
    expect(h.fake.outbox.map((m) => m.to)).toEqual(["li@example.com", "wang@example.com"]);
    const saved = h.call("sidebarSaveSettings", { "digest.hour": "10" }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    expect(h.fake.triggers.map((tr) => tr.handler)).toEqual(["triggerDispatch", "triggerApprovalEdit"]);
    h.fake.setNow("2026-11-28T00:30:00Z"); // Sat 08:30: not yet
    h.fireTrigger("triggerDispatch");
    expect(h.fake.outbox).toHaveLength(2);
    h.fake.setNow("2026-11-28T02:05:00Z"); // 10:05
    h.fireTrigger("triggerDispatch");
    expect(h.fake.outbox.slice(2).map((m) => m.subject)).toEqual([
      "Daily digest 2026-11-28: 2 to follow up",
      "Daily digest 2026-11-28: 1 to follow up",
    ]);
    h.call("menuTriggerStatus");
    const status = h.fake.alerts.at(-1)?.message ?? "";
    expect(status).toContain("Installed: the hourly dispatcher");
    expect(status).toContain("Daily contact digest: next 2026-11-29 10:00 (last: 2026-11-28, done)");
    expect(status).toContain("Monthly report: next 2026-12-01 08:00");
    expect(status).not.toContain("Attention");
  });

  it("runs a missed digest later that day, once per owner and day however often it fires", () => {
    const h = installed();
    h.fake.setNow("2026-11-27T05:10:00Z"); // 13:10
    h.fireTrigger("triggerDispatch");
    h.fireTrigger("triggerDispatch");
    h.fake.setNow("2026-11-27T06:10:00Z");
    h.fireTrigger("triggerDispatch");
    expect(h.fake.outbox.map((m) => m.to)).toEqual(["li@example.com", "wang@example.com"]);
    expect(sendLog(h)).toHaveLength(3);
  });

  it("on the 1st runs the tiers before the report and the digest, whatever the hours", () => {
    const h = installed({
      now: "2026-11-30T16:05:00Z", // 00:05 on 1 Dec
      sheets: workbook([
        ["report.hour", "0"],
        ["digest.hour", "0"],
      ]),
    });
    h.fireTrigger("triggerDispatch");
    const log = logText(h);
    const tiers = log.indexOf("Client tiers (2026-12)");
    const report = log.indexOf("Monthly report (2026-12)");
    const digest = log.indexOf("Daily contact digest (2026-12-01)");
    expect(tiers).toBeGreaterThanOrEqual(0);
    expect(report).toBeGreaterThan(tiers);
    expect(digest).toBeGreaterThan(report);
    // C3's ¥2,000,000 of October makes it tier A before the report is written.
    expect(h.fake.sheetValues("Clients")[3].slice(0, 4)).toEqual(["C3", "Gamma", "wang@example.com", "A"]);
    expect(h.fake.outbox.filter((m) => m.to === "boss@example.com")).toHaveLength(1);
    h.fireTrigger("triggerDispatch");
    expect(h.fake.outbox.filter((m) => m.to === "boss@example.com")).toHaveLength(1);
  });

  it("replaces older per-job triggers when one of them fires, and runs what is due", () => {
    const h = gas({
      triggers: [{ handler: "triggerDailyDigest", schedule: { everyDays: 1, atHour: 8 } }],
      triggerUser: "",
    });
    h.fireTrigger("triggerDailyDigest");
    expect(h.fake.triggers.map((tr) => tr.handler)).toEqual(["triggerDispatch", "triggerApprovalEdit"]);
    expect(h.fake.outbox).toHaveLength(2);
  });
});

describe("Trigger status", () => {
  it("shows what is installed and says when it differs from what should be", () => {
    const h = gas({
      triggers: [{ handler: "triggerMonthlyReport", schedule: { onMonthDay: 1, atHour: 8 } }],
    });
    h.call("menuTriggerStatus");
    const status = h.fake.alerts.at(-1)?.message ?? "";
    expect(status).toContain("the hourly dispatcher is missing");
    expect(status).toContain("old per-job triggers are still installed (triggerMonthlyReport)");
    h.call("menuCheck"); // any menu action reconciles
    expect(h.fake.triggers.map((tr) => tr.handler)).toEqual(["triggerDispatch", "triggerApprovalEdit"]);
    h.call("menuTriggerStatus");
    expect(h.fake.alerts.at(-1)?.message).not.toContain("Attention");
  });

  it("says nothing is installed on a fresh workbook", () => {
    const h = gas();
    h.call("menuTriggerStatus");
    expect(h.fake.alerts.at(-1)?.message).toBe(t("en", "automation.status.notInstalled"));
  });
});

describe("a failed scheduled job", () => {
  it("tells the installer once by e-mail and in the Send log, and is not retried every hour", () => {
    const sheets = workbook();
    delete sheets.Clients;
    const h = installed({ sheets, now: "2026-11-27T00:05:00Z" });
    h.fireTrigger("triggerDispatch");
    h.fake.setNow("2026-11-27T01:05:00Z");
    h.fireTrigger("triggerDispatch");
    h.fake.setNow("2026-11-27T02:05:00Z");
    h.fireTrigger("triggerDispatch");
    expect(h.fake.outbox.map((m) => [m.to, m.subject])).toEqual([
      [
        "manager@example.com",
        "Account Desk: the scheduled job Daily contact digest did not complete (2026-11-27)",
      ],
    ]);
    expect(h.fake.outbox[0].body).toContain("Clients");
    expect(sendLog(h).map((r) => r.slice(1))).toEqual([
      ["What", "To", "Result"],
      ["automation:digest:2026-11-27:failed", "manager@example.com", "sent"],
    ]);
    h.fake.setNow("2026-11-28T00:05:00Z"); // the next day: tried again, told again
    h.fireTrigger("triggerDispatch");
    expect(h.fake.outbox).toHaveLength(2);
    h.call("menuTriggerStatus");
    expect(h.fake.alerts.at(-1)?.message).toContain("(last: 2026-11-28, failed:");
  });

  it("records a digest stopped by the mail quota in the Send log, even when the notice cannot be mailed", () => {
    const h = installed({ mailQuota: 0 });
    h.fireTrigger("triggerDispatch");
    h.fake.setNow("2026-11-27T01:30:00Z");
    h.fireTrigger("triggerDispatch");
    expect(h.fake.outbox).toEqual([]);
    expect(sendLog(h).map((r) => [r[1], r[3]])).toEqual([
      ["What", "Result"],
      ["digest:2026-11-27:li@example.com", "no-quota"],
      ["digest:2026-11-27:wang@example.com", "no-quota"],
      ["automation:digest:2026-11-27:failed", "no-quota"],
    ]);
  });
});

describe("the guard", () => {
  const menuHandlers = handlersOf(menuEntries());

  it.each(menuHandlers)("%s turns an unexpected error into an alert, never a raw error", (handler) => {
    const h = gas({ answers: [{ button: "OK", text: "" }, { button: "YES" }] });
    h.evaluate("SpreadsheetApp.getActiveSpreadsheet = function () { throw new Error('boom'); };");
    expect(() => h.call(handler)).not.toThrow();
    const alerts = h.fake.alerts.filter((a) => a.message.includes("boom"));
    expect(alerts, handler).toHaveLength(1);
    expect(alerts[0].message).toBe(t("zh-CN", "stop.unexpected", { message: "boom" }));
  });

  it.each([...TRIGGER_HANDLERS])("%s logs an unexpected error instead of throwing it", (handler) => {
    // The edit trigger acts on edits of the Approvals sheet only: give it one.
    const edit = handler === "triggerApprovalEdit";
    const h = gas({
      triggers: [{ handler, eventType: edit ? "ON_EDIT" : "CLOCK" }],
      sheets: {
        ...workbook(),
        Approvals: [
          ["Deal ID", "Status"],
          ["D1", "Approved"],
        ],
      },
    });
    h.evaluate("SpreadsheetApp.getActiveSpreadsheet = function () { throw new Error('boom'); };");
    const event = edit ? { range: { sheet: "Approvals", a1: "B2" }, value: "Approved", user: "" } : undefined;
    expect(() => h.fireTrigger(handler, event)).not.toThrow();
    expect(h.fake.logs.some((l) => l.level === "error" && l.message.includes("boom"))).toBe(true);
    expect(h.fake.lockHeld()).toBe(false);
  });
});

describe("the clock", () => {
  it("stops with a clear message when today's date cannot be formed, and writes nothing", () => {
    const h = gas({ now: Date.UTC(10000, 0, 5) });
    const before = h.fake.sheetNames();
    h.call("menuCheck");
    expect(h.fake.alerts.map((a) => a.message)).toEqual([
      t("en", "stop.badClock", { zone: "Asia/Shanghai", value: "10000-01-05" }),
    ]);
    expect(h.fake.sheetNames()).toEqual(before);
  });
});

describe("the tier review and the digest menu items", () => {
  it("a manual Tier review marks the quarter, so the scheduled run does not review it again", () => {
    const h = installed({ now: "2026-09-30T22:00:00Z" }); // 06:00 on 1 Oct, a review month
    h.call("menuTierReview");
    expect(h.fake.properties()["accountDesk.tiers.lastScheduledReview"]).toBe("2026-10");
    const history = h.fake.sheetValues("Tier history").length;
    h.fake.setNow("2026-10-01T00:10:00Z"); // 08:10
    h.fireTrigger("triggerDispatch");
    expect(logText(h)).toContain("The quarterly review of 2026-10 has already run; it was not run again.");
    expect(h.fake.sheetValues("Tier history")).toHaveLength(history);
  });

  it("Send my digest now sends today's digest to the person clicking only", () => {
    const h = gas({ user: "li@example.com" });
    h.call("menuSendMyDigest");
    expect(h.fake.outbox.map((m) => m.to)).toEqual(["li@example.com"]);
    const other = gas({ user: "nobody@example.com" });
    other.call("menuSendMyDigest");
    expect(other.fake.outbox).toEqual([]);
    expect(other.fake.toasts.at(-1)?.message).toContain("Nothing to send to nobody@example.com today");
  });

  it("Send all digests now asks first, then sends once per owner and day, like the trigger", () => {
    const h = installed({ answers: [{ button: "NO" }, { button: "YES" }, { button: "YES" }] });
    h.call("menuSendAllDigests");
    expect(h.fake.outbox).toEqual([]);
    h.call("menuSendAllDigests");
    h.call("menuSendAllDigests");
    h.fireTrigger("triggerDispatch");
    expect(h.fake.outbox.map((m) => m.to)).toEqual(["li@example.com", "wang@example.com"]);
    expect(h.fake.alerts[0]).toMatchObject({
      title: "Send all daily digests",
      buttons: "YES_NO",
      answer: "NO",
    });
  });
});

describe("the time budget", () => {
  function runUntilDone(h: GasHandle, handler: string, advanceMs: number): number[] {
    const durations: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = h.fake.now();
      h.fireTrigger(handler);
      durations.push(h.fake.now() - start);
      if (!h.fake.triggers.some((tr) => tr.handler === handler)) break;
      h.fake.setNow(h.fake.now() + advanceMs);
    }
    return durations;
  }

  it("stops a long digest before 6 minutes, continues in a one-off trigger and mails every owner exactly once", () => {
    const owners = 120;
    const h = installed({ sheets: workbook([], owners), mailQuota: 1000 });
    h.fake.msPerCall = 2_000;
    const first = h.fake.now();
    h.fireTrigger("triggerDispatch");
    expect(h.fake.now() - first).toBeLessThan(360_000);
    expect(h.fake.outbox.length).toBeGreaterThan(0);
    expect(h.fake.outbox.length).toBeLessThan(owners + 2);
    expect(h.fake.triggers.map((tr) => [tr.handler, tr.schedule])).toEqual([
      ["triggerDispatch", { everyHours: 1 }],
      ["triggerApprovalEdit", {}],
      ["triggerContinue", { after: 60_000 }],
    ]);
    const durations = runUntilDone(h, "triggerContinue", 60_000);
    expect(durations.length).toBeGreaterThan(0);
    for (const ms of durations) expect(ms).toBeLessThan(360_000);
    const to = h.fake.outbox.map((m) => m.to);
    expect(to).toHaveLength(owners + 2);
    expect(new Set(to).size).toBe(owners + 2);
    expect(sendLog(h).filter((r) => r[3] === "sent")).toHaveLength(owners + 2);
    expect(h.fake.triggers.map((tr) => tr.handler)).toEqual(["triggerDispatch", "triggerApprovalEdit"]);
  });

  it("as an add-on (no one-off triggers) continues at the next hourly tick, still once per owner", () => {
    const owners = 120;
    const h = installed({ sheets: workbook([], owners), mailQuota: 1000, addon: true });
    h.fake.msPerCall = 2_000;
    h.fireTrigger("triggerDispatch");
    const first = h.fake.outbox.length;
    expect(first).toBeLessThan(owners + 2);
    expect(h.fake.triggers.map((tr) => tr.handler)).toEqual(["triggerDispatch", "triggerApprovalEdit"]);
    for (let hour = 1; hour <= 6; hour++) {
      h.fake.setNow(Date.parse(MORNING) + hour * 3_600_000); // 09:30 … 14:30, the same day
      h.fireTrigger("triggerDispatch");
    }
    const to = h.fake.outbox.map((m) => m.to);
    expect(new Set(to).size).toBe(owners + 2);
    expect(to).toHaveLength(owners + 2);
  });
});

describe("the Editor add-on", () => {
  const UI_ONLY = /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/;

  it("builds the add-on menu in AuthMode.NONE without any data-service call", () => {
    const h = gas({ addon: true, sheets: workbook() });
    h.fake.resetCalls();
    h.open("NONE");
    expect(Object.keys(h.fake.calls).filter((key) => !UI_ONLY.test(key))).toEqual([]);
    expect(h.fake.menus).toHaveLength(1);
    expect(h.fake.menus[0]).toMatchObject({ title: "Account Desk", addon: true });
    expect(h.fake.menus[0].items).toContainEqual({ caption: "初始化工作簿", functionName: "menuSetup" });
  });

  it("onInstall builds the menu as onOpen does; an add-on uses the add-on menu in every mode", () => {
    const h = gas({ addon: true });
    h.call("onInstall", { authMode: "FULL" });
    expect(h.fake.menus).toEqual([expect.objectContaining({ addon: true })]);
    expect(h.fake.menus[0].items).toContainEqual({ caption: "Set up workbook", functionName: "menuSetup" });
    const bound = gas();
    bound.open("LIMITED");
    expect(bound.fake.menus.map((m) => [m.title, m.addon])).toEqual([["Account Desk", undefined]]);
  });

  it("installs one time-driven trigger under the add-on rules", () => {
    const h = installed({ addon: true });
    h.call("menuInstallTriggers");
    expect(h.fake.triggers.map((tr) => tr.handler)).toEqual(["triggerDispatch", "triggerApprovalEdit"]);
  });

  it("asks in the manifest for exactly the scopes of the services the bundle calls", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "appsscript.json"), "utf8")) as {
      oauthScopes: string[];
      dependencies: {
        enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[];
      };
    };
    const code = fs.readFileSync(path.join(ROOT, "dist", "Code.js"), "utf8");
    const uses: Record<string, RegExp> = {
      "https://www.googleapis.com/auth/spreadsheets.currentonly": /SpreadsheetApp\.getActiveSpreadsheet\(/,
      "https://www.googleapis.com/auth/script.container.ui": /\.showSidebar\(|getUi\(\)/,
      "https://www.googleapis.com/auth/script.scriptapp": /ScriptApp\.newTrigger\(/,
      "https://www.googleapis.com/auth/script.send_mail": /MailApp\.sendEmail\(/,
      // Gmail drafts through the advanced service (enabled in the manifest as the symbol Gmail).
      "https://www.googleapis.com/auth/gmail.compose": /\.Users\.Drafts\.create\(/,
      "https://www.googleapis.com/auth/userinfo.email": /Session\.get(Active|Effective)User\(\)/,
      "https://www.googleapis.com/auth/calendar.events": /Calendar\.Events\b/,
    };
    const needed = Object.keys(uses).filter((scope) => uses[scope].test(code));
    expect([...manifest.oauthScopes].sort()).toEqual(needed.sort());
    // Reply detection (templates.detectReplies) searches the mailbox, but gmail.readonly is opt-in:
    // a team that turns it on adds the scope itself, so the shipped manifest never asks for it.
    expect(code).toMatch(/\.Users\.Messages\.list\(/);
    expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/gmail.readonly");
    for (const service of ["GmailApp", "DriveApp", "UrlFetchApp", "CalendarApp", "DocumentApp", "FormApp"])
      expect(code, service).not.toContain(`${service}.`);
    // The Calendar advanced service (events only), never CalendarApp, which needs full Calendar access.
    expect(manifest.dependencies.enabledAdvancedServices).toContainEqual({
      userSymbol: "Calendar",
      serviceId: "calendar",
      version: "v3",
    });
  });
});
