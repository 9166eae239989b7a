// GET /.well-known/jwks.json (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { documentSigner } from '../adapters/document-signer.ts';
import { jwksRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(jwksRoute, async () => ({
  body: { keys: await documentSigner.verificationKeys() },
  headers: { 'cache-control': 'public, max-age=3600' },
}));
