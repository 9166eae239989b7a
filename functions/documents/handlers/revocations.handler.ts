// GET /v1/documents/revocations (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { documentsRepository } from '../adapters/documents-table.ts';
import { revocationListRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(revocationListRoute, async ({ query }) => ({
  body: await documentsRepository.revocations(query),
  // Verifiers refresh their copy every few minutes; a revocation reaches them within that time.
  headers: { 'cache-control': 'public, max-age=300' },
}));
