/**
 * The channel partners of the sample workbook and what they touch: six partners (resellers,
 * referral partners, integrators; one whose agreement ends within weeks, one idle for more
 * than two quarters), the Partner of the deals that came through a channel or a referral (on
 * the deal, or once on its client so that the client's deals inherit it), and the legal and
 * finance approvals and archive links of the contracts (one signed contract still waiting for
 * finance, one without its archive link). Drawn from its own random stream, so the rest of the
 * sample keeps every figure.
 */
import { listOf, type Language } from "../i18n";
import { addDays, addMonths, dateParts, calDate, type CalDate } from "../core/dates";
import type { Cell, DateCell } from "../ports";
import { APPROVAL_PARTIES, PARTNER_TYPES, type ApprovalParty, type PartnerType } from "./codes";

/** The few draws the partner sample needs (the sample's seeded generator). */
export interface SampleRandom {
  next(): number;
}

interface PartnerDef {
  readonly id: string;
  readonly name: readonly [zh: string, en: string];
  readonly type: PartnerType;
  readonly region: readonly [zh: string, en: string];
  /** Months before the as-of date the agreement started (on the 1st). */
  readonly startedMonthsAgo: number;
  /** Months after the start the agreement runs (null: open-ended); "soon": ends 40 days after as-of. */
  readonly term: number | null | "soon";
  readonly rate: string;
  /** Share of the channel and referral deals it brings. */
  readonly weight: number;
}

const PARTNERS: readonly PartnerDef[] = [
  {
    id: "P01",
    name: ["华东智联科技有限公司", "Eastlink Smart Tech Ltd."],
    type: "reseller",
    region: ["华东", "East China"],
    startedMonthsAgo: 44,
    term: 60,
    rate: "8%",
    weight: 30,
  },
  {
    id: "P02",
    name: ["鼎新系统集成有限公司", "Dingxin Systems Integration Co."],
    type: "integrator",
    region: ["华北", "North China"],
    startedMonthsAgo: 34,
    term: "soon",
    rate: "6%",
    weight: 22,
  },
  {
    id: "P03",
    name: ["锐思商务咨询", "Ruisi Business Advisory"],
    type: "referral",
    region: ["华南", "South China"],
    startedMonthsAgo: 52,
    term: null,
    rate: "3%",
    weight: 18,
  },
  {
    id: "P04",
    name: ["云桥渠道服务有限公司", "Cloudbridge Channel Services Ltd."],
    type: "reseller",
    region: ["西南", "Southwest"],
    startedMonthsAgo: 26,
    term: 48,
    rate: "7.5%",
    weight: 16,
  },
  {
    id: "P05",
    name: ["恒通商务顾问", "Hengtong Business Consultants"],
    type: "referral",
    region: ["华中", "Central China"],
    startedMonthsAgo: 30,
    term: 36,
    rate: "5%",
    weight: 6,
  },
  {
    id: "P06",
    name: ["数智方案集成有限公司", "Datawise Solutions Integration Ltd."],
    type: "integrator",
    region: ["华东", "East China"],
    startedMonthsAgo: 17,
    term: 36,
    rate: "10%",
    weight: 8,
  },
];

/** The idle partner: brings no deal created in the last 8 months. */
const IDLE = "P05";
const IDLE_MONTHS = 8;

export interface SampleDealView {
  readonly client: number;
  readonly source: string;
  readonly created: CalDate;
}

export interface SamplePartners {
  /** Rows of the Partners sheet in the schema's column order (no header). */
  readonly rows: Cell[][];
  /** The Partner cell of each deal (by index) and of each client. */
  readonly dealPartner: (string | null)[];
  readonly clientPartner: (string | null)[];
}

const firstOfMonth = (date: CalDate): CalDate => {
  const p = dateParts(date);
  return calDate(p.year, p.month, 1);
};

/** The partners, and the Partner of every deal and client. */
export function samplePartners(
  language: Language,
  asOf: CalDate,
  deals: readonly SampleDealView[],
  clients: number,
  rnd: SampleRandom,
  dateCell: (date: CalDate | null) => DateCell | null,
): SamplePartners {
  const lang = language === "en" ? 1 : 0;
  const starts = PARTNERS.map((p) => firstOfMonth(addMonths(asOf, -p.startedMonthsAgo)));
  const rows = PARTNERS.map((p, i) => {
    const end =
      p.term === "soon"
        ? addDays(asOf, 40)
        : p.term === null
          ? null
          : addDays(addMonths(starts[i], p.term), -1);
    return [
      p.id,
      p.name[lang],
      PARTNER_TYPES.cell(p.type, language),
      p.region[lang],
      dateCell(starts[i]),
      dateCell(end),
      p.rate,
    ];
  });
  const total = PARTNERS.reduce((s, p) => s + p.weight, 0);
  const idleSince = addMonths(asOf, -IDLE_MONTHS);
  const dealPartner = deals.map((deal): string | null => {
    const channel = deal.source === "partner" || (deal.source === "referral" && rnd.next() < 0.4);
    if (!channel) return null;
    let r = rnd.next() * total;
    let at = 0;
    while (r >= PARTNERS[at].weight && at < PARTNERS.length - 1) r -= PARTNERS[at++].weight;
    // No deal before a partner's agreement, and none from the idle partner lately.
    if (deal.created < starts[at] || (PARTNERS[at].id === IDLE && deal.created > idleSince)) at = 0;
    return PARTNERS[at].id;
  });
  // About a third of the clients that came through a partner carry it themselves: their deals
  // with that partner leave the cell blank and inherit it (and so do their other deals). Only
  // partners older than the two years of deals, and not the idle one, so that no deal counts
  // for a partner before its agreement or breaks the idle partner's silence.
  const holds = new Set(PARTNERS.filter((p) => p.startedMonthsAgo > 24 && p.id !== IDLE).map((p) => p.id));
  const clientPartner: (string | null)[] = new Array<string | null>(clients).fill(null);
  const decided = new Set<number>();
  deals.forEach((deal, i) => {
    const id = dealPartner[i];
    if (id === null || !holds.has(id) || decided.has(deal.client)) return;
    decided.add(deal.client);
    if (rnd.next() < 0.35) clientPartner[deal.client] = id;
  });
  deals.forEach((deal, i) => {
    if (dealPartner[i] !== null && dealPartner[i] === clientPartner[deal.client]) dealPartner[i] = null;
  });
  return { rows, dealPartner, clientPartner };
}

export interface SampleContractView {
  readonly id: string;
  readonly status: string;
  readonly signedOn: CalDate | null;
}

/**
 * The Approval and Archive link cells of each contract: signed contracts of every status carry
 * both approvals and a link; one in review has legal's only, drafts none. The most recently
 * signed signed-or-active contract still lacks finance's approval, the next one its link.
 */
export function sampleContractApprovals(
  language: Language,
  contracts: readonly SampleContractView[],
): { approvals: (string | null)[]; links: (string | null)[] } {
  const label = (parties: readonly ApprovalParty[]) =>
    listOf(
      language,
      parties.map((p) => APPROVAL_PARTIES.cell(p, language)),
    );
  const approvals = contracts.map((k) =>
    k.status === "draft" ? null : k.status === "review" ? label(["legal"]) : label(["legal", "finance"]),
  );
  const links = contracts.map((k) =>
    k.status === "draft" || k.status === "review" ? null : `https://drive.example.com/contracts/${k.id}`,
  );
  const recent = contracts
    .map((k, i) => ({ k, i }))
    .filter(({ k }) => (k.status === "signed" || k.status === "active") && k.signedOn !== null)
    .sort((a, b) => (b.k.signedOn as number) - (a.k.signedOn as number) || a.i - b.i);
  if (recent[0]) approvals[recent[0].i] = label(["legal"]);
  if (recent[1]) links[recent[1].i] = null;
  return { approvals, links };
}
