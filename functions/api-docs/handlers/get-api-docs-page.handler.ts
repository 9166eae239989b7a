// GET /docs
import { httpHandler } from '../../shared/http/http-handler.ts';
import { DOCS_CONTENT_SECURITY_POLICY, apiDocsPage } from '../application/docs-page.ts';
import { apiDocsPageRoute } from '../schemas/api-docs.schema.ts';

const page = new TextEncoder().encode(apiDocsPage());

export const handler = httpHandler(apiDocsPageRoute, async () => ({
  body: page,
  contentType: 'text/html; charset=utf-8',
  headers: { 'content-security-policy': DOCS_CONTENT_SECURITY_POLICY, 'cache-control': 'public, max-age=300' },
}));
