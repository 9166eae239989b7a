// zod schemas of the parts a request carries from its answer on (released documents, costs), shared by the request's
// own schema (transparency.schema.ts) and the routes on them (requests-recourse.schema.ts).
import * as z from 'zod/mini';
import { actorSchema } from '../../shared/http/common.schema.ts';
import { caseClockSchema } from '../../shared/case-clock/case-clock-view.schema.ts';
import { declaredFileFields } from '../../shared/files/declared-file.schema.ts';
import { lazyValue } from '../../shared/lazy-value.ts';


export const releasedDocumentSchema = lazyValue(() => z.object({
  ...declaredFileFields,
  status: z.enum(['awaiting-upload', 'stored']).check(z.describe('`stored` once its completion found the declared content in storage')),
  storedAt: z.optional(z.iso.datetime()),
}));

export const amountSchema = lazyValue(() => z.object({ amount: z.int().check(z.describe('Centimes of dirham')), currency: z.literal('MAD') }));

export const costStatementSchema = lazyValue(() => z.object({
  lines: z.array(z.object({ item: z.string(), quantity: z.int(), unitPrice: amountSchema(), total: amountSchema() })),
  total: amountSchema(),
  tariffVersion: z.int().check(z.describe("The commune's tariff version it was computed with (0: the defaults)")),
  statedAt: z.iso.datetime(),
  status: z.enum(['due', 'paid']),
  payment: z.optional(z.object({ paymentId: z.string(), at: z.iso.datetime() })),
}));

export const cdaiDecisionSchema = lazyValue(() => z.object({
  outcome: z.enum(['upheld', 'partly-upheld', 'dismissed']),
  summary: z.string(),
  complaintFiledOn: z.iso.date(),
  decidedOn: z.iso.date(),
  decisionDueDate: z.iso.date().check(z.describe("The end of the CDAI's period to decide (unconfirmed)")),
  late: z.boolean(),
  appealClock: z.omit(caseClockSchema, { status: true, explanation: true }).check(z.describe('The period to appeal to the administrative court (unconfirmed), counted from the decision')),
  recordedAt: z.iso.datetime(),
  recordedBy: actorSchema,
}));

export const courtAppealSchema = lazyValue(() => z.object({
  court: z.string(),
  filedOn: z.iso.date(),
  recordedAt: z.iso.datetime(),
  recordedBy: actorSchema,
  judgment: z.optional(z.object({ summary: z.string(), on: z.iso.date() })),
}));

export const closureSchema = lazyValue(() => z.object({ reason: z.enum(['judgment', 'no-appeal']), at: z.iso.datetime(), by: actorSchema }));

/** An entry of a commune's disclosure log: nothing of the requester. */
/** A released document as a disclosure-log entry publishes it. */
export const disclosedDocumentSchema = lazyValue(() => z.object({ id: z.uuid(), name: z.string(), sizeBytes: z.int(), sha256: z.string() }));

export const disclosureEntrySchema = lazyValue(() => z.object({
  requestId: z.uuid(),
  commune: z.string(),
  receivedOn: z.iso.date(),
  answeredOn: z.iso.date(),
  outcome: z.enum(['full', 'partial']),
  grounds: z.array(z.string()).check(z.describe('The grounds of the parts withheld, for a partial answer')),
  summary: z.string().check(z.describe('The request and its answer, as the commune publishes them')),
  documents: z.array(disclosedDocumentSchema()).check(z.describe('The released documents published with it')),
  publishedAt: z.iso.datetime(),
}));
