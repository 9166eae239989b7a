// GET /.well-known/jwks.json (public)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { documentsDependencies } from '../adapters/documents.dependencies.ts';
import { jwksRoute } from '../schemas/documents.schema.ts';

export const handler = httpHandler(jwksRoute, async () => ({
  body: { keys: await documentsDependencies.signer.verificationKeys() },
  headers: { 'cache-control': 'public, max-age=3600' },
}));
