// Large static answers (the OpenAPI document, Redoc's script) sent gzip-compressed to the clients that accept it:
// HTTP APIs do not compress responses themselves.
import { gzipSync } from 'node:zlib';
import type { HttpEvent, HttpResult } from '../../shared/http/http-handler.ts';

export interface Compressible {
  readonly plain: Uint8Array;
  readonly gzipped: Uint8Array;
}

export function compressible(plain: Uint8Array): Compressible {
  return { plain, gzipped: gzipSync(plain, { level: 9 }) };
}

function acceptsGzip(event: HttpEvent): boolean {
  return (event.headers?.['accept-encoding'] ?? '')
    .split(',')
    .some((coding) => {
      const [name = '', ...parameters] = coding.trim().toLowerCase().split(';');
      return name.trim() === 'gzip' && !parameters.some((parameter) => /^\s*q=0(\.0*)?\s*$/.test(parameter));
    });
}

export function compressedResult(body: Compressible, contentType: string, event: HttpEvent, cacheControl: string): HttpResult {
  const gzip = acceptsGzip(event);
  return {
    body: gzip ? body.gzipped : body.plain,
    contentType,
    headers: { 'cache-control': cacheControl, vary: 'accept-encoding', ...(gzip && { 'content-encoding': 'gzip' }) },
  };
}
