/**
 * Typed rows: the zod schemas of every input table after cell parsing. The reader produces
 * objects of these shapes (tests hold it to the schemas); `row` is the spreadsheet row.
 * Dates are CalDates, amounts are cents, codes are the English codes, e-mails lower case.
 */
import * as z from "zod";

const row = z.number().int().min(2);
const calDate = z.number().int();
const cents = z.number().int().nonnegative();
const text = z.string().min(1);
const email = z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const TierSchema = z.enum(["A", "B", "C"]);
export const ChannelSchema = z.enum(["visit", "phone", "video", "email", "online"]);
export const StageSchema = z.enum(["lead", "qualified", "proposal", "negotiation", "won", "lost"]);
export const SourceSchema = z.enum(["trade-show", "visit", "data", "referral", "partner", "other"]);
export const ContractStatusSchema = z.enum([
  "draft",
  "review",
  "signed",
  "active",
  "expired",
  "renewed",
  "terminated",
]);

export const ClientRowSchema = z.object({
  row,
  clientId: text,
  name: text,
  industry: nullable(text),
  region: nullable(text),
  owner: nullable(email),
  email: nullable(email),
  status: z.enum(["active", "inactive"]),
  cooperationSince: nullable(calDate),
  purchaseOverride: nullable(cents),
  tierOverride: nullable(TierSchema),
  overrideReason: nullable(text),
  preferredChannel: nullable(ChannelSchema),
  tier: nullable(TierSchema),
  tierReason: nullable(text),
  purchase12m: nullable(cents),
  tierSince: nullable(calDate),
});
export type ClientRow = z.infer<typeof ClientRowSchema>;

export const DealRowSchema = z.object({
  row,
  dealId: text,
  clientId: text,
  title: nullable(text),
  owner: nullable(email),
  stage: StageSchema,
  amount: cents,
  probability: nullable(z.number().min(0).max(1)),
  created: nullable(calDate),
  expectedClose: nullable(calDate),
  closedOn: nullable(calDate),
  source: nullable(SourceSchema),
  lostReason: nullable(text),
});
export type DealRow = z.infer<typeof DealRowSchema>;

export const ContractRowSchema = z.object({
  row,
  contractId: text,
  clientId: text,
  dealId: nullable(text),
  title: nullable(text),
  owner: nullable(email),
  value: nullable(cents),
  status: nullable(ContractStatusSchema),
  signedOn: nullable(calDate),
  start: nullable(calDate),
  end: nullable(calDate),
});
export type ContractRow = z.infer<typeof ContractRowSchema>;

export const PaymentRowSchema = z.object({
  row,
  contractId: text,
  due: calDate,
  amountDue: cents,
  paidOn: nullable(calDate),
  amountPaid: cents,
});
export type PaymentRow = z.infer<typeof PaymentRowSchema>;

export const InteractionRowSchema = z.object({
  row,
  date: calDate,
  clientId: text,
  owner: nullable(email),
  channel: nullable(ChannelSchema),
  responded: nullable(z.enum(["yes", "no"])),
  satisfaction: nullable(z.number().int().min(1).max(5)),
  summary: nullable(text),
});
export type InteractionRow = z.infer<typeof InteractionRowSchema>;

export const PeriodSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("year"), year: z.number().int() }),
  z.object({ kind: z.literal("quarter"), year: z.number().int(), quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal("month"), year: z.number().int(), month: z.number().int().min(1).max(12) }),
]);

export const TargetRowSchema = z.object({
  row,
  owner: z.union([z.literal("ALL"), email]),
  period: PeriodSchema,
  target: cents,
});
export type TargetRow = z.infer<typeof TargetRowSchema>;

export const IndustryRowSchema = z.object({
  row,
  industry: text,
  growth: nullable(z.number()),
});
export type IndustryRow = z.infer<typeof IndustryRowSchema>;

export interface RowTypes {
  clients: ClientRow;
  deals: DealRow;
  contracts: ContractRow;
  payments: PaymentRow;
  interactions: InteractionRow;
  targets: TargetRow;
  industries: IndustryRow;
}

export const ROW_SCHEMAS = {
  clients: ClientRowSchema,
  deals: DealRowSchema,
  contracts: ContractRowSchema,
  payments: PaymentRowSchema,
  interactions: InteractionRowSchema,
  targets: TargetRowSchema,
  industries: IndustryRowSchema,
} as const;

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
};
