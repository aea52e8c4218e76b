/** Number format patterns of the tool's columns, the same in Google Sheets and in .xlsx files. */
import type { NumberFormatKind } from "../ports";

export const DATE_PATTERN = "yyyy-mm-dd";

export function numberPattern(kind: NumberFormatKind, currency = "CNY"): string {
  switch (kind) {
    case "date":
      return DATE_PATTERN;
    case "amount":
      return currency === "CNY" ? '"¥"#,##0.00' : "#,##0.00";
    case "percent":
      return "0.0%";
    case "integer":
      return "0";
    case "text":
      return "@";
  }
}
