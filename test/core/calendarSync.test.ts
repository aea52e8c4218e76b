import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  diffCalendar,
  eventEnd,
  planKey,
  plannedVisits,
  type FoundEvent,
  type WantedEvent,
} from "../../src/core/calendarSync";
import type { ScheduledContact } from "../../src/core/contactSchedule";
import type { PlanRow } from "../../src/core/contacts";
import { formatIsoDate, parseIsoDate, type CalDate } from "../../src/core/dates";
import { fingerprint } from "../../src/core/fingerprint";

const day = (iso: string): CalDate => parseIsoDate(iso) as CalDate;

function row(clientId: string, extra: Partial<PlanRow> = {}): PlanRow {
  return {
    clientId,
    name: clientId,
    tier: "A",
    owner: "li@example.com",
    channel: "visit",
    intervalDays: 7,
    lastContact: day("2026-11-18"),
    nextDue: day("2026-11-25"),
    status: "overdue",
    daysOverdue: 2,
    ...extra,
  };
}

function contact(r: PlanRow, plannedOn: string | null): ScheduledContact {
  return {
    clientId: r.clientId,
    owner: r.owner,
    earliest: r.nextDue,
    due: r.nextDue,
    weight: 3,
    purposes: ["regular"],
    needs: [],
    plannedOn: plannedOn === null ? null : day(plannedOn),
    unplanned: null,
  };
}

describe("plan keys and planned visits", () => {
  it("names a planned contact by its client and the last contact it follows", () => {
    expect(planKey(row("C001"))).toBe("C001#2026-11-18");
    expect(planKey(row("C002", { lastContact: null }))).toBe("C002#new");
  });

  it("takes the planned visits of opted-in owners only, owners compared in lower case", () => {
    const plan = [
      row("V1", { owner: "Li@Example.com" }),
      row("P1", { channel: "phone" }),
      row("U1"),
      row("W1", { owner: "wang@example.com" }),
      row("N1", { owner: null }),
    ];
    const contacts = [
      contact(plan[0], "2026-11-30"),
      contact(plan[1], "2026-11-27"),
      contact(plan[2], null),
      contact(plan[3], "2026-11-27"),
      contact(plan[4], "2026-11-27"),
    ];
    const visits = plannedVisits(plan, contacts, new Set(["li@example.com"]));
    expect(visits.map((v) => [v.key, v.owner, formatIsoDate(v.date)])).toEqual([
      ["V1#2026-11-18", "li@example.com", "2026-11-30"],
    ]);
  });

  it("ends an all-day event the next day and a timed one after its minutes, across midnight", () => {
    expect(eventEnd({ kind: "allDay", date: day("2026-11-30") })).toEqual({
      date: day("2026-12-01"),
      minute: 0,
    });
    const late = {
      kind: "timed",
      date: day("2026-11-30"),
      startMinute: 23 * 60,
      minutes: 90,
      timeZone: "UTC",
    } as const;
    expect(eventEnd(late)).toEqual({ date: day("2026-12-01"), minute: 30 });
  });

  it("fingerprints equal text equally and different text differently", () => {
    expect(fingerprint("面访：杭州云启")).toBe(fingerprint("面访：杭州云启"));
    expect(fingerprint("a")).not.toBe(fingerprint("b"));
    expect(fingerprint("")).toBe("811c9dc5");
  });
});

describe("the calendar diff", () => {
  const w = (key: string, stamp = "s1"): WantedEvent => ({ key, stamp });
  const f = (id: string, key: string, stamp = "s1"): FoundEvent => ({ id, key, stamp });

  it("creates what is planned and missing, moves what changed, removes what is no longer planned", () => {
    const diff = diffCalendar(
      [w("A#1"), w("B#1", "s2"), w("C#1")],
      [f("e1", "B#1"), f("e2", "C#1"), f("e3", "D#1")],
      new Map([
        ["B#1", "e1"],
        ["C#1", "e2"],
        ["D#1", "e3"],
      ]),
    );
    expect(diff.create).toEqual([w("A#1")]);
    expect(diff.move).toEqual([{ id: "e1", event: w("B#1", "s2") }]);
    expect(diff.remove).toEqual([f("e3", "D#1")]);
    expect(diff.dismissed).toEqual([]);
    expect([...diff.known]).toEqual([
      ["B#1", "e1"],
      ["C#1", "e2"],
    ]);
  });

  it("leaves a planned event the owner deleted by hand deleted, and remembers it", () => {
    const diff = diffCalendar([w("A#1")], [], new Map([["A#1", "gone"]]));
    expect(diff.create).toEqual([]);
    expect(diff.dismissed).toEqual(["A#1"]);
    expect([...diff.known]).toEqual([["A#1", "gone"]]);
  });

  it("keeps one event per key: the one it created, and removes the duplicates", () => {
    const diff = diffCalendar(
      [w("A#1")],
      [f("e9", "A#1"), f("e5", "A#1"), f("e7", "A#1", "old")],
      new Map([["A#1", "e7"]]),
    );
    expect(diff.move).toEqual([{ id: "e7", event: w("A#1") }]);
    expect(diff.remove.map((e) => e.id)).toEqual(["e9", "e5"]);
    // Without a record, the smallest id is kept.
    const unknown = diffCalendar([w("A#1")], [f("e9", "A#1"), f("e5", "A#1")], new Map());
    expect(unknown.remove.map((e) => e.id)).toEqual(["e9"]);
    expect(unknown.move).toEqual([]);
  });

  it("forgets records of keys neither planned nor found", () => {
    const diff = diffCalendar([], [], new Map([["Z#1", "e1"]]));
    expect(diff.known.size).toBe(0);
    expect(diff.remove).toEqual([]);
  });
});

/** A calendar the diff is applied to, as the sync does: ids for created events, stamps patched. */
function apply(
  found: FoundEvent[],
  diff: ReturnType<typeof diffCalendar<WantedEvent>>,
  nextId: () => string,
): { found: FoundEvent[]; known: Map<string, string>; calls: number } {
  const removed = new Set(diff.remove.map((e) => e.id));
  const moved = new Map(diff.move.map((m) => [m.id, m.event.stamp]));
  const out = found
    .filter((e) => !removed.has(e.id))
    .map((e) => (moved.has(e.id) ? { ...e, stamp: moved.get(e.id) as string } : e));
  const known = new Map(diff.known);
  for (const event of diff.create) {
    const id = nextId();
    out.push({ id, key: event.key, stamp: event.stamp });
    known.set(event.key, id);
  }
  return { found: out, known, calls: diff.create.length + diff.move.length + diff.remove.length };
}

describe("the calendar diff, for any plan and calendar", () => {
  const key = fc.constantFrom("A#1", "A#2", "B#1", "C#1", "D#1", "E#new");
  const stamp = fc.constantFrom("s1", "s2", "s3");
  const arbitraries = {
    wanted: fc.array(fc.record({ key, stamp }), { maxLength: 8 }),
    found: fc.array(fc.record({ key, stamp }), { maxLength: 8 }),
    knownKeys: fc.subarray(["A#1", "A#2", "B#1", "C#1", "D#1", "E#new"]),
    deletedByHand: fc.array(fc.nat(), { maxLength: 3 }),
  };

  it("needs no call when applied a second time, and leaves no two events with one key", () => {
    fc.assert(
      fc.property(
        arbitraries.wanted,
        arbitraries.found,
        arbitraries.knownKeys,
        arbitraries.deletedByHand,
        (wanted, foundSeed, knownKeys, deletions) => {
          let n = 0;
          const nextId = () => `n${++n}`;
          let found: FoundEvent[] = foundSeed.map((e, i) => ({ id: `f${i}`, ...e }));
          let known = new Map<string, string>(knownKeys.map((k, i) => [k, `k${i}`]));
          const first = apply(found, diffCalendar(wanted, found, known), nextId);
          ({ found, known } = first);
          const keys = found.map((e) => e.key);
          expect(new Set(keys).size).toBe(keys.length);
          // Every wanted key has its event with the wanted stamp, or was deleted by hand before.
          for (const want of wanted) {
            const event = found.find((e) => e.key === want.key);
            if (event) expect(event.stamp).toBe(wanted.find((x) => x.key === want.key)?.stamp);
            else expect(knownKeys).toContain(want.key);
          }
          const second = apply(found, diffCalendar(wanted, found, known), nextId);
          expect(second.calls).toBe(0);
          // The owner deletes some events by hand: the next run does not bring them back.
          const gone = new Set(deletions.map((i) => found[i % Math.max(1, found.length)]?.id));
          const left = found.filter((e) => !gone.has(e.id));
          const third = diffCalendar(wanted, left, known);
          expect(third.create).toEqual([]);
        },
      ),
    );
  });
});
