/**
 * One e-mail as an RFC 5322 message (MIME, UTF-8): what a Gmail draft is made of (the Gmail API
 * takes the message, base64url-encoded, as `raw`) and what the command line writes as an `.eml`
 * file. Headers with non-ASCII text are encoded words; both bodies are base64, so the message is
 * plain ASCII whatever the language. The base64 of UTF-8 text is passed in (Apps Script's
 * Utilities, Node's Buffer), so this file runs in both.
 */
import type { MailMessage } from "../../ports";

/** base64 of the UTF-8 bytes of a text. */
export type Base64Utf8 = (text: string) => string;

const BOUNDARY = "account-desk-alternative";

/**
 * Characters per encoded word: 11 characters of at most 4 UTF-8 bytes are 44 bytes, 60 base64
 * characters, 72 with `=?UTF-8?B?` and `?=`: within RFC 2047's 75.
 */
const WORD_CHARS = 11;

/** A header value: ASCII as it is, else encoded words of whole characters on folded lines. */
function header(value: string, base64: Base64Utf8): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  const chars = Array.from(value);
  const words: string[] = [];
  for (let at = 0; at < chars.length; at += WORD_CHARS)
    words.push(`=?UTF-8?B?${base64(chars.slice(at, at + WORD_CHARS).join(""))}?=`);
  return words.join("\r\n ");
}

/** Lines of at most 76 characters, as MIME asks of base64 bodies. */
function wrap(text: string): string {
  const lines: string[] = [];
  for (let at = 0; at < text.length; at += 76) lines.push(text.slice(at, at + 76));
  return lines.join("\r\n");
}

/** No line breaks in an address or a header (a value cannot add headers of its own). */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ").trim();
}

export interface MimeOptions {
  /** Marks the file as a message not yet sent (mail programs then open it as a draft). */
  readonly unsent?: boolean;
}

export function mimeMessage(message: MailMessage, base64: Base64Utf8, options: MimeOptions = {}): string {
  const lines = [
    "MIME-Version: 1.0",
    `To: ${oneLine(message.to.join(", "))}`,
    `Subject: ${header(oneLine(message.subject), base64)}`,
  ];
  if (message.replyTo) lines.push(`Reply-To: ${oneLine(message.replyTo)}`);
  if (options.unsent) lines.push("X-Unsent: 1");
  lines.push(`Content-Type: multipart/alternative; boundary="${BOUNDARY}"`, "");
  for (const [type, body] of [
    ["text/plain", message.textBody],
    ["text/html", message.htmlBody],
  ] as const) {
    lines.push(
      `--${BOUNDARY}`,
      `Content-Type: ${type}; charset=UTF-8`,
      "Content-Transfer-Encoding: base64",
      "",
      wrap(base64(body)),
    );
  }
  lines.push(`--${BOUNDARY}--`, "");
  return lines.join("\r\n");
}
