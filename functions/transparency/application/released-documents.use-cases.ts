// The documents released with an answer: declared by an agent (the upload URL signed with the declared SHA-256),
// completed (the object read back and checked: digest, size, type by its content; refused, it is removed), and read
// through a short-lived link, each read logged. A document not released yet is released (or quarantined) when a
// completion or a read finds the malware scanner's tag on it.
import type { Principal } from '../../shared/auth/principal.ts';
import { ChecksumMismatchError, ForbiddenError, NotFoundError, writtenUnlessChangedMeanwhile } from '../../shared/errors/domain-errors.ts';
import type { ScanReading, UploadedContent } from '../../shared/files/declared-file.ts';
import { isReleased } from '../../shared/files/declared-file.ts';
import type { Page, PageRequest } from '../../shared/http/pagination.ts';
import { scanVerdict } from '../../shared/malware-scan.ts';
import type { DisclosureEntry } from '../domain/disclosure-log.ts';
import type { InformationRequest, RequestChange } from '../domain/information-request.ts';
import { agentActing, mayRead } from '../domain/request-access.ts';
import {
  ReleasedDocumentRefusedError,
  completeReleasedDocument,
  declareReleasedDocument,
  recordReleasedDocumentScan,
  releasedDocumentOf,
  requireReleasedDocumentReader,
  requireServableDocument,
  type ReleasedDocument,
  type ReleasedDocumentDeclaration,
} from '../domain/released-documents.ts';
import { unknownRequest } from '../domain/transparency-errors.ts';
import type { TransparencyRepository } from './transparency.ports.ts';

/** Where released documents are stored: one object per declared file, uploaded straight from the agent's client. */
export interface ReleasedDocumentStore {
  objectKey(requestId: string, documentId: string): string;
  /** A PUT URL that S3 honours only for content of this SHA-256 and type. */
  uploadUrl(objectKey: string, sha256Hex: string, contentType: string): Promise<{ url: string; headers: Record<string, string>; expiresAt: string }>;
  /** The object's digest and size, with its content when at most `keepUpToBytes` long; undefined when nothing was uploaded. */
  contents(objectKey: string, keepUpToBytes: number): Promise<UploadedContent | undefined>;
  scanTag(objectKey: string): Promise<string | undefined>;
  discard(objectKey: string): Promise<void>;
  viewUrl(objectKey: string): Promise<{ url: string; expiresAt: string }>;
}

/** One read of a released document: who, when, and until when the link they were given works. */
export interface DocumentRead {
  readonly requestId: string;
  readonly documentId: string;
  readonly by: { readonly sub: string; readonly roles: readonly string[] };
  readonly at: string;
  readonly linkExpiresAt: string;
}

export interface ReleasedDocumentsRepository extends Pick<TransparencyRepository, 'get' | 'save'> {
  recordDocumentRead(read: DocumentRead): Promise<void>;
  /** The reads of a request's documents, newest first. */
  documentReads(requestId: string, page: PageRequest): Promise<Page<DocumentRead>>;
  /** The change that releases (or quarantines) a document and the read it allowed, together (ConflictError as `save`). */
  saveWithDocumentRead(change: RequestChange, read: DocumentRead): Promise<void>;
}

export interface ReleasedDocumentsDependencies {
  readonly repository: ReleasedDocumentsRepository;
  readonly store: ReleasedDocumentStore;
  readonly newDocumentId: () => string;
  /** False only where the deployment says no scanner runs (the local platform). */
  readonly scannerDeployed: boolean;
}

async function requestOf(repository: Pick<TransparencyRepository, 'get'>, id: string): Promise<InformationRequest> {
  const request = await repository.get(id);
  if (!request) throw unknownRequest(id);
  return request;
}

export interface DeclaredDocument {
  readonly document: ReleasedDocument;
  readonly upload: { readonly method: 'PUT'; readonly url: string; readonly headers: Record<string, string>; readonly expiresAt: string };
}

/** An agent declares a document to release and gets its upload URL, signed only once the declaration is stored. */
export async function declareDocument(dependencies: ReleasedDocumentsDependencies, requestId: string, file: Omit<ReleasedDocumentDeclaration, 'id'>, principal: Principal, now: Date): Promise<DeclaredDocument> {
  const request = await requestOf(dependencies.repository, requestId);
  const declaration = { ...file, id: dependencies.newDocumentId() };
  const made = declareReleasedDocument(request, declaration, agentActing(request.commune, principal), now);
  await dependencies.repository.save(made);
  const document = releasedDocumentOf(made.request, declaration.id);
  const upload = await dependencies.store.uploadUrl(dependencies.store.objectKey(requestId, document.id), document.sha256, document.contentType);
  return { document, upload: { method: 'PUT', ...upload } };
}

async function scanReading(dependencies: ReleasedDocumentsDependencies, objectKey: string): Promise<ScanReading> {
  const tag = await dependencies.store.scanTag(objectKey);
  return { verdict: scanVerdict(tag, dependencies.scannerDeployed), ...(tag !== undefined && { tag }) };
}

/** The agent says the file is uploaded: stored only if it is the declared one; otherwise removed, the request unchanged. */
export async function completeDocument(dependencies: ReleasedDocumentsDependencies, requestId: string, documentId: string, principal: Principal, now: Date): Promise<ReleasedDocument> {
  const request = await requestOf(dependencies.repository, requestId);
  const document = releasedDocumentOf(request, documentId);
  const objectKey = dependencies.store.objectKey(requestId, documentId);
  const awaited = document.status === 'awaiting-upload' && document.declaredBy.sub === principal.sub;
  // Held whole only up to the declared size: a larger object is refused by its size alone.
  const uploaded = awaited ? await dependencies.store.contents(objectKey, document.sizeBytes) : undefined;
  const scan: ScanReading = uploaded ? await scanReading(dependencies, objectKey) : { verdict: 'pending' };
  let made;
  try {
    made = completeReleasedDocument(request, documentId, uploaded, scan, principal, now);
  } catch (error) {
    if (error instanceof ChecksumMismatchError || error instanceof ReleasedDocumentRefusedError) await dependencies.store.discard(objectKey);
    throw error;
  }
  if (!made) return document;
  await dependencies.repository.save(made);
  return releasedDocumentOf(made.request, documentId);
}

/** A short-lived link to a released document for whoever may read it now; the read is logged. */
export async function readDocument(dependencies: ReleasedDocumentsDependencies, requestId: string, documentId: string, principal: Principal, now: Date): Promise<{ document: ReleasedDocument; url: string; expiresAt: string }> {
  const stored = await requestOf(dependencies.repository, requestId);
  const before = releasedDocumentOf(stored, documentId);
  // Who may not read it learns nothing of its scan, and costs no read of the tag.
  requireReleasedDocumentReader(stored, before, principal);
  const objectKey = dependencies.store.objectKey(requestId, documentId);
  const scan = before.scan === 'pending' ? recordReleasedDocumentScan(stored, documentId, await scanReading(dependencies, objectKey), now) : undefined;
  const document = scan ? releasedDocumentOf(scan.request, documentId) : before;
  if (scan && document.scan === 'quarantined') await writtenUnlessChangedMeanwhile(() => dependencies.repository.save(scan));
  requireServableDocument(document, principal);
  const link = await dependencies.store.viewUrl(objectKey);
  const read: DocumentRead = { requestId, documentId, by: { sub: principal.sub, roles: principal.roles }, at: now.toISOString(), linkExpiresAt: link.expiresAt };
  // The release and the read it allows in one write; if the request changed meanwhile, the read alone.
  const releasedNow = scan !== undefined && isReleased(document) && (await writtenUnlessChangedMeanwhile(() => dependencies.repository.saveWithDocumentRead(scan, read)));
  if (!releasedNow) await dependencies.repository.recordDocumentRead(read);
  return { document, ...link };
}

/** Who was handed a link to which of the request's documents, and when, newest first: whoever may read the request. */
export async function documentReads(repository: Pick<ReleasedDocumentsRepository, 'get' | 'documentReads'>, requestId: string, principal: Principal, page: PageRequest): Promise<Page<DocumentRead>> {
  const request = await requestOf(repository, requestId);
  if (!mayRead(request, principal) || principal.roles.includes('president')) {
    throw new ForbiddenError({
      ar: 'لا يطلع على سجل قراءة الوثائق إلا صاحب الطلب وأعوان الجماعة والمراقبون',
      fr: 'Le journal des lectures des documents ne se lit que par le demandeur, les agents de la commune et les auditeurs',
      en: 'Who read the documents is shown only to the requester, the agents of the commune and auditors',
    });
  }
  return repository.documentReads(requestId, page);
}

/**
 * A document published with a request in its commune's disclosure log, for anyone: a short-lived link to it as
 * stored. Only the documents the entry names, and only under the commune it was published in; anything else 404.
 */
export async function disclosedDocumentLink(
  dependencies: { readonly repository: Pick<TransparencyRepository, 'get'>; readonly store: Pick<ReleasedDocumentStore, 'objectKey' | 'viewUrl'> },
  commune: string,
  requestId: string,
  documentId: string,
): Promise<{ readonly document: DisclosureEntry['documents'][number]; readonly url: string; readonly expiresAt: string }> {
  const entry = (await dependencies.repository.get(requestId))?.disclosure;
  const document = entry?.commune === commune ? entry.documents.find((published) => published.id === documentId) : undefined;
  if (!document) {
    throw new NotFoundError({
      ar: `لم تُنشر الوثيقة ${documentId} في سجل الإفصاح لجماعة ${commune}`,
      fr: `Le document ${documentId} n'est pas publié au registre des communications de la commune ${commune}`,
      en: `Document ${documentId} is not published in the disclosure log of commune ${commune}`,
    });
  }
  return { document, ...(await dependencies.store.viewUrl(dependencies.store.objectKey(requestId, documentId))) };
}
