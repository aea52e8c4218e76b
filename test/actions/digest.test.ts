import { describe, expect, it } from "vitest";
import { contactDigestProvider } from "../../src/actions/contactDigest";
import { DIGEST_PROVIDERS, digestKey, sendDailyDigest, type DigestProvider } from "../../src/actions/digest";
import { renderDigestMail } from "../../src/actions/digestHtml";
import { calDate } from "../../src/core/dates";
import { msg } from "../../src/i18n";
import type { Cell } from "../../src/ports";
import { d, testEnv } from "../helpers/env";

const ASOF = calDate(2026, 11, 27); // a Friday
/** The contact plan's sections alone (other features' providers are tested with their features). */
const CONTACTS_ONLY = { providers: [contactDigestProvider] };

/** li has one overdue and one due-today client; wang only an upcoming one; C9 has no owner. */
function workbook(language: "en" | "zh-CN" = "en"): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", language],
    ],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["C1", "Acme <script>alert(1)</script> & Co", "li@example.com", "A"],
      ["C2", "Beta", "LI@example.com", "B"],
      ["C3", "Gamma", "wang@example.com", "C"],
      ["C4", "Delta", "li@example.com", "A"],
      ["C9", "Orphan", "", "A"],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel"],
      [d("2026-11-18"), "C1", "visit"], // A: due 25 Nov → 2 days overdue
      [d("2026-11-12"), "C2", "phone"], // B: due today
      [d("2026-11-20"), "C3", "email"], // C: due 21 Dec
      [d("2026-11-26"), "C4", "visit"], // A: due Thu 3 Dec, in the next seven days
      [d("2026-11-01"), "C9", "visit"],
    ],
  };
}

describe("the daily digest", () => {
  it("mails each owner with overdue or due-today contacts once, and nobody else", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = sendDailyDigest(env, CONTACTS_ONLY);
    expect(env.outbox.map((m) => m.to)).toEqual([["li@example.com"]]);
    const mail = env.outbox[0];
    expect(mail.subject).toBe("Daily digest 2026-11-27: 2 to follow up");
    expect(result.data).toEqual({
      asOf: "2026-11-27",
      deferred: 0,
      owners: [{ owner: "li@example.com", outcome: "sent", rows: 2 }],
      sent: 1,
    });
    expect(result.summary.map((m) => m.key)).toEqual(["digest.summary.noOwner", "digest.summary.sent"]);
    expect(result.summary[0].params).toEqual({ count: 1 });
  });

  it("lists client, tier, channel, last contact and days overdue (or due today), then the next seven days", () => {
    const env = testEnv(workbook(), { today: ASOF });
    sendDailyDigest(env);
    expect(env.outbox[0].textBody).toBe(
      [
        "li, here is what needs your follow-up on 2026-11-27.",
        [
          "Overdue and due today (2)",
          "- Acme <script>alert(1)</script> & Co · C1: Tier A · Channel Visit · Last contact 2026-11-18 · Status 2 days overdue",
          "- Beta · C2: Tier B · Channel Phone · Last contact 2026-11-12 · Status due today",
        ].join("\n"),
        [
          "Due in the next 7 days (1)",
          "- Delta · C4: Tier A · Channel Visit · Last contact 2026-11-26 · Next due 2026-12-03",
        ].join("\n"),
        "Sent by Account Desk from the data in your workbook, at most once a day.",
      ].join("\n\n"),
    );
  });

  it("escapes every text in the HTML and keeps it readable on a phone", () => {
    const env = testEnv(workbook(), { today: ASOF });
    sendDailyDigest(env);
    const html = env.outbox[0].htmlBody;
    expect(html).not.toContain("<script>");
    expect(html).toContain("Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co · C1");
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("max-width:600px");
    expect(html).not.toMatch(/<style|<link|class=/);
    expect(html).not.toContain("<table");
  });

  it("writes the digest in the workbook language", () => {
    const env = testEnv(workbook("zh-CN"), { today: ASOF });
    sendDailyDigest(env);
    expect(env.outbox[0].subject).toBe("每日提醒 2026-11-27：2 项需处理");
    expect(env.outbox[0].textBody).toContain(
      "- Beta · C2: 等级 B · 渠道 电话 · 最近联系 2026-11-12 · 状态 今日到期",
    );
    expect(env.workbook.values("发送记录")?.[1]).toEqual([
      "2026-11-27 09:00",
      "digest:2026-11-27:li@example.com",
      "li@example.com",
      "sent",
    ]);
  });

  it("sends nothing the second time it fires on the same day", () => {
    const env = testEnv(workbook(), { today: ASOF });
    sendDailyDigest(env);
    const second = sendDailyDigest(env);
    expect(env.outbox).toHaveLength(1);
    expect(second.data.owners).toEqual([{ owner: "li@example.com", outcome: "already-sent", rows: 2 }]);
    expect(second.summary.map((m) => m.key)).toContain("digest.summary.alreadySent");
    expect(env.workbook.values("Send log")).toEqual([
      ["When", "What", "To", "Result"],
      ["2026-11-27 09:00", "digest:2026-11-27:li@example.com", "li@example.com", "sent"],
    ]);
  });

  it("sends nothing, logs the failure and says so when the quota is used up", () => {
    const env = testEnv(workbook(), { today: ASOF, quota: 0 });
    const result = sendDailyDigest(env);
    expect(env.outbox).toEqual([]);
    expect(env.workbook.values("Send log")?.[1]).toEqual([
      "2026-11-27 09:00",
      "digest:2026-11-27:li@example.com",
      "li@example.com",
      "no-quota",
    ]);
    expect(result.summary).toContainEqual(
      msg("digest.summary.notSent", {
        count: 1,
        reason: "today's mail quota is used up",
        owners: "li@example.com",
      }),
    );
    // The next firing with quota again sends it: a failure is not a "sent" entry.
    env.quota = 10;
    sendDailyDigest(env);
    expect(env.outbox.map((m) => m.to[0])).toEqual(["li@example.com"]);
  });

  it("sends while the quota lasts and logs the rest", () => {
    const sheets = workbook();
    sheets.Interactions.push([d("2026-10-01"), "C3", "email"]); // wang: C3 now overdue
    sheets.Interactions.splice(3, 1); // drop the later C3 contact
    const env = testEnv(sheets, { today: ASOF, quota: 1 });
    const result = sendDailyDigest(env);
    expect(result.data.owners).toEqual([
      { owner: "li@example.com", outcome: "sent", rows: 2 },
      { owner: "wang@example.com", outcome: "no-quota", rows: 1 },
    ]);
    expect(
      env.workbook
        .values("Send log")
        ?.slice(1)
        .map((r) => r[3]),
    ).toEqual(["sent", "no-quota"]);
  });

  it("mails nobody when no owner has anything due", () => {
    const env = testEnv(
      {
        Clients: [
          ["Client ID", "Name", "Owner", "Tier"],
          ["C1", "Acme", "li@example.com", "A"],
        ],
        Interactions: [
          ["Date", "Client ID"],
          [d("2026-11-26"), "C1"],
        ],
      },
      { today: ASOF },
    );
    const result = sendDailyDigest(env, CONTACTS_ONLY);
    expect(env.outbox).toEqual([]);
    expect(result.summary.map((m) => m.key)).toEqual(["digest.summary.nothing"]);
    expect(env.workbook.sheetNames()).not.toContain("发送记录");
  });

  it("adds the sections of every provider to the owner's one mail, and mails only for actionable rows", () => {
    const renewals: DigestProvider = {
      label: "action.contracts",
      tables: ["contracts"],
      requires: [],
      sections: ({ asOf }) => [
        {
          owner: "li@example.com",
          title: msg("digest.contacts.dueNow", { count: 1 }),
          columns: [msg("digest.col.client"), msg("digest.col.nextDue")],
          rows: [{ cells: ["Renewal <K1>", `${asOf}`], tone: "due" }],
          actionable: true,
        },
        {
          owner: "zhou@example.com",
          title: msg("digest.contacts.dueNow", { count: 1 }),
          columns: [msg("digest.col.client")],
          rows: [{ cells: ["only context"], tone: "neutral" }],
          actionable: false,
        },
      ],
    };
    const env = testEnv(workbook(), { today: ASOF });
    const result = sendDailyDigest(env, { providers: [contactDigestProvider, renewals] });
    expect(env.outbox.map((m) => m.to[0])).toEqual(["li@example.com"]);
    expect(env.outbox[0].htmlBody).toContain("Renewal &lt;K1&gt;");
    expect(env.outbox[0].subject).toBe("Daily digest 2026-11-27: 3 to follow up");
    expect(result.data.owners).toEqual([{ owner: "li@example.com", outcome: "sent", rows: 3 }]);
  });

  it("leaves out a provider whose sheet is missing and says so", () => {
    const sheets = workbook();
    delete (sheets as Partial<typeof sheets>).Interactions;
    const env = testEnv(sheets, { today: ASOF });
    const result = sendDailyDigest(env, CONTACTS_ONLY);
    expect(env.outbox).toEqual([]);
    expect(result.summary[0]).toEqual(
      msg("digest.summary.skipped", { section: "Contact plan", sheets: "Interactions" }),
    );
  });

  it("makes the same spreadsheet calls for 3 owners and for 300", () => {
    const calls = (owners: number) => {
      const clients: Cell[][] = [["Client ID", "Name", "Owner", "Tier"]];
      for (let i = 0; i < owners * 3; i++)
        clients.push([`C${i}`, `Client ${i}`, `o${i % owners}@example.com`, "A"]);
      const env = testEnv(
        { Clients: clients, Interactions: [["Date", "Client ID"]] },
        { today: ASOF, quota: 1000 },
      );
      sendDailyDigest(env, CONTACTS_ONLY);
      expect(env.outbox).toHaveLength(owners);
      return env.workbook.calls;
    };
    const few = calls(3);
    expect(calls(300)).toEqual(few);
    expect(few).toEqual({ sheetNames: 2, readSheet: 2, replaceSheet: 2, appendRows: 1 });
  });

  it("lists the contact plan's sections first among the providers", () => {
    expect(DIGEST_PROVIDERS[0]).toBe(contactDigestProvider);
  });

  it("uses the send-log key digest:YYYY-MM-DD:owner", () => {
    expect(digestKey(ASOF, "li@example.com")).toBe("digest:2026-11-27:li@example.com");
  });

  it("counts rows beyond those listed", () => {
    const mail = renderDigestMail("en", { address: "li@example.com", name: "Li" }, ASOF, [
      {
        owner: "li@example.com",
        title: msg("digest.contacts.dueNow", { count: 45 }),
        columns: [msg("digest.col.client")],
        rows: [{ cells: ["A"], tone: "overdue" }],
        actionable: true,
        more: 44,
      },
    ]);
    expect(mail.subject).toBe("Daily digest 2026-11-27: 45 to follow up");
    expect(mail.htmlBody).toContain("44 more not listed; see the workbook.");
  });

  it("greets the owner by the Team sheet's name, and by the address's name without one", () => {
    const book = workbook("zh-CN");
    book["团队"] = [
      ["负责人", "姓名", "上级", "在职"],
      ["LI@example.com", "李明 <b>", "", "是"],
    ];
    const env = testEnv(book, { today: ASOF });
    sendDailyDigest(env, CONTACTS_ONLY);
    expect(env.outbox.map((m) => m.to)).toEqual([["li@example.com"]]);
    expect(env.outbox[0].textBody.split("\n")[0]).toBe("李明 <b>，以下是 2026-11-27 需要您跟进的事项。");
    expect(env.outbox[0].htmlBody).toContain("李明 &lt;b&gt;，以下是 2026-11-27 需要您跟进的事项。");
    expect(env.outbox[0].htmlBody).not.toContain("li@example.com");

    const plain = testEnv(workbook("zh-CN"), { today: ASOF });
    sendDailyDigest(plain, CONTACTS_ONLY);
    expect(plain.outbox[0].textBody.split("\n")[0]).toBe("li，以下是 2026-11-27 需要您跟进的事项。");
  });
});
