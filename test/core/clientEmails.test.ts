import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  automatedHistory,
  cycleKey,
  dailyBudget,
  detectReplies,
  replyCandidates,
  replyQueries,
  senderAddress,
  selectDueEmails,
  sendingOrder,
  spreadOverDays,
  type EmailInteraction,
  type EmailRecipient,
} from "../../src/core/clientEmails";
import {
  buildContactPlan,
  type ContactRules,
  type PlanClient,
  type PlanInteraction,
  type PlanRow,
} from "../../src/core/contacts";
import { addDays, formatIsoDate, parseIsoDate, type CalDate } from "../../src/core/dates";

const day = (iso: string): CalDate => parseIsoDate(iso) as CalDate;
// 2026-11-27 is a Friday.
const ASOF = day("2026-11-27");
const RULES: ContactRules = {
  cadence: {
    A: { channel: "visit", intervalDays: 7 },
    B: { channel: "phone", intervalDays: 15 },
    C: { channel: "email", intervalDays: 30 },
  },
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
  responseWindowDays: 90,
};

function client(clientId: string, extra: Partial<PlanClient> = {}): PlanClient {
  return {
    clientId,
    name: clientId,
    active: true,
    tier: "C",
    owner: "li@example.com",
    preferredChannel: null,
    ...extra,
  };
}

function contact(clientId: string, date: string, extra: Partial<EmailInteraction> = {}): EmailInteraction {
  return { clientId, date: day(date), responded: null, automated: false, ...extra };
}

function addresses(ids: readonly string[]): Map<string, EmailRecipient> {
  return new Map(ids.map((id) => [id, { clientId: id, email: `${id.toLowerCase()}@client.example.com` }]));
}

function planOf(clients: readonly PlanClient[], interactions: readonly EmailInteraction[], asOf = ASOF) {
  const plain: PlanInteraction[] = interactions.map((i) => ({
    clientId: i.clientId,
    date: i.date,
    channel: "email",
    responded: i.responded,
  }));
  return buildContactPlan(clients, plain, RULES, asOf);
}

describe("automatedHistory", () => {
  it("takes the latest automated e-mail and sees an answer on it or any contact logged on or after it", () => {
    const history = automatedHistory([
      contact("C1", "2026-09-01", { automated: true }),
      contact("C1", "2026-10-01", { automated: true }),
      contact("C2", "2026-10-01", { automated: true }),
      contact("C2", "2026-10-03"),
      contact("C3", "2026-10-01", { automated: true, responded: "yes" }),
      contact("C4", "2026-10-01", { automated: true }),
      contact("C4", "2026-09-20"),
    ]);
    expect(Object.fromEntries(history)).toEqual({
      C1: { lastAutomated: day("2026-10-01"), answered: false },
      C2: { lastAutomated: day("2026-10-01"), answered: true },
      C3: { lastAutomated: day("2026-10-01"), answered: true },
      C4: { lastAutomated: day("2026-10-01"), answered: false },
    });
  });
});

describe("selectDueEmails", () => {
  it("picks due tier-C e-mail contacts once, and says why the others get none", () => {
    const clients = [
      client("C1"),
      client("C2"),
      client("C3", { owner: null }),
      client("C4"),
      client("C5", { tier: "B" }),
      client("C6", { preferredChannel: "phone" }),
      client("C7"),
      client("C8"),
    ];
    const interactions = [
      contact("C1", "2026-10-20"), // due 2026-11-19: overdue
      contact("C2", "2026-11-10"), // due 2026-12-10: upcoming
      contact("C7", "2026-10-12", { automated: true }),
      contact("C7", "2026-10-14"), // answered → the owner's
      contact("C8", "2026-10-01", { automated: true }),
    ];
    const plan = planOf(clients, interactions);
    const emails = addresses(["C1", "C2", "C3", "C5", "C6", "C7", "C8"]);
    const selection = selectDueEmails(plan, emails, automatedHistory(interactions), new Set());
    expect(selection.due.map((d) => [d.row.clientId, d.key, d.email])).toEqual([
      ["C8", "email:C8:2026-11-02", "c8@client.example.com"], // 2026-10-31 + 30 days is a Saturday
      ["C1", "email:C1:2026-11-19", "c1@client.example.com"],
    ]);
    expect(selection.skipped.map((s) => [s.row.clientId, s.reason])).toEqual([
      ["C7", "answered"],
      ["C3", "noOwner"],
      ["C4", "noEmail"],
    ]);
  });

  it("skips a cycle already sent or drafted", () => {
    const plan = planOf([client("C1")], [contact("C1", "2026-10-20")]);
    const selection = selectDueEmails(
      plan,
      addresses(["C1"]),
      new Map(),
      new Set([cycleKey("C1", day("2026-11-19"))]),
    );
    expect(selection.due).toEqual([]);
    expect(selection.done).toBe(1);
  });

  it("never gives a client two messages in one cycle, however often it runs (property)", () => {
    const arb = fc.record({
      clients: fc.integer({ min: 1, max: 12 }),
      contacts: fc.array(
        fc.record({ c: fc.integer({ min: 0, max: 11 }), d: fc.integer({ min: 0, max: 120 }) }),
        {
          maxLength: 30,
        },
      ),
      runs: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 12 }),
      // Whether the Interactions row of a message was written (the Send log alone must hold the line).
      recorded: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ clients, contacts, runs, recorded }) => {
        const ids = Array.from({ length: clients }, (_, i) => `C${i}`);
        const interactions: EmailInteraction[] = contacts
          .filter((x) => x.c < clients)
          .map((x) => ({
            clientId: `C${x.c}`,
            date: addDays(day("2026-07-01"), x.d),
            responded: null,
            automated: false,
          }));
        const done = new Set<string>();
        const sent: string[] = [];
        let asOf = day("2026-11-02");
        for (const step of [...runs].sort((a, b) => a - b)) {
          const today = Math.max(asOf, addDays(day("2026-11-02"), step));
          asOf = today;
          const plan = planOf(
            ids.map((id) => client(id)),
            interactions,
            today,
          );
          const selection = selectDueEmails(plan, addresses(ids), automatedHistory(interactions), done);
          const clientsToday = selection.due.map((d) => d.row.clientId);
          expect(new Set(clientsToday).size).toBe(clientsToday.length);
          for (const d of selection.due) {
            expect(done.has(d.key)).toBe(false);
            done.add(d.key);
            sent.push(d.key);
            if (recorded)
              interactions.push({ clientId: d.row.clientId, date: today, responded: null, automated: true });
          }
        }
        expect(new Set(sent).size).toBe(sent.length);
        // One message per client and cycle: no two keys of a client share a due date.
        const cycles = sent.map((key) => key.split(":").slice(1).join(":"));
        expect(new Set(cycles).size).toBe(cycles.length);
      }),
    );
  });
});

describe("budget and spreading", () => {
  it("keeps the reserve out of the quota when sending, not when drafting", () => {
    expect(dailyBudget("send", 30, 100, 12)).toBe(30);
    expect(dailyBudget("send", 30, 20, 12)).toBe(8);
    expect(dailyBudget("send", 30, 5, 12)).toBe(0);
    expect(dailyBudget("draft", 30, 5, 12)).toBe(30);
    expect(dailyBudget("send", 30, null, 12)).toBe(30);
  });

  it("spreads what does not fit over the next working days", () => {
    const days = [day("2026-11-27"), day("2026-11-30"), day("2026-12-01"), day("2026-12-02")];
    const spread = spreadOverDays(["a", "b", "c", "d", "e", "f"], 2, 3, days);
    expect(spread.map((s) => `${s.message}@${formatIsoDate(s.day)}`)).toEqual([
      "a@2026-11-27",
      "b@2026-11-27",
      "c@2026-11-30",
      "d@2026-11-30",
      "e@2026-11-30",
      "f@2026-12-01",
    ]);
  });

  it("never plans more a day than its budget (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        (count, quota, reserve, perDay) => {
          const today = dailyBudget("send", perDay, quota, reserve);
          const days = Array.from({ length: count + 2 }, (_, i) => addDays(ASOF, i));
          const spread = spreadOverDays(
            Array.from({ length: count }, (_, i) => i),
            today,
            perDay,
            days,
          );
          const perDate = new Map<CalDate, number>();
          for (const s of spread) perDate.set(s.day, (perDate.get(s.day) ?? 0) + 1);
          expect(perDate.get(ASOF) ?? 0).toBeLessThanOrEqual(Math.max(0, quota - reserve));
          expect(perDate.get(ASOF) ?? 0).toBeLessThanOrEqual(perDay);
          for (const [date, n] of perDate) if (date !== ASOF) expect(n).toBeLessThanOrEqual(perDay);
          expect(spread.map((s) => s.message)).toEqual(Array.from({ length: count }, (_, i) => i));
        },
      ),
    );
  });

  it("sends earlier deferrals first, then the most overdue", () => {
    const row = (clientId: string, nextDue: string) => ({ clientId, nextDue: day(nextDue) }) as PlanRow;
    const messages = [
      { key: "email:C1:2026-11-20", row: row("C1", "2026-11-20") },
      { key: "email:C2:2026-11-02", row: row("C2", "2026-11-02") },
      { key: "email:C3:2026-11-25", row: row("C3", "2026-11-25") },
      { key: "email:C4:2026-11-02", row: row("C4", "2026-11-02") },
    ];
    const order = sendingOrder(messages, new Map([["email:C3:2026-11-25", 0]]));
    expect(order.map((m) => m.row.clientId)).toEqual(["C3", "C2", "C4", "C1"]);
  });
});

describe("replies found in the mailbox", () => {
  const history = new Map([
    ["A1", { lastAutomated: day("2026-11-10"), answered: false }],
    ["A2", { lastAutomated: day("2026-11-20"), answered: false }],
    ["A3", { lastAutomated: day("2026-11-05"), answered: true }],
    ["A4", { lastAutomated: day("2026-11-05"), answered: false }],
  ]);
  const recipients = new Map<string, EmailRecipient>([
    ["A1", { clientId: "A1", email: "One@a.example" }],
    ["A2", { clientId: "A2", email: "two@b.example" }],
    ["A3", { clientId: "A3", email: "three@c.example" }],
    ["A4", { clientId: "A4", email: null }],
  ]);

  it("looks only for unanswered clients with an address, from the day before the earliest message", () => {
    const candidates = replyCandidates(history, recipients);
    expect(candidates.map((c) => c.clientId)).toEqual(["A1", "A2"]);
    expect(replyQueries(candidates)).toEqual(["from:(one@a.example OR two@b.example) after:2026/11/09"]);
    // Chunked when the query would be too long: each chunk from its own earliest day.
    expect(replyQueries(candidates, 40)).toEqual([
      "from:(one@a.example) after:2026/11/09",
      "from:(two@b.example) after:2026/11/19",
    ]);
    expect(replyQueries([])).toEqual([]);
  });

  it("counts a message from the client's address on or after its last automated e-mail", () => {
    const candidates = replyCandidates(history, recipients);
    // A1 wrote on 10 Nov (the day of its message: a reply); A2 wrote on 19 Nov (before its message).
    const found = detectReplies(candidates, [
      { from: "Ms One <ONE@a.example>", date: day("2026-11-10") },
      { from: "two@b.example", date: day("2026-11-19") },
      { from: "three@c.example", date: day("2026-11-25") },
    ]);
    expect(found.map((c) => c.clientId)).toEqual(["A1"]);
    expect(
      detectReplies(candidates, [{ from: "two@b.example", date: day("2026-11-21") }]).map((c) => c.clientId),
    ).toEqual(["A2"]);
    expect(senderAddress(" Name <X@Y.example> ")).toBe("x@y.example");
  });
});
