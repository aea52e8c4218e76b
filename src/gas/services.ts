/**
 * Apps Script adapters of the small ports: mail (MailApp, with its daily quota), the clock
 * (today in a time zone), document properties and the document lock; and the Env that wires
 * them with the Sheets workbook.
 */
import type { CalDate } from "../core/dates";
import { mimeMessage } from "../actions/clientEmails/mime";
import {
  LockBusyError,
  type ClockPort,
  type DraftPort,
  type FoundMail,
  type InboxPort,
  type Env,
  type LockPort,
  type MailMessage,
  type MailPort,
  type PropertiesPort,
} from "../ports";
import { gasCalendar } from "./calendar";
import { calendarDateOf } from "./clock";
import { SheetsWorkbook } from "./sheets";

export const gasMail: MailPort = {
  remainingQuota: () => MailApp.getRemainingDailyQuota(),
  send(message: MailMessage) {
    const attachments = message.pdf
      ? [HtmlService.createHtmlOutput(message.pdf.html).getAs(MimeType.PDF).setName(message.pdf.fileName)]
      : undefined;
    MailApp.sendEmail({
      to: message.to.join(","),
      subject: message.subject,
      body: message.textBody,
      htmlBody: message.htmlBody,
      name: message.senderName ?? "Account Desk",
      ...(message.replyTo ? { replyTo: message.replyTo } : {}),
      ...(attachments ? { attachments } : {}),
    });
  },
};

/**
 * Gmail drafts through the Gmail advanced service (scope gmail.compose: drafts and sending, no
 * reading of the mailbox), in the mailbox of the user the script runs as. Null when the service
 * is not enabled for the script.
 */
export function gasDrafts(): DraftPort | null {
  if (typeof Gmail === "undefined" || Gmail === undefined) return null;
  const service = Gmail;
  const base64 = (text: string) => Utilities.base64Encode(text, Utilities.Charset.UTF_8);
  return {
    create(message: MailMessage) {
      const raw = Utilities.base64EncodeWebSafe(mimeMessage(message, base64), Utilities.Charset.UTF_8);
      service.Users.Drafts.create({ message: { raw } }, "me");
    },
  };
}

/**
 * The mailbox searched for replies through the Gmail advanced service (scope gmail.readonly, which
 * the manifest does not hold unless a team opts in): one list call per query, then the From header
 * and arrival time of each message found. Null when the service is not enabled for the script.
 */
export function gasInbox(): InboxPort | null {
  if (typeof Gmail === "undefined" || Gmail === undefined) return null;
  const service = Gmail;
  return {
    search(query: string, max: number, timeZone: string): FoundMail[] {
      const listed = service.Users.Messages.list("me", { q: query, maxResults: max });
      const out: FoundMail[] = [];
      for (const item of listed.messages ?? []) {
        if (!item.id) continue;
        const message = service.Users.Messages.get("me", item.id, {
          format: "metadata",
          metadataHeaders: ["From"],
        });
        const from = (message.payload?.headers ?? []).find((h) => (h.name ?? "").toLowerCase() === "from");
        const time = Number(message.internalDate);
        if (!from?.value || !Number.isFinite(time)) continue;
        out.push({ from: from.value, date: calendarDateOf(new Date(time), timeZone, "cell") });
      }
      return out;
    },
  };
}

/** The clock; today's date stops the action when it cannot be formed (see clock.ts). */
export const gasClock: ClockPort = {
  today: (timeZone: string): CalDate => calendarDateOf(new Date(), timeZone, "clock"),
  now: () => new Date(),
};

export function documentProperties(): PropertiesPort {
  const store = PropertiesService.getDocumentProperties();
  return {
    get: (key) => store.getProperty(key),
    set: (key, value) => {
      store.setProperty(key, value);
    },
    remove: (key) => {
      store.deleteProperty(key);
    },
  };
}

/** Waits up to 30 s for the document lock. */
export const documentLock: LockPort = {
  withLock<T>(fn: () => T): T {
    const lock = LockService.getDocumentLock();
    if (!lock || !lock.tryLock(30_000)) throw new LockBusyError();
    try {
      return fn();
    } finally {
      lock.releaseLock();
    }
  },
};

/** The user's e-mail where Apps Script may tell it, else `trigger` or `unknown`. */
export function currentUser(fromTrigger: boolean): string {
  if (fromTrigger) return "trigger";
  try {
    return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || "unknown";
  } catch {
    return "unknown";
  }
}

export function createEnv(fromTrigger = false): Env {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const workbook = new SheetsWorkbook(spreadsheet);
  return {
    workbook,
    clock: gasClock,
    mail: gasMail,
    drafts: gasDrafts(),
    inbox: gasInbox(),
    properties: documentProperties(),
    lock: documentLock,
    user: currentUser(fromTrigger),
    defaultTimeZone: workbook.timeZone() ?? "Asia/Shanghai",
    calendar: gasCalendar(() => spreadsheet.getId()),
  };
}
