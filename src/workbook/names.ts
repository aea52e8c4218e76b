/**
 * How names in a workbook are compared: sheet names, headers, codes and industries match
 * after Unicode NFKC normalisation (full-width forms become ASCII), trimming of surrounding
 * white space of any kind (NBSP and the ideographic space included) and case folding.
 * Inner spaces count.
 */

const EDGE_SPACE =
  /^[\s\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+$/g;

const PLAIN_ASCII = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

export function normalizeName(text: string): string {
  // Fast path: printable ASCII with no edge spaces is already in NFKC form.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text.normalize("NFKC").replace(EDGE_SPACE, "").toLowerCase();
}

/** Trims white space of any kind from both ends, keeping the text otherwise as written. */
export function trimAll(text: string): string {
  if (text.length === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  // Fast path: visible ASCII at both ends needs no trimming.
  if (first > 32 && first < 127 && last > 32 && last < 127) return text;
  return text.replace(EDGE_SPACE, "");
}

/** NFKC, skipped for printable ASCII (which it leaves unchanged). */
export function nfkc(text: string): string {
  return PLAIN_ASCII.test(text) ? text : text.normalize("NFKC");
}
