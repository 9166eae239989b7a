// The ports the documents use cases need: their own storage, the civil-status register they read, the
// reference data, the PDF store and renderer, the signing key and the payment provider.
import type { ActRead, CivilAct } from '../../civil-status/public.ts';
import type { ReferenceRequest, ReferenceSnapshot } from '../../reference-data/public.ts';
import type { Page } from '../../shared/http/pagination.ts';
import type { PaymentProvider } from '../../shared/payments/payment-provider.ts';
import type { JwsSigner } from '../../shared/signing/jws-signer.ts';
import type { BirthDocument } from '../domain/birth-document.ts';
import type { DocumentRequest, RequestEvent } from '../domain/document-request.ts';
import type { DocumentEvent, IssuedDocument, SignedDocument } from '../domain/issued-document.ts';

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string;
}

/** Everything one step of a request writes, at once or not at all. */
export interface RequestChange {
  readonly request: DocumentRequest;
  /** The version the request had when read; 0 for a new request. A request changed meanwhile fails the change (ConflictError). */
  readonly expectedVersion: number;
  readonly events: readonly RequestEvent[];
  /** Reads of civil-status acts made for this step, logged in the register's access log. */
  readonly actReads: readonly ActRead[];
  readonly issued?: { readonly document: IssuedDocument; readonly event: DocumentEvent };
}

export interface DocumentsRepository {
  /** A request that may exist already (a retry), with the reference data a new one needs: one read. */
  requestWithReference(id: string, reference: ReferenceRequest): Promise<{ request?: DocumentRequest; reference: ReferenceSnapshot }>;
  saveRequest(change: RequestChange): Promise<void>;
  getRequest(id: string): Promise<DocumentRequest | undefined>;
  /** The request with its events, oldest first. */
  requestWithHistory(id: string): Promise<{ request: DocumentRequest; history: (RequestEvent & { version: number })[] } | undefined>;
  /** The requests a person made, newest first. */
  requestsOf(civilId: string, page: PageRequest): Promise<Page<DocumentRequest>>;
  /** Requests of an office waiting for review, most urgent first; with `dueBefore`, only those due before it. */
  reviewQueue(office: string, page: PageRequest, dueBefore?: string): Promise<Page<DocumentRequest>>;
  getDocument(id: string): Promise<SignedDocument | undefined>;
  /** Marks the document revoked, only if it is still valid (ConflictError otherwise), with its event. */
  revokeDocument(document: SignedDocument, event: DocumentEvent): Promise<void>;
  recordDocumentEvent(event: DocumentEvent): Promise<void>;
  documentEvents(id: string, page: PageRequest): Promise<Page<DocumentEvent>>;
  /** Revoked documents, latest first: the published revocation list. */
  revocations(page: PageRequest): Promise<Page<Pick<IssuedDocument, 'id' | 'revokedAt'>>>;
}

/** The register of signed documents, as another context's issuing sees it (../public.ts). */
export interface SignedDocumentRegister {
  getDocument(id: string): Promise<SignedDocument | undefined>;
  /** Records a document issued outside a request, with its event; ConflictError if its number is taken. */
  registerDocument(document: SignedDocument, event: DocumentEvent): Promise<void>;
}

export interface CivilRegister {
  birthAct(target: { readonly actId: string } | { readonly civilId: string }): Promise<CivilAct | undefined>;
}

export interface ReferenceData {
  /** The office with its commune, and the holidays of `years`. */
  snapshot(office: string, years: readonly number[]): Promise<ReferenceSnapshot>;
}

export interface DocumentFiles {
  put(objectKey: string, pdf: Uint8Array): Promise<void>;
  get(objectKey: string): Promise<Uint8Array>;
  /** Removes a PDF that lost a race and was never recorded. */
  discard(objectKey: string): Promise<void>;
}

export interface DocumentRenderer {
  /** The bilingual PDF, with `signedClaims` (the compact JWS) in its QR code. */
  render(document: BirthDocument, signedClaims: string): Promise<Uint8Array>;
}

/** Takes the fee: the shared payment port (functions/shared/payments). */
export type { PaymentProvider } from '../../shared/payments/payment-provider.ts';

export interface DocumentsDependencies {
  readonly repository: DocumentsRepository;
  readonly register: CivilRegister;
  readonly reference: ReferenceData;
  readonly files: DocumentFiles;
  readonly renderer: DocumentRenderer;
  readonly signer: JwsSigner;
  readonly payments: PaymentProvider;
  readonly newRequestId: () => string;
  /** The id of the request a caller makes under an Idempotency-Key: the same for the same caller and key. */
  readonly requestIdFor: (callerSub: string, idempotencyKey: string) => string;
  readonly newDocumentNumber: () => string;
}
