// A citizen asks for a birth extract or full copy: the relationship is checked against the acts (403 and
// nothing kept otherwise), the fee is taken, and the document is issued at once when the act is digitized;
// otherwise the request waits for a registrar of the act's office within the service deadline.
import type { ActRead, CivilAct } from '../../civil-status/public.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { ConflictError, ForbiddenError, IdempotencyKeyReusedError, InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { computeDeadline } from '../../shared/statutory-clock/statutory-clock.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { isDigitized } from '../domain/birth-document.ts';
import type { Delivery, DocumentKind, DocumentRequest, Relationship, RequestEvent } from '../domain/document-request.ts';
import { isEntitled, needsRequesterAct } from '../domain/entitlement.ts';
import { SERVICE_PERIOD, feeOf } from '../domain/tariff.ts';
import type { DocumentsDependencies, RequestChange } from './documents.ports.ts';
import { issueDocument, saveWithIssued } from './issue-document.ts';

export interface DocumentRequestInput {
  readonly kind: DocumentKind;
  readonly act?: string;
  readonly civilId?: string;
  readonly relationship: Relationship;
  readonly delivery: Delivery;
}

export interface CallContext {
  readonly now: Date;
  /** The API request id: names the access-log entries and events of this call. */
  readonly requestId: string;
}

export interface RequestContext extends CallContext {
  /** The caller's Idempotency-Key: the request is named after it, so a retry finds the first one. */
  readonly idempotencyKey?: string;
}

const NOT_ENTITLED = {
  ar: 'يمكنك طلب رسم ولادتك أو رسوم ولادة والديك وأبنائك وزوجك، كما تثبتها رسوم الحالة المدنية',
  fr: "Vous pouvez demander votre acte de naissance et ceux de vos parents, de vos enfants et de votre conjoint, tels que les actes les établissent",
  en: 'You may ask for the birth act of yourself, your parents, your children and your spouse, as the acts record them',
} as const;

/** A retry (same caller, same key) gets the request made the first time; the same key for another request is refused. */
function sameRequest(existing: DocumentRequest, input: DocumentRequestInput, actId: string, requester: string): DocumentRequest {
  const same =
    existing.requester.civilId === requester && existing.actId === actId && existing.kind === input.kind && existing.relationship === input.relationship && existing.delivery === input.delivery;
  if (!same) {
    throw new IdempotencyKeyReusedError({
      ar: 'مفتاح عدم التكرار هذا استُعمل لطلب آخر',
      fr: "Cette clé d'idempotence a déjà servi pour une autre demande",
      en: 'This Idempotency-Key was used for another request',
    });
  }
  return existing;
}

export async function requestDocument(dependencies: DocumentsDependencies, input: DocumentRequestInput, principal: Principal, context: RequestContext): Promise<DocumentRequest> {
  const requesterCivilId = principal.civilId;
  if (!requesterCivilId) {
    throw new ForbiddenError({
      ar: 'حسابك غير مرتبط بأي رقم مدني',
      fr: "Votre compte n'est lié à aucun identifiant civil",
      en: 'Your account is not linked to a civil identifier',
    });
  }
  const { register } = dependencies;
  const target = await register.birthAct(input.act ? { actId: input.act } : { civilId: input.civilId! });
  const requesterAct = needsRequesterAct(input.relationship) ? await register.birthAct({ civilId: requesterCivilId }) : undefined;
  // An act that does not exist and an act of a stranger get the same answer: nothing is disclosed.
  if (!target || !isEntitled(input.relationship, { requesterCivilId, ...(requesterAct && { requesterAct }), target })) throw new ForbiddenError(NOT_ENTITLED);
  if (target.status !== 'registered') {
    throw new InvalidStateError({
      ar: 'أُلغي هذا الرسم: لا يمكن استخراج أي وثيقة منه',
      fr: 'Cet acte a été annulé : aucun document ne peut en être délivré',
      en: 'This act was annulled: no document can be issued from it',
    });
  }

  const id = context.idempotencyKey ? dependencies.requestIdFor(principal.sub, context.idempotencyKey) : dependencies.newRequestId();
  const at = context.now.toISOString();
  const read = (act: CivilAct): ActRead => ({ actId: act.id, by: principal.sub, role: 'citizen', reason: `document request ${id}`, at, requestId: context.requestId });
  const actReads = [read(target), ...(requesterAct && requesterAct.id !== target.id ? [read(requesterAct)] : [])];

  const today = moroccanDate(context.now);
  const year = Number(today.slice(0, 4));
  const { request: existing, reference } = await dependencies.repository.requestWithReference(id, { office: target.office, years: [year, year + 1] });
  if (existing) return sameRequest(existing, input, target.id, requesterCivilId);
  if (!reference.office) throw new Error(`Office ${target.office} of act ${target.id} is not in the reference data`);
  const deadline = computeDeadline({ period: SERVICE_PERIOD, receiptDate: today, holidays: reference.holidays });

  const amount = feeOf(input.kind, input.delivery);
  const payment = await dependencies.payments.charge({ reference: id, amount, currency: 'MAD', payer: principal.sub });
  const requester = { sub: principal.sub, civilId: requesterCivilId };
  const base = {
    id,
    kind: input.kind,
    relationship: input.relationship,
    delivery: input.delivery,
    requester,
    actId: target.id,
    office: target.office,
    fee: { amount, currency: 'MAD', paymentId: payment.paymentId, paymentStatus: payment.status },
    createdAt: at,
    dueDate: deadline.dueDate,
    dueAt: deadline.dueAt,
    version: 1,
  } as const;
  const events: RequestEvent[] = [
    { type: 'requested', at, by: principal.sub, details: { kind: input.kind, relationship: input.relationship } },
    { type: 'paid', at, by: principal.sub, details: { amount, paymentId: payment.paymentId } },
  ];

  let change: RequestChange;
  if (isDigitized(target)) {
    const issued = await issueDocument(dependencies, base, target, reference.office, { now: context.now, by: principal.sub, requestId: context.requestId });
    change = {
      request: { ...base, status: 'issued', documentId: issued.document.id, issuedAt: issued.document.issuedAt },
      expectedVersion: 0,
      events: [...events, { type: 'issued', at, by: 'system', details: { documentId: issued.document.id } }],
      actReads,
      issued,
    };
  } else {
    change = {
      request: { ...base, status: 'awaiting-review', reviewReason: 'not-digitized' },
      expectedVersion: 0,
      events: [...events, { type: 'sent-for-review', at, by: 'system', details: { reason: 'not-digitized' } }],
      actReads,
    };
  }
  try {
    await saveWithIssued(dependencies, change);
  } catch (error) {
    // Two tries with one key at the same time: the first write wins, and the other answers with it.
    const winner = error instanceof ConflictError && context.idempotencyKey ? await dependencies.repository.getRequest(id) : undefined;
    if (!winner) throw error;
    return sameRequest(winner, input, target.id, requesterCivilId);
  }
  return change.request;
}
