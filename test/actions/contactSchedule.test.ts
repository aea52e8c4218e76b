import { describe, expect, it } from "vitest";
import { collectionDigestProvider, escalationDay } from "../../src/actions/collectionDigest";
import { contactDigestProvider } from "../../src/actions/contactDigest";
import { buildContactPlanSheet } from "../../src/actions/contacts";
import { sendDailyDigest } from "../../src/actions/digest";
import { calDate } from "../../src/core/dates";
import type { Cell } from "../../src/ports";
import { d, testEnv } from "../helpers/env";

const ASOF = calDate(2026, 11, 27); // a Friday

/**
 * li has capacity 4 points a day (a visit 3, a call 1) over three working days: two tier A
 * visits, a B call and a C e-mail, all due; wang has one client 75 days behind on an
 * instalment (collection) and one contract ending in 60 days (renewal).
 */
function workbook(settings: Cell[][] = []): Record<string, Cell[][]> {
  const base: Cell[][] = [
    ["language", "en"],
    ["contact.capacityPerDay", "4"],
    ["contact.channelWeights", "visit:3, phone:1, email:1"],
    ["contact.planDays", "3"],
    ["contact.minGapDays", "3"],
  ];
  const replaced = new Set(settings.map((row) => row[0]));
  return {
    Settings: [["Key", "Value"], ...base.filter((row) => !replaced.has(row[0])), ...settings],
    Clients: [
      ["Client ID", "Name", "Owner", "Tier"],
      ["A1", "Alpha", "li@example.com", "A"],
      ["A2", "Apex", "li@example.com", "A"],
      ["B1", "Beta", "li@example.com", "B"],
      ["C1", "Gamma", "li@example.com", "C"],
      ["W1", "Wolf", "wang@example.com", "B"],
      ["W2", "Wren", "wang@example.com", "C"],
    ],
    Interactions: [
      ["Date", "Client ID", "Channel"],
      [d("2026-11-18"), "A1", "visit"], // due 25 Nov, 2 days overdue
      [d("2026-11-20"), "A2", "visit"], // due today
      [d("2026-11-12"), "B1", "phone"], // due today
      [d("2026-10-20"), "C1", "email"], // due 19 Nov, 8 days overdue
      [d("2026-11-16"), "W1", "phone"], // regular due 1 Dec; collection at A's 7 days: 23 Nov
      [d("2026-11-20"), "W2", "email"], // regular due 21 Dec; renewal talk 60 days before End
    ],
    Contracts: [
      ["Contract ID", "Client ID", "Owner", "Value", "Status", "Signed on", "Start", "End"],
      ["HT-1", "W1", "", "100000", "active", d("2026-01-05"), d("2026-01-05"), d("2027-06-30")],
      ["HT-2", "W2", "", "50000", "active", d("2026-01-26"), d("2026-01-27"), d("2027-01-26")],
    ],
    Payments: [
      ["Contract ID", "Due", "Amount due", "Paid on", "Amount paid"],
      ["HT-1", d("2026-09-13"), "30000", "", ""], // 75 days overdue
      ["HT-1", d("2026-08-20"), "20000", d("2026-08-20"), "20000"],
    ],
  };
}

describe("the contact plan's schedule", () => {
  it("writes the planned date, purpose and reason beside the unchanged plan columns", () => {
    const env = testEnv(workbook(), { today: ASOF });
    buildContactPlanSheet(env);
    const sheet = env.workbook.values("Contact plan") ?? [];
    expect(sheet[0].slice(0, 12)).toEqual([
      "Client ID",
      "Name",
      "Tier",
      "Owner",
      "Channel",
      "Last contact",
      "Next due",
      "Status",
      "Days overdue",
      "Planned date",
      "Purpose",
      "Plan note",
    ]);
    const byId = new Map(sheet.slice(1).map((row) => [row[0], row.slice(6, 12)] as const));
    // Tier A first: A1 Fri (3 points), A2 Mon (3); then B1 Fri (4); then C1 Mon (4).
    expect(byId.get("A1")).toEqual([d("2026-11-25"), "Overdue", 2, d("2026-11-27"), "Regular", ""]);
    expect(byId.get("A2")).toEqual([d("2026-11-27"), "Due today", 0, d("2026-11-30"), "Regular", ""]);
    expect(byId.get("B1")).toEqual([d("2026-11-27"), "Due today", 0, d("2026-11-27"), "Regular", ""]);
    expect(byId.get("C1")).toEqual([d("2026-11-19"), "Overdue", 8, d("2026-11-30"), "Regular", ""]);
    // The rules.md figures stay as they are; the collection contact comes earlier, in the plan columns only.
    expect(byId.get("W1")).toEqual([
      d("2026-12-01"),
      "Upcoming",
      0,
      d("2026-11-27"),
      "Collection",
      "instalment 75 days overdue; contact every 7 days until paid",
    ]);
    expect(byId.get("W2")).toEqual([
      d("2026-12-21"),
      "Upcoming",
      0,
      d("2026-11-27"),
      "Renewal",
      "renewal talk 60 days before contract HT-2 ends",
    ]);
  });

  it("lists what does not fit with its reason, in the sheet and the JSON", () => {
    const env = testEnv(workbook([["contact.planDays", "1"]]), { today: ASOF });
    const { data } = buildContactPlanSheet(env);
    expect(data.schedule).toMatchObject({ days: ["2026-11-27"], capacityPerDay: 4, minGapDays: 3 });
    expect(data.schedule.planned.map((p) => [p.clientId, p.plannedOn, p.purposes])).toEqual([
      ["A1", "2026-11-27", ["regular"]],
      ["B1", "2026-11-27", ["regular"]],
      ["W1", "2026-11-27", ["collection"]],
      ["W2", "2026-11-27", ["renewal"]],
    ]);
    expect(data.unplanned).toEqual([
      {
        clientId: "C1",
        owner: "li@example.com",
        due: "2026-11-19",
        purposes: ["regular"],
        reason: "capacity",
        note: "not planned: the owner's capacity (4 points a day) is full for 1 working days",
      },
      {
        clientId: "A2",
        owner: "li@example.com",
        due: "2026-11-27",
        purposes: ["regular"],
        reason: "capacity",
        note: "not planned: the owner's capacity (4 points a day) is full for 1 working days",
      },
    ]);
    expect(data.escalations).toEqual([]);
    // The plan rows of rules.md §2 are exactly as before: no schedule fields among them.
    expect(Object.keys(data.plan[0])).toEqual([
      "clientId",
      "name",
      "tier",
      "owner",
      "channel",
      "lastContact",
      "nextDue",
      "status",
      "daysOverdue",
    ]);
  });

  it("sums up each owner's day when a capacity is set", () => {
    const env = testEnv(workbook(), { today: ASOF });
    const result = buildContactPlanSheet(env);
    const lines = result.summary.filter((m) => m.key.startsWith("plan."));
    expect(lines.map((m) => m.params)).toEqual([
      { days: 3, last: "2026-12-01", planned: 6, today: 4, unplanned: 0 },
      { owner: "li@example.com", planned: 4, today: 2, unplanned: 0 },
      { owner: "wang@example.com", planned: 2, today: 2, unplanned: 0 },
    ]);
  });

  it("without the new settings plans every due contact on its first day and adds no summary line", () => {
    const plain = workbook().Settings.filter((row) => !String(row[0]).startsWith("contact."));
    const env = testEnv({ ...workbook(), Settings: plain }, { today: ASOF });
    const result = buildContactPlanSheet(env);
    expect(result.summary.some((m) => m.key.startsWith("plan."))).toBe(false);
    expect(result.data.unplanned).toEqual([]);
    expect(result.data.schedule.capacityPerDay).toBeNull();
    expect(
      result.data.schedule.planned.filter((p) => p.plannedOn === "2026-11-27").map((p) => p.clientId),
    ).toEqual(["C1", "A1", "A2", "B1", "W1", "W2"]);
  });
});

describe("the digest with a capacity", () => {
  it("shows each owner today's planned list, not every overdue contact at once", () => {
    const env = testEnv(workbook(), { today: ASOF });
    sendDailyDigest(env, { providers: [contactDigestProvider] });
    expect(env.outbox.map((m) => m.to[0])).toEqual(["li@example.com", "wang@example.com"]);
    const li = env.outbox[0].textBody;
    expect(li).toContain(
      [
        "Contacts planned for today (2)",
        "- Alpha · A1: Tier A · Channel Visit · Last contact 2026-11-18 · Purpose Regular",
        "- Beta · B1: Tier B · Channel Phone · Last contact 2026-11-12 · Purpose Regular",
      ].join("\n"),
    );
    expect(li).toContain("Planned in the next 7 days (2)");
    expect(li).toContain(
      "- Apex · A2: Tier A · Channel Visit · Last contact 2026-11-20 · Purpose Regular · Planned 2026-11-30",
    );
    expect(env.outbox[1].textBody).toContain(
      "- Wolf · W1: Tier B · Channel Phone · Last contact 2026-11-16 · Purpose Collection",
    );
  });

  it("lists the next days' contacts by planned day, not in the plan's order", () => {
    const env = testEnv(
      {
        Settings: [
          ["Key", "Value"],
          ["language", "en"],
          ["contact.capacityPerDay", "3"],
          ["contact.channelWeights", "visit:3, email:3"],
          ["contact.planDays", "3"],
        ],
        Clients: [
          ["Client ID", "Name", "Owner", "Tier"],
          ["A1", "Alpha", "li@example.com", "A"],
          ["A2", "Apex", "li@example.com", "A"],
          ["C1", "Gamma", "li@example.com", "C"],
        ],
        Interactions: [
          ["Date", "Client ID", "Channel"],
          [d("2026-11-20"), "A1", "visit"],
          [d("2026-11-20"), "A2", "visit"],
          [d("2026-10-08"), "C1", "email"], // 20 days overdue: first in the plan, planned last
        ],
      },
      { today: ASOF },
    );
    sendDailyDigest(env, { providers: [contactDigestProvider] });
    const body = env.outbox[0].textBody;
    expect(body).toContain(
      [
        "Planned in the next 7 days (2)",
        "- Apex · A2: Tier A · Channel Visit · Last contact 2026-11-20 · Purpose Regular · Planned 2026-11-30",
        "- Gamma · C1: Tier C · Channel E-mail · Last contact 2026-10-08 · Purpose Regular · Planned 2026-12-01",
      ].join("\n"),
    );
  });

  it("without a capacity adds the collection and renewal contacts due by today to the due-now list", () => {
    const plain = workbook().Settings.filter((row) => !String(row[0]).startsWith("contact."));
    const env = testEnv({ ...workbook(), Settings: plain }, { today: ASOF });
    sendDailyDigest(env, { providers: [contactDigestProvider] });
    const wang = env.outbox.find((m) => m.to[0] === "wang@example.com");
    expect(wang?.textBody).toContain(
      [
        "Overdue and due today (2)",
        "- Wolf · W1: Tier B · Channel Phone · Last contact 2026-11-16 · Status Collection",
        "- Wren · W2: Tier C · Channel E-mail · Last contact 2026-11-20 · Status Renewal",
      ].join("\n"),
    );
  });
});

describe("collections told to the manager and to finance", () => {
  const late = (settings: Cell[][]) => {
    const book = workbook(settings);
    // 90 days overdue on 27 Nov.
    book.Payments = [...book.Payments, ["HT-2", d("2026-08-29"), "12000", "", ""]];
    return book;
  };

  it("mails the manager on the 90th day overdue and each seventh day after, listing every 90+ instalment", () => {
    expect([89, 90, 91, 96, 97, 104].map(escalationDay)).toEqual([false, true, false, false, true, true]);
    const env = testEnv(late([["collection.escalateTo", "boss@example.com"]]), { today: ASOF });
    const result = sendDailyDigest(env, { providers: [collectionDigestProvider] });
    expect(env.outbox.map((m) => m.to[0])).toEqual(["boss@example.com"]);
    expect(env.outbox[0].textBody).toContain(
      [
        "Instalments 90 or more days overdue (1)",
        "- Wren · HT-2: Owner wang · Outstanding ¥12,000 · Overdue 90 days",
      ].join("\n"),
    );
    expect(result.data.owners).toEqual([{ owner: "boss@example.com", outcome: "sent", rows: 1 }]);
    // The next day (91 days) the list rides along but is no reason to mail.
    const next = testEnv(late([["collection.escalateTo", "boss@example.com"]]), {
      today: calDate(2026, 11, 28),
    });
    sendDailyDigest(next, { providers: [collectionDigestProvider] });
    expect(next.outbox).toEqual([]);
  });

  it("sends the receivables part to the finance address, most overdue first", () => {
    const env = testEnv(late([["digest.finance", "finance@example.com"]]), { today: ASOF });
    sendDailyDigest(env, { providers: [collectionDigestProvider] });
    expect(env.outbox.map((m) => m.to[0])).toEqual(["finance@example.com"]);
    expect(env.outbox[0].textBody).toContain("- Wren · HT-2: Owner wang · Outstanding");
    expect(env.outbox[0].textBody.indexOf("HT-2")).toBeLessThan(env.outbox[0].textBody.indexOf("HT-1"));
  });

  it("adds nothing when neither setting names anyone", () => {
    const env = testEnv(late([]), { today: ASOF });
    const result = sendDailyDigest(env, { providers: [collectionDigestProvider] });
    expect(env.outbox).toEqual([]);
    expect(result.data.owners).toEqual([]);
  });

  it("tells the owner's Manager from the Team sheet, by name, and the Settings managers only of owners without one", () => {
    const book = late([["collection.escalateTo", "boss@example.com"]]);
    // A third contract of li's, 97 days overdue: li has no manager on the sheet.
    book.Contracts = [
      ...book.Contracts,
      ["HT-3", "A1", "li@example.com", "9000", "active", d("2026-01-05"), d("2026-01-05"), d("2027-06-30")],
    ];
    book.Payments = [...book.Payments, ["HT-3", d("2026-08-22"), "9000", "", ""]];
    book.Team = [
      ["Owner", "Name", "Manager", "Active"],
      ["wang@example.com", "Wang Fang", "Zhao@example.com", "yes"],
      ["li@example.com", "Li Ming", "", "yes"],
    ];
    const env = testEnv(book, { today: ASOF });
    const result = sendDailyDigest(env, { providers: [collectionDigestProvider] });
    expect(env.outbox.map((m) => m.to[0])).toEqual(["boss@example.com", "zhao@example.com"]);
    expect(env.outbox[1].textBody).toContain(
      [
        "Instalments 90 or more days overdue (1)",
        "- Wren · HT-2: Owner Wang Fang · Outstanding ¥12,000 · Overdue 90 days",
      ].join("\n"),
    );
    expect(env.outbox[0].textBody).toContain(
      [
        "Instalments 90 or more days overdue (1)",
        "- Alpha · HT-3: Owner Li Ming · Outstanding ¥9,000 · Overdue 97 days",
      ].join("\n"),
    );
    expect(env.outbox[0].textBody).not.toContain("HT-2");
    expect(result.data.owners.map((o) => o.owner)).toEqual(["boss@example.com", "zhao@example.com"]);
  });

  it("tells a Team manager even with no manager in Settings", () => {
    const book = late([]);
    book.Team = [
      ["Owner", "Name", "Manager", "Active"],
      ["wang@example.com", "", "zhao@example.com", "yes"],
    ];
    const env = testEnv(book, { today: ASOF });
    sendDailyDigest(env, { providers: [collectionDigestProvider] });
    expect(env.outbox.map((m) => m.to[0])).toEqual(["zhao@example.com"]);
    expect(env.outbox[0].textBody).toContain(
      "- Wren · HT-2: Owner wang · Outstanding ¥12,000 · Overdue 90 days",
    );
  });
});
