// The register of signed documents: every document the platform signs, whatever context issues it (birth
// extracts and copies here; the papers of other contexts, such as permit receipts and deemed-approval
// certificates), with where its PDF is kept and whether it still stands. Only its issuer's staff revoke it,
// with a reason; the revocation list publishes it, and the one verification route knows every entry.
import { DomainError, ForbiddenError, InvalidStateError } from '../../shared/errors/domain-errors.ts';
import { DOCUMENT_PROBLEMS } from '../documents.problems.ts';
import type { Role } from '../../shared/auth/roles.ts';
import type { DocumentKind, Requester } from './document-request.ts';

/**
 * The papers other contexts issue through the register, each with the context that issues it and the role of
 * the commune's staff who revoke it. A kind is declared here, not left open, so that the register, its
 * verification and its revocation rule know every paper they may meet.
 */
export const PAPER_KINDS = {
  /** A permit's filing receipt and deemed-approval certificate: the commune's president decides permits. */
  'permit-receipt': { issuer: 'permits', revokedBy: 'president' },
  'permit-certificate': { issuer: 'permits', revokedBy: 'president' },
  /** An incoming letter's acknowledgment: the commune's registry clerks keep its registers. */
  'letter-acknowledgment': { issuer: 'registry-office', revokedBy: 'clerk' },
  /** An access-to-information refusal letter (or partial answer's): the president, head of the body, answers for it. */
  'information-refusal-letter': { issuer: 'transparency', revokedBy: 'president' },
} as const satisfies Record<string, { readonly issuer: string; readonly revokedBy: Role }>;

export type PaperKind = keyof typeof PAPER_KINDS;
export type PaperIssuer = (typeof PAPER_KINDS)[PaperKind]['issuer'];

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

/** A paper another context issued about one of its records, in a commune, for one person. */
export interface RegisteredPaper extends RegisteredDocument {
  readonly kind: PaperKind;
  /** The context that issued it: always its kind's, recorded so that the item says where it comes from. */
  readonly issuer: PaperIssuer;
  /** The issuer's record the paper is about (a permit's id). */
  readonly subjectId: string;
  /** The commune's code: its staff revoke the paper. */
  readonly commune: string;
  /**
   * The subject (`sub`) of the person the paper is for (the permit's applicant, the citizen who lodged a letter);
   * none for a person without an account (the sender of a letter brought to the counter).
   */
  readonly holder?: string;
}

export type SignedDocument = IssuedDocument | RegisteredPaper;

export function isRegisteredPaper(document: SignedDocument): document is RegisteredPaper {
  return Object.hasOwn(PAPER_KINDS, document.kind);
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

/** Who asks to revoke: a registrar of an office, or a commune's staff member in the role they revoke papers in. */
export type Revoker = { readonly sub: string; readonly office: string } | { readonly sub: string; readonly commune: string; readonly role: Role };

const REVOKING_ROLE_NAMES: Record<(typeof PAPER_KINDS)[PaperKind]['revokedBy'], { readonly ar: string; readonly fr: string; readonly en: string }> = {
  president: { ar: 'رئيس مجلسها', fr: 'son président', en: 'its president' },
  clerk: { ar: 'مكتب الضبط التابع لها', fr: "son bureau d'ordre", en: 'its registry clerks' },
};

export function revoke<Document extends SignedDocument>(document: Document, revoker: Revoker, reason: string, at: string): Document {
  if (isRegisteredPaper(document)) {
    const role = PAPER_KINDS[document.kind].revokedBy;
    if (!('commune' in revoker) || revoker.commune !== document.commune || revoker.role !== role) {
      const by = REVOKING_ROLE_NAMES[role];
      throw new ForbiddenError({
        ar: `الوثيقة ${document.id} لجماعة ${document.commune} يسحبها ${by.ar}`,
        fr: `Le document ${document.id} de la commune ${document.commune} est retiré par ${by.fr}`,
        en: `Document ${document.id} of commune ${document.commune} is revoked by ${by.en}`,
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

/**
 * The claims a registered paper's QR code signs, with short names like a birth document's: the version, the
 * document number and the kind, which the register adds, and those its issuer chose (./permits' for theirs).
 */
export type PaperClaims = { readonly v: 1; readonly dn: string; readonly k: PaperKind } & IssuerClaims;

/** What the issuer signs besides the register's three claims, which it may not override. */
export type IssuerClaims = { readonly [claim: string]: string } & { readonly v?: never; readonly dn?: never; readonly k?: never };
