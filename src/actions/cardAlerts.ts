/**
 * The alerts at the top of the client card, in the order a manager acts on them: overdue
 * receivables (one line with their total), each renewal inside the notice window, and a contact
 * that is overdue. Each is a sentence in the workbook language, built from figures the card has
 * already computed, so the card and the contracts review cannot disagree.
 */
import type { Cents } from "../core/money";
import { t, type Language } from "../i18n";

export interface CardAlert {
  readonly kind: "receivables" | "renewal" | "contact";
  readonly tone: "red" | "amber";
  readonly text: string;
}

export interface AlertFacts {
  readonly language: Language;
  readonly money: (cents: Cents) => string;
  /** Outstanding cents and days overdue of each overdue instalment. */
  readonly overdue: readonly { readonly cents: Cents; readonly days: number }[];
  /** Contracts due for renewal: name or ID, end date as shown, days left. */
  readonly renewals: readonly { readonly contract: string; readonly end: string; readonly days: number }[];
  /** The contact plan of an active client: overdue days and the due date as shown. */
  readonly contact: {
    readonly status: string;
    readonly daysOverdue: number;
    readonly nextDue: string;
  } | null;
}

export function cardAlerts(facts: AlertFacts): CardAlert[] {
  const { language } = facts;
  const out: CardAlert[] = [];
  if (facts.overdue.length > 0) {
    const total = facts.overdue.reduce((sum, o) => sum + o.cents, 0);
    out.push({
      kind: "receivables",
      tone: "red",
      text: t(language, "sidebar.alert.receivables", {
        amount: facts.money(total),
        count: facts.overdue.length,
        days: Math.max(...facts.overdue.map((o) => o.days)),
      }),
    });
  }
  for (const renewal of [...facts.renewals].sort((a, b) => a.days - b.days)) {
    out.push({
      kind: "renewal",
      tone: "amber",
      text: t(language, "sidebar.alert.renewal", { ...renewal }),
    });
  }
  if (facts.contact !== null && facts.contact.status === "overdue") {
    out.push({
      kind: "contact",
      tone: "red",
      text: t(language, "sidebar.alert.contact", {
        days: facts.contact.daysOverdue,
        date: facts.contact.nextDue,
      }),
    });
  }
  return out;
}
