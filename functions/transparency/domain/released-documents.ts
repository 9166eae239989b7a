// The documents a commune releases with its answer to an access-to-information request: declared by an agent of the
// commune (name, type, size, SHA-256), uploaded straight to storage, then stored only if storage holds exactly the
// declared bytes of the declared type; served once the malware scanner's tag releases them. The requester reads them
// once the answer (full or partial) is given and its costs, if any, are paid; every read is logged. Every step is a
// change of the request (its version, a history event). Pure.
import type { Principal } from '../../shared/auth/principal.ts';
import { DomainError, FileNotScannedYetError, FileQuarantinedError, ForbiddenError, InvalidStateError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import { isReleased, refuseUploadMismatch, withScanReading, type DeclaredFile, type ScanReading, type UploadedContent } from '../../shared/files/declared-file.ts';
import { TRANSPARENCY_PROBLEMS } from '../transparency.problems.ts';
import { change, OPEN_STATUSES, type Actor, type InformationRequest, type RequestChange, type RequestStatus } from './information-request.ts';
import { mayRead } from './request-access.ts';

/**
 * No text sets them: 20 MiB holds a scanned file of several dozen pages, as a registry letter's attachment does,
 * and 20 files an answer of several documents with their annexes.
 */
export const MAX_RELEASED_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const MAX_RELEASED_DOCUMENTS = 20;

export interface ReleasedDocument extends DeclaredFile<Actor> {
  /** `awaiting-upload` until its completion finds the declared content in storage. */
  readonly status: 'awaiting-upload' | 'stored';
  readonly storedAt?: string;
}

export type ReleasedDocumentDeclaration = Pick<ReleasedDocument, 'id' | 'name' | 'contentType' | 'sizeBytes' | 'sha256'>;

export class ReleasedDocumentRefusedError extends DomainError {
  readonly problem = TRANSPARENCY_PROBLEMS['released-document-refused'];
}

/** An agent prepares the documents while the request is open and may add to them once it is answered, in full or in part. */
const RELEASING_STATUSES: readonly RequestStatus[] = [...OPEN_STATUSES, 'answered-full', 'answered-partial'];

/** Whether the answer releases information: in full or in part. A refusal releases nothing. */
const answerReleases = (request: InformationRequest) => request.answer?.outcome === 'full' || request.answer?.outcome === 'partial';

export function declareReleasedDocument(request: InformationRequest, declaration: ReleasedDocumentDeclaration, by: Actor, now: Date): RequestChange {
  if (!RELEASING_STATUSES.includes(request.status)) {
    throw new InvalidStateError({
      ar: `لا تُرفق وثائق إلا بطلب مفتوح أو أجيب عنه كليا أو جزئيا؛ الطلب ${request.id} في حالة ${request.status}`,
      fr: `Seule une demande ouverte ou satisfaite en tout ou en partie reçoit des documents ; la demande ${request.id} est ${request.status}`,
      en: `Only an open request or one answered in full or in part takes released documents; request ${request.id} is ${request.status}`,
    });
  }
  const documents = request.releasedDocuments ?? [];
  if (documents.length >= MAX_RELEASED_DOCUMENTS) {
    throw new ReleasedDocumentRefusedError({
      ar: `للطلب ${request.id} ${MAX_RELEASED_DOCUMENTS} وثيقة، وهو الحد الأقصى`,
      fr: `La demande ${request.id} a déjà ${MAX_RELEASED_DOCUMENTS} documents, le maximum`,
      en: `Request ${request.id} has ${MAX_RELEASED_DOCUMENTS} documents already, the most it takes`,
    });
  }
  const document: ReleasedDocument = { ...declaration, sha256: declaration.sha256.toLowerCase(), declaredAt: now.toISOString(), declaredBy: by, status: 'awaiting-upload', scan: 'pending' };
  return change(request, { releasedDocuments: [...documents, document] }, 'document-declared', by, now, { document: describe(document) });
}

const describe = (document: ReleasedDocument) => ({ id: document.id, name: document.name, contentType: document.contentType, sizeBytes: document.sizeBytes, sha256: document.sha256 });

export function releasedDocumentOf(request: InformationRequest, documentId: string): ReleasedDocument {
  const document = request.releasedDocuments?.find((candidate) => candidate.id === documentId);
  if (!document) {
    throw new NotFoundError({ ar: `لا توجد وثيقة ${documentId} في الطلب ${request.id}`, fr: `Aucun document ${documentId} dans la demande ${request.id}`, en: `No document ${documentId} in request ${request.id}` });
  }
  return document;
}

const replaced = (request: InformationRequest, document: ReleasedDocument) => (request.releasedDocuments ?? []).map((candidate) => (candidate.id === document.id ? document : candidate));

/**
 * Stores a declared document once uploaded: storage must hold exactly the declared bytes (SHA-256 and size) of the
 * declared type. A refusal throws (the caller discards the object); completing again a stored document changes
 * nothing (undefined). `scan` is the scanner's verdict if it tagged the object already.
 */
export function completeReleasedDocument(request: InformationRequest, documentId: string, uploaded: UploadedContent | undefined, scan: ScanReading, principal: Principal, now: Date): RequestChange | undefined {
  const document = releasedDocumentOf(request, documentId);
  if (document.declaredBy.sub !== principal.sub) {
    throw new ForbiddenError({ ar: 'لا يكمل رفع الوثيقة إلا من صرح بها', fr: "Seul l'auteur de la déclaration achève le dépôt du document", en: 'Only whoever declared the document completes its upload' });
  }
  if (document.status === 'stored') return undefined;
  refuseUploadMismatch(document, uploaded, (message) => new ReleasedDocumentRefusedError(message));
  const stored = withScanReading<ReleasedDocument>({ ...document, status: 'stored', storedAt: now.toISOString() }, scan, now);
  return change(request, { releasedDocuments: replaced(request, stored) }, 'document-stored', document.declaredBy, now, { document: describe(document), scan: stored.scan });
}

/** Records the scanner's verdict on a stored document not released yet; nothing while it is pending or once recorded. */
export function recordReleasedDocumentScan(request: InformationRequest, documentId: string, scan: ScanReading, now: Date): RequestChange | undefined {
  const document = releasedDocumentOf(request, documentId);
  if (scan.verdict === 'pending' || document.scan !== 'pending' || document.status !== 'stored') return undefined;
  const result = withScanReading(document, scan, now);
  const by: Actor = { sub: 'malware-scan', role: 'system' };
  return change(request, { releasedDocuments: replaced(request, result) }, result.scan === 'quarantined' ? 'document-quarantined' : 'document-released', by, now, { documentId, scan: result.scan, tag: scan.tag });
}

const staffOf = (request: InformationRequest, principal: Principal) => principal.roles.includes('auditor') || (principal.roles.includes('agent') && principal.commune === request.commune);

/**
 * Who may read a released document: the commune's agents and auditors once it is stored; the requester once the
 * answer released information and the costs shown to them, if any, are paid. Others learn nothing of it.
 */
export function requireReleasedDocumentReader(request: InformationRequest, document: ReleasedDocument, principal: Principal): void {
  if (!mayRead(request, principal) || (!staffOf(request, principal) && !principal.roles.includes('citizen'))) {
    throw new ForbiddenError({
      ar: 'لا يطلع على الوثائق المسلمة إلا صاحب الطلب وأعوان الجماعة والمراقبون',
      fr: 'Les documents communiqués ne se lisent que par le demandeur, les agents de la commune et les auditeurs',
      en: 'The released documents are read only by the requester, the agents of the commune and auditors',
    });
  }
  if (document.status !== 'stored') {
    throw new InvalidStateError({ ar: `لم يكتمل رفع «${document.name}» بعد`, fr: `Le dépôt de « ${document.name} » n'est pas achevé`, en: `The upload of “${document.name}” is not completed yet` });
  }
  if (staffOf(request, principal)) return;
  if (!answerReleases(request)) {
    throw new InvalidStateError({
      ar: 'تُسلم الوثائق مع الجواب الكلي أو الجزئي، ولم يصدر بعد',
      fr: 'Les documents sont communiqués avec la réponse, totale ou partielle, qui n’est pas encore donnée',
      en: 'The documents are released with the answer, in full or in part, which is not given yet',
    });
  }
  if (request.costs && request.costs.status !== 'paid') {
    throw new InvalidStateError({
      ar: `تُسلم الوثائق بعد أداء مصاريف النسخ والإرسال (${request.costs.total.amount} سنتيم)`,
      fr: `Les documents sont communiqués une fois payés les frais de reproduction et d'envoi (${request.costs.total.amount} centimes)`,
      en: `The documents are released once the reproduction and sending costs (${request.costs.total.amount} centimes) are paid`,
    });
  }
}

/** Whether the document is served now: once released, to its uploader before; never once quarantined. */
export function requireServableDocument(document: ReleasedDocument, principal: Principal): void {
  if (document.scan === 'quarantined') {
    throw new FileQuarantinedError({
      ar: `لم تجتز «${document.name}» فحص البرمجيات الخبيثة (${document.scanResult?.tag ?? 'غير معروف'})؛ لا تُقدَّم لأحد`,
      fr: `« ${document.name} » n'a pas passé l'analyse antivirus (${document.scanResult?.tag ?? 'inconnu'}) ; il n'est servi à personne`,
      en: `“${document.name}” did not pass the malware scan (${document.scanResult?.tag ?? 'unknown'}); it is served to no one`,
    });
  }
  if (!isReleased(document) && document.declaredBy.sub !== principal.sub) {
    throw new FileNotScannedYetError({
      ar: `لم تُفحص «${document.name}» بعد بحثا عن البرمجيات الخبيثة؛ أعيدوا المحاولة بعد دقائق`,
      fr: `« ${document.name} » n'a pas encore été analysé par l'antivirus ; réessayez dans quelques minutes`,
      en: `“${document.name}” has not been scanned for malware yet; try again in a few minutes`,
    });
  }
}

/** The documents as the requester sees them: only those stored and released (never one awaiting or quarantined). */
export const isDeliverable = (document: ReleasedDocument) => document.status === 'stored' && isReleased(document);
