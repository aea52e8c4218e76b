/**
 * The best guess of a mapping: which of a team's sheets holds a table, and which of its headers
 * holds each column. A name the contract or the synonym lists know (English or Chinese) is a
 * sure match; otherwise the names are compared by a normalised string similarity (bigram Dice,
 * with a bonus when one name contains the other). Columns are assigned best match first, and
 * one header never serves two columns. Pure functions over plain names: the Get started page
 * runs the same code when the user picks another sheet.
 */
import { normalizeName } from "./names";

/** A column (or a table) to guess for: its key and every name it is known by. */
export interface GuessTarget {
  readonly key: string;
  readonly names: readonly string[];
  /** Required targets are served first when two scores tie. */
  readonly required?: boolean;
}

/** Below this similarity a name is no guess at all. */
export const MIN_SIMILARITY = 0.6;

/** A name reduced for comparison: NFKC, case folded, spaces, punctuation and `_-./()（）` removed. */
export function squash(name: string): string {
  return normalizeName(name).replace(/[\s\p{P}\p{S}]+/gu, "");
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Similarity of two names in [0, 1]: 1 when they squash to the same text. */
export function similarity(a: string, b: string): number {
  const x = squash(a);
  const y = squash(b);
  if (x === "" || y === "") return 0;
  if (x === y) return 1;
  const left = bigrams(x);
  const right = new Map<string, number>();
  for (const gram of bigrams(y)) right.set(gram, (right.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of left) {
    const n = right.get(gram) ?? 0;
    if (n > 0) {
      shared++;
      right.set(gram, n - 1);
    }
  }
  const dice = (2 * shared) / (left.length + bigrams(y).length);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // "客户名称" inside "客户名称（全称）": a near match; a two-letter name inside a long one is not.
  const contained = short.length >= 2 && long.includes(short) ? 0.5 + (0.5 * short.length) / long.length : 0;
  return Math.min(0.99, Math.max(dice, contained));
}

/** The best score of a candidate name against a target's names. */
export function score(target: GuessTarget, candidate: string): number {
  let best = 0;
  for (const name of target.names) best = Math.max(best, similarity(name, candidate));
  return best;
}

/**
 * Assigns candidates to targets, best score first (ties: required targets, then target order,
 * then candidate order), each candidate at most once and only at MIN_SIMILARITY or above.
 */
export function assign(
  targets: readonly GuessTarget[],
  candidates: readonly string[],
  taken: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const pairs: { t: number; c: number; s: number }[] = [];
  targets.forEach((target, t) => {
    candidates.forEach((candidate, c) => {
      if (taken.has(candidate)) return;
      const s = score(target, candidate);
      if (s >= MIN_SIMILARITY) pairs.push({ t, c, s });
    });
  });
  const rank = (t: number) => (targets[t].required ? 0 : 1);
  pairs.sort((a, b) => b.s - a.s || rank(a.t) - rank(b.t) || a.t - b.t || a.c - b.c);
  const out = new Map<string, string>();
  const used = new Set<number>();
  for (const { t, c } of pairs) {
    const key = targets[t].key;
    if (out.has(key) || used.has(c)) continue;
    out.set(key, candidates[c]);
    used.add(c);
  }
  return out;
}
