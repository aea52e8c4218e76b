/**
 * Tier-C contact by e-mail through dist/Code.js in the vm harness (run `npm run build` first),
 * with the fake Gmail advanced service and MailApp counting calls: drafts created once per cycle
 * and in the mailbox of whoever runs the script, none on a second run, none after a logged reply,
 * sending spread over days when the quota is short, and the hourly dispatcher running it once a day.
 */
import { describe, expect, it } from "vitest";
import { loadBundle, type GasHandle, type ResetOptions, type SeedCell } from "./harness";

type Sheets = Record<string, SeedCell[][]>;

/**
 * Fri 27 Nov 2026: li has three tier-C clients due by e-mail (C1, C2, C3), wang one (W1); C4 is
 * tier B. Templates in both languages; the workbook is in Chinese.
 */
function workbook(settings: readonly [string, string][] = []): Sheets {
  return {
    设置: [["键", "值"], ["language", "zh-CN"], ...settings.map(([k, v]) => [k, v])],
    客户: [
      ["客户编号", "客户名称", "负责人", "邮箱", "客户等级"],
      ["C1", "杭州云启科技 <有限> & 公司", "li@example.com", "buyer@yunqi.example.com", "C"],
      ["C2", "宁波海纳贸易", "li@example.com", "info@haina.example.com", "C"],
      ["C3", '=HYPERLINK("x")', "li@example.com", "c3@client.example.com", "C"],
      ["C4", "苏州博远", "li@example.com", "by@client.example.com", "B"],
      ["W1", "厦门星海", "wang@example.com", "w1@client.example.com", "C"],
    ],
    团队: [
      ["负责人", "姓名"],
      ["li@example.com", "李明"],
    ],
    沟通记录: [
      ["日期", "客户编号", "负责人", "渠道", "是否回应", "纪要"],
      [{ date: "2026-10-20" }, "C1", "li@example.com", "邮件", "", "季度资讯"],
      [{ date: "2026-10-12" }, "C2", "li@example.com", "邮件", "", ""],
      [{ date: "2026-10-05" }, "C3", "li@example.com", "邮件", "", ""],
      [{ date: "2026-10-05" }, "C4", "li@example.com", "电话", "", ""],
      [{ date: "2026-10-15" }, "W1", "wang@example.com", "邮件", "", ""],
    ],
    邮件模板: [
      ["客户等级", "语言", "主题", "正文"],
      [
        "C",
        "zh-CN",
        "{{client}}，近期合作回访",
        "{{client}} 您好：\n\n自 {{lastContact}} 沟通以来……\n\n{{owner}}",
      ],
      ["C", "en", "Checking in, {{client}}", "Dear {{client}},\n\n{{owner}}"],
    ],
  };
}

/** 08:30 on Fri 27 Nov 2026 in Shanghai. */
const MORNING = "2026-11-27T00:30:00Z";

function open(options: ResetOptions = {}, settings: readonly [string, string][] = []): GasHandle {
  return loadBundle({
    seed: {
      timeZone: "Asia/Shanghai",
      now: MORNING,
      sheets: workbook(settings),
      user: "li@example.com",
      ...options,
    },
  });
}

const sendLog = (h: GasHandle) =>
  h.fake.sheetNames().includes("发送记录") ? h.fake.sheetValues("发送记录") : [];
const interactions = (h: GasHandle) => h.fake.sheetValues("沟通记录");
/** What the user was shown: alerts and toasts. */
const shown = (h: GasHandle) => [...h.fake.alerts, ...h.fake.toasts].map((a) => a.message).join("\n");

describe("Prepare my client e-mails (tier C) in Sheets", () => {
  it("makes one Gmail draft per due client of the owner, in the owner's mailbox, and records each", () => {
    const h = open();
    h.call("menuPrepareEmails");
    expect(h.fake.calls["Gmail.Users.Drafts.create"]).toBe(3);
    expect(h.fake.outbox).toEqual([]);
    expect(h.fake.drafts.map((d) => [d.mailbox, d.to])).toEqual([
      ["li@example.com", "c3@client.example.com"],
      ["li@example.com", "info@haina.example.com"],
      ["li@example.com", "buyer@yunqi.example.com"],
    ]);
    const yunqi = h.fake.drafts[2];
    expect(yunqi.subject).toBe("杭州云启科技 <有限> & 公司，近期合作回访");
    expect(yunqi.text).toBe("杭州云启科技 <有限> & 公司 您好：\n\n自 2026年10月20日 沟通以来……\n\n李明");
    expect(yunqi.html).toContain("<p>杭州云启科技 &lt;有限&gt; &amp; 公司 您好：</p>");
    expect(
      sendLog(h)
        .slice(1)
        .map((r) => [r[1], r[3]]),
    ).toEqual([
      ["email:C3:2026-11-04", "drafted"],
      ["email:C2:2026-11-11", "drafted"],
      ["email:C1:2026-11-19", "drafted"],
    ]);
    const added = interactions(h).slice(6);
    expect(added.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      [{ date: "2026-11-27" }, "C3", "li@example.com", "邮件", null],
      [{ date: "2026-11-27" }, "C2", "li@example.com", "邮件", null],
      [{ date: "2026-11-27" }, "C1", "li@example.com", "邮件", null],
    ]);
    // A client named like a formula stays text in the summary.
    expect(added[0][5]).toBe('自动邮件：=HYPERLINK("x")，近期合作回访');
    expect(h.fake.coercions).toEqual([]);
    const summary = shown(h);
    expect(summary).toContain("Gmail 草稿箱中准备 3 封邮件");
    expect(summary).toContain("1 封邮件属于其他负责人");
  });

  it("makes no draft on a second run: once per client and cycle", () => {
    const h = open();
    h.call("menuPrepareEmails");
    h.call("menuPrepareEmails");
    expect(h.fake.calls["Gmail.Users.Drafts.create"]).toBe(3);
    expect(sendLog(h)).toHaveLength(4);
    expect(interactions(h)).toHaveLength(9);
  });

  it("stops the next message once a reply is logged, and prepares the next cycle otherwise", () => {
    const h = open();
    h.call("menuPrepareEmails");
    // C1 answers the message (Responded = 是 on its row); C2 does not.
    const rows = interactions(h);
    const at = rows.findIndex((r) => r[1] === "C1" && String(r[5]).startsWith("自动邮件"));
    const gasRow = at + 1;
    h.evaluate(
      `SpreadsheetApp.getActiveSpreadsheet().getSheetByName("沟通记录").getRange(${gasRow}, 5).setValue("是")`,
    );
    // A month later, both are due again.
    h.fake.setNow("2026-12-29T00:30:00Z");
    h.fake.resetCalls();
    h.call("menuPrepareEmails");
    expect(h.fake.calls["Gmail.Users.Drafts.create"]).toBe(2);
    // Both last contacted on 27 Nov: due the same day, in Client ID order.
    expect(h.fake.drafts.slice(3).map((d) => d.to)).toEqual([
      "info@haina.example.com",
      "c3@client.example.com",
    ]);
    const summary = shown(h);
    expect(summary).toContain("1 位客户已回复上一封自动邮件，交由负责人亲自跟进：C1");
  });

  it("says so, writes nothing and stops when the Gmail advanced service is not enabled", () => {
    const h = open({ gmailEnabled: false });
    h.call("menuPrepareEmails");
    expect(shown(h)).toContain("未启用 Gmail 高级服务");
    expect(sendLog(h)).toEqual([]);
    expect(interactions(h)).toHaveLength(6);
  });
});

describe("sending directly and the mail quota", () => {
  it("sends what the quota allows after the reserve, defers the rest and sends it first the next day", () => {
    // The digest goes first (li and wang: 2 of the 5); then the reserve is 1 notice: 2 today of the 4 due.
    const h = open({ mailQuota: 5 }, [["templates.mode", "send"]]);
    h.call("menuInstallTriggers");
    h.fireTrigger("triggerDispatch");
    expect(h.fake.calls["MailApp.sendEmail"]).toBeGreaterThanOrEqual(2);
    expect(h.fake.outbox.filter((m) => m.replyTo === "").map((m) => m.to)).toEqual([
      "li@example.com",
      "wang@example.com",
    ]);
    const clientMails = h.fake.outbox.filter((m) => m.replyTo !== "");
    expect(clientMails.map((m) => [m.to, m.replyTo, m.name])).toEqual([
      ["c3@client.example.com", "li@example.com", "李明"],
      ["info@haina.example.com", "li@example.com", "李明"],
    ]);
    const log = sendLog(h)
      .slice(1)
      .filter((r) => String(r[1]).startsWith("email:"));
    expect(log.map((r) => [r[1], r[3]])).toEqual([
      ["email:C3:2026-11-04", "sent"],
      ["email:C2:2026-11-11", "sent"],
      ["email:W1:2026-11-16", "deferred:2026-11-30"],
      ["email:C1:2026-11-19", "deferred:2026-11-30"],
    ]);
    // The same day, the dispatcher does not run the job again.
    h.fireTrigger("triggerDispatch");
    expect(
      sendLog(h)
        .slice(1)
        .filter((r) => String(r[1]).startsWith("email:")),
    ).toHaveLength(4);

    // Monday: a fresh quota; the deferred messages go first.
    h.fake.setNow("2026-11-30T00:30:00Z");
    h.fake.mailQuota = 100;
    h.fake.outbox.length = 0;
    h.fireTrigger("triggerDispatch");
    const monday = h.fake.outbox.filter((m) => m.replyTo !== "").map((m) => m.to);
    expect(monday).toEqual(["w1@client.example.com", "buyer@yunqi.example.com"]);
    expect(h.fake.outbox.find((m) => m.to === "w1@client.example.com")?.name).toBe("wang");
  });

  it("never sends more client e-mails in a day than the quota less the reserve", () => {
    for (const quota of [0, 3, 4, 6, 50]) {
      const h = open({ mailQuota: quota }, [["templates.mode", "send"]]);
      h.call("menuPrepareEmails");
      const sent = h.fake.outbox.filter((m) => m.replyTo !== "").length;
      expect(sent, `quota ${quota}`).toBeLessThanOrEqual(Math.max(0, quota - 3));
    }
  });
});

describe("the hourly dispatcher in draft mode", () => {
  it("drafts only for the user the trigger runs as, once a day after the digest", () => {
    const h = open({ user: "wang@example.com" });
    h.call("menuInstallTriggers");
    h.fireTrigger("triggerDispatch");
    expect(h.fake.drafts.map((d) => [d.mailbox, d.to])).toEqual([
      ["wang@example.com", "w1@client.example.com"],
    ]);
    h.fireTrigger("triggerDispatch");
    expect(h.fake.calls["Gmail.Users.Drafts.create"]).toBe(1);
  });
});

describe("spreadsheet calls", () => {
  /** The workbook with `extra` more due tier-C clients of li, each with an address. */
  function bigger(extra: number): Sheets {
    const sheets = workbook([["templates.perDay", "1500"]]);
    for (let i = 0; i < extra; i++) {
      sheets["客户"].push([`X${i}`, `客户 ${i}`, "li@example.com", `x${i}@client.example.com`, "C"]);
      sheets["沟通记录"].push([{ date: "2026-10-01" }, `X${i}`, "li@example.com", "邮件", "", ""]);
    }
    return sheets;
  }

  it("makes the same spreadsheet calls for 3 drafts and for 503 (but room in the grid): one read per table, one append per log", () => {
    const counts = [0, 500].map((extra) => {
      const h = loadBundle({
        seed: { timeZone: "Asia/Shanghai", now: MORNING, sheets: bigger(extra), user: "li@example.com" },
      });
      h.fake.resetCalls();
      h.call("menuPrepareEmails");
      expect(h.fake.calls["Gmail.Users.Drafts.create"]).toBe(3 + extra);
      // A longer append may first make room in the grid: at most once per sheet appended to.
      expect(h.fake.gridCalls()).toBeLessThanOrEqual(2);
      return h.fake.spreadsheetCalls() - h.fake.gridCalls();
    });
    expect(counts[1]).toBe(counts[0]);
  });
});

describe("replies detected in Gmail (templates.detectReplies)", () => {
  const DETECT: [string, string][] = [["templates.detectReplies", "on"]];
  /** First run on 27 Nov drafts C1–C3; C1 writes back on 2 Dec; the next run is on 29 Dec. */
  function twoRuns(h: GasHandle): void {
    h.call("menuPrepareEmails");
    expect(h.fake.calls["Gmail.Users.Messages.list"] ?? 0).toBe(0);
    h.fake.incoming.push(
      { from: "Buyer <BUYER@yunqi.example.com>", at: "2026-12-02T03:00:00Z" },
      { from: "someone@else.example.com", at: "2026-12-03T03:00:00Z" },
    );
    h.fake.setNow("2026-12-29T00:30:00Z");
    h.fake.resetCalls();
    h.call("menuPrepareEmails");
  }

  it("stops the next message of a client who wrote back, with one Interactions row and one search", () => {
    const h = open({}, DETECT);
    twoRuns(h);
    expect(h.fake.calls["Gmail.Users.Messages.list"]).toBe(1);
    expect(h.fake.calls["Gmail.Users.Drafts.create"]).toBe(2);
    expect(h.fake.drafts.slice(3).map((d) => d.to)).toEqual([
      "info@haina.example.com",
      "c3@client.example.com",
    ]);
    const replies = interactions(h).filter((r) => r[5] === "在 Gmail 中检测到回复");
    expect(replies).toEqual([
      [{ date: "2026-12-29" }, "C1", "li@example.com", "邮件", "是", "在 Gmail 中检测到回复"],
    ]);
    const summary = shown(h);
    expect(summary).toContain("在 Gmail 中检测到 1 位客户回复（C1）");
    // The next run finds the reply logged: no second row, no search for C1.
    h.fake.resetCalls();
    h.call("menuPrepareEmails");
    expect(interactions(h).filter((r) => r[5] === "在 Gmail 中检测到回复")).toHaveLength(1);
  });

  it("never searches the mailbox when detection is off", () => {
    const h = open();
    twoRuns(h);
    expect(h.fake.calls["Gmail.Users.Messages.list"] ?? 0).toBe(0);
    expect(h.fake.calls["Gmail.Users.Drafts.create"]).toBe(3);
    expect(interactions(h).filter((r) => r[5] === "在 Gmail 中检测到回复")).toEqual([]);
  });

  it("goes on without detection, and says so, when the gmail.readonly scope is not granted", () => {
    const h = open({ gmailReadonly: false }, DETECT);
    twoRuns(h);
    expect(h.fake.calls["Gmail.Users.Drafts.create"]).toBe(3);
    expect(shown(h)).toContain("无法在 Gmail 中检测回复");
  });
});
