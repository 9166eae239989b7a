// Issuing: number the document, sign its claims, render and keep its PDF. Shared by the automatic issue at
// request time and the registrar's approval; the caller records the document in the same transaction as the
// request's change, and discards the PDF if that transaction loses a race.
import type { CivilAct } from '../../civil-status/public.ts';
import { logger } from '../../shared/observability/observability.ts';
import type { OfficeOfCommune } from '../../reference-data/public.ts';
import { birthDocument, documentClaims } from '../domain/birth-document.ts';
import type { DocumentRequest } from '../domain/document-request.ts';
import type { DocumentEvent, IssuedDocument } from '../domain/issued-document.ts';
import type { DocumentsDependencies, RequestChange } from './documents.ports.ts';

export interface Issued {
  readonly document: IssuedDocument;
  readonly event: DocumentEvent;
}

export async function issueDocument(
  dependencies: DocumentsDependencies,
  request: Pick<DocumentRequest, 'id' | 'kind' | 'requester' | 'office'>,
  act: CivilAct,
  office: OfficeOfCommune,
  context: { readonly now: Date; readonly by: string; readonly requestId: string },
): Promise<Issued> {
  const number = dependencies.newDocumentNumber();
  const content = birthDocument(act, request.kind, office, number, context.now);
  const signed = await dependencies.signer.sign({ ...documentClaims(content) });
  const pdf = await dependencies.renderer.render(content, signed);
  const objectKey = `documents/${number}.pdf`;
  await dependencies.files.put(objectKey, pdf);
  const issuedAt = context.now.toISOString();
  return {
    document: { id: number, requestId: request.id, kind: request.kind, actId: act.id, office: request.office, owner: request.requester, objectKey, issuedAt, status: 'valid' },
    event: { documentId: number, type: 'issued', at: issuedAt, by: context.by, requestId: context.requestId },
  };
}

/** Saves the change; a PDF made for it that was never recorded (a lost race, a failed write) is removed. */
export async function saveWithIssued(dependencies: DocumentsDependencies, change: RequestChange): Promise<void> {
  try {
    await dependencies.repository.saveRequest(change);
  } catch (error) {
    if (change.issued) await dependencies.files.discard(change.issued.document.objectKey);
    throw error;
  }
  // Who and what, never what the document says.
  if (change.issued) logger.info('document issued', { documentNumber: change.issued.document.id, requestId: change.request.id, by: change.issued.event.by });
}
