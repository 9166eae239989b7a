// A request at the documents window: a citizen asks for an extract or a full copy of a birth act, for
// themselves or a relative. It is paid, then issued at once when the act is fully digitized, or reviewed by a
// registrar of the act's office within the service deadline.
import { ForbiddenError, InvalidStateError } from '../../shared/errors/domain-errors.ts';

export type DocumentKind = 'birth-extract' | 'birth-full-copy';
export type Relationship = 'self' | 'parent' | 'child' | 'spouse';
export type Delivery = 'digital' | 'pickup';
export type RequestStatus = 'awaiting-review' | 'issued' | 'rejected';

/** Amounts in centimes of dirham, so no fraction is ever rounded. */
export interface Fee {
  readonly amount: number;
  readonly currency: 'MAD';
  readonly paymentId: string;
  readonly paymentStatus: 'confirmed';
}

export interface Requester {
  readonly sub: string;
  readonly civilId: string;
}

export interface DocumentRequest {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly relationship: Relationship;
  readonly delivery: Delivery;
  readonly requester: Requester;
  readonly actId: string;
  /** The office holding the act: its registrars review the request and may revoke the document. */
  readonly office: string;
  readonly status: RequestStatus;
  readonly fee: Fee;
  readonly createdAt: string;
  /** The service deadline: the end of the last working day to issue or reject by. */
  readonly dueDate: string;
  readonly dueAt: string;
  /** Why a registrar must look at it before it is issued. */
  readonly reviewReason?: 'not-digitized';
  readonly documentId?: string;
  readonly issuedAt?: string;
  readonly decidedBy?: string;
  readonly rejectionReason?: string;
  readonly version: number;
}

export type RequestEventType = 'requested' | 'paid' | 'sent-for-review' | 'approved' | 'rejected' | 'issued';

export interface RequestEvent {
  readonly type: RequestEventType;
  readonly at: string;
  readonly by: string;
  readonly details?: Readonly<Record<string, string | number>>;
}

/** What a registrar looks at: who holds the request and who acts on it. */
export interface Registrar {
  readonly sub: string;
  readonly office: string;
}

export function requireReviewerOf(request: DocumentRequest, registrar: Registrar): void {
  if (registrar.office !== request.office) {
    throw new ForbiddenError({
      ar: `الطلبات المتعلقة برسوم ${request.office} يراجعها ضباط الحالة المدنية بهذا المكتب`,
      fr: `Les demandes portant sur les actes de ${request.office} sont examinées par ses officiers d'état civil`,
      en: `Requests about acts of ${request.office} are reviewed by its registrars`,
    });
  }
}

const STATUS_NAMES: Record<RequestStatus, { ar: string; fr: string; en: string }> = {
  'awaiting-review': { ar: 'في انتظار المراجعة', fr: 'en attente d’examen', en: 'awaiting review' },
  issued: { ar: 'صدرت وثيقته', fr: 'déjà délivrée', en: 'issued' },
  rejected: { ar: 'مرفوض', fr: 'rejetée', en: 'rejected' },
};

/**
 * Only a request waiting for review can be approved or rejected: checked before anything is numbered, signed
 * or stored, so a refused approval leaves nothing behind.
 */
export function requireAwaitingReview(request: DocumentRequest, registrar: Registrar): void {
  requireReviewerOf(request, registrar);
  if (request.status === 'awaiting-review') return;
  const status = STATUS_NAMES[request.status];
  throw new InvalidStateError({
    ar: `الطلب ${request.id} ${status.ar}: لا ينتظر أي مراجعة`,
    fr: `La demande ${request.id} est ${status.fr} : elle n'attend aucun examen`,
    en: `Request ${request.id} is ${status.en}: it is not awaiting review`,
  });
}

/** A request waiting for review, approved: it is issued by the same change. */
export function approve(request: DocumentRequest, registrar: Registrar, documentId: string, issuedAt: string): { request: DocumentRequest; events: RequestEvent[] } {
  requireAwaitingReview(request, registrar);
  return {
    request: { ...withoutReview(request), status: 'issued', documentId, issuedAt, decidedBy: registrar.sub, version: request.version + 1 },
    events: [
      { type: 'approved', at: issuedAt, by: registrar.sub },
      { type: 'issued', at: issuedAt, by: registrar.sub, details: { documentId } },
    ],
  };
}

export function reject(request: DocumentRequest, registrar: Registrar, reason: string, at: string): { request: DocumentRequest; events: RequestEvent[] } {
  requireAwaitingReview(request, registrar);
  return {
    request: { ...withoutReview(request), status: 'rejected', decidedBy: registrar.sub, rejectionReason: reason, version: request.version + 1 },
    events: [{ type: 'rejected', at, by: registrar.sub, details: { reason } }],
  };
}

function withoutReview(request: DocumentRequest): Omit<DocumentRequest, 'reviewReason'> {
  const { reviewReason: _done, ...rest } = request;
  return rest;
}

/** Past its service deadline and still waiting. */
export function isOverdue(request: DocumentRequest, now: Date): boolean {
  return request.status === 'awaiting-review' && now.getTime() > Date.parse(request.dueAt);
}
