/**
 * The one HTML template of the monthly report: the e-mail body, the PDF attachment and the
 * command line's --html file. It is built for mail clients: inline styles only, layout tables,
 * a single 600 px column that narrows on a phone, and charts drawn with table cells (Gmail
 * shows no scripts, no SVG and no blocked images). Every text that comes from the workbook
 * goes through escapeHtml; long lists are cut in the HTML and given whole in the sheet.
 */
import { REPORT_TIERS, type ReportModel } from "../core/report";
import { msg, type MessageRef } from "../i18n";
import { escapeHtml } from "../workbook/html";
import { viewText, type ReportView } from "./reportView";

/** Rows shown per list before the HTML points to the sheet. */
export const HTML_LIST_LIMIT = 10;

const FONT = `-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC','WenQuanYi Micro Hei',Arial,sans-serif`;
const COLOR = {
  text: "#202124",
  muted: "#5f6368",
  rule: "#dadce0",
  won: "#1a73e8",
  target: "#bdc1c6",
  weighted: "#81c995",
  bad: "#d93025",
  good: "#188038",
  note: "#fef7e0",
  card: "#f8f9fa",
  page: "#f1f3f4",
} as const;
const CELL = `padding:6px 8px;border-bottom:1px solid ${COLOR.rule};font-size:13px;vertical-align:top;word-break:break-word`;
const HEAD = `padding:6px 8px;border-bottom:2px solid ${COLOR.rule};font-size:12px;color:${COLOR.muted};font-weight:600;text-align:left;vertical-align:bottom`;
const NUM = "text-align:right;white-space:nowrap";

export interface ReportHtmlOptions {
  /** Adds a line saying the PDF is attached (the e-mail body). */
  readonly mentionAttachment?: boolean;
}

/** The report as one HTML document. */
export function reportHtml(model: ReportModel, view: ReportView, options: ReportHtmlOptions = {}): string {
  const f = viewText(view);
  const text = (ref: MessageRef): string => escapeHtml(f.t(ref));
  const more = (count: number): string =>
    count > HTML_LIST_LIMIT
      ? `<p style="margin:6px 0 0;font-size:12px;color:${COLOR.muted}">${text(msg("report.more", { count: count - HTML_LIST_LIMIT, sheet: view.sheet }))}</p>`
      : "";
  const team = model.team;
  const parts: string[] = [];

  // Title and notes.
  parts.push(
    `<tr><td style="padding:24px 24px 8px"><h1 style="margin:0;font-size:22px;line-height:28px;color:${COLOR.text}">${text(msg("report.title", { month: model.month }))}</h1>` +
      `<p style="margin:6px 0 0;font-size:12px;line-height:18px;color:${COLOR.muted}">${text(
        msg("report.subtitle", {
          from: f.date(model.monthStart),
          to: f.date(model.monthEnd),
          generated: f.date(view.generated),
          currency: view.currency,
        }),
      )}</p>` +
      (options.mentionAttachment
        ? `<p style="margin:6px 0 0;font-size:12px;color:${COLOR.muted}">${text(msg("report.html.attachment"))}</p>`
        : "") +
      `</td></tr>`,
  );
  if (view.notes.length > 0) {
    parts.push(
      `<tr><td style="padding:8px 24px" data-block="notes"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;background:${COLOR.note};border-radius:6px">` +
        view.notes
          .map(
            (note) =>
              `<tr><td style="padding:8px 12px;font-size:13px;line-height:19px;color:${COLOR.text}">${text(note)}</td></tr>`,
          )
          .join("") +
        `</table></td></tr>`,
    );
  }

  // Headline cards, two per row.
  const attainmentColor = (value: number | null): string =>
    value === null ? COLOR.text : value < view.underperformShare ? COLOR.bad : COLOR.good;
  const cards: { label: MessageRef; value: string; caption: string; color?: string }[] = [
    {
      label: msg("report.figure.won"),
      value: f.money(team.won),
      caption: `${text(msg("report.figure.target"))} ${escapeHtml(f.money(team.target))}`,
    },
    {
      label: msg("report.figure.attainment"),
      value: f.percent(team.attainment),
      caption: `${text(msg("report.figure.winRate"))} ${escapeHtml(f.percent(team.winRate))} · ${team.wonCount} / ${team.wonCount + team.lostCount}`,
      color: attainmentColor(team.attainment),
    },
    {
      label: msg("report.figure.momChange"),
      value: f.change(team.momChange),
      caption: `${text(msg("report.figure.prevMonthWon"))} ${escapeHtml(f.money(team.prevMonthWon))}`,
    },
    {
      label: msg("report.figure.yoyChange"),
      value: f.change(team.yoyChange),
      caption: `${text(msg("report.figure.sameMonthLastYearWon"))} ${escapeHtml(f.money(team.sameMonthLastYearWon))}`,
    },
    {
      label: msg("report.figure.qtdWon"),
      value: f.money(team.qtdWon),
      caption: `${text(msg("report.figure.qtdTarget"))} ${escapeHtml(f.money(team.qtdTarget))} · ${escapeHtml(f.percent(team.qtdAttainment))}`,
    },
    {
      label: msg("report.figure.ytdWon"),
      value: f.money(team.ytdWon),
      caption: `${text(msg("report.figure.ytdTarget"))} ${escapeHtml(f.money(team.ytdTarget))} · ${escapeHtml(f.percent(team.ytdAttainment))}`,
    },
    {
      label: msg("report.figure.coverage"),
      value: f.percent(team.coverage),
      caption: `${escapeHtml(f.money(team.coverageWeighted))} / ${escapeHtml(f.money(team.coverageTarget))}`,
    },
    {
      label: msg("report.figure.collected"),
      value: f.money(model.collected),
      caption: `${text(msg("report.figure.overdue"))} ${escapeHtml(f.money(model.receivablesOverdue.total))}`,
      color: undefined,
    },
    {
      label: msg("report.figure.compliance"),
      value: f.percent(model.contactCompliance),
      caption: `${text(msg("report.figure.satisfaction"))} ${escapeHtml(f.satisfaction(model.interactions.satisfaction))}`,
    },
    {
      label: msg("report.figure.signedValue"),
      value: f.money(model.contractsSigned.value),
      caption: `${text(msg("report.figure.signedCount"))} ${model.contractsSigned.count} · ${text(msg("report.figure.renewalsDue"))} ${model.renewalsDue.length}`,
    },
  ];
  const cardCell = (card: (typeof cards)[number]): string =>
    `<td width="50%" style="width:50%;padding:4px;vertical-align:top"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;background:${COLOR.card};border-radius:6px"><tr><td style="padding:10px 12px">` +
    `<div style="font-size:12px;line-height:16px;color:${COLOR.muted}">${text(card.label)}</div>` +
    `<div style="font-size:18px;line-height:26px;font-weight:700;color:${card.color ?? COLOR.text};word-break:break-word">${escapeHtml(card.value)}</div>` +
    `<div style="font-size:11px;line-height:15px;color:${COLOR.muted};word-break:break-word">${card.caption}</div>` +
    `</td></tr></table></td>`;
  const cardRows: string[] = [];
  for (let i = 0; i < cards.length; i += 2)
    cardRows.push(`<tr>${cardCell(cards[i])}${cards[i + 1] ? cardCell(cards[i + 1]) : "<td></td>"}</tr>`);
  parts.push(
    section("headline", text(msg("report.block.headline")), table(cardRows.join(""), "table-layout:fixed")),
  );

  // Owners: won against target as bars.
  const ownerScale = Math.max(1, ...model.owners.map((o) => Math.max(o.won, o.target ?? 0)));
  const ownerRows = model.owners.map(
    (o) =>
      `<tr><td style="${CELL};width:34%;word-break:break-all">${escapeHtml(o.owner)}</td>` +
      `<td style="${CELL}">${bar(o.won / ownerScale, COLOR.won)}<div style="height:3px;font-size:0;line-height:0">&nbsp;</div>${bar((o.target ?? 0) / ownerScale, COLOR.target)}` +
      `<div style="font-size:11px;color:${COLOR.muted};margin-top:3px">${escapeHtml(f.money(o.won))} / ${escapeHtml(f.money(o.target))}</div></td>` +
      `<td style="${CELL};${NUM};width:22%;color:${attainmentColor(o.attainment)};font-weight:600">${escapeHtml(f.percent(o.attainment))}` +
      `<div style="font-weight:400;font-size:11px;color:${COLOR.muted}">${text(msg("report.col.winRate"))} ${escapeHtml(f.percent(o.winRate))}</div></td></tr>`,
  );
  parts.push(
    section(
      "owners",
      text(msg("report.block.owners")),
      legend(text(msg("report.html.targetLegend"))) +
        listTable(
          [
            text(msg("report.col.owner")),
            `${text(msg("report.col.won"))} / ${text(msg("report.col.target"))}`,
            text(msg("report.col.attainment")),
          ],
          ownerRows,
          text(msg("report.none")),
          [false, false, true],
        ),
    ),
  );

  // Under-performers, with what explains them.
  const under = model.underperformers.map((u) => {
    const losses = u.lostDeals
      .slice(0, HTML_LIST_LIMIT)
      .map(
        (d) =>
          `<tr><td style="${CELL}">${escapeHtml(d.clientName)}<div style="font-size:11px;color:${COLOR.muted}">${escapeHtml(d.dealId)}</div></td>` +
          `<td style="${CELL};${NUM}">${escapeHtml(f.money(d.amount))}</td><td style="${CELL}">${escapeHtml(f.orUnspecified(d.reason))}</td></tr>`,
      );
    return (
      `<p style="margin:10px 0 4px;font-size:14px;font-weight:600;color:${COLOR.text};word-break:break-all">${escapeHtml(u.owner)}</p>` +
      `<p style="margin:0 0 6px;font-size:13px;line-height:19px;color:${COLOR.text}">${text(
        msg("report.html.underperformerLine", {
          attainment: f.percent(u.attainment),
          won: f.money(u.won),
          target: f.money(u.target),
          count: u.openPipeline.count,
          amount: f.money(u.openPipeline.amount),
          weighted: f.money(u.openPipeline.weighted),
        }),
      )}</p>` +
      (u.lostDeals.length === 0
        ? `<p style="margin:0 0 6px;font-size:12px;color:${COLOR.muted}">${text(msg("report.html.noLosses"))}</p>`
        : listTable(
            [
              text(msg("report.col.client")),
              text(msg("report.col.amount")),
              text(msg("report.col.lostReason")),
            ],
            losses,
            "",
            [false, true, false],
          ) + more(u.lostDeals.length))
    );
  });
  parts.push(
    section(
      "underperformers",
      text(msg("report.block.underperformers", { share: f.percent(view.underperformShare) })),
      under.length === 0 ? empty(text(msg("report.none"))) : under.join(""),
    ),
  );

  // Trend.
  const trendScale = Math.max(1, ...model.trend.map((p) => Math.max(p.won, p.target ?? 0)));
  const trendRows = model.trend.map(
    (p) =>
      `<tr><td style="${CELL};width:18%;white-space:nowrap">${escapeHtml(p.month)}</td>` +
      `<td style="${CELL}">${bar(p.won / trendScale, COLOR.won)}<div style="height:3px;font-size:0;line-height:0">&nbsp;</div>${bar((p.target ?? 0) / trendScale, COLOR.target)}</td>` +
      `<td style="${CELL};${NUM};width:30%">${escapeHtml(f.money(p.won))}<div style="font-size:11px;color:${COLOR.muted}">${escapeHtml(f.money(p.target))}</div></td></tr>`,
  );
  parts.push(
    section(
      "trend",
      text(msg("report.block.trend")),
      legend(text(msg("report.html.targetLegend"))) +
        listTable(
          [
            text(msg("report.col.month")),
            "",
            `${text(msg("report.col.teamWon"))} / ${text(msg("report.col.teamTarget"))}`,
          ],
          trendRows,
          "",
          [false, false, true],
        ),
    ),
  );

  // Pipeline.
  const pipelineScale = Math.max(1, ...model.pipeline.map((p) => p.amount));
  const pipelineRows = model.pipeline.map(
    (p) =>
      `<tr><td style="${CELL};width:24%">${escapeHtml(f.stage(p.stage))}<div style="font-size:11px;color:${COLOR.muted}">${p.count}</div></td>` +
      `<td style="${CELL}">${bar(p.amount / pipelineScale, COLOR.won)}<div style="height:3px;font-size:0;line-height:0">&nbsp;</div>${bar(p.weighted / pipelineScale, COLOR.weighted)}</td>` +
      `<td style="${CELL};${NUM};width:30%">${escapeHtml(f.money(p.amount))}<div style="font-size:11px;color:${COLOR.muted}">${escapeHtml(f.money(p.weighted))}</div></td></tr>`,
  );
  pipelineRows.push(
    `<tr><td style="${CELL};font-weight:600">${text(msg("report.total"))}<div style="font-size:11px;color:${COLOR.muted};font-weight:400">${model.pipelineTotal.count}</div></td><td style="${CELL}"></td>` +
      `<td style="${CELL};${NUM};font-weight:600">${escapeHtml(f.money(model.pipelineTotal.amount))}<div style="font-size:11px;color:${COLOR.muted};font-weight:400">${escapeHtml(f.money(model.pipelineTotal.weighted))}</div></td></tr>`,
  );
  parts.push(
    section(
      "pipeline",
      text(msg("report.block.pipeline")),
      listTable(
        [
          text(msg("report.col.stage")),
          "",
          `${text(msg("report.col.amount"))} / ${text(msg("report.col.weighted"))}`,
        ],
        pipelineRows,
        "",
        [false, false, true],
      ),
    ),
  );

  // Contracts, renewals and receivables.
  const renewals = model.renewalsDue
    .slice(0, HTML_LIST_LIMIT)
    .map(
      (r) =>
        `<tr><td style="${CELL}">${escapeHtml(r.clientName)}<div style="font-size:11px;color:${COLOR.muted}">${escapeHtml(r.contractId)}</div></td>` +
        `<td style="${CELL};white-space:nowrap">${escapeHtml(f.date(r.end))}</td><td style="${CELL};${NUM}">${escapeHtml(f.money(r.value))}</td></tr>`,
    );
  parts.push(
    section(
      "contracts",
      text(msg("report.block.contracts")),
      `<p style="margin:0 0 8px;font-size:13px;color:${COLOR.text}">${text(msg("report.figure.signedCount"))} <b>${model.contractsSigned.count}</b> · ${text(
        msg("report.figure.signedValue"),
      )} <b>${escapeHtml(f.money(model.contractsSigned.value))}</b></p>` +
        subtitle(
          text(msg("report.block.renewals", { days: view.renewalNoticeDays, from: f.date(model.monthEnd) })),
        ) +
        listTable(
          [text(msg("report.col.client")), text(msg("report.col.end")), text(msg("report.col.value2"))],
          renewals,
          text(msg("report.none")),
          [false, false, true],
        ) +
        more(model.renewalsDue.length),
    ),
  );
  const receivables = model.receivablesOverdue.byClient
    .slice(0, HTML_LIST_LIMIT)
    .map(
      (c) =>
        `<tr><td style="${CELL}">${escapeHtml(c.clientName || c.clientId || "—")}<div style="font-size:11px;color:${COLOR.muted}">${escapeHtml(c.clientId ?? "")}</div></td>` +
        `<td style="${CELL};${NUM}">${c.count}</td><td style="${CELL};${NUM};color:${COLOR.bad}">${escapeHtml(f.money(c.outstanding))}</td></tr>`,
    );
  parts.push(
    section(
      "receivables",
      text(msg("report.block.receivables", { date: f.date(model.monthEnd) })),
      `<p style="margin:0 0 8px;font-size:13px;color:${COLOR.text}">${text(msg("report.figure.overdue"))} <b style="color:${COLOR.bad}">${escapeHtml(
        f.money(model.receivablesOverdue.total),
      )}</b> · ${text(msg("report.figure.overdueCount"))} <b>${model.receivablesOverdue.count}</b> · ${text(msg("report.figure.collected"))} <b>${escapeHtml(
        f.money(model.collected),
      )}</b></p>` +
        listTable(
          [
            text(msg("report.col.client")),
            text(msg("report.col.instalments")),
            text(msg("report.col.outstanding")),
          ],
          receivables,
          text(msg("report.none")),
          [false, true, true],
        ) +
        more(model.receivablesOverdue.byClient.length),
    ),
  );

  // Tiers.
  const tierTotal = Math.max(1, ...REPORT_TIERS.map((tier) => model.tierCounts[tier]), model.untiered);
  const tierRows = [
    ...REPORT_TIERS.map((tier) => [tier, model.tierCounts[tier]] as const),
    [f.t(msg("report.tier.untiered")), model.untiered] as const,
  ].map(
    ([label, count]) =>
      `<tr><td style="${CELL};width:24%">${escapeHtml(label)}</td><td style="${CELL}">${bar(count / tierTotal, COLOR.won)}</td><td style="${CELL};${NUM};width:18%">${count}</td></tr>`,
  );
  const changes = model.tierChanges.rows
    .slice(0, HTML_LIST_LIMIT)
    .map(
      (r) =>
        `<tr><td style="${CELL};white-space:nowrap">${escapeHtml(f.date(r.date))}</td><td style="${CELL}">${escapeHtml(r.clientName)}<div style="font-size:11px;color:${COLOR.muted}">${escapeHtml(r.clientId)}</div></td>` +
        `<td style="${CELL};white-space:nowrap;color:${r.direction === "down" ? COLOR.bad : r.direction === "up" ? COLOR.good : COLOR.text}">${escapeHtml(r.from ?? "—")} → ${escapeHtml(r.to ?? "—")}</td></tr>`,
    );
  parts.push(
    section(
      "tiers",
      text(msg("report.block.tiers")),
      (model.tiersComputed ? "" : empty(text(msg("report.note.tiersNeverComputed")))) +
        listTable([text(msg("report.col.tier")), "", text(msg("report.col.clients"))], tierRows, "", [
          false,
          false,
          true,
        ]) +
        subtitle(text(msg("report.block.tierChanges"))) +
        `<p style="margin:0 0 6px;font-size:13px;color:${COLOR.text}">${text(
          msg("report.html.changesLine", {
            up: model.tierChanges.up,
            down: model.tierChanges.down,
            added: model.tierChanges.new,
          }),
        )}</p>` +
        (changes.length > 0
          ? listTable(
              [
                text(msg("report.col.date")),
                text(msg("report.col.client")),
                text(msg("report.col.direction")),
              ],
              changes,
              "",
              [false, false, false],
            )
          : "") +
        more(model.tierChanges.count),
    ),
  );

  // Contact.
  const channelRows = model.interactions.byChannel.map(
    (c) =>
      `<tr><td style="${CELL};width:24%">${escapeHtml(f.channel(c.channel))}</td><td style="${CELL};${NUM};width:18%">${c.count}</td>` +
      `<td style="${CELL}">${bar(c.rate ?? 0, COLOR.weighted)}<div style="font-size:11px;color:${COLOR.muted};margin-top:3px">${escapeHtml(f.percent(c.rate))} (${c.responded} / ${c.answered})</div></td></tr>`,
  );
  parts.push(
    section(
      "contact",
      text(msg("report.block.contact")),
      `<p style="margin:0 0 8px;font-size:13px;color:${COLOR.text}">${text(msg("report.figure.compliance"))} <b>${escapeHtml(f.percent(model.contactCompliance))}</b> · ${text(
        msg("report.figure.interactions"),
      )} <b>${model.interactions.total}</b> · ${text(msg("report.figure.satisfaction"))} <b>${escapeHtml(f.satisfaction(model.interactions.satisfaction))}</b></p>` +
        listTable(
          [
            text(msg("report.col.channel")),
            text(msg("report.col.interactions")),
            text(msg("report.col.responseRate")),
          ],
          channelRows,
          "",
          [false, true, false],
        ),
    ),
  );

  // Sources, industries, lost reasons.
  const sourceScale = Math.max(1, ...model.sources.map((s) => s.won));
  const sourceRows = model.sources.map(
    (s) =>
      `<tr><td style="${CELL};width:26%">${escapeHtml(f.source(s.source))}</td><td style="${CELL}">${bar(s.won / sourceScale, COLOR.won)}</td>` +
      `<td style="${CELL};${NUM};width:30%">${escapeHtml(f.money(s.won))}<div style="font-size:11px;color:${COLOR.muted}">${s.count}</div></td></tr>`,
  );
  parts.push(
    section(
      "sources",
      text(msg("report.block.sources")),
      listTable(
        [text(msg("report.col.source")), "", text(msg("report.col.won"))],
        sourceRows,
        text(msg("report.none")),
        [false, false, true],
      ),
    ),
  );
  const industryRows = model.industries
    .slice(0, HTML_LIST_LIMIT)
    .map(
      (i) =>
        `<tr><td style="${CELL}">${escapeHtml(f.orUnspecified(i.industry))}</td>` +
        `<td style="${CELL};${NUM};color:${i.growth === null ? COLOR.text : i.growth < 0 ? COLOR.bad : COLOR.good}">${escapeHtml(f.change(i.growth))}</td>` +
        `<td style="${CELL};${NUM}">${escapeHtml(f.money(i.won))}</td><td style="${CELL};${NUM}">${escapeHtml(f.money(i.purchase12m))}</td></tr>`,
    );
  parts.push(
    section(
      "industries",
      text(msg("report.block.industries")),
      listTable(
        [
          text(msg("report.col.industry")),
          text(msg("report.col.growth")),
          text(msg("report.col.won")),
          text(msg("report.col.purchase12m")),
        ],
        industryRows,
        text(msg("report.none")),
        [false, true, true, true],
      ) + more(model.industries.length),
    ),
  );
  const lostRows = model.lostReasons
    .slice(0, HTML_LIST_LIMIT)
    .map(
      (l) =>
        `<tr><td style="${CELL}">${escapeHtml(f.orUnspecified(l.reason))}</td><td style="${CELL};${NUM}">${l.count}</td><td style="${CELL};${NUM}">${escapeHtml(f.money(l.amount))}</td></tr>`,
    );
  parts.push(
    section(
      "lostReasons",
      text(msg("report.block.lostReasons")),
      listTable(
        [text(msg("report.col.lostReason")), text(msg("report.col.count")), text(msg("report.col.amount"))],
        lostRows,
        text(msg("report.none")),
        [false, true, true],
      ) + more(model.lostReasons.length),
    ),
  );

  parts.push(
    `<tr><td style="padding:16px 24px 24px;font-size:11px;line-height:16px;color:${COLOR.muted}">${text(msg("report.html.footer"))}</td></tr>`,
  );

  const title = text(msg("report.title", { month: model.month }));
  return (
    `<!DOCTYPE html><html lang="${text(msg("report.html.lang"))}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head>` +
    `<body style="margin:0;padding:0;background:${COLOR.page};font-family:${FONT};color:${COLOR.text};-webkit-text-size-adjust:100%">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;background:${COLOR.page}"><tr><td align="center" style="padding:12px 0">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:#ffffff;border-radius:8px;font-family:${FONT}">` +
    parts.join("") +
    `</table></td></tr></table></body></html>`
  );
}

/** A horizontal bar: a table row whose first cell's width is the fraction (0…1). */
function bar(fraction: number, color: string): string {
  const percent = Math.max(0, Math.min(100, Math.round(fraction * 1000) / 10));
  const cells =
    percent <= 0
      ? `<td style="height:10px;font-size:0;line-height:0;background:#f1f3f4">&nbsp;</td>`
      : percent >= 100
        ? `<td style="height:10px;font-size:0;line-height:0;background:${color}">&nbsp;</td>`
        : `<td width="${percent}%" style="width:${percent}%;height:10px;font-size:0;line-height:0;background:${color}">&nbsp;</td>` +
          `<td style="height:10px;font-size:0;line-height:0;background:#f1f3f4">&nbsp;</td>`;
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;table-layout:fixed"><tr>${cells}</tr></table>`;
}

function table(rows: string, extraStyle = ""): string {
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;${extraStyle}">${rows}</table>`;
}

/** A list with a header row; `numeric` right-aligns a column. */
function listTable(
  headers: readonly string[],
  rows: readonly string[],
  emptyText: string,
  numeric: readonly boolean[],
): string {
  if (rows.length === 0) return emptyText === "" ? "" : empty(emptyText);
  const head = `<tr>${headers.map((h, i) => `<th style="${HEAD}${numeric[i] ? ";text-align:right" : ""}">${h}</th>`).join("")}</tr>`;
  return table(head + rows.join(""), "table-layout:auto");
}

function section(name: string, title: string, body: string): string {
  return (
    `<tr><td data-block="${name}" style="padding:16px 24px 4px">` +
    `<h2 style="margin:0 0 10px;padding-bottom:6px;border-bottom:1px solid ${COLOR.rule};font-size:16px;line-height:22px;color:${COLOR.text}">${title}</h2>` +
    body +
    `</td></tr>`
  );
}

function subtitle(title: string): string {
  return `<h3 style="margin:12px 0 6px;font-size:14px;line-height:20px;color:${COLOR.text}">${title}</h3>`;
}

function legend(textHtml: string): string {
  return `<p style="margin:0 0 6px;font-size:11px;color:${COLOR.muted}">${textHtml}</p>`;
}

function empty(textHtml: string): string {
  return `<p style="margin:0 0 6px;font-size:13px;color:${COLOR.muted}">${textHtml}</p>`;
}
