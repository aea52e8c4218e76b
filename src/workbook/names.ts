/**
 * How names in a workbook are compared: sheet names, headers, codes and industries match
 * after Unicode NFKC normalisation (full-width forms become ASCII), trimming of surrounding
 * white space of any kind (NBSP and the ideographic space included) and case folding.
 * Inner spaces count.
 */

const EDGE_SPACE =
  /^[\s\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+$/g;

export function normalizeName(text: string): string {
  return text.normalize("NFKC").replace(EDGE_SPACE, "").toLowerCase();
}

/** Trims white space of any kind from both ends, keeping the text otherwise as written. */
export function trimAll(text: string): string {
  return text.replace(EDGE_SPACE, "");
}
