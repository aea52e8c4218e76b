/** The lines a run of the tier-C e-mails shows: what went out, what waits, and why some clients got none. */
import { msg } from "../../i18n";
import { sheetName } from "../../workbook/schema";
import type { Run } from "../run";
import type { ClientEmailData, EmailSkip } from "./index";
import type { TemplateBook } from "./templates";

const LISTED = 10;

function clientList(ids: readonly string[]): string {
  return ids.length > LISTED ? `${ids.slice(0, LISTED).join(", ")} …` : ids.join(", ");
}

export function summarise(run: Run, data: ClientEmailData, book: TemplateBook, mailbox: string): void {
  const count = (outcome: string) => data.messages.filter((m) => m.outcome === outcome).length;
  const skipped = (reason: EmailSkip) =>
    data.skipped.filter((s) => s.reason === reason).map((s) => s.clientId);
  if (data.quota !== null)
    run.summary.push(
      msg("emails.summary.budget", { quota: data.quota, reserve: data.reserve, budget: data.budget }),
    );
  else if (data.deferred.length > 0) run.summary.push(msg("emails.summary.limit", { budget: data.budget }));
  if (count("planned") > 0) run.summary.push(msg("emails.summary.planned", { count: count("planned") }));
  if (count("drafted") > 0)
    run.summary.push(msg("emails.summary.drafted", { count: count("drafted"), mailbox }));
  if (count("sent") > 0) run.summary.push(msg("emails.summary.sent", { count: count("sent") }));
  const failed = data.messages.filter((m) => m.outcome === "failed");
  if (failed.length > 0)
    run.summary.push(msg("emails.summary.failed", { count: failed.length, error: failed[0].error ?? "" }));
  if (data.stopped > 0) run.summary.push(msg("emails.summary.stopped", { count: data.stopped }));
  if (data.deferred.length > 0) {
    const days = [...new Set(data.deferred.map((d) => d.day))];
    const span = days.length > 1 ? `${days[0]} – ${days[days.length - 1]}` : days[0];
    run.summary.push(msg("emails.summary.deferred", { count: data.deferred.length, days: span }));
  }
  if (data.alreadyDone > 0) run.summary.push(msg("emails.summary.done", { count: data.alreadyDone }));
  const answered = skipped("answered");
  if (answered.length > 0)
    run.summary.push(
      msg("emails.summary.answered", { count: answered.length, clients: clientList(answered) }),
    );
  const noOwner = skipped("noOwner");
  if (noOwner.length > 0)
    run.summary.push(msg("emails.summary.noOwner", { count: noOwner.length, clients: clientList(noOwner) }));
  const noTemplate = skipped("noTemplate");
  if (noTemplate.length > 0)
    run.summary.push(
      msg("emails.summary.noTemplate", {
        count: noTemplate.length,
        sheet: book.sheet ?? sheetName("templates", run.language),
      }),
    );
  const others = skipped("otherOwner");
  if (others.length > 0) run.summary.push(msg("emails.summary.otherOwners", { count: others.length }));
  if (
    data.messages.length === 0 &&
    data.deferred.length === 0 &&
    data.alreadyDone === 0 &&
    data.skipped.length === 0
  )
    run.summary.push(msg("emails.summary.nothing"));
}
