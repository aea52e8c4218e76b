import { describe, expect, it } from "vitest";
import { checkData } from "../../src/actions/check";
import { prepareClientEmails } from "../../src/actions/clientEmails";
import { mimeMessage } from "../../src/actions/clientEmails/mime";
import { calDate } from "../../src/core/dates";
import type { Cell, MailMessage } from "../../src/ports";
import { guardUnreadFields } from "../../src/workbook/read";
import { d, testEnv, type TestEnv } from "../helpers/env";

const ASOF = calDate(2026, 11, 27); // a Friday

function workbook(extra: { settings?: Cell[][]; templates?: Cell[][] } = {}): Record<string, Cell[][]> {
  return {
    Settings: [["Key", "Value"], ["language", "en"], ...(extra.settings ?? [])],
    Clients: [
      ["Client ID", "Name", "Owner", "Email", "Tier", "My notes"],
      ["C1", "Acme <b>&</b> Co", "li@example.com", "buyer@acme.example.com", "C", "keep"],
      ["C2", "Beta", "wang@example.com", "ops@beta.example.com", "C", ""],
      ["C3", "Gamma", "li@example.com", "", "C", ""],
      ["C4", "Delta", "li@example.com", "it@delta.example.com", "B", ""],
      ["C5", "Epsilon", "li@example.com", "hi@eps.example.com", "C", ""],
    ],
    Team: [
      ["Owner", "Name"],
      ["li@example.com", "Li Ming"],
    ],
    Interactions: [
      ["Date", "Client ID", "Owner", "Channel", "Responded", "Summary", "Notes of mine"],
      [d("2026-10-20"), "C1", "li@example.com", "E-mail", "", "quarterly news", "x"],
      [d("2026-10-01"), "C2", "wang@example.com", "E-mail", "", "", ""],
      [d("2026-10-02"), "C3", "li@example.com", "E-mail", "", "", ""],
      [d("2026-10-02"), "C4", "li@example.com", "Phone", "", "", ""],
      [d("2026-11-20"), "C5", "li@example.com", "E-mail", "", "", ""],
    ],
    Templates: extra.templates ?? [
      ["Tier", "Language", "Subject", "Body"],
      ["C", "en", "News for {{client}}", "Dear {{client}},\n\nSince {{lastContact}} …\n\n{{owner}}"],
      ["C", "zh-CN", "{{client}} 近况", "您好，{{client}}"],
    ],
  };
}

function snapshot(env: TestEnv): Record<string, Cell[][]> {
  return Object.fromEntries(env.workbook.sheets.map((s) => [s.name, s.cells.map((r) => [...r])]));
}

function drafting(env: TestEnv): MailMessage[] {
  const drafts: MailMessage[] = [];
  (env as { drafts?: unknown }).drafts = { create: (m: MailMessage) => void drafts.push(m) };
  return drafts;
}

describe("prepareClientEmails", () => {
  it("drafts one message per due tier-C e-mail client with an address, and records each", () => {
    guardUnreadFields(true);
    try {
      const env = testEnv(workbook(), { today: ASOF, user: "li@example.com" });
      const drafts = drafting(env);
      const result = prepareClientEmails(env);
      expect(drafts.map((m) => m.to[0])).toEqual(["ops@beta.example.com", "buyer@acme.example.com"]);
      const acme = drafts[1];
      expect(acme.subject).toBe("News for Acme <b>&</b> Co");
      expect(acme.textBody).toBe("Dear Acme <b>&</b> Co,\n\nSince Oct 20, 2026 …\n\nLi Ming");
      expect(acme.htmlBody).toContain("<p>Dear Acme &lt;b&gt;&amp;&lt;/b&gt; Co,</p>");
      expect(acme.replyTo).toBe("li@example.com");
      expect(result.data.messages.map((m) => [m.key, m.outcome])).toEqual([
        ["email:C2:2026-11-02", "drafted"],
        ["email:C1:2026-11-19", "drafted"],
      ]);
      expect(result.data.skipped).toEqual([{ clientId: "C3", owner: "li@example.com", reason: "noEmail" }]);
      expect(result.issues.map((i) => [i.sheet, i.row, i.column, i.problem.key])).toEqual([
        ["Clients", 4, "Email", "issue.clientNoEmail"],
      ]);
      const log = env.workbook.values("Send log") ?? [];
      expect(log.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
        ["email:C2:2026-11-02", "ops@beta.example.com", "drafted"],
        ["email:C1:2026-11-19", "buyer@acme.example.com", "drafted"],
      ]);
      const interactions = env.workbook.values("Interactions") ?? [];
      expect(interactions.slice(6)).toEqual([
        [{ date: ASOF }, "C2", "wang@example.com", "E-mail", "", "automated e-mail: News for Beta", ""],
        [
          { date: ASOF },
          "C1",
          "li@example.com",
          "E-mail",
          "",
          "automated e-mail: News for Acme <b>&</b> Co",
          "",
        ],
      ]);
    } finally {
      guardUnreadFields(false);
    }
  });

  it("prepares nothing on a second run the same day or later in the cycle", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const drafts = drafting(env);
    prepareClientEmails(env);
    const again = prepareClientEmails(env);
    expect(drafts).toHaveLength(2);
    expect(again.data.messages).toEqual([]);
    expect(again.summary.map((m) => m.key)).not.toContain("emails.summary.drafted");
  });

  it("does not repeat a cycle the Send log has even when its Interactions row was deleted", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const drafts = drafting(env);
    prepareClientEmails(env);
    env.workbook.sheet("Interactions")?.cells.splice(6, 2);
    const again = prepareClientEmails(env);
    expect(drafts).toHaveLength(2);
    expect(again.data.alreadyDone).toBe(2);
  });

  it("leaves a client who answered the last automated e-mail to the owner", () => {
    const book = workbook();
    book.Interactions.push([
      d("2026-10-01"),
      "C5",
      "li@example.com",
      "E-mail",
      "",
      "automated e-mail: hello",
      "",
    ]);
    book.Interactions[5] = [d("2026-10-02"), "C5", "li@example.com", "Phone", "Yes", "called back", ""];
    const env = testEnv(book, { today: ASOF });
    const drafts = drafting(env);
    const result = prepareClientEmails(env);
    expect(drafts.map((m) => m.to[0])).not.toContain("hi@eps.example.com");
    expect(result.data.skipped).toContainEqual({
      clientId: "C5",
      owner: "li@example.com",
      reason: "answered",
    });
  });

  it("prepares only the given owners' clients and says how many wait for others", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const drafts = drafting(env);
    const result = prepareClientEmails(env, { owners: ["LI@example.com"] });
    expect(drafts.map((m) => m.to[0])).toEqual(["buyer@acme.example.com"]);
    expect(result.summary.map((m) => m.key)).toContain("emails.summary.otherOwners");
  });

  it("sends within the quota less the reserve and defers the rest, first next time", () => {
    const settings: Cell[][] = [["templates.mode", "send"]];
    const env = testEnv(workbook({ settings }), { today: ASOF, quota: 4 });
    // Reserve: 2 owners + 1 notice = 3, so 1 message today.
    const first = prepareClientEmails(env);
    expect(env.outbox.map((m) => m.to[0])).toEqual(["ops@beta.example.com"]);
    expect(first.data).toMatchObject({ quota: 4, reserve: 3, budget: 1 });
    expect(first.data.deferred.map((m) => [m.clientId, m.day])).toEqual([["C1", "2026-11-30"]]);
    expect((env.workbook.values("Send log") ?? []).slice(1).map((r) => r[3])).toEqual([
      "sent",
      "deferred:2026-11-30",
    ]);

    const monday = testEnv(snapshot(env), { today: calDate(2026, 11, 30), quota: 100 });
    const second = prepareClientEmails(monday);
    expect(monday.outbox.map((m) => m.to[0])).toEqual(["buyer@acme.example.com"]);
    expect(second.data.messages.map((m) => m.key)).toEqual(["email:C1:2026-11-19"]);
  });

  it("stops with a clear message when drafts cannot be made, before writing anything", () => {
    const env = testEnv(workbook(), { today: ASOF });
    expect(() => prepareClientEmails(env)).toThrow("emails.noGmail");
    expect(env.workbook.sheetNames()).not.toContain("Send log");
  });

  it("reports an unknown placeholder on its cell and uses no such template", () => {
    const templates: Cell[][] = [
      ["Tier", "Language", "Subject", "Body"],
      ["C", "en", "Hello {{company}}", "Hi"],
    ];
    const env = testEnv(workbook({ templates }), { today: ASOF });
    drafting(env);
    const result = prepareClientEmails(env, { dryRun: true });
    expect(result.issues.map((i) => [i.sheet, i.row, i.column, i.value, i.problem.key])).toContainEqual([
      "Templates",
      2,
      "Subject",
      "Hello {{company}}",
      "issue.unknownPlaceholder",
    ]);
    expect(result.data.skipped.filter((s) => s.reason === "noTemplate")).toHaveLength(2);
  });

  it("a dry run describes the messages and writes nothing", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const before = snapshot(env);
    const result = prepareClientEmails(env, { dryRun: true });
    expect(result.data.messages.map((m) => m.outcome)).toEqual(["planned", "planned"]);
    const after = snapshot(env);
    expect(after.Interactions).toEqual(before.Interactions);
    expect(after["Send log"]).toBeUndefined();
  });
});

describe("Check data and the Templates sheet", () => {
  it("names an unknown placeholder and a second template for the same tier and language, on their cells", () => {
    const templates: Cell[][] = [
      ["Tier", "Language", "Subject", "Body"],
      ["C", "en", "Hello", "Hi {{ Client }}, from {{sender}}"],
      ["C", "zh-CN", "回访", "您好 {{client}}"],
      ["C", "zh-CN", "回访二", "您好"],
    ];
    const sheets = { ...workbook({ templates }), Deals: [["Deal ID", "Client ID", "Stage", "Amount"]] };
    const result = checkData(testEnv(sheets, { today: ASOF }));
    const found = result.issues.filter((i) => i.sheet === "Templates");
    expect(found.map((i) => [i.row, i.column, i.value, i.problem.key, i.problem.params])).toEqual([
      [
        2,
        "Body",
        "Hi {{ Client }}, from {{sender}}",
        "issue.unknownPlaceholder",
        { placeholders: "{{sender}}" },
      ],
      [4, "Tier", "C", "issue.duplicateTemplate", { row: 3 }],
    ]);
  });
});

describe("mimeMessage", () => {
  it("encodes Chinese headers and bodies as base64 and keeps headers on one line", () => {
    const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
    const mime = mimeMessage(
      {
        to: ["a@b.example.com"],
        subject: "回访\r\nBcc: x@y",
        textBody: "你好",
        htmlBody: "<p>你好</p>",
        replyTo: "li@example.com",
      },
      b64,
    );
    expect(mime).toContain(`Subject: =?UTF-8?B?${b64("回访 Bcc: x@y")}?=`);
    expect(mime).toContain("Reply-To: li@example.com");
    expect(mime).toContain(b64("<p>你好</p>"));
    expect(mime.split("\r\n").filter((l) => l.startsWith("Bcc"))).toEqual([]);
  });

  it("splits a long subject into encoded words of whole characters, each within 75 characters", () => {
    const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
    const subject = "【回访】南京华诺饮品有限公司，近期有什么可以帮😀😀😀";
    const mime = mimeMessage({ to: ["a@b.example.com"], subject, textBody: "", htmlBody: "" }, b64);
    const head = mime.slice(0, mime.indexOf("\r\n\r\n"));
    const folded = /Subject: ((?:.*)(?:\r\n .*)*)/.exec(head)?.[1] ?? "";
    const words = folded.split("\r\n ");
    expect(words.length).toBe(3); // 26 characters, 11 a word
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), "base64").toString("utf8")).join("");
    expect(decoded).toBe(subject);
  });
});
