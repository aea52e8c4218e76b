/**
 * The light checks the Settings page makes as values are typed: the right kind of text in each
 * field (a number, an address with an @, a date in the workbook's order). They only save a round
 * trip; the server validates every value with the actions' schemas before anything is written.
 */
import type { DateOrder, PageText, SettingField } from "../../api";
import { format } from "../../dom";

const DECIMAL = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** `¥1,500,000` for `150万`, `1500000` or `¥1,500,000`; null when the text is not an amount. */
export function moneyValue(text: string, symbol: string): string | null {
  let bare = text.trim();
  if (symbol !== "" && bare.startsWith(symbol)) bare = bare.slice(symbol.length);
  bare = bare
    .replace(/^[¥￥]/, "")
    .replace(/元$/, "")
    .replace(/,/g, "")
    .trim();
  const unit = /(万|亿)$/.exec(bare);
  if (unit) bare = bare.slice(0, -1).trim();
  if (!/^(\d+(\.\d+)?)$/.test(bare)) return null;
  const [whole, fraction = ""] = bare.split(".");
  const scale = unit === null ? 0 : unit[1] === "万" ? 4 : 8;
  // Scale by moving the decimal point in the text: exact, no binary rounding.
  const digits = (whole + fraction.padEnd(scale, "0")).replace(/^0+(?=\d)/, "");
  const rest = fraction.length > scale ? fraction.slice(scale) : "";
  const cents = rest.replace(/0+$/, "");
  if (cents.length > 2) return null;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${symbol}${grouped}${cents === "" ? "" : `.${cents.padEnd(2, "0")}`}`;
}

const YEAR_FIRST = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?$/;
const YEAR_LAST = /^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}$/;

/** True when some leading words of a holiday entry look like a date of the workbook's order. */
function startsWithDate(entry: string, order: DateOrder): boolean {
  const words = entry.split(/\s+/);
  for (let n = words.length; n > 0; n--) {
    const head = words.slice(0, n).join(" ");
    if (YEAR_FIRST.test(head) || (order !== "YMD" && YEAR_LAST.test(head))) return true;
  }
  return false;
}

/** The problem with what is typed, or null (blank means the default). */
export function lightProblem(
  field: SettingField,
  value: string,
  text: PageText,
  order: DateOrder,
  dateHint: string,
): string | null {
  switch (field.kind) {
    case "money":
      return value === "" || moneyValue(value, field.unit ?? "") !== null
        ? null
        : text["sidebar.settings.expectedNumber"];
    case "percent":
    case "number":
      return value === "" || DECIMAL.test(value.replace(/%$/, ""))
        ? null
        : text["sidebar.settings.expectedNumber"];
    case "integer":
      return value === "" || /^\d+$/.test(value) ? null : text["sidebar.settings.expectedNumber"];
    case "emails": {
      const parts = value
        .split(/[,，;；]/)
        .map((p) => p.trim())
        .filter((p) => p !== "");
      return parts.every((p) => EMAIL.test(p)) ? null : text["sidebar.settings.expectedEmails"];
    }
    case "weekdays":
      return value === "" ? text["sidebar.settings.noWeekday"] : null;
    case "months":
      return value === "" ? text["sidebar.settings.noMonth"] : null;
    case "holidays": {
      const entries = value.split(", ").filter((e) => e !== "");
      const bad = entries.find((entry) => !startsWithDate(entry, order));
      return bad === undefined ? null : format(text["sidebar.settings.expectedDate"], { hint: dateHint });
    }
    default:
      return null;
  }
}
