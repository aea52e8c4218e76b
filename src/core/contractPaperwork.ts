/**
 * Contract paperwork (合同审批与归档): a contract that is signed or active must carry the
 * approval of both legal and finance and a link to its archived copy. Lists the contracts that
 * lack any of them, with what is missing. A check runs only when its column is in the sheet,
 * so a workbook without the Approval or Archive link column is reviewed as before.
 */
import type { CalDate } from "./dates";

export type Paperwork = "legal" | "finance" | "archiveLink";

export interface PaperworkContract {
  readonly contractId: string;
  readonly clientId: string;
  readonly owner: string | null;
  readonly status: string | null;
  readonly signedOn: CalDate | null;
  /** The departments that approved (legal, finance); null when none did. */
  readonly approvals: readonly string[] | null;
  readonly archiveLink: string | null;
}

export interface PaperworkGap {
  readonly contractId: string;
  readonly clientId: string;
  readonly clientName: string | null;
  readonly owner: string | null;
  readonly status: string;
  readonly signedOn: CalDate | null;
  /** In the order legal, finance, archive link. */
  readonly missing: readonly Paperwork[];
}

export interface PaperworkInput {
  readonly contracts: readonly PaperworkContract[];
  readonly clients: readonly {
    readonly clientId: string;
    readonly name: string;
    readonly owner: string | null;
  }[];
  /** Whether the sheet has the Approval column, and the Archive link column. */
  readonly checkApprovals: boolean;
  readonly checkLinks: boolean;
}

const NEEDS_PAPERWORK: ReadonlySet<string> = new Set(["signed", "active"]);

/** Signed and active contracts missing an approval or their archive link: earliest signed first, then ID. */
export function paperworkGaps(input: PaperworkInput): PaperworkGap[] {
  if (!input.checkApprovals && !input.checkLinks) return [];
  const clients = new Map(input.clients.map((c) => [c.clientId, c] as const));
  const gaps: PaperworkGap[] = [];
  for (const k of input.contracts) {
    if (k.status === null || !NEEDS_PAPERWORK.has(k.status)) continue;
    const missing: Paperwork[] = [];
    if (input.checkApprovals) {
      const approved = new Set(k.approvals ?? []);
      if (!approved.has("legal")) missing.push("legal");
      if (!approved.has("finance")) missing.push("finance");
    }
    if (input.checkLinks && k.archiveLink === null) missing.push("archiveLink");
    if (missing.length === 0) continue;
    const client = clients.get(k.clientId);
    gaps.push({
      contractId: k.contractId,
      clientId: k.clientId,
      clientName: client?.name ?? null,
      owner: k.owner ?? client?.owner ?? null,
      status: k.status,
      signedOn: k.signedOn,
      missing,
    });
  }
  const key = (g: PaperworkGap) => g.signedOn ?? Number.MAX_SAFE_INTEGER;
  return gaps.sort(
    (a, b) => key(a) - key(b) || (a.contractId < b.contractId ? -1 : a.contractId > b.contractId ? 1 : 0),
  );
}
