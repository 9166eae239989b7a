// Reading requests and documents: the requester sees their own, a registrar those of their office, an auditor
// all of them (read-only). Anyone else is told they do not exist. Every download is logged.
import type { Principal } from '../../shared/auth/principal.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import type { Page } from '../../shared/http/pagination.ts';
import type { DocumentRequest, RequestEvent } from '../domain/document-request.ts';
import { isRegisteredPaper, PAPER_KINDS, requireNotRevoked, revoke, type DocumentEvent, type IssuedDocument, type Revoker, type SignedDocument } from '../domain/issued-document.ts';
import type { DocumentFiles, DocumentsRepository, PageRequest } from './documents.ports.ts';
import type { CallContext } from './request-document.use-case.ts';
import { NO_OFFICE } from './review.use-cases.ts';

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
  if (!found || !(isOwner(found.request, principal) || isRegistrarOf(found.request, principal) || principal.roles.includes('auditor'))) {
    throw new NotFoundError({ ar: `لا يوجد طلب ${id}`, fr: `Aucune demande ${id}`, en: `No request ${id}` });
  }
  const { request, history } = found;
  return { ...request, history, ...(request.documentId && { downloadUrl: `/v1/documents/${request.documentId}` }) };
}

export async function myRequests(repository: DocumentsRepository, principal: Principal, page: PageRequest): Promise<Page<DocumentRequest>> {
  // An account not linked to a civil identifier cannot have made a request.
  if (!principal.civilId) return { items: [] };
  return repository.requestsOf(principal.civilId, page);
}

const noDocument = (id: string) =>
  new NotFoundError({ ar: `لا توجد وثيقة ${id}`, fr: `Aucun document ${id}`, en: `No document ${id}` });

/** The birth document `id`, if the caller may see it at all; other contexts' papers are read through them. */
async function heldDocument(repository: DocumentsRepository, id: string, allowed: (held: Held) => boolean): Promise<IssuedDocument> {
  const document = await repository.getDocument(id);
  if (!document || isRegisteredPaper(document) || !allowed({ requester: document.owner, office: document.office })) throw noDocument(id);
  return document;
}

/**
 * The owner downloads their document; a registrar of the act's office prints it for a pickup at the counter.
 * A revoked document is refused (410): the paper it was is void.
 */
export async function downloadDocument(
  dependencies: { readonly repository: DocumentsRepository; readonly files: DocumentFiles },
  id: string,
  principal: Principal,
  context: CallContext,
): Promise<{ document: IssuedDocument; pdf: Uint8Array }> {
  const document = await heldDocument(dependencies.repository, id, (held) => isOwner(held, principal) || isRegistrarOf(held, principal));
  requireNotRevoked(document);
  const pdf = await dependencies.files.get(document.objectKey);
  await dependencies.repository.recordDocumentEvent({ documentId: id, type: 'downloaded', at: context.now.toISOString(), by: principal.sub, requestId: context.requestId });
  return { document, pdf };
}

/** The events of a document: a birth document's to the registrars of its office, any document's to an auditor. */
export async function documentEvents(repository: DocumentsRepository, id: string, principal: Principal, page: PageRequest): Promise<Page<DocumentEvent>> {
  const document = await repository.getDocument(id);
  const allowed = document && (principal.roles.includes('auditor') || (!isRegisteredPaper(document) && isRegistrarOf({ requester: document.owner, office: document.office }, principal)));
  if (!allowed) throw noDocument(id);
  return repository.documentEvents(id, page);
}

/**
 * Who revokes: a registrar for an office's birth documents, a commune's staff member for its papers in the role
 * their kind names (the president for permit papers, a registry clerk for letter acknowledgments).
 */
function revokerOf(principal: Principal): Revoker {
  const role = COMMUNE_REVOKING_ROLES.find((candidate) => principal.roles.includes(candidate));
  if (role) {
    if (!principal.commune) throw new ForbiddenError(NO_COMMUNE);
    return { sub: principal.sub, commune: principal.commune, role };
  }
  if (!principal.office) throw new ForbiddenError(NO_OFFICE);
  return { sub: principal.sub, office: principal.office };
}

const COMMUNE_REVOKING_ROLES = [...new Set(Object.values(PAPER_KINDS).map((kind) => kind.revokedBy))];

const NO_COMMUNE = { ar: 'حسابك غير مرتبط بأي جماعة', fr: "Votre compte n'est rattaché à aucune commune", en: 'Your account is not attached to a commune' } as const;

export async function revokeDocument(repository: DocumentsRepository, id: string, reason: string, principal: Principal, context: CallContext): Promise<SignedDocument> {
  const revoker = revokerOf(principal);
  const document = await repository.getDocument(id);
  // Another office's or commune's documents are not disclosed.
  const issuedByRevoker = document && ('commune' in revoker ? isRegisteredPaper(document) && document.commune === revoker.commune : !isRegisteredPaper(document) && document.office === revoker.office);
  if (!document || !issuedByRevoker) throw noDocument(id);
  const at = context.now.toISOString();
  const revoked = revoke(document, revoker, reason, at);
  await repository.revokeDocument(revoked, { documentId: id, type: 'revoked', at, by: principal.sub, requestId: context.requestId });
  return revoked;
}
