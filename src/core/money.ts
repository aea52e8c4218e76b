/**
 * Money in core: amounts are whole cents held in a JavaScript number (exact up to ±9·10^15
 * cents, far beyond any account). Sums and comparisons stay exact; conversion to yuan happens
 * only when a figure leaves core (JSON, sheets, reports).
 */

/** An amount in cents (integer). */
export type Cents = number;

/** Rounds a decimal amount to whole cents (half away from zero). */
export function toCents(amount: number): Cents {
  const scaled = amount * 100;
  const rounded = Math.round(Math.abs(scaled) + 1e-7) * Math.sign(scaled);
  return rounded === 0 ? 0 : rounded;
}

/** Cents back to a decimal amount with at most two decimals. */
export function fromCents(cents: Cents): number {
  return cents / 100;
}

/** Formats cents with thousands separators: `¥1,240,000` (symbol by currency code). */
export function formatMoney(cents: Cents, currency: string): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const symbol = CURRENCY_SYMBOLS[currency.toUpperCase()] ?? `${currency.toUpperCase()} `;
  const text = fraction === 0 ? grouped : `${grouped}.${String(fraction).padStart(2, "0")}`;
  return `${negative ? "-" : ""}${symbol}${text}`;
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  CNY: "¥",
  RMB: "¥",
  JPY: "¥",
  USD: "$",
  EUR: "€",
  GBP: "£",
  HKD: "HK$",
};

/** Formats a fraction as a percentage with up to one decimal: 0.153 → `15.3%`. */
export function formatPercent(fraction: number): string {
  const value = Math.round(fraction * 1000) / 10;
  return `${value}%`;
}
