import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  agendasByOwner,
  buildContactPlan,
  comparePlanRows,
  countsByOwner,
  nextWorkingDay,
  responseRates,
  workingCalendar,
  type ContactRules,
  type ContactTier,
  type PlanClient,
  type PlanInteraction,
  type PlanRow,
} from "../../src/core/contacts";
import { addDays, formatIsoDate, parseIsoDate, weekday, type CalDate } from "../../src/core/dates";

const day = (iso: string): CalDate => parseIsoDate(iso) as CalDate;
const iso = (date: CalDate | null): string | null => (date === null ? null : formatIsoDate(date));

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

const client = (clientId: string, tier: ContactTier | null, extra: Partial<PlanClient> = {}): PlanClient => ({
  clientId,
  name: `Client ${clientId}`,
  active: true,
  tier,
  owner: "li@example.com",
  preferredChannel: null,
  ...extra,
});

const contact = (clientId: string, date: string, extra: Partial<PlanInteraction> = {}): PlanInteraction => ({
  clientId,
  date: day(date),
  channel: "phone",
  responded: null,
  ...extra,
});

/** The one plan row of a single client, as ISO dates. */
function planOne(c: PlanClient, interactions: PlanInteraction[], asOf: string, rules: ContactRules = RULES) {
  const [row] = buildContactPlan([c], interactions, rules, day(asOf));
  return { ...row, lastContact: iso(row.lastContact), nextDue: iso(row.nextDue) };
}

describe("the contact plan at the edges of rules.md §2", () => {
  // 2026-11-27 is a Friday.
  it("is due today when the last contact was exactly one interval ago", () => {
    const row = planOne(client("C1", "A"), [contact("C1", "2026-11-20")], "2026-11-27");
    expect(row).toMatchObject({
      lastContact: "2026-11-20",
      nextDue: "2026-11-27",
      status: "due",
      daysOverdue: 0,
    });
  });

  it("is overdue by one day when the last contact was one interval and a day ago", () => {
    const row = planOne(client("C1", "A"), [contact("C1", "2026-11-19")], "2026-11-27");
    expect(row).toMatchObject({ nextDue: "2026-11-26", status: "overdue", daysOverdue: 1 });
  });

  it("moves a due date that falls on a Saturday to the Monday", () => {
    const row = planOne(client("C1", "A"), [contact("C1", "2026-11-21")], "2026-11-27");
    expect(row).toMatchObject({ nextDue: "2026-11-30", status: "upcoming", daysOverdue: 0 });
    expect(weekday(day("2026-11-28"))).toBe(6);
  });

  it("moves a due date that falls on a holiday to the next working day", () => {
    const rules = { ...RULES, holidays: [day("2026-11-25")] };
    const row = planOne(client("C1", "A"), [contact("C1", "2026-11-18")], "2026-11-27", rules);
    expect(row).toMatchObject({ nextDue: "2026-11-26", status: "overdue", daysOverdue: 1 });
  });

  it("skips a holiday that runs into a weekend and the weekend after it", () => {
    // National Day week: holidays Thu 1 Oct … Wed 7 Oct 2026 with the weekend inside.
    const holidays = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"].map(day);
    const rules = { ...RULES, holidays };
    const row = planOne(client("C1", "A"), [contact("C1", "2026-09-24")], "2026-09-30", rules);
    expect(row).toMatchObject({ nextDue: "2026-10-08", status: "upcoming" });
    const friday = planOne(client("C2", "A"), [contact("C2", "2026-11-20")], "2026-11-26", {
      ...RULES,
      holidays: [day("2026-11-27"), day("2026-11-30")],
    });
    expect(friday).toMatchObject({ nextDue: "2026-12-01", status: "upcoming" });
  });

  it("is due today for a client never contacted when today is a working day", () => {
    const row = planOne(client("C1", "B"), [], "2026-11-27");
    expect(row).toMatchObject({ lastContact: null, nextDue: "2026-11-27", status: "due", daysOverdue: 0 });
  });

  it("is due on Monday for a client never contacted when today is a Saturday", () => {
    const row = planOne(client("C1", "B"), [], "2026-11-28");
    expect(row).toMatchObject({ lastContact: null, nextDue: "2026-11-30", status: "upcoming" });
  });

  it("counts days overdue in calendar days, weekends included", () => {
    // B: 2026-10-30 + 15 = Sat 14 Nov → Mon 16 Nov; as of Fri 27 Nov that is 11 days.
    const row = planOne(client("C1", "B"), [contact("C1", "2026-10-30")], "2026-11-27");
    expect(row).toMatchObject({ nextDue: "2026-11-16", status: "overdue", daysOverdue: 11 });
  });

  it("takes the latest contact on or before today, of any channel, and ignores future-dated ones", () => {
    const interactions = [
      contact("C1", "2026-11-02", { channel: "visit" }),
      contact("C1", "2026-11-10", { channel: null }),
      contact("C1", "2026-12-01", { channel: "visit" }),
      contact("C1", "2026-11-05", { channel: "email" }),
    ];
    const row = planOne(client("C1", "C"), interactions, "2026-11-27");
    expect(row).toMatchObject({ lastContact: "2026-11-10", nextDue: "2026-12-10", status: "upcoming" });
  });

  it("uses the preferred channel over the tier's, and the C cadence for a client without a tier", () => {
    const preferred = planOne(client("C1", "A", { preferredChannel: "video" }), [], "2026-11-27");
    expect(preferred).toMatchObject({ channel: "video", intervalDays: 7, tier: "A" });
    const untiered = planOne(client("C2", null), [contact("C2", "2026-10-28")], "2026-11-27");
    expect(untiered).toMatchObject({
      tier: null,
      channel: "email",
      intervalDays: 30,
      nextDue: "2026-11-27",
      status: "due",
    });
  });

  it("takes working days from the rules (a Saturday may be a working day)", () => {
    const rules = { ...RULES, workingDays: [1, 2, 3, 4, 5, 6] };
    const row = planOne(client("C1", "A"), [contact("C1", "2026-11-21")], "2026-11-27", rules);
    expect(row.nextDue).toBe("2026-11-28");
  });

  it("leaves inactive clients out of the plan", () => {
    const plan = buildContactPlan(
      [client("C1", "A"), client("C2", "A", { active: false })],
      [],
      RULES,
      day("2026-11-27"),
    );
    expect(plan.map((r) => r.clientId)).toEqual(["C1"]);
  });
});

describe("the plan around daylight-saving change days (America/New_York changes on 8 Mar and 1 Nov 2026)", () => {
  it("moves a due date on the autumn change Sunday to Monday and counts whole days after it", () => {
    const c = client("C1", "A");
    const interactions = [contact("C1", "2026-10-25")];
    expect(planOne(c, interactions, "2026-10-31")).toMatchObject({
      nextDue: "2026-11-02",
      status: "upcoming",
    });
    expect(planOne(c, interactions, "2026-11-01")).toMatchObject({
      nextDue: "2026-11-02",
      status: "upcoming",
    });
    expect(planOne(c, interactions, "2026-11-02")).toMatchObject({ nextDue: "2026-11-02", status: "due" });
    expect(planOne(c, interactions, "2026-11-03")).toMatchObject({ status: "overdue", daysOverdue: 1 });
  });

  it("counts days overdue across the spring change without losing or gaining a day", () => {
    const c = client("C1", "A");
    const interactions = [contact("C1", "2026-02-26")]; // + 7 = Thu 5 Mar
    const overdue = ["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"].map(
      (asOf) => planOne(c, interactions, asOf).daysOverdue,
    );
    expect(overdue).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("the order of the plan", () => {
  it("lists overdue (most days first), then due, then upcoming (earliest first), then Client ID as plain strings", () => {
    const clients = ["b", "a", "B", "c", "d", "e", "f", "g"].map((id) => client(id, "A"));
    const interactions = [
      contact("b", "2026-11-20"), // due
      contact("a", "2026-11-20"), // due
      contact("B", "2026-11-10"), // overdue: 17 → Tue 17 Nov, 10 days
      contact("c", "2026-11-18"), // overdue: Wed 25 Nov, 2 days
      contact("d", "2026-11-18"), // overdue: 2 days
      contact("e", "2026-11-26"), // upcoming Thu 3 Dec
      contact("f", "2026-11-23"), // upcoming Mon 30 Nov
      // g: never contacted → due today
    ];
    const plan = buildContactPlan(clients, interactions, RULES, day("2026-11-27"));
    expect(plan.map((r) => `${r.clientId}:${r.status}:${r.daysOverdue}:${iso(r.nextDue)}`)).toEqual([
      "B:overdue:10:2026-11-17",
      "c:overdue:2:2026-11-25",
      "d:overdue:2:2026-11-25",
      "a:due:0:2026-11-27",
      "b:due:0:2026-11-27",
      "g:due:0:2026-11-27",
      "f:upcoming:0:2026-11-30",
      "e:upcoming:0:2026-12-03",
    ]);
  });
});

describe("channel response rates", () => {
  it("rates yes over yes-or-no in the window, leaving unknown responses and blank channels out", () => {
    const tiers = new Map<string, ContactTier | null>([
      ["A1", "A"],
      ["C1", "C"],
      ["X", null],
    ]);
    const interactions = [
      contact("A1", "2026-11-27", { channel: "visit", responded: "yes" }),
      contact("A1", "2026-08-30", { channel: "visit", responded: "no" }), // asOf − 89: in
      contact("A1", "2026-08-29", { channel: "visit", responded: "yes" }), // asOf − 90: out
      contact("A1", "2026-11-28", { channel: "visit", responded: "yes" }), // future: out
      contact("A1", "2026-11-20", { channel: "visit", responded: null }), // unknown: not rated
      contact("C1", "2026-11-01", { channel: "email", responded: "no" }),
      contact("C1", "2026-11-02", { channel: "email", responded: "no" }),
      contact("C1", "2026-11-03", { channel: null, responded: "yes" }), // blank channel: not rated
      contact("X", "2026-11-04", { channel: "email", responded: "yes" }), // no tier: in the total only
    ];
    const rates = responseRates(interactions, tiers, day("2026-11-27"), 90);
    expect(rates.all).toEqual([
      { channel: "visit", responded: 1, answered: 2, rate: 0.5 },
      { channel: "phone", responded: 0, answered: 0, rate: null },
      { channel: "video", responded: 0, answered: 0, rate: null },
      { channel: "email", responded: 1, answered: 3, rate: 1 / 3 },
      { channel: "online", responded: 0, answered: 0, rate: null },
    ]);
    expect(rates.byTier.A[0]).toEqual({ channel: "visit", responded: 1, answered: 2, rate: 0.5 });
    expect(rates.byTier.C[3]).toEqual({ channel: "email", responded: 0, answered: 2, rate: 0 });
    expect(rates.byTier.B.every((r) => r.answered === 0 && r.rate === null)).toBe(true);
  });
});

describe("owners", () => {
  const plan = buildContactPlan(
    [
      client("C1", "A", { owner: "wang@example.com" }),
      client("C2", "A", { owner: "li@example.com" }),
      client("C3", "A", { owner: null }),
      client("C4", "A", { owner: "li@example.com" }),
      client("C5", "C", { owner: "li@example.com" }),
    ],
    [
      contact("C1", "2026-11-01"),
      contact("C2", "2026-11-23"),
      contact("C4", "2026-11-27"),
      contact("C5", "2026-11-27"),
    ],
    RULES,
    day("2026-11-27"),
  );

  it("counts overdue, due and upcoming per owner, clients without an owner last", () => {
    expect(countsByOwner(plan)).toEqual([
      { owner: "li@example.com", overdue: 0, due: 0, upcoming: 3 },
      { owner: "wang@example.com", overdue: 1, due: 0, upcoming: 0 },
      { owner: null, overdue: 0, due: 1, upcoming: 0 },
    ]);
  });

  it("builds each owner's agenda: due now, and upcoming in the next seven days only", () => {
    const agendas = agendasByOwner(plan, day("2026-11-27"), 7);
    expect(
      agendas.map((a) => [a.owner, a.dueNow.map((r) => r.clientId), a.nextDays.map((r) => r.clientId)]),
    ).toEqual([
      ["li@example.com", [], ["C2", "C4"]],
      ["wang@example.com", ["C1"], []],
    ]);
  });
});

describe("properties of the plan", () => {
  const tierArb = fc.constantFrom<ContactTier | null>("A", "B", "C", null);
  const clientsArb = fc.uniqueArray(
    fc.record({
      clientId: fc.string({ minLength: 1, maxLength: 4 }),
      active: fc.boolean(),
      tier: tierArb,
    }),
    { selector: (c) => c.clientId, maxLength: 30 },
  );
  const base = day("2026-06-01");
  const scenario = fc
    .record({
      clients: clientsArb,
      contacts: fc.array(fc.record({ pick: fc.nat(), offset: fc.integer({ min: -120, max: 20 }) }), {
        maxLength: 80,
      }),
      asOfOffset: fc.integer({ min: 0, max: 30 }),
      workingDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
      holidayOffsets: fc.uniqueArray(fc.integer({ min: -60, max: 60 }), { maxLength: 15 }),
    })
    .map((s) => {
      const asOf = base + s.asOfOffset;
      const clients = s.clients.map((c) => client(c.clientId, c.tier, { active: c.active }));
      const interactions =
        clients.length === 0
          ? []
          : s.contacts.map((p) =>
              contact(clients[p.pick % clients.length].clientId, formatIsoDate(asOf + p.offset)),
            );
      const rules: ContactRules = {
        ...RULES,
        workingDays: s.workingDays,
        holidays: s.holidayOffsets.map((o) => asOf + o),
      };
      return { asOf, clients, interactions, rules };
    });

  it("has exactly one row per active client", () => {
    fc.assert(
      fc.property(scenario, ({ asOf, clients, interactions, rules }) => {
        const plan = buildContactPlan(clients, interactions, rules, asOf);
        const active = clients.filter((c) => c.active).map((c) => c.clientId);
        expect(plan.map((r) => r.clientId).sort()).toEqual([...active].sort());
      }),
    );
  });

  it("puts every next due on the first allowed day on or after its candidate, with a consistent status", () => {
    fc.assert(
      fc.property(scenario, ({ asOf, clients, interactions, rules }) => {
        const calendar = workingCalendar(rules.workingDays, rules.holidays);
        const allowed = (d: CalDate) => rules.workingDays.includes(weekday(d)) && !rules.holidays.includes(d);
        for (const row of buildContactPlan(clients, interactions, rules, asOf)) {
          const candidate = row.lastContact === null ? asOf : row.lastContact + row.intervalDays;
          expect(row.lastContact === null || row.lastContact <= asOf).toBe(true);
          expect(allowed(row.nextDue)).toBe(true);
          for (let d = candidate; d < row.nextDue; d = addDays(d, 1)) expect(allowed(d)).toBe(false);
          expect(nextWorkingDay(candidate, calendar)).toBe(row.nextDue);
          expect(row.status).toBe(row.nextDue < asOf ? "overdue" : row.nextDue === asOf ? "due" : "upcoming");
          expect(row.daysOverdue).toBe(row.status === "overdue" ? asOf - row.nextDue : 0);
        }
      }),
    );
  });

  it("is sorted, and sorting it again changes nothing", () => {
    fc.assert(
      fc.property(scenario, ({ asOf, clients, interactions, rules }) => {
        const plan = buildContactPlan(clients, interactions, rules, asOf);
        for (let i = 1; i < plan.length; i++) expect(comparePlanRows(plan[i - 1], plan[i])).toBeLessThan(0);
        const reversed: PlanRow[] = buildContactPlan(
          [...clients].reverse(),
          [...interactions].reverse(),
          rules,
          asOf,
        );
        expect(reversed).toEqual(plan);
      }),
    );
  });

  it("never moves a next due earlier when a later contact is added", () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 30 }),
        ({ asOf, clients, interactions, rules }, back) => {
          const active = clients.filter((c) => c.active);
          if (active.length === 0) return;
          const before = new Map(
            buildContactPlan(clients, interactions, rules, asOf).map((r) => [r.clientId, r]),
          );
          const target = active[0].clientId;
          const added = [...interactions, contact(target, formatIsoDate(asOf - back))];
          const after = buildContactPlan(clients, added, rules, asOf).find(
            (r) => r.clientId === target,
          ) as PlanRow;
          const prior = before.get(target) as PlanRow;
          if (prior.lastContact !== null) expect(after.nextDue).toBeGreaterThanOrEqual(prior.nextDue);
          expect(after.lastContact).toBe(Math.max(prior.lastContact ?? -Infinity, asOf - back));
        },
      ),
    );
  });
});
