/** The number format each written cell gets in Sheets, and the text setValues is given. */
import { describe, expect, it } from "vitest";
import { AUTOMATIC, cellPattern, isDatePattern, PLAIN_TEXT, sheetText } from "../../src/gas/sheetCells";
import { parseIsoDate, type CalDate } from "../../src/core/dates";

const AMOUNT = '"¥"#,##0.00';
const date = { date: parseIsoDate("2026-10-05") as CalDate };

describe("cellPattern", () => {
  it("makes text plain text, whatever the column's format", () => {
    for (const current of [AUTOMATIC, AMOUNT, "yyyy-mm-dd", PLAIN_TEXT])
      for (const text of ["May 5", "Jan 2026", "5月5日", "00123", "TRUE", "2026-10-05"])
        expect(cellPattern(text, current)).toBe(PLAIN_TEXT);
  });

  it("keeps text that starts like a formula or an escape out of plain text, where its apostrophe is documented", () => {
    for (const text of ["=1+1", "+5", "-5", "@x", "'q", "#N/A"]) {
      expect(cellPattern(text, PLAIN_TEXT)).toBe(AUTOMATIC);
      expect(cellPattern(text, AMOUNT)).toBe(AMOUNT);
      expect(sheetText(text)).toBe(`'${text}`);
    }
    expect(sheetText("May 5")).toBe("May 5");
  });

  it("gives dates a date pattern and numbers the column's format unless it is text or a date", () => {
    expect(cellPattern(date, AUTOMATIC)).toBe("yyyy-mm-dd");
    expect(cellPattern(date, "dd/mm/yyyy")).toBe("dd/mm/yyyy");
    expect(cellPattern(date, PLAIN_TEXT)).toBe("yyyy-mm-dd");
    expect(cellPattern(12.5, AMOUNT)).toBe(AMOUNT);
    expect(cellPattern(12.5, PLAIN_TEXT)).toBe(AUTOMATIC);
    expect(cellPattern(12.5, "yyyy-mm-dd")).toBe(AUTOMATIC);
    expect(cellPattern(true, AUTOMATIC)).toBe(AUTOMATIC);
    expect(cellPattern(null, AMOUNT)).toBe(AMOUNT);
    expect(cellPattern("", PLAIN_TEXT)).toBe(PLAIN_TEXT);
  });

  it("tells date patterns from others, ignoring quoted text", () => {
    expect(isDatePattern("yyyy-mm-dd")).toBe(true);
    expect(isDatePattern("d mmm")).toBe(true);
    expect(isDatePattern(AMOUNT)).toBe(false);
    expect(isDatePattern('"day"0')).toBe(false);
  });
});
