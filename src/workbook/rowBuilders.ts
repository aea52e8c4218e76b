/**
 * The typed row of each table built from its values in the contract's column order, for the
 * reader. Kept apart from rows.ts so that the Apps Script bundle carries no zod row schemas
 * (it imports only their types).
 */
import type {
  ClientRow,
  ContractRow,
  DealRow,
  IndustryRow,
  InteractionRow,
  PartnerRow,
  PaymentRow,
  RowTypes,
  TargetRow,
  TeamRow,
  TemplateRow,
} from "./rows";

/** A row's values in the order of the table's columns in schema.ts (TABLES[table].columns). */
export type RowSlots = readonly unknown[];

/**
 * Builds the typed row of each table from its values in the contract's column order. Written
 * out as object literals so that every row of a table has one shape (the reader makes hundreds
 * of thousands); a test holds the key order to schema.ts.
 */
export const ROW_BUILDERS: { readonly [K in keyof RowTypes]: (row: number, v: RowSlots) => RowTypes[K] } = {
  clients: (row, v) =>
    ({
      row,
      clientId: v[0],
      name: v[1],
      industry: v[2],
      region: v[3],
      owner: v[4],
      email: v[5],
      status: v[6],
      cooperationSince: v[7],
      purchaseOverride: v[8],
      tierOverride: v[9],
      overrideReason: v[10],
      preferredChannel: v[11],
      tier: v[12],
      tierReason: v[13],
      purchase12m: v[14],
      tierSince: v[15],
      partner: v[16],
    }) as ClientRow,
  deals: (row, v) =>
    ({
      row,
      dealId: v[0],
      clientId: v[1],
      title: v[2],
      owner: v[3],
      stage: v[4],
      amount: v[5],
      probability: v[6],
      created: v[7],
      expectedClose: v[8],
      closedOn: v[9],
      source: v[10],
      lostReason: v[11],
      partner: v[12],
      stageSince: v[13],
      competitor: v[14],
      listPrice: v[15],
      floorPrice: v[16],
      discount: v[17],
      paymentDays: v[18],
    }) as DealRow,
  contracts: (row, v) =>
    ({
      row,
      contractId: v[0],
      clientId: v[1],
      dealId: v[2],
      title: v[3],
      owner: v[4],
      value: v[5],
      status: v[6],
      signedOn: v[7],
      start: v[8],
      end: v[9],
      approvals: v[10],
      archiveLink: v[11],
    }) as ContractRow,
  payments: (row, v) =>
    ({ row, contractId: v[0], due: v[1], amountDue: v[2], paidOn: v[3], amountPaid: v[4] }) as PaymentRow,
  interactions: (row, v) =>
    ({
      row,
      date: v[0],
      clientId: v[1],
      owner: v[2],
      channel: v[3],
      responded: v[4],
      satisfaction: v[5],
      summary: v[6],
    }) as InteractionRow,
  targets: (row, v) => ({ row, owner: v[0], period: v[1], target: v[2] }) as TargetRow,
  industries: (row, v) => ({ row, industry: v[0], growth: v[1] }) as IndustryRow,
  team: (row, v) => ({ row, owner: v[0], name: v[1], manager: v[2], active: v[3] }) as TeamRow,
  partners: (row, v) =>
    ({
      row,
      partnerId: v[0],
      name: v[1],
      type: v[2],
      region: v[3],
      agreementStart: v[4],
      agreementEnd: v[5],
      commissionRate: v[6],
    }) as PartnerRow,
  templates: (row, v) => ({ row, tier: v[0], language: v[1], subject: v[2], body: v[3] }) as TemplateRow,
};
