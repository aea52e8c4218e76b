/**
 * A short fingerprint of a text (FNV-1a, 32 bits, 8 hex digits): equal content, equal stamp. Used
 * in Send-log keys (so the same notice is not sent twice) and on calendar events (so unchanged
 * content is not patched).
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
