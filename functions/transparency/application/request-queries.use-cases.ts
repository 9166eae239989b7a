// Reading requests: one request with its clock explained and the recourse open to its requester, its history, a
// commune's queue of open requests (its agents, auditors) and a citizen's own requests.
import type { Principal } from '../../shared/auth/principal.ts';
import { caseClockView, type CaseClockView } from '../../shared/case-clock/case-clock-view.schema.ts';
import { ForbiddenError } from '../../shared/errors/domain-errors.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import type { Localized } from '../../shared/i18n/language.ts';
import { recourseOf, requestStanding, type InformationRequest, type RequestEvent } from '../domain/information-request.ts';
import { mayRead, mayReadQueue } from '../domain/request-access.ts';
import { unknownRequest } from '../domain/transparency-errors.ts';
import type { DisclosureEntry } from '../domain/disclosure-log.ts';
import type { ComplaintSummary, RequestSummary, TransparencyRepository } from './transparency.ports.ts';

export type RequestView = Omit<InformationRequest, 'clock'> & { readonly clock: CaseClockView; readonly recourse?: Localized };

export function requestView(request: InformationRequest, now: Date): RequestView {
  const recourse = recourseOf(request);
  return { ...request, clock: caseClockView(request.clock, requestStanding(request), now), ...(recourse && { recourse }) };
}

async function readable(repository: TransparencyRepository, id: string, principal: Principal): Promise<InformationRequest> {
  const request = await repository.get(id);
  if (!request) throw unknownRequest(id);
  if (!mayRead(request, principal)) {
    throw new ForbiddenError({
      ar: 'لا يطلع على هذا الطلب إلا صاحبه وأعوان الجماعة المعنية والمراقبون',
      fr: 'Cette demande ne se lit que par son auteur, les agents de la commune concernée et les auditeurs',
      en: 'This request is read only by its requester, the agents of the commune concerned and auditors',
    });
  }
  return request;
}

export async function getRequest(repository: TransparencyRepository, id: string, principal: Principal, now: Date): Promise<RequestView> {
  return requestView(await readable(repository, id, principal), now);
}

export async function requestHistory(repository: TransparencyRepository, id: string, principal: Principal, page: PageRequest): Promise<Page<RequestEvent>> {
  await readable(repository, id, principal);
  return repository.history(id, page);
}

export function communeQueue(repository: TransparencyRepository, commune: string, principal: Principal, page: PageRequest): Promise<Page<RequestSummary>> {
  if (!mayReadQueue(commune, principal)) {
    throw new ForbiddenError({
      ar: `لا يطلع على طلبات الجماعة ${commune} إلا أعوانها والمراقبون`,
      fr: `Les demandes de la commune ${commune} ne se lisent que par ses agents et les auditeurs`,
      en: `The requests of commune ${commune} are read only by its agents and auditors`,
    });
  }
  return repository.queue(commune, page);
}

/** The complaints waiting for the president's answer: the president of the commune, auditors. */
export function complaintQueue(repository: TransparencyRepository, commune: string, principal: Principal, page: PageRequest): Promise<Page<ComplaintSummary>> {
  const allowed = principal.roles.includes('auditor') || (principal.roles.includes('president') && principal.commune === commune);
  if (!allowed) {
    throw new ForbiddenError({
      ar: `لا يطلع على الشكايات الموجهة إلى رئيس الجماعة ${commune} إلا هو والمراقبون`,
      fr: `Les réclamations adressées au président de ${commune} ne se lisent que par lui et les auditeurs`,
      en: `The complaints to the president of ${commune} are read only by them and auditors`,
    });
  }
  return repository.complaints(commune, page);
}

export function myRequests(repository: TransparencyRepository, principal: Principal, page: PageRequest): Promise<Page<RequestSummary>> {
  return repository.filedBy(principal.sub, page);
}

/** A commune's disclosure log, newest published first: public, nothing of the requesters. */
export function disclosureLog(repository: TransparencyRepository, commune: string, page: PageRequest): Promise<Page<DisclosureEntry>> {
  return repository.disclosureLog(commune, page);
}
