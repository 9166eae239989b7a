// Registrars of the act's office review the requests that could not be issued at once: approve (the
// document is issued by the same change) or reject with a reason, within the service deadline.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Page } from '../../shared/http/pagination.ts';
import { moroccanDate } from '../../shared/time/morocco-time.ts';
import { approve, isOverdue, reject, requireAwaitingReview, type DocumentRequest, type Registrar } from '../domain/document-request.ts';
import type { DocumentsDependencies, DocumentsRepository, PageRequest } from './documents.ports.ts';
import { issueDocument, saveWithIssued } from './issue-document.ts';
import type { CallContext } from './request-document.use-case.ts';

export const NO_OFFICE = {
  ar: 'حسابك غير مرتبط بأي مكتب للحالة المدنية',
  fr: "Votre compte n'est rattaché à aucun bureau d'état civil",
  en: 'Your account is not attached to a civil-status office',
} as const;

export function registrarOf(principal: Principal): Registrar {
  if (!principal.office) throw new ForbiddenError(NO_OFFICE);
  return { sub: principal.sub, office: principal.office };
}

async function requestToReview(repository: DocumentsRepository, id: string, registrar: Registrar): Promise<DocumentRequest> {
  const request = await repository.getRequest(id);
  // Another office's requests are not disclosed.
  if (!request || request.office !== registrar.office) {
    throw new NotFoundError({
      ar: `لا يوجد طلب ${id} لدى مكتب ${registrar.office}`,
      fr: `Aucune demande ${id} pour le bureau ${registrar.office}`,
      en: `No request ${id} for office ${registrar.office}`,
    });
  }
  return request;
}

export async function approveRequest(dependencies: DocumentsDependencies, id: string, principal: Principal, context: CallContext): Promise<DocumentRequest> {
  const registrar = registrarOf(principal);
  const request = await requestToReview(dependencies.repository, id, registrar);
  // A retried approval answers with the document issued the first time.
  if (request.status === 'issued' && request.decidedBy === registrar.sub) return request;
  // Checked before anything is numbered, signed or stored: a refused approval leaves no document behind.
  requireAwaitingReview(request, registrar);
  const act = await dependencies.register.birthAct({ actId: request.actId });
  if (!act) throw new NotFoundError({ ar: `لا يوجد رسم ${request.actId}`, fr: `Aucun acte ${request.actId}`, en: `No act ${request.actId}` });
  const year = Number(moroccanDate(context.now).slice(0, 4));
  const { office } = await dependencies.reference.snapshot(request.office, [year]);
  if (!office) throw new Error(`Office ${request.office} is not in the reference data`);
  const issued = await issueDocument(dependencies, request, act, office, { now: context.now, by: registrar.sub, requestId: context.requestId });
  const approved = approve(request, registrar, issued.document.id, issued.document.issuedAt);
  const at = context.now.toISOString();
  await saveWithIssued(dependencies, {
    request: approved.request,
    expectedVersion: request.version,
    events: approved.events,
    actReads: [{ actId: act.id, by: registrar.sub, role: 'registrar', reason: `document request ${request.id}`, at, requestId: context.requestId }],
    issued,
  });
  return approved.request;
}

export async function rejectRequest(repository: DocumentsRepository, id: string, reason: string, principal: Principal, context: CallContext): Promise<DocumentRequest> {
  const registrar = registrarOf(principal);
  const request = await requestToReview(repository, id, registrar);
  if (request.status === 'rejected' && request.decidedBy === registrar.sub) return request;
  const rejected = reject(request, registrar, reason, context.now.toISOString());
  await repository.saveRequest({ request: rejected.request, expectedVersion: request.version, events: rejected.events, actReads: [] });
  return rejected.request;
}

export interface QueuedRequest extends DocumentRequest {
  readonly overdue: boolean;
}

/** The registrar's office queue, most urgent first; `overdueOnly` keeps those past their service deadline. */
export async function reviewQueue(repository: DocumentsRepository, principal: Principal, page: PageRequest, overdueOnly: boolean, now: Date): Promise<Page<QueuedRequest>> {
  const registrar = registrarOf(principal);
  const queued = await repository.reviewQueue(registrar.office, page, overdueOnly ? now.toISOString() : undefined);
  return { ...queued, items: queued.items.map((request) => ({ ...request, overdue: isOverdue(request, now) })) };
}
