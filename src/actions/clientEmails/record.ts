/**
 * The Interactions rows of automated e-mails: appended in one write (each in the sheet's own column
 * order, the user's other columns blank), and recognised again by their Summary, which starts with
 * "automated e-mail:" / "自动邮件：" in either language (so a workbook that changed its language
 * still knows its earlier messages).
 */
import { t } from "../../i18n";
import type { Cell } from "../../ports";
import { CHANNELS, YES_NO } from "../../workbook/codes";
import { normalizeName } from "../../workbook/names";
import type { WorkbookData } from "../../workbook/read";
import type { Run } from "../run";
import type { Prepared } from "./index";

const PREFIXES = (["zh-CN", "en"] as const).map((language) =>
  normalizeName(t(language, "emails.interactionSummary", { subject: "" })),
);

/** True for the Summary of an Interactions row written for an automated e-mail. */
export function isAutomatedSummary(summary: string | null): boolean {
  if (summary === null) return false;
  const text = normalizeName(summary);
  return PREFIXES.some((prefix) => text.startsWith(prefix));
}

/**
 * Appends one Interactions row per client whose reply was found in Gmail: today, channel e-mail,
 * Responded yes, summary "reply detected in Gmail" (one write; nothing when there is none).
 */
export function recordReplies(
  run: Run,
  data: WorkbookData,
  replies: readonly { readonly clientId: string; readonly owner: string | null }[],
): void {
  const table = data.interactions;
  if (replies.length === 0 || table.sheet === null) return;
  const width = Math.max(table.header.width, (table.values[0] ?? []).length);
  const rows = replies.map((reply) => {
    const cells: Cell[] = new Array<Cell>(width).fill(null);
    const put = (key: string, value: Cell) => {
      const at = table.header.index.get(key);
      if (at !== undefined) cells[at] = value;
    };
    put("date", { date: run.asOf });
    put("clientId", reply.clientId);
    put("owner", reply.owner);
    put("channel", CHANNELS.cell("email", run.language));
    put("responded", YES_NO.cell("yes", run.language));
    put("summary", t(run.language, "emails.replySummary"));
    return cells;
  });
  run.env.workbook.appendRows(table.sheet, rows);
}

/** Appends one Interactions row per message (nothing when there is none). */
export function recordInteractions(run: Run, data: WorkbookData, messages: readonly Prepared[]): void {
  const table = data.interactions;
  if (messages.length === 0 || table.sheet === null) return;
  const width = Math.max(table.header.width, (table.values[0] ?? []).length);
  const rows = messages.map((item) => {
    const cells: Cell[] = new Array<Cell>(width).fill(null);
    const put = (key: string, value: Cell) => {
      const at = table.header.index.get(key);
      if (at !== undefined) cells[at] = value;
    };
    put("date", { date: run.asOf });
    put("clientId", item.row.clientId);
    put("owner", item.row.owner);
    put("channel", CHANNELS.cell("email", run.language));
    put("summary", t(run.language, "emails.interactionSummary", { subject: item.message.subject }));
    return cells;
  });
  run.env.workbook.appendRows(table.sheet, rows);
}
