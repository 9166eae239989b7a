// A catalogue's HTTP answer: JSON-LD by default, Turtle when the caller's Accept header ranks it first; the same URL
// answers both, so caches key on Accept.
import { acceptsFirst } from '../../shared/http/content-negotiation.ts';
import type { HttpResult } from '../../shared/http/http-handler.ts';
import type { CatalogueFormat } from '../application/open-data.ports.ts';
import type { StoredCatalogue } from '../application/catalogue.use-cases.ts';

export const TURTLE_CONTENT_TYPE = 'text/turtle; charset=utf-8';

export function formatAsked(event: { readonly headers?: Readonly<Record<string, string | undefined>> }): CatalogueFormat {
  return acceptsFirst(event.headers?.accept, 'text/turtle', ['application/ld+json', 'application/json']) ? 'turtle' : 'json-ld';
}

export function catalogueResponse(catalogue: StoredCatalogue): HttpResult {
  const headers = { vary: 'accept' };
  return catalogue.format === 'turtle' ? { body: Buffer.from(catalogue.text, 'utf8'), contentType: TURTLE_CONTENT_TYPE, headers } : { body: catalogue.document, headers };
}
