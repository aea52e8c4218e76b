/**
 * The paperwork block of the `Renewals & receivables` sheet (合同审批与归档): signed and active
 * contracts that lack legal's or finance's approval or their archive link, below the other
 * blocks, with the same look (a bold title, a header row, coloured rows, a "none" row when
 * empty); and its lines in the contracts JSON. Only when the Contracts sheet has the Approval or
 * the Archive link column: without them the sheet is what it was.
 */
import { paperworkGaps, type Paperwork, type PaperworkGap } from "../core/contractPaperwork";
import { formatIsoDate } from "../core/dates";
import { t, type Language } from "../i18n";
import type { Cell } from "../ports";
import { CONTRACT_STATUSES, type ContractStatus } from "../workbook/codes";
import type { WorkbookData } from "../workbook/read";
import { columnDef, headerName } from "../workbook/schema";
import { COLORS } from "../workbook/write";
import type { SheetLayout } from "./contracts";

/** The paperwork gaps of read data; null when the sheet has neither column. */
export function contractPaperwork(data: WorkbookData): PaperworkGap[] | null {
  const header = data.contracts.header.index;
  const checkApprovals = header.has("approvals");
  const checkLinks = header.has("archiveLink");
  if (!checkApprovals && !checkLinks) return null;
  return paperworkGaps({
    contracts: data.contracts.rows,
    clients: data.clients.rows,
    checkApprovals,
    checkLinks,
  });
}

const MISSING_KEYS = {
  legal: "contracts.paperwork.legal",
  finance: "contracts.paperwork.finance",
  archiveLink: "contracts.paperwork.archiveLink",
} as const satisfies Record<Paperwork, Parameters<typeof t>[1]>;

/** What a contract lacks, in words: `财务审批、归档链接`. */
export function missingText(missing: readonly Paperwork[], language: Language): string {
  return missing.map((m) => t(language, MISSING_KEYS[m])).join(t(language, "contracts.paperwork.separator"));
}

/** Appends the paperwork block to the sheet's values and formats (one more block, same write). */
export function appendPaperwork(
  layout: SheetLayout,
  gaps: readonly PaperworkGap[],
  language: Language,
): SheetLayout {
  const values = [...layout.values];
  const background = layout.format.backgrounds;
  const colors = [...(background?.colors ?? [])];
  const width = colors[0]?.length ?? 10;
  const boldRows = [...(layout.format.boldRows ?? [])];
  const numberFormats = [...(layout.format.numberFormats ?? [])];
  const push = (line: Cell[], color: string | null = null, bold = false) => {
    values.push(line);
    colors.push(new Array<string | null>(width).fill(color));
    if (bold) boldRows.push(values.length);
  };
  const header = (key: string) => headerName(columnDef("contracts", key), language);
  push([]);
  push([t(language, "contracts.sheet.paperworkTitle", { count: gaps.length })], null, true);
  push(
    [
      header("contractId"),
      header("clientId"),
      t(language, "contracts.sheet.clientName"),
      header("owner"),
      header("status"),
      header("signedOn"),
      t(language, "contracts.sheet.missing"),
    ],
    COLORS.header,
    true,
  );
  const from = values.length + 1;
  for (const g of gaps) {
    push(
      [
        g.contractId,
        g.clientId,
        g.clientName ?? "",
        g.owner ?? t(language, "contracts.sheet.noOwner"),
        CONTRACT_STATUSES.label(g.status as ContractStatus, language),
        g.signedOn === null ? "" : { date: g.signedOn },
        missingText(g.missing, language),
      ],
      COLORS.due,
    );
  }
  if (gaps.length > 0) numberFormats.push({ column: 6, fromRow: from, toRow: values.length, kind: "date" });
  else push([t(language, "contracts.sheet.none")]);
  return {
    values,
    format: {
      ...layout.format,
      backgrounds: { row: background?.row ?? 1, column: background?.column ?? 1, colors },
      boldRows,
      numberFormats,
    },
  };
}

/** The paperwork lines of the contracts JSON. */
export function paperworkJson(gaps: readonly PaperworkGap[]) {
  return gaps.map((g) => ({
    contractId: g.contractId,
    clientId: g.clientId,
    owner: g.owner,
    status: g.status,
    signedOn: g.signedOn === null ? null : formatIsoDate(g.signedOn),
    missing: [...g.missing],
  }));
}
