/**
 * The digest e-mail: HTML with inline styles only (mail clients drop style sheets), one column
 * no wider than 600 px, each row a small card that wraps on a phone rather than a wide table,
 * plus a plain-text twin. Every text, from cells or from messages, goes through escapeHtml.
 */
import { formatIsoDate, type CalDate } from "../core/dates";
import { render, t, type Language } from "../i18n";
import type { MailMessage } from "../ports";
import { escapeHtml } from "../workbook/html";
import type { DigestSection, DigestTone } from "./digest";

const TONES: Readonly<Record<DigestTone, { border: string; background: string; accent: string }>> = {
  overdue: { border: "#d93025", background: "#fce8e6", accent: "#c5221f" },
  due: { border: "#f9ab00", background: "#fef7e0", accent: "#b06000" },
  neutral: { border: "#dadce0", background: "#ffffff", accent: "#3c4043" },
};

const FONT =
  "-apple-system,BlinkMacSystemFont,'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Segoe UI',Roboto,Arial,sans-serif";

/** The number of rows that need the owner today (listed or counted). */
export function actionableCount(sections: readonly DigestSection[]): number {
  return sections.filter((s) => s.actionable).reduce((n, s) => n + s.rows.length + (s.more ?? 0), 0);
}

function sectionHtml(section: DigestSection, language: Language): string {
  const columns = section.columns.map((c) => render(language, c));
  const cards = section.rows.map((row) => {
    const tone = TONES[row.tone];
    const details = row.cells
      .slice(1)
      .map((cell, i) => {
        const last = i === row.cells.length - 2;
        const value = escapeHtml(cell);
        const shown =
          last && row.tone !== "neutral" ? `<strong style="color:${tone.accent};">${value}</strong>` : value;
        return `<span style="white-space:nowrap;">${escapeHtml(columns[i + 1] ?? "")} ${shown}</span>`;
      })
      .join(" · ");
    return (
      `<div style="background:${tone.background};border-left:4px solid ${tone.border};border-radius:4px;padding:8px 12px;margin:0 0 8px 0;">` +
      `<div style="font-weight:bold;word-break:break-word;">${escapeHtml(row.cells[0] ?? "")}</div>` +
      `<div style="font-size:13px;color:#5f6368;line-height:1.6;">${details}</div></div>`
    );
  });
  const more =
    section.more && section.more > 0
      ? `<p style="font-size:13px;color:#5f6368;margin:4px 0 0 0;">${escapeHtml(t(language, "digest.more", { count: section.more }))}</p>`
      : "";
  return (
    `<h2 style="font-size:17px;margin:20px 0 8px 0;color:#202124;">${escapeHtml(render(language, section.title))}</h2>` +
    cards.join("") +
    more
  );
}

function sectionText(section: DigestSection, language: Language): string {
  const columns = section.columns.map((c) => render(language, c));
  const lines = [render(language, section.title)];
  for (const row of section.rows) {
    const details = row.cells.slice(1).map((cell, i) => `${columns[i + 1] ?? ""} ${cell}`);
    lines.push(`- ${row.cells[0] ?? ""}: ${details.join(" · ")}`);
  }
  if (section.more && section.more > 0) lines.push(t(language, "digest.more", { count: section.more }));
  return lines.join("\n");
}

/** One owner's digest mail for the day, greeting them by name (Team sheet, else their address's name). */
export function renderDigestMail(
  language: Language,
  owner: { readonly address: string; readonly name: string },
  asOf: CalDate,
  sections: readonly DigestSection[],
): MailMessage {
  const date = formatIsoDate(asOf);
  const subject = t(language, "digest.subject", { date, count: actionableCount(sections) });
  const greeting = t(language, "digest.greeting", { owner: owner.name, date });
  const footer = t(language, "digest.footer");
  const lang = language === "en" ? "en" : "zh-CN";
  const htmlBody =
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f1f3f4;">` +
    `<div style="max-width:600px;margin:0 auto;padding:16px 12px;font-family:${FONT};font-size:15px;line-height:1.5;color:#202124;">` +
    `<p style="margin:0 0 8px 0;">${escapeHtml(greeting)}</p>` +
    sections.map((s) => sectionHtml(s, language)).join("") +
    `<p style="font-size:12px;color:#80868b;margin:24px 0 0 0;">${escapeHtml(footer)}</p>` +
    `</div></body></html>`;
  const textBody = [greeting, ...sections.map((s) => sectionText(s, language)), footer].join("\n\n");
  return { to: [owner.address], subject, htmlBody, textBody };
}
