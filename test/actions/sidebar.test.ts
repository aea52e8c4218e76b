/** The Settings sidebar's server side: the form and the save (src/actions/sidebar.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { saveSettings, settingsForm, type SaveSettingsResult } from "../../src/actions/sidebar";
import type { Cell } from "../../src/ports";
import type { DataIssue } from "../../src/workbook/issues";
import { locateSheets, readSettings } from "../../src/workbook/read";
import { findSetting, SETTING_DEFS, validateSettingText, type SettingDef } from "../../src/workbook/settings";
import { testEnv } from "../helpers/env";

function workbook(extra: Cell[][] = []): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value", "My notes", "Description"],
      ["language", "en", "keep", "Language"],
      ["tier.highThreshold", 1000000, "", "A threshold"],
      ["contact.A.channel", "面访", "", "A channel"],
      ["report.recipients", "boss@example.com, not-an-email", "", "Recipients"],
      ...extra,
    ],
  };
}

function fieldOf(form: ReturnType<typeof settingsForm>, key: string) {
  const found = form.groups.flatMap((g) => g.fields).find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

function readBack(env: ReturnType<typeof testEnv>) {
  const issues: DataIssue[] = [];
  const { settings } = readSettings(
    env.workbook,
    locateSheets(env.workbook.sheetNames()),
    { action: "check", defaultTimeZone: "Asia/Shanghai" },
    issues,
  );
  return { settings, issues };
}

function failed(result: SaveSettingsResult) {
  if (result.ok) throw new Error("expected the save to fail");
  return result;
}

describe("Settings form", () => {
  it("lists every setting once, in task sections with report and digest e-mails first, in the workbook language", () => {
    const form = settingsForm(testEnv(workbook()));
    expect(form.language).toBe("en");
    expect(form.hasSheet).toBe(true);
    expect(form.groups.map((g) => [g.id, g.title, g.fields.length])).toEqual([
      ["mail", "Report & reminder e-mails", 6],
      ["contact", "Contact cadence", 20],
      ["tiers", "Client tiers", 10],
      ["approvals", "Deal terms & approvals", 7],
      ["contracts", "Contracts & performance", 4],
      ["general", "Language & region", 4],
    ]);
    expect(form.groups[0].fields.map((f) => f.key)).toEqual([
      "report.recipients",
      "report.dayOfMonth",
      "report.hour",
      "digest.hour",
      "collection.escalateTo",
      "digest.finance",
    ]);
    const keys = form.groups.flatMap((g) => g.fields.map((f) => f.key));
    expect(keys.sort()).toEqual(SETTING_DEFS.map((d) => d.key).sort());
    expect(form.text["sidebar.settings.save"]).toBe("Save");
  });

  it("offers the tier-C e-mail method as a drop-down and the daily limit as a number of e-mails", () => {
    const form = settingsForm(testEnv(workbook()));
    const contact = form.groups.find((g) => g.id === "contact");
    expect(contact?.fields.slice(-3).map((f) => f.key)).toEqual([
      "templates.mode",
      "templates.perDay",
      "templates.detectReplies",
    ]);
    const mode = fieldOf(form, "templates.mode");
    expect([mode.kind, mode.label, mode.value, mode.options]).toEqual([
      "select",
      "Tier-C e-mail method",
      "draft",
      [
        { value: "draft", label: "Drafts for the owner to send" },
        { value: "send", label: "Send directly" },
      ],
    ]);
    const perDay = fieldOf(form, "templates.perDay");
    expect([perDay.kind, perDay.label, perDay.unit]).toEqual(["integer", "E-mails per day", "e-mails"]);
    const detect = fieldOf(form, "templates.detectReplies");
    expect([detect.kind, detect.label, detect.value, detect.options]).toEqual([
      "select",
      "Detect replies in Gmail",
      "off",
      [
        { value: "off", label: "Off" },
        { value: "on", label: "On" },
      ],
    ]);
  });

  it("shows the negotiation limits as percentages and days, with labels and help, in their own section", () => {
    const form = settingsForm(testEnv(workbook()));
    const approvals = form.groups.find((g) => g.id === "approvals");
    expect(approvals?.fields.map((f) => [f.key, f.kind, f.label, f.defaultText, f.unit])).toEqual([
      ["approval.maxDiscount.A", "percent", "Discount limit, tier A", "15", "%"],
      ["approval.maxDiscount.B", "percent", "Discount limit, tier B", "10", "%"],
      ["approval.maxDiscount.C", "percent", "Discount limit, tier C", "5", "%"],
      ["approval.maxPaymentDays.A", "integer", "Payment term limit, tier A", "90", "days"],
      ["approval.maxPaymentDays.B", "integer", "Payment term limit, tier B", "60", "days"],
      ["approval.maxPaymentDays.C", "integer", "Payment term limit, tier C", "30", "days"],
      ["approval.approver", "emails", "Default approver", "", null],
    ]);
    expect(approvals?.fields.every((f) => f.help !== "")).toBe(true);
  });

  it("shows the current value as money, with a label, help and default, and marks an invalid current value", () => {
    const form = settingsForm(testEnv(workbook()));
    expect(fieldOf(form, "tier.highThreshold")).toEqual({
      key: "tier.highThreshold",
      section: "tiers",
      kind: "money",
      label: "Tier A threshold (12-month purchase)",
      help: "Clients whose 12-month purchase reaches this amount are tier A (high value).",
      defaultText: "¥1,000,000",
      value: "¥1,000,000",
      holidays: null,
      error: null,
      options: null,
      unit: "¥",
      cadenceTier: null,
    });
    expect(fieldOf(form, "contact.A.channel")).toMatchObject({
      value: "visit",
      cadenceTier: "A",
      error: null,
    });
    expect(fieldOf(form, "contact.A.channel").options?.map((o) => o.label)).toEqual([
      "Visit",
      "Phone",
      "Video",
      "E-mail",
      "Online",
    ]);
    expect(fieldOf(form, "report.recipients").error).toBe(
      "a recipient is not an e-mail address: not-an-email",
    );
    expect(fieldOf(form, "tier.mediumThreshold")).toMatchObject({
      value: "",
      defaultText: "¥200,000",
      error: null,
    });
    expect(fieldOf(form, "tier.downgradeMargin")).toMatchObject({
      kind: "percent",
      defaultText: "10",
      unit: "%",
    });
    expect(fieldOf(form, "contact.workingDays")).toMatchObject({
      kind: "weekdays",
      value: "Mon,Tue,Wed,Thu,Fri",
    });
    expect(fieldOf(form, "contact.workingDays").options?.map((o) => o.label)).toEqual([
      "Mon",
      "Tue",
      "Wed",
      "Thu",
      "Fri",
      "Sat",
      "Sun",
    ]);
    expect(fieldOf(form, "report.hour")).toMatchObject({ kind: "select", value: "8" });
    expect(fieldOf(form, "contact.B.intervalDays")).toMatchObject({
      kind: "integer",
      unit: "days",
      value: "",
    });
    expect(fieldOf(form, "timeZone").defaultText).toBe("Asia/Shanghai");
  });

  it("reads the Settings sheet once and writes nothing", () => {
    const env = testEnv(workbook());
    settingsForm(env);
    expect(env.workbook.calls).toEqual({ sheetNames: 1, readSheet: 1 });
  });
});

describe("Saving settings", () => {
  it("writes only the changed values, in one write on the Value column, numbers as numbers", () => {
    const env = testEnv(workbook());
    const result = saveSettings(env, {
      "tier.highThreshold": "1500000",
      "contact.A.channel": "visit",
      "report.recipients": "boss@example.com, cfo@example.com",
    });
    expect(result.ok && result.saved).toEqual(["tier.highThreshold", "report.recipients"]);
    expect(env.workbook.calls.writeBlock).toBe(1);
    expect(env.workbook.values("Settings")).toEqual([
      ["Key", "Value", "My notes", "Description"],
      ["language", "en", "keep", "Language"],
      ["tier.highThreshold", 1500000, "", "A threshold"],
      ["contact.A.channel", "面访", "", "A channel"],
      ["report.recipients", "boss@example.com, cfo@example.com", "", "Recipients"],
    ]);
    const { settings, issues } = readBack(env);
    expect(issues).toEqual([]);
    expect(settings["tier.highThreshold"]).toBe(150_000_000);
    expect(settings["report.recipients"]).toEqual(["boss@example.com", "cfo@example.com"]);
  });

  it("adds missing keys below the table in the same single write, with their description", () => {
    const env = testEnv(workbook());
    const result = saveSettings(env, { "contact.B.intervalDays": "10", "tier.highThreshold": "120万" });
    expect(result.ok).toBe(true);
    expect(env.workbook.calls.writeBlock).toBe(1);
    expect(env.workbook.values("Settings")?.slice(2)).toEqual([
      ["tier.highThreshold", 1200000, "", "A threshold"],
      ["contact.A.channel", "面访", "", "A channel"],
      ["report.recipients", "boss@example.com, not-an-email", "", "Recipients"],
      ["contact.B.intervalDays", 10, "", "Tier B contact interval, in days"],
    ]);
    expect(readBack(env).settings["contact.B.intervalDays"]).toBe(10);
  });

  it("rejects an invalid threshold and a bad e-mail, naming each field, and writes nothing", () => {
    const env = testEnv(workbook());
    const result = failed(
      saveSettings(env, {
        "tier.highThreshold": "a lot",
        "report.recipients": "boss@example, ok@example.com",
      }),
    );
    expect(result.errors).toEqual({
      "tier.highThreshold": "expected an amount such as 1200000, ¥1,200,000, 120万 or 1.2亿",
      "report.recipients": "a recipient is not an e-mail address: boss@example",
    });
    expect(result.message).toBe("Fix the 2 values marked in red first.");
    expect(env.workbook.calls.writeBlock ?? 0).toBe(0);
  });

  it("rejects a tier B threshold above the tier A threshold", () => {
    const env = testEnv(workbook());
    const result = failed(saveSettings(env, { "tier.mediumThreshold": "2000000" }));
    expect(result.errors).toEqual({
      "tier.mediumThreshold": "The tier B threshold cannot be above the tier A threshold",
    });
  });

  it("reads holidays with the date order being saved", () => {
    const env = testEnv(workbook());
    expect(failed(saveSettings(env, { "contact.holidays": "01/10/2026" })).errors).toEqual({
      "contact.holidays": "a holiday is not a date: 01/10/2026",
    });
    expect(saveSettings(env, { "contact.holidays": "01/10/2026", dateOrder: "DMY" }).ok).toBe(true);
    expect(readBack(env).settings["contact.holidays"]).toEqual([20727]);
  });

  it("refuses keys it does not know and input that is not a map of texts", () => {
    const env = testEnv(workbook());
    expect(failed(saveSettings(env, { "tier.unknown": "1" })).message).toBe("Unknown settings: tier.unknown");
    expect(failed(saveSettings(env, ["tier.highThreshold", "1"])).message).toBe(
      "The form could not be read; reopen the sidebar and try again",
    );
    expect(failed(saveSettings(env, { "tier.highThreshold": 5 })).message).toBe(
      "The form could not be read; reopen the sidebar and try again",
    );
    expect(env.workbook.calls.writeBlock ?? 0).toBe(0);
  });

  it("writes nothing when nothing changed", () => {
    const env = testEnv(workbook());
    const form = settingsForm(env);
    const values = Object.fromEntries(form.groups.flatMap((g) => g.fields.map((f) => [f.key, f.value])));
    const result = saveSettings(env, values);
    expect(result.ok && result.saved).toEqual([]);
    expect(env.workbook.calls.writeBlock ?? 0).toBe(0);
  });

  it("creates the Settings sheet with every key when the workbook has none", () => {
    const env = testEnv({});
    const result = saveSettings(env, { "digest.hour": "7" });
    expect(result.ok && result.form.hasSheet).toBe(true);
    expect(env.workbook.calls.replaceSheet).toBe(1);
    const rows = env.workbook.values("设置") ?? [];
    expect(rows[0]).toEqual(["键", "值", "说明"]);
    expect(rows).toHaveLength(SETTING_DEFS.length + 1);
    expect(rows.find((r) => r[0] === "digest.hour")).toEqual([
      "digest.hour",
      7,
      "每日沟通提醒的发送时刻（0–23）",
    ]);
    expect(readBack(env).issues).toEqual([]);
    expect(result.ok && fieldOf(result.form, "tier.highThreshold").value).toBe("¥1,000,000");
  });

  it("returns the form in the language just saved", () => {
    const env = testEnv(workbook());
    const result = saveSettings(env, { language: "zh-CN" });
    expect(result.ok && result.form.language).toBe("zh-CN");
    expect(result.ok && result.form.groups[0].title).toBe("报告与提醒邮件");
  });
});

describe("Saving settings, for any input", () => {
  const numericKeys = [
    "tier.highThreshold",
    "tier.surgeDays",
    "report.hour",
    "tier.downgradeMargin",
  ] as const;

  it("saves exactly the values the actions' schema accepts, and they read back as the actions read them", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...numericKeys),
        fc.oneof(
          fc.integer({ min: 0, max: 5_000_000 }).map(String),
          fc.double({ min: 0, max: 2, noNaN: true }).map((n) => n.toFixed(2)),
          fc.string({ maxLength: 12 }),
        ),
        (key, raw) => {
          const env = testEnv(workbook());
          // The form types rates in percent: 12 means 12 %.
          const text =
            key === "tier.downgradeMargin" && raw.trim() !== "" && !raw.trim().endsWith("%")
              ? `${raw.trim()}%`
              : raw.trim();
          const valid = text === "" || validateSettingText(key, text, "en").ok;
          const result = saveSettings(env, { [key]: raw });
          const orderBroken =
            key === "tier.highThreshold" && valid && text !== "" && readBackHigh(text) < 20_000_000;
          if (!valid || orderBroken) {
            expect(result.ok).toBe(false);
            expect(env.workbook.calls.writeBlock ?? 0).toBe(0);
            return;
          }
          expect(result.ok).toBe(true);
          const { settings, issues } = readBack(env);
          expect(issues.filter((i) => i.row !== 5)).toEqual([]);
          const def = findSetting(key) as SettingDef;
          const expected = def.read(text === "" ? def.defaultText : text, { dateOrder: "YMD" });
          // A text the save accepts is one the actions can read, and they read the same value.
          if (!expected.ok) throw new Error(`saved ${JSON.stringify(text)}, which the actions cannot read`);
          expect(settings[key]).toEqual(expected.value);
          // Plain numbers, independently of the parser: a threshold in cents, the others as typed.
          if (/^\d+(\.\d+)?$/.test(text))
            expect(settings[key]).toBe(
              key === "tier.highThreshold" ? Math.round(Number(text) * 100) : Number(text),
            );
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** The A threshold a text stands for, in cents (the B default is 200,000). */
function readBackHigh(text: string): number {
  const parsed = (findSetting("tier.highThreshold") as SettingDef).read(text, { dateOrder: "YMD" });
  return parsed.ok ? (parsed.value as number) : Infinity;
}
