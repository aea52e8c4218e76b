/**
 * Money in core, and the one rule every figure follows: **amounts are summed exactly and rounded
 * once, half away from zero, where shown** (or written).
 *
 * - Whole amounts are integer cents held in a JavaScript number (exact up to ±9·10^15 cents, far
 *   beyond any account); their sums and comparisons are exact.
 * - Fractional amounts (an amount × a probability, a share of a target) are never rounded before
 *   they are summed: `ExactSum` keeps them as an exact rational, and gives whole cents once.
 * - A period's amount split into parts (a quarter's target into its months) is split by largest
 *   remainder (`splitCents`), so the parts always sum to exactly the amount typed, and every
 *   running total of them is the exact share rounded once.
 * - Rounding to cents (`roundHalfAway`, `divideCents`, `ExactSum.cents`) is half away from zero, and
 *   happens where a figure leaves core to be shown or written (conversion to yuan: `fromCents`).
 */

/** An amount in cents (integer). */
export type Cents = number;

/** Rounds a number half away from zero to an integer (−2.5 → −3, 2.5 → 3); never gives −0. */
export function roundHalfAway(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

/**
 * Reads a typed decimal amount (yuan) as whole cents, half away from zero. This is reading, not
 * arithmetic: the cell holds a decimal that binary floating point can only approximate, so the
 * nearest decimal with two places is taken (1.005 → 101, 0.1 + 0.2 → 30).
 */
export function toCents(amount: number): Cents {
  const scaled = amount * 100;
  const rounded = Math.round(Math.abs(scaled) + 1e-7) * Math.sign(scaled);
  return rounded === 0 ? 0 : rounded;
}

/** Cents back to a decimal amount with at most two decimals (for JSON and cells). */
export function fromCents(cents: Cents): number {
  return cents / 100;
}

/** A non-negative rational, as BigInts. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** A non-negative number read as the decimal it prints as (0.1 → 1/10, 2 → 2/1, 1e-7 → 1/10^7). */
export function ratio(value: number): Ratio {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!m) throw new RangeError(`Not a non-negative finite number: ${value}`);
  const fraction = m[2] ?? "";
  const exponent = Number(m[3] ?? 0) - fraction.length;
  const digits = BigInt(m[1] + fraction);
  return exponent >= 0
    ? { num: digits * 10n ** BigInt(exponent), den: 1n }
    : { num: digits, den: 10n ** BigInt(-exponent) };
}

/** `num ÷ den` rounded half away from zero (den > 0). */
function roundRatio(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const abs = negative ? -num : num;
  let q = abs / den;
  if ((abs % den) * 2n >= den) q += 1n;
  return negative ? -q : q;
}

/** `cents ÷ parts`, exactly, rounded once to whole cents half away from zero (parts > 0). */
export function divideCents(cents: Cents, parts: number): Cents {
  return Number(roundRatio(BigInt(cents), BigInt(parts)));
}

/**
 * Splits an amount into `parts` whole-cent shares by largest remainder: each share is the exact
 * amount ÷ parts rounded down or up, and the cents left over go to as many shares as there are
 * cents. The remainders are all equal, so the tie is broken to keep every running total exact:
 * the first k shares sum to amount × k ÷ parts rounded once, half away from zero (a year's
 * target to date is the exact share of the months so far). The shares always sum to exactly
 * the amount, and no two differ by more than one cent.
 */
export function splitCents(cents: Cents, parts: number): Cents[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`Not a number of parts: ${parts}`);
  const total = BigInt(cents);
  const den = BigInt(parts);
  const shares: Cents[] = [];
  let before = 0n;
  for (let k = 1n; k <= den; k++) {
    const upTo = roundRatio(total * k, den);
    shares.push(Number(upTo - before));
    before = upTo;
  }
  return shares;
}

/**
 * An exact sum of fractional amounts: each added term is cents × a factor read as a decimal
 * (`ratio`), kept as a rational with no rounding; `cents()` rounds the total once.
 */
export class ExactSum {
  private num = 0n;
  private den = 1n;

  /** Adds `cents × factor` (factor ≥ 0, e.g. a probability); returns this sum. */
  add(cents: Cents, factor = 1): this {
    const f = factor === 1 ? ONE : factorRatio(factor);
    if (this.den % f.den !== 0n) {
      const scale = f.den / gcd(this.den, f.den);
      this.num *= scale;
      this.den *= scale;
    }
    this.num += BigInt(cents) * f.num * (this.den / f.den);
    return this;
  }

  /** Adds another exact sum. */
  addSum(other: ExactSum): this {
    const den = (this.den / gcd(this.den, other.den)) * other.den;
    this.num = this.num * (den / this.den) + other.num * (den / other.den);
    this.den = den;
    return this;
  }

  /** The sum rounded once to whole cents, half away from zero. */
  cents(): Cents {
    return Number(roundRatio(this.num, this.den));
  }

  /** The sum as a number of cents (unrounded, for rates). */
  value(): number {
    return Number(this.num) / Number(this.den);
  }

  /** The exact sum as a rational number of cents (den > 0). */
  exact(): { readonly num: bigint; readonly den: bigint } {
    return { num: this.num, den: this.den };
  }
}

const ONE: Ratio = { num: 1n, den: 1n };

/** Factors repeat (a stage's default probability): each distinct one is read once. */
const factorCache = new Map<number, Ratio>();

function factorRatio(factor: number): Ratio {
  let found = factorCache.get(factor);
  if (found === undefined) {
    found = ratio(factor);
    if (factorCache.size < 10_000) factorCache.set(factor, found);
  }
  return found;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
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

/** Formats a fraction as a percentage with up to one decimal, half away from zero: 0.153 → `15.3%`. */
export function formatPercent(fraction: number): string {
  const value = roundHalfAway(fraction * 1000) / 10;
  return `${value}%`;
}
