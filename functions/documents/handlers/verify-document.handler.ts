// POST /v1/verify (public, throttled)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { logger } from '../../shared/observability/observability.ts';
import { now } from '../../shared/time/time-source.ts';
import { documentsRepository } from '../adapters/documents-table.ts';
import { documentSigner } from '../adapters/document-signer.ts';
import { verifyDocument } from '../application/verify-document.use-case.ts';
import { verifyRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(verifyRoute, async ({ body, correlationId }) => {
  const verification = await verifyDocument({ repository: documentsRepository, signer: documentSigner }, body.qr, { now: now(), requestId: correlationId });
  // The document number only: never the names or dates the QR code carries.
  logger.info('document verified', { outcome: verification.status, documentNumber: verification.claims?.dn });
  return { body: verification };
});
