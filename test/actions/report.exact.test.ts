/**
 * The report's money figures on the sample workbook (the demo's: zh-CN, 150 clients, as of
 * 2026-11-27, October 2026) against an independent exact computation: BigInt cents read from the
 * raw sample cells, fractional amounts kept as rationals, each figure rounded once half away
 * from zero. Every amount must agree to the cent.
 */
import { describe, expect, it } from "vitest";
import { generateReport } from "../../src/actions/report";
import { calDate, type CalDate } from "../../src/core/dates";
import { isDateCell, type Cell } from "../../src/ports";
import { DEFAULT_PROBABILITY, type Stage } from "../../src/workbook/codes";
import { generateSample } from "../../src/workbook/sample";
import { TABLES, headerName, type TableKey } from "../../src/workbook/schema";
import { testEnv } from "../helpers/env";

const asOf = calDate(2026, 11, 27);
const sample = generateSample({ language: "zh-CN", asOf });

type Row = Record<string, Cell>;

function table(key: TableKey): Row[] {
  const sheet = sample.sheets.find((s) => s.table === key);
  if (!sheet) throw new Error(`no ${key}`);
  const keys = sheet.rows[0].map(
    (h) => TABLES[key].columns.find((c) => headerName(c, "zh-CN") === h)?.key ?? "?",
  );
  return sheet.rows.slice(1).map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null])));
}

/** A decimal cell as an exact rational (the decimal it prints as). */
function decimal(cell: Cell): { num: bigint; den: bigint } {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(cell));
  if (!m) throw new Error(`not a plain decimal: ${String(cell)}`);
  const fraction = m[2] ?? "";
  return { num: BigInt(m[1] + fraction), den: 10n ** BigInt(fraction.length) };
}

/** Cents of an amount cell (yuan with at most two decimals in the sample). */
function cents(cell: Cell): bigint {
  if (cell === null) return 0n;
  const d = decimal(cell);
  const c = d.num * 100n;
  if (c % d.den !== 0n) throw new Error(`more than two decimals: ${String(cell)}`);
  return c / d.den;
}

/** num ÷ den rounded half away from zero, in yuan as the JSON gives it. */
function yuan(num: bigint, den = 1n): number {
  const negative = num < 0n !== den < 0n;
  const [a, b] = [num < 0n ? -num : num, den < 0n ? -den : den];
  let q = a / b;
  if ((a % b) * 2n >= b) q += 1n;
  return Number(negative ? -q : q) / 100;
}

const day = (cell: Cell): CalDate | null => (isDateCell(cell) ? cell.date : null);
const code = (key: TableKey, column: string, cell: Cell): string | null =>
  cell === null
    ? null
    : (TABLES[key].columns.find((c) => c.key === column)?.codes?.match(String(cell)) ?? null);

const octStart = calDate(2026, 10, 1);
const octEnd = calDate(2026, 10, 31);
const inOctober = (d: CalDate | null) => d !== null && d >= octStart && d <= octEnd;

describe("report figures on the sample agree with an exact computation to the cent", () => {
  const sheets: Record<string, Cell[][]> = {};
  for (const s of sample.sheets) sheets[s.name] = s.rows;
  const result = generateReport(testEnv(sheets), { month: { year: 2026, month: 10 }, asOf });
  const json = result.data;
  const deals = table("deals");

  it("won, contracts signed, collected and receivables overdue: exact sums of cents", () => {
    const won = deals
      .filter((d) => code("deals", "stage", d.stage) === "won" && inOctober(day(d.closedOn)))
      .reduce((n, d) => n + cents(d.amount), 0n);
    expect(won).toBeGreaterThan(0n);
    expect(json.team.won).toBe(yuan(won));
    const signed = table("contracts")
      .filter((c) => inOctober(day(c.signedOn)))
      .reduce((n, c) => n + cents(c.value), 0n);
    expect(json.contractsSigned.value).toBe(yuan(signed));
    const payments = table("payments");
    const collected = payments
      .filter((p) => inOctober(day(p.paidOn)))
      .reduce((n, p) => n + cents(p.amountPaid), 0n);
    expect(json.collected).toBe(yuan(collected));
    let overdue = 0n;
    for (const p of payments) {
      const due = day(p.due) as CalDate;
      if (due > octEnd) continue;
      const paidOn = day(p.paidOn);
      const paid = paidOn === null || paidOn <= octEnd ? cents(p.amountPaid) : 0n;
      if (cents(p.amountDue) > paid) overdue += cents(p.amountDue) - paid;
    }
    expect(json.receivablesOverdue.total).toBe(yuan(overdue));
  });

  /** Σ amount × probability of open deals, exactly, over a common denominator of 10^12. */
  const weighted = (keep: (d: Row) => boolean): bigint => {
    const den = 10n ** 12n;
    let num = 0n;
    for (const d of deals) {
      const stage = code("deals", "stage", d.stage) as Stage;
      if (stage === "won" || stage === "lost" || !keep(d)) continue;
      const p = decimal(d.probability ?? DEFAULT_PROBABILITY[stage]);
      num += (cents(d.amount) * p.num * den) / p.den;
    }
    return num;
  };
  const DEN = 10n ** 12n;

  it("the weighted pipeline of each stage and in total, rounded once", () => {
    for (const line of json.pipeline) {
      const exact = weighted((d) => code("deals", "stage", d.stage) === line.stage);
      expect(line.weighted).toBe(yuan(exact, DEN));
    }
    const total = weighted(() => true);
    expect(total).toBeGreaterThan(0n);
    expect(result.model.pipelineTotal.weighted / 100).toBe(yuan(total, DEN));
  });

  it("targets: the ALL year row of ¥94,000,000 gives October, QTD and YTD as exact shares", () => {
    const team = table("targets").find((t) => ["ALL", "全部"].includes(String(t.owner)) && t.period === 2026);
    const year = cents(team?.target ?? null);
    expect(year).toBe(9_400_000_000n);
    const toMonth = (k: bigint) => yuan(year * k, 12n); // the year to month k, rounded once
    expect(json.team.ytdTarget).toBe(toMonth(10n));
    expect(json.team.ytdTarget).toBe(78_333_333.33);
    expect(json.team.target).toBe(Math.round((toMonth(10n) - toMonth(9n)) * 100) / 100);
    expect(json.team.qtdTarget).toBe(json.team.target);
  });

  it("coverage: the weighted pipeline of the months with a target over their exact target", () => {
    const novStart = calDate(2026, 11, 1);
    const decEnd = calDate(2026, 12, 31);
    const exact = weighted((d) => {
      const close = day(d.expectedClose);
      return close !== null && close >= novStart && close <= decEnd;
    });
    const year = 9_400_000_000n;
    // November and December of the ALL row: the year to December minus the year to October.
    const target = year - (year * 10n + 6n) / 12n;
    expect(json.team.coverageMonths).toEqual(["2026-11", "2026-12"]);
    expect(json.team.coverageMonthsWithoutTarget).toEqual(["2027-01"]);
    expect(json.team.coverageTarget).toBe(yuan(target));
    expect(json.team.coverageWeighted).toBe(yuan(exact, DEN));
    expect(json.team.coverage).toBeCloseTo(Number((exact * 10n ** 12n) / (target * DEN)) / 1e12, 12);
  });
});
