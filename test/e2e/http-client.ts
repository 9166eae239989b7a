// A small HTTP client for the e2e layer: JSON in and out, bearer tokens from the local issuer. Every reply to a
// route of the OpenAPI document is checked against it (status declared for that operation, body valid against
// its schema), so every e2e test also tests the published contract; and every public reply is checked for the
// identity of the access-to-information requesters the run has filed (requester-identities.ts).
import { rememberRequester, requesterIdentityIn } from './requester-identities.ts';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { inject } from 'vitest';
import type { Role } from '../../functions/shared/auth/roles.ts';

export interface HttpReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown> & { errors?: { pointer: string; code: string }[] };
}

interface OpenApiResponse {
  readonly content?: Record<string, { readonly schema?: object }>;
}

interface OpenApiOperation {
  readonly operationId: string;
  readonly responses: Record<string, OpenApiResponse>;
}

interface ContractOperation {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly literalSegments: number;
  readonly operation: OpenApiOperation;
}

interface Contract {
  readonly operations: readonly ContractOperation[];
  validator(pointer: string): ValidateFunction;
}

const CONTRACT_ID = 'openapi.json';
const contracts = new Map<string, Promise<Contract>>();

function pointerSegment(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/**
 * The document with every object schema closed to the properties it lists: zod's objects strip unknown keys on
 * input but say nothing of extra ones in a response, and a field a handler returns that the document does not
 * name is a contract that drifted.
 */
function closedObjects(node: unknown, composed = false): unknown {
  if (Array.isArray(node)) return node.map((item) => closedObjects(item, composed));
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => [key, closedObjects(value, key === 'allOf')] as const);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  const open = typeof object.properties === 'object' && !('additionalProperties' in object) && !('patternProperties' in object) && !composed;
  return open ? { ...object, additionalProperties: false } : object;
}

async function loadContract(baseUrl: string): Promise<Contract> {
  const response = await fetch(`${baseUrl}/openapi.json`);
  if (response.status !== 200) throw new Error(`GET /openapi.json answered ${response.status}`);
  const document = (await response.json()) as { paths: Record<string, Record<string, OpenApiOperation>> };
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; the document is one schema resource so that $refs resolve.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(closedObjects(document) as object, CONTRACT_ID);
  const operations = Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literalSegments: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
      operation,
    })),
  );
  // As the gateways do: a literal segment wins over a parameter (`/requests/{id}` before `/{documentId}/events`).
  operations.sort((a, b) => b.literalSegments - a.literalSegments);
  const validators = new Map<string, ValidateFunction>();
  return {
    operations,
    validator: (pointer) => {
      let validate = validators.get(pointer);
      if (!validate) {
        validate = ajv.getSchema(`${CONTRACT_ID}#${pointer}`);
        if (!validate) throw new Error(`no schema at ${pointer} in the OpenAPI document`);
        validators.set(pointer, validate);
      }
      return validate;
    },
  };
}

function contractOf(baseUrl: string): Promise<Contract> {
  let contract = contracts.get(baseUrl);
  if (!contract) {
    contract = loadContract(baseUrl);
    contracts.set(baseUrl, contract);
  }
  return contract;
}

/** Why a reply breaks the OpenAPI document, or undefined when it keeps it (or is to a route outside the document). */
export async function contractViolation(baseUrl: string, method: string, path: string, reply: HttpReply): Promise<string | undefined> {
  const contract = await contractOf(baseUrl);
  const pathname = new URL(path, 'http://host').pathname;
  const match = contract.operations.find((candidate) => candidate.method === method && candidate.pattern.test(pathname));
  if (!match) return undefined;
  const where = `${method} ${pathname} (${match.operation.operationId}) answered ${reply.status}`;
  const response = match.operation.responses[String(reply.status)] ?? match.operation.responses.default;
  if (!response) return `${where}, a status its operation does not declare (${Object.keys(match.operation.responses).join(', ')})`;
  const mediaType = (reply.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!response.content) return reply.text === '' ? undefined : `${where} with a ${mediaType} body where the document declares none`;
  const media = response.content[mediaType];
  if (!media) return `${where} with ${mediaType || 'no content type'}, not one of ${Object.keys(response.content).join(', ')}`;
  if (!media.schema || !/[/+]json$/.test(mediaType)) return undefined;
  const pointer = ['', 'paths', match.template, match.method.toLowerCase(), 'responses', String(reply.status), 'content', mediaType, 'schema'].map(pointerSegment).join('/');
  const validate = contract.validator(pointer);
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    return `${where} with a ${mediaType} body that is not JSON`;
  }
  if (validate(body)) return undefined;
  const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  return `${where} with a body that does not match its schema: ${errors.join('; ')}`;
}

export async function request(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; baseUrl?: string } = {},
): Promise<HttpReply> {
  const baseUrl = options.baseUrl ?? inject('platformUrl');
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(`${baseUrl}${path}`, {
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
  const reply = { status: response.status, headers: response.headers, text, json };
  const violation = await contractViolation(baseUrl, method, path, reply);
  if (violation) throw new Error(`The reply breaks the OpenAPI document: ${violation}`);
  rememberRequester(method, path, reply.status, options.body);
  const leaked = options.token === undefined ? requesterIdentityIn(path, text) : undefined;
  if (leaked) throw new Error(`The public reply of ${method} ${path} carries a requester's identity: ${leaked}`);
  return reply;
}

export async function tokenFor(
  claims: { sub: string; roles: readonly Role[]; commune?: string; province?: string; region?: string; office?: string; civilId?: string },
  baseUrl?: string,
): Promise<string> {
  const reply = await request('POST', '/_local/tokens', { body: claims, ...(baseUrl && { baseUrl }) });
  if (reply.status !== 201) throw new Error(`token request failed: ${reply.status} ${reply.text}`);
  return reply.json.token as string;
}

/** Waits until what the changes so far caused (events delivered, workflows started, notifications written) has happened. */
export async function settle(baseUrl?: string): Promise<void> {
  const reply = await request('POST', '/_local/settle', baseUrl ? { baseUrl } : {});
  if (reply.status !== 200) throw new Error(`POST /_local/settle answered ${reply.status}`);
}

/** A binary answer (a PDF) as bytes; any other status than 200 is a problem document, read as JSON too. */
export async function download(path: string, token: string): Promise<{ status: number; bytes: Uint8Array; json?: Record<string, unknown> }> {
  const response = await fetch(`${inject('platformUrl')}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, bytes, ...(response.status !== 200 && { json: JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown> }) };
}

/**
 * A read of an uploaded file. The local S3 server tags a new object as its scanner would a moment after storing it,
 * so a read can meet the file untagged (409 `file-not-scanned-yet`): it is asked again for up to two seconds.
 */
export async function readOnceScanned(path: string, token: string): Promise<HttpReply> {
  for (let attempt = 1; ; attempt += 1) {
    const reply = await request('GET', path, { token });
    if (reply.json.code !== 'file-not-scanned-yet' || attempt === 20) return reply;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
