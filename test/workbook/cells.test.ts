import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calDate } from "../../src/core/dates";
import {
  displayCell,
  formulaError,
  isBlank,
  parseAmount,
  parseCode,
  parseDate,
  parseEmail,
  parseFraction,
  parseInteger,
  parsePeriod,
  parseTargetOwner,
  parseText,
} from "../../src/workbook/cells";
import { CHANNELS, STAGES, TIERS, YES_NO } from "../../src/workbook/codes";
import { normalizeName } from "../../src/workbook/names";

const value = <T>(p: { ok: boolean; value?: T }) => (p.ok ? p.value : "ERR");
const problem = (p: { ok: boolean; problem?: { key: string } }) => (p.ok ? "OK" : p.problem?.key);

describe("names", () => {
  it("compare after NFKC, trimming of any space and case folding", () => {
    expect(normalizeName("  Client ID\u00a0")).toBe("client id");
    expect(normalizeName("年采购额（手工）")).toBe("年采购额(手工)");
    expect(normalizeName("\u3000客户\u3000")).toBe("客户");
    expect(normalizeName("Client  ID")).not.toBe(normalizeName("Client ID"));
  });
});

describe("parseDate", () => {
  const oct5 = calDate(2026, 10, 5);
  it.each([
    "2026-10-05",
    "2026/10/5",
    "2026.10.05",
    "2026年10月5日",
    "2026年10月05日",
    " 2026-10-05 ",
    "2026-10-05 14:30",
    "２０２６-１０-０５",
  ])("reads %s year first", (text) => expect(value(parseDate(text))).toBe(oct5));
  it("takes date cells as they are", () => expect(value(parseDate({ date: oct5 }))).toBe(oct5));
  it("refuses day-first text unless dateOrder says so", () => {
    expect(problem(parseDate("05/10/2026"))).toBe("issue.ambiguousDate");
    expect(value(parseDate("05/10/2026", "DMY"))).toBe(oct5);
    expect(value(parseDate("10/05/2026", "MDY"))).toBe(oct5);
  });
  it("reports impossible dates and non-dates", () => {
    expect(problem(parseDate("2026-02-30"))).toBe("issue.impossibleDate");
    expect(problem(parseDate("next week"))).toBe("issue.expectedDate");
    expect(problem(parseDate(46_000))).toBe("issue.expectedDate");
    expect(problem(parseDate(true))).toBe("issue.expectedDate");
  });
});

describe("parseAmount", () => {
  it.each([
    [1_200_000, 120_000_000],
    ["1,200,000", 120_000_000],
    ["¥1,200,000", 120_000_000],
    ["￥1,200,000", 120_000_000],
    ["1200000元", 120_000_000],
    ["120万", 120_000_000],
    ["120万元", 120_000_000],
    ["1.2亿", 12_000_000_000],
    ["0.35万", 350_000],
    ["1234.565", 123_457],
    [0.1, 10],
  ] as const)("reads %s", (cell, cents) => expect(value(parseAmount(cell))).toBe(cents));
  it("refuses negative amounts and anything else", () => {
    expect(problem(parseAmount(-5))).toBe("issue.negativeAmount");
    expect(problem(parseAmount("-5"))).toBe("issue.negativeAmount");
    expect(problem(parseAmount("12,34"))).toBe("issue.expectedAmount");
    expect(problem(parseAmount("abc"))).toBe("issue.expectedAmount");
    expect(problem(parseAmount("1万2"))).toBe("issue.expectedAmount");
    expect(problem(parseAmount(true))).toBe("issue.expectedAmount");
  });
  it("converts 万 text exactly for any whole number of yuan (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (yuan) => {
        expect(value(parseAmount(`${yuan}万`))).toBe(yuan * 1_000_000);
        expect(value(parseAmount(yuan.toLocaleString("en-US")))).toBe(yuan * 100);
        expect(value(parseAmount(`¥${yuan}`))).toBe(value(parseAmount(yuan)));
      }),
    );
  });
});

describe("parseFraction", () => {
  it("reads 0.12 and 12% alike", () => {
    expect(value(parseFraction(0.12))).toBe(0.12);
    expect(value(parseFraction("12%"))).toBe(0.12);
    expect(value(parseFraction("-5%"))).toBe(-0.05);
  });
  it("reads a bare probability above 1 as a percentage", () => {
    expect(value(parseFraction(50, { min: 0, max: 1, bareNumbersArePercent: true }))).toBe(0.5);
    expect(value(parseFraction("75", { min: 0, max: 1, bareNumbersArePercent: true }))).toBe(0.75);
    expect(problem(parseFraction(150, { min: 0, max: 1, bareNumbersArePercent: true }))).toBe(
      "issue.fractionOutOfRange",
    );
  });
  it("refuses text that is not a number", () =>
    expect(problem(parseFraction("high"))).toBe("issue.expectedFraction"));
});

describe("codes", () => {
  it("accept the code, the Chinese label and aliases, any case", () => {
    expect(value(parseCode("赢单", STAGES))).toBe("won");
    expect(value(parseCode(" WON ", STAGES))).toBe("won");
    expect(value(parseCode("High", TIERS))).toBe("A");
    expect(value(parseCode("低", TIERS))).toBe("C");
    expect(value(parseCode("面访", CHANNELS))).toBe("visit");
    expect(value(parseCode(true, YES_NO))).toBe("yes");
    expect(value(parseCode("否", YES_NO))).toBe("no");
    expect(value(parseCode("n", YES_NO))).toBe("no");
    expect(problem(parseCode("maybe", YES_NO))).toBe("issue.unknownCode");
    expect(problem(parseCode(true, STAGES))).toBe("issue.unknownCode");
  });
  it("every code and label of every list reads back as its code (property)", () => {
    for (const list of [STAGES, TIERS, CHANNELS, YES_NO]) {
      for (const def of list.codes) {
        for (const spelling of [def.code, def.zh, def.en, def.code.toUpperCase()]) {
          expect(value(parseCode(spelling, list))).toBe(def.code);
        }
      }
    }
  });
});

describe("other cells", () => {
  it("e-mails are lower-cased and checked", () => {
    expect(value(parseEmail(" Li.Na@Example.com "))).toBe("li.na@example.com");
    expect(problem(parseEmail("li.na"))).toBe("issue.expectedEmail");
    expect(problem(parseEmail(12))).toBe("issue.expectedEmail");
  });
  it("target owners are e-mails or ALL", () => {
    expect(value(parseTargetOwner("全部"))).toBe("ALL");
    expect(value(parseTargetOwner("all"))).toBe("ALL");
    expect(value(parseTargetOwner("a@b.co"))).toBe("a@b.co");
  });
  it("periods are years, quarters and months", () => {
    expect(value(parsePeriod(2026))).toEqual({ kind: "year", year: 2026 });
    expect(value(parsePeriod("2026-q4"))).toEqual({ kind: "quarter", year: 2026, quarter: 4 });
    expect(value(parsePeriod("2026-10"))).toEqual({ kind: "month", year: 2026, month: 10 });
    expect(value(parsePeriod({ date: calDate(2026, 10, 1) }))).toEqual({
      kind: "month",
      year: 2026,
      month: 10,
    });
    expect(problem(parsePeriod("2026-13"))).toBe("issue.expectedPeriod");
  });
  it("satisfaction is a whole number from 1 to 5", () => {
    expect(value(parseInteger("4", 1, 5))).toBe(4);
    expect(problem(parseInteger(4.5, 1, 5))).toBe("issue.expectedInteger");
    expect(problem(parseInteger(6, 1, 5))).toBe("issue.expectedInteger");
  });
  it("formula errors are recognised in any column", () => {
    expect(formulaError("#N/A")).toBe("#N/A");
    expect(formulaError(" #ref! ")).toBe("#REF!");
    expect(formulaError("#hashtag")).toBeNull();
  });
  it("a 10,000-character cell is refused with a clear problem and shown cut", () => {
    const long = "x".repeat(10_000);
    expect(problem(parseText(long))).toBe("issue.textTooLong");
    expect(displayCell(long)).toHaveLength(78);
  });
  it("blank means null, empty or white space", () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(" \u00a0")).toBe(true);
    expect(isBlank(0)).toBe(false);
  });
});

describe("parsers never throw (property)", () => {
  const anyCell = fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.integer({ min: -100_000, max: 100_000 }).map((date) => ({ date })),
    fc.constantFrom("#N/A", "=1+1", "+1", "-1", "@x", "120万", "1.2亿", "2026-02-30"),
  );
  it("for any cell", () => {
    fc.assert(
      fc.property(anyCell, (cell) => {
        for (const parse of [
          () => parseDate(cell),
          () => parseAmount(cell),
          () => parseFraction(cell),
          () => parseEmail(cell),
          () => parsePeriod(cell),
          () => parseCode(cell, STAGES),
          () => parseText(cell),
        ]) {
          const result = parse();
          expect(typeof result.ok).toBe("boolean");
        }
        const amount = parseAmount(cell);
        if (amount.ok) expect(Number.isInteger(amount.value) && amount.value >= 0).toBe(true);
      }),
    );
  });
});
