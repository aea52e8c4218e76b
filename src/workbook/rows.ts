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

export const ApprovalPartySchema = z.enum(["legal", "finance"]);
export const PartnerTypeSchema = z.enum(["reseller", "referral", "integrator"]);

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
  partner: nullable(text),
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
  partner: nullable(text),
  stageSince: nullable(calDate),
  competitor: nullable(text),
  listPrice: nullable(cents),
  floorPrice: nullable(cents),
  discount: nullable(z.number().min(0).max(1)),
  paymentDays: nullable(z.number().int().min(0)),
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
  approvals: nullable(z.array(ApprovalPartySchema)),
  archiveLink: nullable(text),
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

export const TeamRowSchema = z.object({
  row,
  owner: email,
  name: nullable(text),
  manager: nullable(email),
  active: z.enum(["yes", "no"]),
});
export type TeamRow = z.infer<typeof TeamRowSchema>;

export const PartnerRowSchema = z.object({
  row,
  partnerId: text,
  name: text,
  type: nullable(PartnerTypeSchema),
  region: nullable(text),
  agreementStart: nullable(calDate),
  agreementEnd: nullable(calDate),
  commissionRate: nullable(z.number().min(0).max(1)),
});
export type PartnerRow = z.infer<typeof PartnerRowSchema>;
export const TemplateRowSchema = z.object({
  row,
  tier: TierSchema,
  language: nullable(z.enum(["zh-CN", "en"])),
  subject: text,
  body: text,
});
export type TemplateRow = z.infer<typeof TemplateRowSchema>;

export interface RowTypes {
  clients: ClientRow;
  deals: DealRow;
  contracts: ContractRow;
  payments: PaymentRow;
  interactions: InteractionRow;
  targets: TargetRow;
  industries: IndustryRow;
  team: TeamRow;
  partners: PartnerRow;
  templates: TemplateRow;
}

export const ROW_SCHEMAS = {
  clients: ClientRowSchema,
  deals: DealRowSchema,
  contracts: ContractRowSchema,
  payments: PaymentRowSchema,
  interactions: InteractionRowSchema,
  targets: TargetRowSchema,
  industries: IndustryRowSchema,
  team: TeamRowSchema,
  partners: PartnerRowSchema,
  templates: TemplateRowSchema,
} as const;
