/**
 * Every user-visible string, in zh-CN and en. Feature files (common.ts, tiers.ts, …) each
 * export a pair of dictionaries with the same keys; this module merges them and formats
 * messages. Placeholders are `{name}`; code never concatenates sentences.
 */
import { approvals } from "./approvals";
import { automation } from "./automation";
import { calendar } from "./calendar";
import { cli } from "./cli";
import { common } from "./common";
import { contacts } from "./contacts";
import { contracts } from "./contracts";
import { emails } from "./emails";
import type { Dictionary } from "./define";
import { holidays } from "./holidays";
import { partners } from "./partners";
import { market } from "./market";
import { plan } from "./plan";
import { report } from "./report";
import { settings } from "./settings";
import { sidebar } from "./sidebar";
import { start } from "./start";
import { tiers } from "./tiers";

export { defineMessages, type Dictionary } from "./define";

export type Language = "zh-CN" | "en";
export const LANGUAGES: readonly Language[] = ["zh-CN", "en"];

/** Each feature adds its dictionary here. */
const dictionaries = [
  common,
  contacts,
  contracts,
  report,
  tiers,
  sidebar,
  start,
  settings,
  plan,
  holidays,
  partners,
  market,
  automation,
  calendar,
  cli,
  emails,
  approvals,
] as const;

type KeysOf<D> = D extends Dictionary<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof dictionaries)[number]>;
export type MessageParams = Readonly<Record<string, string | number>>;

/** A message to be rendered later in the workbook's language. */
export interface MessageRef {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

const zhAll: Record<string, string> = {};
const enAll: Record<string, string> = {};
for (const dictionary of dictionaries) {
  Object.assign(zhAll, dictionary.zh);
  Object.assign(enAll, dictionary.en);
}

/** Renders a message; unknown placeholders stay visible so a missing parameter is noticed. */
export function t(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = (language === "en" ? enAll[key] : zhAll[key]) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function render(language: Language, message: MessageRef): string {
  return t(language, message.key, message.params);
}

export function msg(key: MessageKey, params?: MessageParams): MessageRef {
  return params ? { key, params } : { key };
}

export function isLanguage(value: string): value is Language {
  return value === "zh-CN" || value === "en";
}

/** Items joined as the language lists them: `a, b` in English, `a、b` in Chinese. */
export function listOf(language: Language, items: readonly string[]): string {
  return items.join(language === "en" ? ", " : "、");
}
