import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  REMINDER_CHUNK_BYTES,
  REMINDER_STATE_KEY,
  contractReminderProvider,
  digestSendKey,
  loadReminderState,
  planReminders,
  saveReminderState,
  type ReminderClaim,
} from "../../src/actions/contractReminders";
import { DIGEST_PROVIDERS, digestKey, sendDailyDigest } from "../../src/actions/digest";
import { openReminders, reviewContracts } from "../../src/core/contracts";
import { calDate } from "../../src/core/dates";
import { render } from "../../src/i18n";
import type { Cell } from "../../src/ports";
import { d, testEnv, type TestEnv } from "../helpers/env";

const D = calDate(2026, 11, 27);
const providers = [contractReminderProvider];

/** As of 2026-11-27 (notice 90 days): li has a renewal and an overdue instalment; wang a renewal entering tomorrow. */
function workbook(): Record<string, Cell[][]> {
  return {
    Settings: [
      ["Key", "Value"],
      ["language", "en"],
    ],
    Clients: [
      ["Client ID", "Name", "Owner"],
      ["C1", "Acme <b>", "li@example.com"],
      ["C2", "Beta", "wang@example.com"],
      ["C3", "Gamma", ""],
    ],
    Contracts: [
      ["Contract ID", "Client ID", "Value", "Status", "Signed on", "Start", "End"],
      ["K1", "C1", 120000, "active", d("2026-01-05"), d("2026-01-10"), d("2026-12-27")],
      ["K2", "C2", 50000, "active", d("2026-01-05"), d("2026-01-10"), d("2027-02-26")], // enters on 11-28
      ["K3", "C3", 10000, "active", d("2026-01-05"), d("2026-01-10"), d("2026-12-20")], // no owner
    ],
    Payments: [
      ["Contract ID", "Due", "Amount due", "Paid on", "Amount paid"],
      ["K1", d("2026-11-20"), 60000, "", 10000],
      ["K1", d("2026-12-20"), 60000, "", ""],
    ],
  };
}

const digest = (env: TestEnv, asOf: number) => sendDailyDigest(env, { asOf, providers });
const mailTo = (env: TestEnv, from: number) => env.outbox.slice(from).map((m) => m.to.join(","));

describe("contract reminders in the daily digest", () => {
  it("is one of the digest's providers, and checks the digest's Send-log key", () => {
    expect(DIGEST_PROVIDERS).toContain(contractReminderProvider);
    expect(digestSendKey(D, "li@example.com")).toBe(digestKey(D, "li@example.com"));
    expect(digestSendKey(D, "li@example.com")).toBe("digest:2026-11-27:li@example.com");
  });

  it("mails each owner their renewals entering the notice window and their overdue instalments", () => {
    const env = testEnv(workbook(), { today: D });
    const result = digest(env, D);
    expect(mailTo(env, 0)).toEqual(["li@example.com"]);
    const text = env.outbox[0].textBody;
    expect(text).toContain(
      "Contracts entering the renewal window (1)\n- Acme <b> · K1: Value ¥120,000 · Ends 2026-12-27 · Left 30 days",
    );
    expect(text).toContain(
      "Overdue payments (1)\n- Acme <b> · K1: Due 2026-11-20 · Outstanding ¥50,000 · Ageing 1-30 · Overdue 7 days",
    );
    expect(env.outbox[0].htmlBody).toContain("Acme &lt;b&gt; · K1");
    expect(env.outbox[0].htmlBody).not.toContain("Acme <b>");
    expect(result.summary.map((line) => render("en", line))).toContain(
      "1 renewal or overdue-payment reminders have no owner (neither the contract nor its client has one) and were not mailed; see Renewals & receivables.",
    );
  });

  it("announces each item once: the next days mail only what is new", () => {
    const env = testEnv(workbook(), { today: D });
    digest(env, D);
    const before = env.outbox.length;
    digest(env, D + 1); // K2 enters the window; K1's items were announced yesterday
    expect(mailTo(env, before)).toEqual(["wang@example.com"]);
    const after = env.outbox.length;
    for (let day = D + 2; day < D + 7; day++) digest(env, day);
    expect(env.outbox.length).toBe(after);
  });

  it("repeats an item still open 7 days after it was announced, and forgets it once closed", () => {
    const env = testEnv(workbook(), { today: D });
    digest(env, D);
    digest(env, D + 1);
    const before = env.outbox.length;
    digest(env, D + 7);
    expect(mailTo(env, before)).toEqual(["li@example.com"]);
    expect(env.outbox.at(-1)?.textBody).toContain("Overdue 14 days");
    // K1's overdue instalment is paid: it leaves the state, and is not mailed again.
    env.workbook.writeBlock("Payments", 2, 5, [[60000]]);
    const count = env.outbox.length;
    digest(env, D + 14);
    const keys = [...loadReminderState(env.properties).keys()].sort();
    expect(keys).toEqual(["r|2026-12-27|K1", "r|2027-02-26|K2"]);
    expect(mailTo(env, count)).toEqual(["li@example.com", "wang@example.com"]);
  });

  it("announces nothing that could not be mailed: items come again once the quota allows", () => {
    const env = testEnv(workbook(), { today: D, quota: 0 });
    const first = digest(env, D);
    expect(first.data.owners).toEqual([{ owner: "li@example.com", outcome: "no-quota", rows: 2 }]);
    env.quota = 100;
    digest(env, D + 1);
    expect(mailTo(env, 0)).toEqual(["li@example.com", "wang@example.com"]);
    expect(env.outbox[0].textBody).toContain("K1");
  });

  it("claims nothing for an owner whose digest already went out that day", () => {
    const env = testEnv(workbook(), { today: D });
    digest(env, D);
    const state = JSON.stringify([...env.props.entries()]);
    env.workbook.writeBlock("Contracts", 5, 1, [
      ["K4", "C1", 1000, "signed", d("2026-11-01"), d("2026-12-01"), d("2027-01-31")],
    ]);
    digest(env, D);
    expect(env.outbox).toHaveLength(1);
    expect(JSON.stringify([...env.props.entries()])).toBe(state);
    const count = env.outbox.length;
    digest(env, D + 1);
    expect(mailTo(env, count)).toEqual(["li@example.com", "wang@example.com"]);
    expect(env.outbox[count].textBody).toContain("Acme <b> · K4");
    expect(env.outbox[count].textBody).not.toContain("K1");
  });

  it("keeps its state in the documented properties", () => {
    const env = testEnv(workbook(), { today: D });
    digest(env, D);
    expect([...env.props.entries()]).toEqual([
      [
        `${REMINDER_STATE_KEY}.0`,
        '{"o":["li@example.com"],"i":[["r|2026-12-27|K1","2026-11-27",0],["o|2026-11-20|K1","2026-11-27",0]]}',
      ],
      [REMINDER_STATE_KEY, "1"],
    ]);
  });

  it("adds one read of the Send log to the digest and no call per row", () => {
    const calls = (extra: number) => {
      const sheets = workbook();
      for (let i = 0; i < extra; i++) {
        sheets.Contracts.push([
          `X${i}`,
          "C1",
          1000,
          "active",
          d("2026-01-01"),
          d("2026-01-01"),
          { date: D + 1 + (i % 89) },
        ]);
        sheets.Payments.push([`X${i}`, { date: D - 1 - (i % 200) }, 1000, "", ""]);
      }
      const env = testEnv(sheets, { today: D });
      digest(env, D);
      const first = { ...env.workbook.calls };
      digest(env, D + 1);
      const second = Object.fromEntries(
        Object.entries(env.workbook.calls).map(([k, n]) => [k, n - (first[k] ?? 0)]),
      );
      return { first, second };
    };
    const small = calls(0);
    // Settings, Clients, Contracts, Payments; the second day also the Send log, once for the whole
    // digest, and the Data issues sheet (the other actions' rows are kept).
    expect(small).toEqual({
      first: { sheetNames: 2, readSheet: 4, replaceSheet: 2, appendRows: 1 },
      second: { sheetNames: 1, readSheet: 6, replaceSheet: 1, appendRows: 1 },
    });
    expect(calls(600)).toEqual(small);
  });
});

describe("the reminder state", () => {
  it("round-trips through chunks each under the size limit, removing chunks left over", () => {
    const props = new Map<string, string>();
    const port = {
      get: (key: string) => props.get(key) ?? null,
      set: (key: string, value: string) => void props.set(key, value),
      remove: (key: string) => void props.delete(key),
    };
    const state = new Map<string, ReminderClaim>();
    for (let i = 0; i < 900; i++)
      state.set(`o|2026-11-01|合同-${i}`, { date: D - (i % 10), owner: `owner${i % 7}@example.com` });
    saveReminderState(port, state);
    const chunks = Number(props.get(REMINDER_STATE_KEY));
    expect(chunks).toBeGreaterThan(3);
    for (let i = 0; i < chunks; i++) {
      expect(Buffer.byteLength(props.get(`${REMINDER_STATE_KEY}.${i}`) ?? "", "utf8")).toBeLessThanOrEqual(
        REMINDER_CHUNK_BYTES,
      );
    }
    expect(loadReminderState(port)).toEqual(state);
    saveReminderState(port, new Map([["r|2026-12-01|K", { date: D, owner: "a@b.com" }]]));
    expect([...props.keys()].sort()).toEqual([REMINDER_STATE_KEY, `${REMINDER_STATE_KEY}.0`]);
  });

  it("reads a damaged state as empty rather than failing", () => {
    const props = new Map([
      [REMINDER_STATE_KEY, "2"],
      [`${REMINDER_STATE_KEY}.0`, "{not json"],
      [`${REMINDER_STATE_KEY}.1`, '{"o":["a@b.com"],"i":[["r|2026-12-01|K","2026-11-27",0],["bad"]]}'],
    ]);
    const port = { get: (key: string) => props.get(key) ?? null, set: () => {}, remove: () => {} };
    expect(loadReminderState(port)).toEqual(new Map([["r|2026-12-01|K", { date: D, owner: "a@b.com" }]]));
  });

  it("never announces an item to its owner twice within 7 days, and never leaves an open item unannounced for more (property)", () => {
    const review = reviewContracts({
      contracts: [0, 1, 2, 3].map((i) => ({
        row: i + 2,
        contractId: `K${i}`,
        clientId: "C1",
        dealId: null,
        owner: i % 2 === 0 ? "a@x.com" : "b@x.com",
        value: 100,
        status: "active" as const,
        signedOn: D - 300,
        start: D - 300,
        end: D + 40 + i,
      })),
      payments: [0, 1, 2].map((i) => ({
        row: i + 2,
        contractId: `K${i}`,
        due: D - 5 - i,
        amountDue: 100,
        paidOn: null,
        amountPaid: 0,
      })),
      clients: [{ clientId: "C1", name: "Acme", owner: null, tier: null }],
      asOf: D,
      noticeDays: 90,
    });
    const open = openReminders(review);
    // A run of days, each day's mail for each owner either sent or not.
    fc.assert(
      fc.property(
        fc.array(fc.record({ skip: fc.nat({ max: 3 }), sentA: fc.boolean(), sentB: fc.boolean() }), {
          minLength: 1,
          maxLength: 25,
        }),
        (days) => {
          let state = new Map<string, ReminderClaim>();
          const sent = new Set<string>();
          const delivered = new Map<string, number[]>();
          let day = D;
          for (const step of days) {
            day += step.skip;
            const plan = planReminders(open, state, sent, day);
            for (const [owner, items] of plan.byOwner) {
              const ok = owner === "a@x.com" ? step.sentA : step.sentB;
              if (!ok) continue;
              sent.add(`digest:${new Date(day * 86_400_000).toISOString().slice(0, 10)}:${owner}`);
              for (const item of [...items.renewals, ...items.overdue])
                delivered.set(item.key, [...(delivered.get(item.key) ?? []), day]);
            }
            state = plan.nextState;
            for (const owner of ["a@x.com", "b@x.com"]) {
              const mailed = owner === "a@x.com" ? step.sentA : step.sentB;
              if (plan.byOwner.has(owner) && !mailed) continue;
              for (const item of open) {
                if ((item.kind === "renewal" ? item.renewal.owner : item.instalment.owner) !== owner)
                  continue;
                expect(day - (delivered.get(item.key)?.at(-1) ?? -Infinity)).toBeLessThan(7);
              }
            }
          }
          for (const dates of delivered.values()) {
            for (let i = 1; i < dates.length; i++) expect(dates[i] - dates[i - 1]).toBeGreaterThanOrEqual(7);
          }
        },
      ),
    );
  });
});
