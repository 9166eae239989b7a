// The register of signed documents as other contexts use it: a context issues its paper through it (numbered
// by the context, signed with the documents' key, rendered once and stored), and serves it back from the
// stored file; permits issue their receipts and certificates so. The one verification route and the one revocation list then know every signed
// document, whichever context issued it.
import { ConflictError, NotFoundError } from '../../shared/errors/domain-errors.ts';
import { logger } from '../../shared/observability/observability.ts';
import type { JwsSigner } from '../../shared/signing/jws-signer.ts';
import { isRegisteredPaper, PAPER_KINDS, requireNotRevoked, type IssuerClaims, type RegisteredPaper } from '../domain/issued-document.ts';
import type { DocumentFiles, SignedDocumentRegister } from './documents.ports.ts';

export interface PaperToIssue {
  /** The issuer is not given: it is the kind's (PAPER_KINDS), so no context issues another's kind of paper. */
  readonly document: Pick<RegisteredPaper, 'id' | 'kind' | 'subjectId' | 'commune' | 'holder'>;
  readonly claims: IssuerClaims;
  /** The PDF, with `signedClaims` (the compact JWS) in its QR code. */
  readonly render: (signedClaims: string) => Promise<Uint8Array>;
}

export interface IssuingContext {
  readonly now: Date;
  /** Who caused the issue: the applicant, a staff member, or `system` (the deadline workflow). */
  readonly by: string;
  readonly requestId: string;
}

export interface PaperIssuing {
  readonly register: SignedDocumentRegister;
  readonly files: DocumentFiles;
  readonly signer: JwsSigner;
  /** Where a new PDF of document `id` is stored: a key of its own, so a PDF that lost a race is removed alone. */
  readonly objectKeyFor: (id: string) => string;
}

/**
 * Issues the paper once: the register records a number once, so a second issue (a retry, the workflow) ends
 * with the document recorded first, and its own PDF removed. The caller checked the state that allows the paper;
 * the PDF is stored before the register records it and removed if the record fails, so nothing signed is kept
 * that the register does not know. The register is read first: papers are issued by event consumers, whose
 * retries and redeliveries would otherwise sign and render the paper again (half a second) to lose the race.
 */
export async function issuePaper(dependencies: PaperIssuing, paper: PaperToIssue, context: IssuingContext): Promise<RegisteredPaper> {
  const issued = await registeredPaper(dependencies.register, paper.document.id);
  if (issued) return sameSubject(issued, paper);
  const signed = await dependencies.signer.sign({ v: 1, dn: paper.document.id, k: paper.document.kind, ...paper.claims });
  const pdf = await paper.render(signed);
  const objectKey = dependencies.objectKeyFor(paper.document.id);
  await dependencies.files.put(objectKey, pdf);
  const issuedAt = context.now.toISOString();
  const document: RegisteredPaper = { ...paper.document, issuer: PAPER_KINDS[paper.document.kind].issuer, objectKey, issuedAt, status: 'valid' };
  try {
    await dependencies.register.registerDocument(document, { documentId: document.id, type: 'issued', at: issuedAt, by: context.by, requestId: context.requestId });
  } catch (error) {
    await dependencies.files.discard(objectKey);
    // Issued at the same moment by another call (a retry, the workflow): that one is the document.
    const winner = error instanceof ConflictError ? await registeredPaper(dependencies.register, document.id) : undefined;
    if (winner) return sameSubject(winner, paper);
    throw error;
  }
  logger.info('document issued', { documentNumber: document.id, kind: document.kind, by: context.by });
  return document;
}

/**
 * The registered paper `id`, if any. Birth documents share the register's numbers but not its papers' shape:
 * a number that names one is refused (a conflict), never handed out as another context's paper.
 */
/**
 * The paper the register holds under this number, if it is the one asked for: a number derived from its subject
 * could in principle be another subject's too, and handing one applicant another's paper is the one outcome
 * worse than none (the event is retried, then set aside as a dead letter, which raises an alarm).
 */
function sameSubject(registered: RegisteredPaper, paper: PaperToIssue): RegisteredPaper {
  if (registered.kind === paper.document.kind && registered.subjectId === paper.document.subjectId) return registered;
  const id = paper.document.id;
  throw new ConflictError({
    ar: `الرقم ${id} سبق إصداره لملف آخر`,
    fr: `Le numéro ${id} a déjà été délivré pour un autre dossier`,
    en: `Number ${id} was already issued for another file`,
  });
}

async function registeredPaper(register: Pick<SignedDocumentRegister, 'getDocument'>, id: string): Promise<RegisteredPaper | undefined> {
  const document = await register.getDocument(id);
  if (!document || isRegisteredPaper(document)) return document;
  throw new ConflictError({ ar: `الرقم ${id} لوثيقة أخرى`, fr: `Le numéro ${id} est celui d'un autre document`, en: `Number ${id} is another document's` });
}

export interface PaperReading {
  readonly register: Pick<SignedDocumentRegister, 'getDocument'>;
  readonly files: Pick<DocumentFiles, 'get'>;
}

/**
 * The stored PDF of paper `id`, for a caller its context has already let see it (and logs in its own history:
 * a permit paper holds no personal data of the civil-status register, whose every download is logged). One not
 * issued (yet) is 404, a revoked one 410.
 */
export async function storedPaper(dependencies: PaperReading, id: string): Promise<{ document: RegisteredPaper; pdf: Uint8Array }> {
  const document = await registeredPaper(dependencies.register, id);
  if (!document) {
    throw new NotFoundError({
      ar: `الوثيقة ${id} لم تصدر بعد`,
      fr: `Le document ${id} n'a pas encore été délivré`,
      en: `Document ${id} has not been issued yet`,
    });
  }
  requireNotRevoked(document);
  return { document, pdf: await dependencies.files.get(document.objectKey) };
}
