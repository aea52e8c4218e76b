import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectionNeeds, renewalNeeds } from "../../src/core/contactNeeds";
import { scheduleContacts, type ContactNeed, type ScheduleRules } from "../../src/core/contactSchedule";
import {
  workingCalendar,
  type Cadence,
  type ContactChannel,
  type ContactTier,
  type PlanRow,
} from "../../src/core/contacts";
import { addDays, formatIsoDate, parseIsoDate, type CalDate } from "../../src/core/dates";

const day = (iso: string): CalDate => parseIsoDate(iso) as CalDate;
const iso = (date: CalDate | null): string | null => (date === null ? null : formatIsoDate(date));
// 2026-11-27 is a Friday; Mon–Fri are working days.
const ASOF = day("2026-11-27");
const CALENDAR = workingCalendar([1, 2, 3, 4, 5], []);
const CHANNEL_OF: Readonly<Record<ContactTier, ContactChannel>> = { A: "visit", B: "phone", C: "email" };
const CADENCE: Readonly<Record<ContactTier, Cadence>> = {
  A: { channel: "visit", intervalDays: 7 },
  B: { channel: "phone", intervalDays: 15 },
  C: { channel: "email", intervalDays: 30 },
};

function row(
  clientId: string,
  tier: ContactTier | null,
  nextDue: string,
  extra: Partial<PlanRow> = {},
): PlanRow {
  const due = day(nextDue);
  const status = due < ASOF ? "overdue" : due === ASOF ? "due" : "upcoming";
  return {
    clientId,
    name: clientId,
    tier,
    owner: "li@example.com",
    channel: CHANNEL_OF[tier ?? "C"],
    intervalDays: CADENCE[tier ?? "C"].intervalDays,
    lastContact: null,
    nextDue: due,
    status,
    daysOverdue: status === "overdue" ? ASOF - due : 0,
    ...extra,
  };
}

const RULES: ScheduleRules = {
  capacityPerDay: 4,
  weights: { visit: 3, phone: 1, video: 2, email: 1, online: 1 },
  minGapDays: 0,
  horizonDays: 3,
};

function planned(plan: PlanRow[], rules: ScheduleRules = RULES, needs: ContactNeed[] = []) {
  const schedule = scheduleContacts(plan, needs, rules, CALENDAR, ASOF);
  return Object.fromEntries(
    schedule.contacts.map((c) => [c.clientId, c.unplanned ?? iso(c.plannedOn)] as const),
  );
}

describe("the capacity-aware schedule (hand-computed)", () => {
  it("fills each owner's days tier A first, then the most overdue, and lists what does not fit", () => {
    // Capacity 4 points a day over Fri 27, Mon 30 and Tue 1; a visit costs 3, a call or e-mail 1.
    const plan = [
      row("A1", "A", "2026-11-25"), // A first, most overdue: Fri (3)
      row("A2", "A", "2026-11-27"), // Fri is 3 + 3 > 4: Mon (3)
      row("A3", "A", "2026-11-27"), // Fri and Mon full for a visit: Tue (3)
      row("B1", "B", "2026-11-20"), // Fri 3 + 1 = 4
      row("C1", "C", "2026-11-10"), // Fri full: Mon 3 + 1 = 4
      row("C4", "C", "2026-11-26"), // Fri, Mon full: Tue 3 + 1 = 4
      row("C5", "C", "2026-11-26"), // every day full
      row("C2", "C", "2026-12-15"), // not due in the horizon
      row("C3", "C", "2026-11-20", { owner: null }),
      row("W1", "B", "2026-11-27", { owner: "wang@example.com" }), // another owner's day
    ];
    expect(planned(plan)).toEqual({
      A1: "2026-11-27",
      A2: "2026-11-30",
      A3: "2026-12-01",
      B1: "2026-11-27",
      C1: "2026-11-30",
      C4: "2026-12-01",
      C5: "capacity",
      C2: null,
      C3: "noOwner",
      W1: "2026-11-27",
    });
  });

  it("never plans a contact heavier than a day's capacity", () => {
    expect(planned([row("A1", "A", "2026-11-27")], { ...RULES, capacityPerDay: 2 })).toEqual({
      A1: "tooHeavy",
    });
  });

  it("without a capacity plans every due contact on its first possible working day", () => {
    const plan = [
      row("A1", "A", "2026-11-20"),
      row("C1", "C", "2026-12-01"),
      row("C3", "C", "2026-11-20", { owner: null }),
    ];
    expect(planned(plan, { ...RULES, capacityPerDay: null })).toEqual({
      A1: "2026-11-27",
      C1: "2026-12-01",
      C3: "2026-11-27",
    });
  });

  it("keeps the shortest gap after the last contact, and says so when the horizon ends first", () => {
    const collection: ContactNeed = {
      clientId: "B1",
      purpose: "collection",
      due: day("2026-11-27"),
      detail: { kind: "collection", daysOverdue: 75, intervalDays: 7 },
    };
    const plan = [row("B1", "B", "2026-12-11", { lastContact: day("2026-11-26") })];
    // Wed 26 + 3 days = Sat 29: the first working day after is Mon 30.
    expect(planned(plan, { ...RULES, minGapDays: 3 }, [collection])).toEqual({ B1: "2026-11-30" });
    expect(planned(plan, { ...RULES, minGapDays: 3, horizonDays: 1 }, [collection])).toEqual({ B1: "gap" });
    const schedule = scheduleContacts(plan, [collection], { ...RULES, minGapDays: 3 }, CALENDAR, ASOF);
    expect(schedule.contacts[0].purposes).toEqual(["collection"]);
    expect(iso(schedule.contacts[0].due)).toBe("2026-11-27");
  });

  it("starts the horizon on the next working day when today is a weekend", () => {
    const saturday = day("2026-11-28");
    const schedule = scheduleContacts([row("A1", "A", "2026-11-20")], [], RULES, CALENDAR, saturday);
    expect(schedule.days.map(iso)).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(iso(schedule.contacts[0].plannedOn)).toBe("2026-11-30");
  });
});

describe("collection and renewal needs (hand-computed)", () => {
  it("contacts a client 60+ days overdue at the cadence of the tier above, from its last contact", () => {
    const plan = [
      row("B1", "B", "2026-11-25", { lastContact: day("2026-11-10") }),
      row("B2", "B", "2026-11-25", { lastContact: day("2026-11-10") }),
      row("A1", "A", "2026-11-30", { lastContact: day("2026-11-23") }),
      row("N1", null, "2026-11-27"),
    ];
    const needs = collectionNeeds(
      plan,
      [
        { clientId: "B1", daysOverdue: 75 },
        { clientId: "B1", daysOverdue: 20 },
        { clientId: "B2", daysOverdue: 59 },
        { clientId: "A1", daysOverdue: 60 },
        { clientId: "N1", daysOverdue: 91 },
      ],
      CADENCE,
      CALENDAR,
      ASOF,
    );
    expect(needs.map((n) => [n.clientId, iso(n.due), n.detail])).toEqual([
      // Tier B at tier A's 7 days: 10 Nov + 7 = Tue 17 Nov.
      ["B1", "2026-11-17", { kind: "collection", daysOverdue: 75, intervalDays: 7 }],
      // Tier A stays at 7 days: 23 Nov + 7 = Mon 30 Nov.
      ["A1", "2026-11-30", { kind: "collection", daysOverdue: 60, intervalDays: 7 }],
      // No tier counts as C, so B's 15 days; never contacted: today.
      ["N1", "2026-11-27", { kind: "collection", daysOverdue: 91, intervalDays: 15 }],
    ]);
  });

  it("asks for a renewal talk at 90, 60 and 30 days before the End, each settled by a later contact", () => {
    const end = day("2027-01-26"); // −90: 28 Oct, −60: Fri 27 Nov, −30: Sun 27 Dec
    const renewal = [{ clientId: "K1", contractId: "HT-1", end }];
    const needOf = (last: string | null, notice = 90) =>
      renewalNeeds(renewal, new Map(last === null ? [] : [["K1", day(last)]]), notice, CALENDAR).map((n) => [
        iso(n.due),
        n.detail,
      ]);
    expect(needOf(null)).toEqual([["2026-10-28", { kind: "renewal", contractId: "HT-1", daysBefore: 90 }]]);
    expect(needOf("2026-11-01")).toEqual([
      ["2026-11-27", { kind: "renewal", contractId: "HT-1", daysBefore: 60 }],
    ]);
    expect(needOf("2026-11-27")).toEqual([
      ["2026-12-28", { kind: "renewal", contractId: "HT-1", daysBefore: 30 }],
    ]);
    expect(needOf("2026-12-28")).toEqual([]);
    // A notice period of 45 days keeps only the 30-day talk.
    expect(needOf(null, 45)).toEqual([
      ["2026-12-28", { kind: "renewal", contractId: "HT-1", daysBefore: 30 }],
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// Properties

const tierArb = fc.constantFrom<ContactTier | null>("A", "B", "C", null);
const channelArb = fc.constantFrom<ContactChannel>("visit", "phone", "video", "email", "online");
const rowArb = fc.record({
  tier: tierArb,
  owner: fc.constantFrom<string | null>("a@x.cn", "b@x.cn", "c@x.cn", null),
  channel: channelArb,
  dueOffset: fc.integer({ min: -40, max: 25 }),
  lastOffset: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
  needOffset: fc.option(fc.integer({ min: -40, max: 25 }), { nil: null }),
});
const rulesArb = fc.record({
  capacityPerDay: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
  weights: fc.record({
    visit: fc.integer({ min: 1, max: 5 }),
    phone: fc.integer({ min: 1, max: 5 }),
    video: fc.integer({ min: 1, max: 5 }),
    email: fc.integer({ min: 1, max: 5 }),
    online: fc.integer({ min: 1, max: 5 }),
  }),
  minGapDays: fc.integer({ min: 0, max: 10 }),
  horizonDays: fc.integer({ min: 1, max: 12 }),
});

describe("the schedule's invariants (property)", () => {
  it("never exceeds an owner's capacity, plans only inside the horizon and never inside the gap", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), rulesArb, (specs, rules) => {
        const plan = specs.map((s, i) =>
          row(`K${i}`, s.tier, formatIsoDate(addDays(ASOF, s.dueOffset)), {
            owner: s.owner,
            channel: s.channel,
            lastContact: s.lastOffset === null ? null : addDays(ASOF, -s.lastOffset),
          }),
        );
        const needs: ContactNeed[] = specs.flatMap((s, i) =>
          s.needOffset === null
            ? []
            : [
                {
                  clientId: `K${i}`,
                  purpose: "collection" as const,
                  due: addDays(ASOF, s.needOffset),
                  detail: { kind: "collection" as const, daysOverdue: 60, intervalDays: 7 },
                },
              ],
        );
        const schedule = scheduleContacts(plan, needs, rules, CALENDAR, ASOF);
        const horizon = new Set(schedule.days);
        const last = schedule.days[schedule.days.length - 1];
        const used = new Map<string, number>();
        schedule.contacts.forEach((c, i) => {
          const r = plan[i];
          if (c.plannedOn !== null) {
            expect(horizon.has(c.plannedOn)).toBe(true);
            expect(c.plannedOn).toBeGreaterThanOrEqual(c.earliest);
            if (r.lastContact !== null)
              expect(c.plannedOn - r.lastContact).toBeGreaterThanOrEqual(rules.minGapDays);
            const key = `${c.owner}|${c.plannedOn}`;
            used.set(key, (used.get(key) ?? 0) + c.weight);
          }
          // Due inside the horizon: planned or given a reason; beyond it: neither.
          expect(c.plannedOn !== null || c.unplanned !== null).toBe(c.due <= last);
        });
        if (rules.capacityPerDay !== null)
          for (const points of used.values()) expect(points).toBeLessThanOrEqual(rules.capacityPerDay);
      }),
      { numRuns: 300 },
    );
  });

  it("never lowers the cadence of a client in collection below its tier's", () => {
    const intervalArb = fc.integer({ min: 1, max: 60 });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ tier: tierArb, lastOffset: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }) }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        fc.tuple(intervalArb, intervalArb, intervalArb),
        (specs, [a, b, c]) => {
          const cadence: Record<ContactTier, Cadence> = {
            A: { channel: "visit", intervalDays: a },
            B: { channel: "phone", intervalDays: b },
            C: { channel: "email", intervalDays: c },
          };
          const plan = specs.map((s, i) => {
            const interval = cadence[s.tier ?? "C"].intervalDays;
            const last = s.lastOffset === null ? null : addDays(ASOF, -s.lastOffset);
            const nextDue = last === null ? ASOF : addDays(last, interval);
            return row(`K${i}`, s.tier, "2026-11-27", { lastContact: last, intervalDays: interval, nextDue });
          });
          const needs = collectionNeeds(
            plan,
            plan.map((r) => ({ clientId: r.clientId, daysOverdue: 60 })),
            cadence,
            CALENDAR,
            ASOF,
          );
          expect(needs).toHaveLength(plan.length);
          needs.forEach((need, i) => {
            expect(need.detail.kind === "collection" && need.detail.intervalDays).toBeLessThanOrEqual(
              plan[i].intervalDays,
            );
            // The regular next due moved to a working day is never before the collection contact.
            const regular = plan[i].nextDue;
            let working = regular;
            while (!CALENDAR.working[new Date(working * 86400000).getUTCDay()]) working++;
            expect(need.due).toBeLessThanOrEqual(working);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
