/** The Templates sheet's starting rows (Set up and the sample): one tier-C template in Chinese and one in English. */
import { LANGUAGES, t } from "../i18n";
import type { Cell } from "../ports";

export function defaultTemplateRows(): Cell[][] {
  return LANGUAGES.map((language) => [
    "C",
    language,
    t(language, "emails.template.subject"),
    t(language, "emails.template.body"),
  ]);
}
