// zod schemas of the parts a request carries from its answer on (released documents, costs), shared by the request's
// own schema (transparency.schema.ts) and the routes on them (requests-recourse.schema.ts).
import * as z from 'zod';
import { caseClockSchema } from '../../shared/case-clock/case-clock.schema.ts';
import { declaredFileFields } from '../../shared/files/declared-file.schema.ts';

const actorSchema = z.object({ sub: z.string(), role: z.string() });

export const releasedDocumentSchema = z.object({
  ...declaredFileFields,
  status: z.enum(['awaiting-upload', 'stored']).describe('`stored` once its completion found the declared content in storage'),
  storedAt: z.iso.datetime().optional(),
});

export const amountSchema = z.object({ amount: z.number().int().describe('Centimes of dirham'), currency: z.literal('MAD') });

export const costStatementSchema = z.object({
  lines: z.array(z.object({ item: z.string(), quantity: z.number().int(), unitPrice: amountSchema, total: amountSchema })),
  total: amountSchema,
  tariffVersion: z.number().int().describe("The commune's tariff version it was computed with (0: the defaults)"),
  statedAt: z.iso.datetime(),
  status: z.enum(['due', 'paid']),
  payment: z.object({ paymentId: z.string(), at: z.iso.datetime() }).optional(),
});

export const cdaiDecisionSchema = z.object({
  outcome: z.enum(['upheld', 'partly-upheld', 'dismissed']),
  summary: z.string(),
  complaintFiledOn: z.iso.date(),
  decidedOn: z.iso.date(),
  decisionDueDate: z.iso.date().describe("The end of the CDAI's period to decide (unconfirmed)"),
  late: z.boolean(),
  appealClock: caseClockSchema.omit({ status: true, explanation: true }).describe('The period to appeal to the administrative court (unconfirmed), counted from the decision'),
  recordedAt: z.iso.datetime(),
  recordedBy: actorSchema,
});

export const courtAppealSchema = z.object({
  court: z.string(),
  filedOn: z.iso.date(),
  recordedAt: z.iso.datetime(),
  recordedBy: actorSchema,
  judgment: z.object({ summary: z.string(), on: z.iso.date() }).optional(),
});

export const closureSchema = z.object({ reason: z.enum(['judgment', 'no-appeal']), at: z.iso.datetime(), by: actorSchema });

/** An entry of a commune's disclosure log: nothing of the requester. */
export const disclosureEntrySchema = z.object({
  requestId: z.uuid(),
  commune: z.string(),
  receivedOn: z.iso.date(),
  answeredOn: z.iso.date(),
  outcome: z.enum(['full', 'partial']),
  grounds: z.array(z.string()).describe('The grounds of the parts withheld, for a partial answer'),
  summary: z.string().describe('The request and its answer, as the commune publishes them'),
  documents: z.array(z.object({ id: z.uuid(), name: z.string(), sizeBytes: z.number().int(), sha256: z.string() })).describe('The released documents published with it'),
  publishedAt: z.iso.datetime(),
});
