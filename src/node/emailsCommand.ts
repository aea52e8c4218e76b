/**
 * `account-desk emails FILE [--as-of YYYY-MM-DD] [--json FILE] [--eml DIR]`: a dry run of the
 * tier-C e-mails. Nothing is sent, drafted or recorded (there is no mailbox on the command line):
 * the command prints what would be prepared today and what would be deferred, `--json` writes
 * every message (subject, text, HTML, the day it would go out), and `--eml DIR` writes today's
 * messages as `.eml` files marked unsent, which a mail program opens as drafts.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { prepareClientEmails, type ClientEmailData } from "../actions/clientEmails";
import { mimeMessage } from "../actions/clientEmails/mime";
import type { ActionResult } from "../actions/run";
import { t } from "../i18n";
import type { ActionCommand } from "./cli";

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

function isEmailResult(result: ActionResult<unknown>): result is ActionResult<ClientEmailData> {
  return Array.isArray((result.data as Partial<ClientEmailData> | null)?.messages);
}

/** A file name from a Client ID: letters, digits, `-` and `_` kept, anything else `_`. */
export function emlName(clientId: string): string {
  return `${clientId.replace(/[^\p{L}\p{N}_-]/gu, "_")}.eml`;
}

export const emailsCommand: ActionCommand = {
  name: "emails",
  help: "cli.help.emails",
  options: { eml: { kind: "value", help: "cli.option.eml" } },
  run: (env, context) => prepareClientEmails(env, { asOf: context.asOf, dryRun: true }),
  after: async (result, context, io) => {
    const dir = context.options.eml;
    if (typeof dir !== "string" || !isEmailResult(result)) return 0;
    try {
      await mkdir(dir, { recursive: true });
      for (const m of result.data.messages) {
        const message = {
          to: [m.to],
          subject: m.subject,
          textBody: m.text,
          htmlBody: m.html,
          replyTo: m.owner,
        };
        await writeFile(path.join(dir, emlName(m.clientId)), mimeMessage(message, base64, { unsent: true }));
      }
      io.out(`${t(context.language, "cli.wroteEml", { count: result.data.messages.length, dir })}\n`);
      return 0;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.err(
        `${t(context.language, "cli.error", { message: t(context.language, "cli.cannotWrite", { file: dir, reason }) })}\n`,
      );
      return 2;
    }
  },
};
