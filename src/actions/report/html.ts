/**
 * The report as HTML, rendered from the topics only: the e-mail body, the PDF attachment and
 * the command line's --html. Styles are written once per kind of element in a <style> block
 * (Gmail keeps a head <style> with class selectors); what must hold without it (widths,
 * right-aligned numbers) is in attributes. Long tables show their top rows and say how many
 * more there are, with a link to the report sheet, so the e-mail stays well under Gmail's
 * clipping size whatever the workbook. Print rules give the PDF: A4, white, no row split across
 * pages, a heading kept with its table, table headers repeated, page numbers "2 / 5".
 * Every text from the workbook goes through escapeHtml.
 */
import { escapeHtml } from "../../workbook/html";
import { figureCaption, formatValue } from "./format";
import type { ChartDescription, Figure, Topic, TopicRow, TopicTable } from "./topic";

export interface HtmlTexts {
  readonly lang: string;
  readonly title: string;
  readonly subtitle: string;
  readonly currency: string;
  readonly none: string;
  readonly footer: string;
  /** "target {value}" for a figure card. */
  readonly targetCaption: (value: string) => string;
  /** "{count} more in the sheet …" for a cut table. */
  readonly more: (count: number) => string;
  /** The link's text, e.g. "Open the report sheet". */
  readonly openSheet: string;
}

export interface HtmlOptions {
  /** Rows a table shows before saying how many more (default: the table's emailRows, else EMAIL_ROWS). */
  readonly rowLimit?: number;
  /** A line under the title (the PDF is attached, this is a preview, …). */
  readonly lead?: readonly string[];
  /** Where the report sheet is (the spreadsheet URL with #gid=, or --link). */
  readonly link?: string | null;
  /** Owners whose rows come first (a manager's team). */
  readonly firstOwners?: ReadonlySet<string>;
}

/** Rows of a table in the e-mail by default. */
export const EMAIL_ROWS = 10;

const FONT = `-apple-system,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','WenQuanYi Micro Hei',Arial,sans-serif`;

/** One style per kind of element; the print rules make the PDF. */
const STYLE = [
  `body{margin:0;padding:0;background:#f1f3f4;font-family:${FONT};color:#202124}`,
  `.pg{max-width:600px;margin:0 auto;background:#fff}`,
  `.hd{padding:20px 20px 8px}`,
  `h1{margin:0;font-size:20px;line-height:26px}`,
  `h2{margin:0 0 8px;font-size:15px;line-height:20px;color:#1a73e8}`,
  `.sub,.nt,.mr{margin:4px 0 0;font-size:12px;line-height:17px;color:#5f6368}`,
  `.tp{padding:12px 20px;border-top:1px solid #e8eaed}`,
  `.cd{width:100%;border-collapse:separate;border-spacing:4px;table-layout:fixed;margin:0 -4px}`,
  `.cd td{background:#f8f9fa;border-radius:6px;padding:8px 10px;vertical-align:top}`,
  `.cl{font-size:12px;color:#5f6368}`,
  `.cv{font-size:18px;line-height:24px;font-weight:700}`,
  `.cc{font-size:11px;color:#5f6368}`,
  `.bad{color:#c5221f}.good{color:#137333}`,
  `.tb{width:100%;border-collapse:collapse;font-size:13px;line-height:18px}`,
  `.tb th{font-size:12px;color:#5f6368;font-weight:600;text-align:left;border-bottom:2px solid #dadce0;padding:5px 6px;vertical-align:bottom}`,
  `.tb td{border-bottom:1px solid #e8eaed;padding:5px 6px;vertical-align:top;overflow-wrap:break-word;word-break:normal}`,
  `.tb .n{text-align:right;white-space:nowrap}`,
  `.tb .f td{background:#fce8e6}`,
  `.tb .t td{font-weight:700}`,
  `.ch{width:100%;border-collapse:collapse;margin:0 0 8px;font-size:11px}`,
  `.ch td{padding:2px 4px;vertical-align:middle}`,
  `.ch .l{width:30%;color:#5f6368;overflow-wrap:break-word}`,
  `.b{height:8px;border-radius:2px;background:#1a73e8;font-size:0;line-height:0}`,
  `.b1{background:#bdc1c6;height:4px}.b2{background:#81c995}.b3{background:#fbbc04}`,
  `.a .w{white-space:nowrap}`,
  `.ft{padding:12px 20px 20px;font-size:11px;color:#5f6368}`,
  `@media (max-width:480px){.tp,.hd{padding-left:12px;padding-right:12px}.tb{font-size:12px}.x{display:none}}`,
  `@page{size:A4;margin:12mm 10mm 14mm;@bottom-center{content:counter(page) " / " counter(pages);font-size:9px;color:#5f6368}}`,
  `@media print{body,.pg{background:#fff;max-width:none}.tp{border-top:0}tr,.cd td,.ch tr{break-inside:avoid}h2{break-after:avoid}thead{display:table-header-group}.tp>p{break-before:avoid}}`,
].join("");

/**
 * Text with every e-mail address marked: an address may wrap only after its `@` or a hyphen, or before a
 * dot, never inside a word.
 */
function cellText(text: string): string {
  const escaped = escapeHtml(text);
  return escaped.indexOf("@") < 0
    ? escaped
    : escaped.replace(
        /[^\s@<>&;,，、()（）]+@[^\s@<>&;,，、()（）]+/g,
        (address) =>
          `<span class="a">${address
            .split(/(?<=[@-])|(?=\.)/)
            .map((part) => `<span class="w">${part}</span>`)
            .join("<wbr>")}</span>`,
      );
}

function cards(figures: readonly Figure[], texts: HtmlTexts): string {
  const cell = (figure: Figure): string => {
    const caption = figureCaption(figure, texts.currency, texts.targetCaption);
    const tone = figure.tone ? ` ${figure.tone}` : "";
    return (
      `<td width="50%"><div class="cl">${cellText(figure.label)}</div>` +
      `<div class="cv${tone}">${cellText(formatValue(figure.value, figure.kind, texts.currency))}</div>` +
      (caption !== "" ? `<div class="cc">${cellText(caption)}</div>` : "") +
      `</td>`
    );
  };
  const rows: string[] = [];
  for (let i = 0; i < figures.length; i += 2)
    rows.push(`<tr>${cell(figures[i])}${figures[i + 1] ? cell(figures[i + 1]) : "<td></td>"}</tr>`);
  return `<table role="presentation" class="cd" width="100%">${rows.join("")}</table>`;
}

/** Rows in the order the reader wants them: a manager's team first. */
function ordered(rows: readonly TopicRow[], first?: ReadonlySet<string>): readonly TopicRow[] {
  if (!first || first.size === 0) return rows;
  const mine = rows.filter((r) => r.owner !== undefined && first.has(r.owner));
  return mine.length === 0
    ? rows
    : [...mine, ...rows.filter((r) => !(r.owner !== undefined && first.has(r.owner)))];
}

/** Columns after the fourth give way on a phone. */
const OPTIONAL_FROM = 4;

function table(data: TopicTable, rows: readonly TopicRow[], texts: HtmlTexts): string {
  const cls = (i: number, numeric: boolean): string => {
    const names = [numeric ? "n" : "", i >= OPTIONAL_FROM ? "x" : ""].filter((n) => n !== "").join(" ");
    return names === "" ? "" : ` class="${names}"`;
  };
  const head = data.columns
    .map((c, i) => {
      const numeric = c.kind !== "text";
      return `<th${cls(i, numeric)}${numeric ? ' align="right"' : ""}>${cellText(c.label)}</th>`;
    })
    .join("");
  const line = (cells: readonly (string | number | null)[], rowClass: string): string =>
    `<tr${rowClass}>` +
    data.columns
      .map((c, i) => {
        const numeric = c.kind !== "text";
        return `<td${cls(i, numeric)}${numeric ? ' align="right"' : ""}>${cellText(formatValue(cells[i] ?? null, c.kind, texts.currency))}</td>`;
      })
      .join("") +
    `</tr>`;
  const body =
    rows.length === 0
      ? `<tr><td colspan="${data.columns.length}">${cellText(texts.none)}</td></tr>`
      : rows.map((r) => line(r.cells, r.flagged ? ' class="f"' : "")).join("");
  const total = data.total ? line(data.total, ' class="t"') : "";
  return `<table class="tb" width="100%" cellpadding="0" cellspacing="0"><thead><tr>${head}</tr></thead><tbody>${body}${total}</tbody></table>`;
}

/** A chart description drawn with table cells (mail clients show no scripts and no SVG). */
function chart(description: ChartDescription, data: TopicTable, rows: readonly TopicRow[]): string {
  const shown = rows.slice(0, description.rows ?? rows.length);
  const series = Array.from({ length: description.series }, (_, i) => i + 1);
  let scale = 0;
  for (const row of shown)
    for (const at of series) {
      const value = row.cells[at];
      if (typeof value === "number" && value > scale) scale = value;
    }
  if (scale <= 0 || data.columns.length <= description.series) return "";
  const bars = (row: TopicRow): string =>
    series
      .map((at, i) => {
        const value = row.cells[at];
        const width =
          typeof value === "number" && value > 0 ? Math.max(1, Math.round((value / scale) * 100)) : 0;
        return width === 0
          ? ""
          : `<div class="b${i > 0 ? ` b${Math.min(i, 3)}` : ""}" style="width:${width}%"></div>`;
      })
      .join("");
  return (
    `<table role="presentation" class="ch" width="100%">` +
    shown
      .map(
        (row) => `<tr><td class="l">${cellText(String(row.cells[0] ?? ""))}</td><td>${bars(row)}</td></tr>`,
      )
      .join("") +
    `</table>`
  );
}

function topicHtml(topic: Topic, texts: HtmlTexts, options: HtmlOptions): string {
  const parts: string[] = [`<h2>${cellText(topic.title)}</h2>`];
  if (topic.figures.length > 0) parts.push(cards(topic.figures, texts));
  if (topic.table) {
    const all = ordered(topic.table.rows, options.firstOwners);
    const limit =
      options.rowLimit === undefined
        ? (topic.table.emailRows ?? EMAIL_ROWS)
        : Math.min(options.rowLimit, topic.table.printRows ?? options.rowLimit);
    const rows = all.slice(0, limit);
    if (topic.chart) parts.push(chart(topic.chart, topic.table, rows));
    parts.push(table(topic.table, rows, texts));
    const hidden = all.length - rows.length;
    if (hidden > 0) {
      const link = options.link
        ? ` <a href="${escapeHtml(options.link)}">${cellText(texts.openSheet)}</a>`
        : "";
      parts.push(`<p class="mr">${cellText(texts.more(hidden))}${link}</p>`);
    }
  }
  for (const note of topic.notes) parts.push(`<p class="nt">${cellText(note)}</p>`);
  return `<div class="tp" data-topic="${escapeHtml(topic.id)}">${parts.join("")}</div>`;
}

/** The report as one HTML document. */
export function reportHtml(topics: readonly Topic[], texts: HtmlTexts, options: HtmlOptions = {}): string {
  const lead = (options.lead ?? []).map((line) => `<p class="sub">${cellText(line)}</p>`).join("");
  return (
    `<!DOCTYPE html><html lang="${escapeHtml(texts.lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(texts.title)}</title><style>${STYLE}</style></head>` +
    `<body><div class="pg"><div class="hd"><h1>${cellText(texts.title)}</h1><p class="sub">${cellText(texts.subtitle)}</p>${lead}</div>` +
    topics.map((topic) => topicHtml(topic, texts, options)).join("") +
    `<div class="ft">${cellText(texts.footer)}</div></div></body></html>`
  );
}
