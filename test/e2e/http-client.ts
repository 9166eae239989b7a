// A small HTTP client for the e2e layer: JSON in and out, bearer tokens from the local issuer.
import { inject } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';

export interface HttpReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown> & { errors?: { pointer: string; code: string }[] };
}

export async function request(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; baseUrl?: string } = {},
): Promise<HttpReply> {
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(`${options.baseUrl ?? inject('platformUrl')}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  let json: HttpReply['json'] = {};
  try {
    json = text ? (JSON.parse(text) as HttpReply['json']) : {};
  } catch {
    // Not JSON (the /docs page): the text is what the test reads.
  }
  return { status: response.status, headers: response.headers, text, json };
}

export async function tokenFor(
  claims: { sub: string; roles: readonly Role[]; commune?: string; office?: string; civilId?: string },
  baseUrl?: string,
): Promise<string> {
  const reply = await request('POST', '/_local/tokens', { body: claims, ...(baseUrl && { baseUrl }) });
  if (reply.status !== 201) throw new Error(`token request failed: ${reply.status} ${reply.text}`);
  return reply.json.token as string;
}
