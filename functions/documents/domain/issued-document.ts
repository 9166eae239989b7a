// The register of signed documents: every document the platform signs, whatever context issues it (birth
// extracts and copies here, permit receipts and deemed-approval certificates in permits), with where its PDF
// is kept and whether it still stands. Only its issuer's staff revoke it, with a reason; the revocation list
// publishes it, and the one verification route knows every entry.
import { DomainError, ForbiddenError, InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { DOCUMENT_PROBLEMS } from '../documents.problems.ts';
import type { DocumentKind, Requester } from './document-request.ts';

/** What a permit issues: the filing receipt and the deemed-approval certificate. */
export type PermitPaperKind = 'permit-receipt' | 'permit-certificate';

interface RegisteredDocument {
  /** The document number printed on it and signed in its QR code. */
  readonly id: string;
  readonly objectKey: string;
  readonly issuedAt: string;
  readonly status: 'valid' | 'revoked';
  readonly revokedAt?: string;
  readonly revokedBy?: string;
  readonly revocationReason?: string;
}

/** An extract or full copy of a birth act: its registrars (the act's office) revoke it. */
export interface IssuedDocument extends RegisteredDocument {
  readonly kind: DocumentKind;
  readonly requestId: string;
  readonly actId: string;
  readonly office: string;
  readonly owner: Requester;
}

/** A permit's receipt or certificate: the commune's president (who decides permits) revokes it. */
export interface PermitPaper extends RegisteredDocument {
  readonly kind: PermitPaperKind;
  readonly permitId: string;
  readonly commune: string;
  /** The applicant's subject. */
  readonly applicant: string;
}

export type SignedDocument = IssuedDocument | PermitPaper;

export function isPermitPaper(document: SignedDocument): document is PermitPaper {
  return document.kind === 'permit-receipt' || document.kind === 'permit-certificate';
}

/** Logged for every issue, download, verification and revocation: who, what, when; never what it says. */
export interface DocumentEvent {
  readonly documentId: string;
  readonly type: 'issued' | 'downloaded' | 'verified' | 'revoked';
  readonly at: string;
  /** The caller's subject, or `anonymous` for a public verification. */
  readonly by: string;
  readonly requestId: string;
  readonly outcome?: VerificationStatus;
}

export type VerificationStatus = 'valid' | 'tampered' | 'revoked';

/** Who asks to revoke: a registrar of an office, or the president of a commune. */
export type Revoker = { readonly sub: string; readonly office: string } | { readonly sub: string; readonly commune: string };

export function revoke<Document extends SignedDocument>(document: Document, revoker: Revoker, reason: string, at: string): Document {
  if (isPermitPaper(document)) {
    if (!('commune' in revoker) || revoker.commune !== document.commune) {
      throw new ForbiddenError({
        ar: `وثائق رخص جماعة ${document.commune} يسحبها رئيس مجلسها`,
        fr: `Les documents des autorisations de la commune ${document.commune} sont retirés par son président`,
        en: `Permit documents of commune ${document.commune} are revoked by its president`,
      });
    }
  } else if (!('office' in revoker) || revoker.office !== document.office) {
    throw new ForbiddenError({
      ar: `الوثائق المستخرجة من رسوم ${document.office} يسحبها ضباط الحالة المدنية بهذا المكتب`,
      fr: `Les documents tirés des actes de ${document.office} sont retirés par ses officiers d'état civil`,
      en: `Documents about acts of ${document.office} are revoked by its registrars`,
    });
  }
  if (document.status === 'revoked') {
    throw new InvalidStateError({
      ar: `سُحبت الوثيقة ${document.id} بتاريخ ${document.revokedAt}`,
      fr: `Le document ${document.id} a été retiré le ${document.revokedAt}`,
      en: `Document ${document.id} was revoked on ${document.revokedAt}`,
    });
  }
  return { ...document, status: 'revoked', revokedAt: at, revokedBy: revoker.sub, revocationReason: reason };
}

/** A revoked document is not handed out any more (410 Gone): the paper it was is void. */
export class DocumentRevokedError extends DomainError {
  readonly problem = DOCUMENT_PROBLEMS['document-revoked'];
}

export function requireNotRevoked(document: SignedDocument): void {
  if (document.status !== 'revoked') return;
  throw new DocumentRevokedError({
    ar: `سُحبت الوثيقة ${document.id} بتاريخ ${document.revokedAt}: لم يعد من الممكن تحميلها`,
    fr: `Le document ${document.id} a été retiré le ${document.revokedAt} : il n'est plus délivré`,
    en: `Document ${document.id} was revoked on ${document.revokedAt}: it is no longer handed out`,
  });
}

/** The claims a permit paper's QR code signs, with short names like a birth document's. */
export interface PermitPaperClaims {
  readonly v: 1;
  /** Document number: the receipt number, or the certificate number. */
  readonly dn: string;
  readonly k: PermitPaperKind;
  /** The file's receipt number. */
  readonly rn: string;
  /** The commune's code. */
  readonly cm: string;
  /** The legal deadline as the paper prints it, `YYYY-MM-DD`. */
  readonly due: string;
  /** Issue date in Morocco, `YYYY-MM-DD`. */
  readonly iat: string;
  /** SHA-256 (base64url) of the paper's data as printed. */
  readonly dg: string;
}
