// Reading requests and documents: the requester sees their own, a registrar those of their office, an auditor
// all of them (read-only). Anyone else is told they do not exist. Every download is logged.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Page } from '../../shared/http/pagination.ts';
import type { DocumentRequest, RequestEvent } from '../domain/document-request.ts';
import { revoke, type DocumentEvent, type IssuedDocument } from '../domain/issued-document.ts';
import type { DocumentFiles, DocumentsRepository, PageRequest } from './documents.ports.ts';
import type { CallContext } from './request-document.use-case.ts';

type Held = Pick<DocumentRequest, 'requester' | 'office'>;

const isOwner = (held: Held, principal: Principal) => principal.roles.includes('citizen') && principal.civilId !== undefined && principal.civilId === held.requester.civilId;
const isRegistrarOf = (held: Held, principal: Principal) => principal.roles.includes('registrar') && principal.office === held.office;

export interface RequestView extends DocumentRequest {
  readonly history: readonly (RequestEvent & { version: number })[];
  /** Where the owner downloads the PDF, once issued. */
  readonly downloadUrl?: string;
}

export async function readRequest(repository: DocumentsRepository, id: string, principal: Principal): Promise<RequestView> {
  const found = await repository.requestWithHistory(id);
  if (!found || !(isOwner(found.request, principal) || isRegistrarOf(found.request, principal) || principal.roles.includes('auditor'))) throw new NotFoundError(`No request ${id}`);
  const { request, history } = found;
  return { ...request, history, ...(request.documentId && { downloadUrl: `/v1/documents/${request.documentId}` }) };
}

export async function myRequests(repository: DocumentsRepository, principal: Principal, page: PageRequest): Promise<Page<DocumentRequest>> {
  // An account not linked to a civil identifier cannot have made a request.
  if (!principal.civilId) return { items: [] };
  return repository.requestsOf(principal.civilId, page);
}

/** The owner downloads their document; a registrar of the act's office prints it for a pickup at the counter. */
export async function downloadDocument(
  dependencies: { readonly repository: DocumentsRepository; readonly files: DocumentFiles },
  id: string,
  principal: Principal,
  context: CallContext,
): Promise<{ document: IssuedDocument; pdf: Uint8Array }> {
  const document = await dependencies.repository.getDocument(id);
  const held = document && { requester: document.owner, office: document.office };
  if (!document || !held || !(isOwner(held, principal) || isRegistrarOf(held, principal))) throw new NotFoundError(`No document ${id}`);
  const pdf = await dependencies.files.get(document.objectKey);
  await dependencies.repository.recordDocumentEvent({ documentId: id, type: 'downloaded', at: context.now.toISOString(), by: principal.sub, requestId: context.requestId });
  return { document, pdf };
}

export async function documentEvents(repository: DocumentsRepository, id: string, principal: Principal, page: PageRequest): Promise<Page<DocumentEvent>> {
  const document = await repository.getDocument(id);
  const held = document && { requester: document.owner, office: document.office };
  if (!document || !held || !(isRegistrarOf(held, principal) || principal.roles.includes('auditor'))) throw new NotFoundError(`No document ${id}`);
  return repository.documentEvents(id, page);
}

export async function revokeDocument(repository: DocumentsRepository, id: string, reason: string, principal: Principal, context: CallContext): Promise<IssuedDocument> {
  if (!principal.office) throw new ForbiddenError('Your account is not attached to a civil-status office');
  const document = await repository.getDocument(id);
  if (!document || document.office !== principal.office) throw new NotFoundError(`No document ${id} for office ${principal.office}`);
  const at = context.now.toISOString();
  const revoked = revoke(document, { sub: principal.sub, office: principal.office }, reason, at);
  await repository.revokeDocument(revoked, { documentId: id, type: 'revoked', at, by: principal.sub, requestId: context.requestId });
  return revoked;
}
