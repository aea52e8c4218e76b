/**
 * One client's message from its template: the placeholders filled with the client's name, the
 * owner's name (Team sheet, else the address) and the last contact's date in the words of the
 * workbook's language; the subject on one line; the body as text and as escaped HTML inside a
 * plain frame that reads well from a phone (360 px) to a desktop (600 px). Replies go to the owner.
 */
import type { DueEmail } from "../../core/clientEmails";
import { dateParts, type CalDate } from "../../core/dates";
import { renderHtml, renderSubject, renderText, type PlaceholderValues } from "../../core/emailTemplates";
import { t, type Language, type MessageKey } from "../../i18n";
import type { MailMessage } from "../../ports";
import type { EmailTemplate } from "./templates";

/** A date as a letter writes it: `2026年10月12日`, `Oct 12, 2026`. */
export function letterDate(date: CalDate | null, language: Language): string {
  if (date === null) return t(language, "emails.noLastContact");
  const { year, month, day } = dateParts(date);
  const monthName = t(language, `monthName.${month}` as MessageKey);
  return t(language, "emails.date", { year, month, day, monthName });
}

const FRAME_STYLE =
  "font-family:-apple-system,'PingFang SC','Microsoft YaHei','Helvetica Neue',Arial,sans-serif;" +
  "font-size:15px;line-height:1.7;color:#202124;max-width:600px;margin:0 auto;padding:8px 4px;" +
  "word-break:break-word";

export function clientMessage(
  template: EmailTemplate,
  due: DueEmail,
  ownerName: string,
  language: Language,
): MailMessage {
  const values: PlaceholderValues = {
    client: due.row.name,
    owner: ownerName,
    lastContact: letterDate(due.row.lastContact, language),
  };
  return {
    to: [due.email],
    subject: renderSubject(template.subject, values),
    textBody: renderText(template.body, values).trim(),
    htmlBody: `<div style="${FRAME_STYLE}">\n${renderHtml(template.body, values)}\n</div>`,
    ...(due.row.owner === null ? {} : { replyTo: due.row.owner }),
    senderName: ownerName,
  };
}
