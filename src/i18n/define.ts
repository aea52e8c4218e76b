/** The shape of a feature's dictionaries (kept apart from index.ts so features can import it). */
export interface Dictionary<K extends string> {
  readonly zh: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

export function defineMessages<K extends string>(
  zh: Record<K, string>,
  en: Record<K, string>,
): Dictionary<K> {
  return { zh, en };
}
