// Compact JWS (RFC 7515) with ES256, written with node:crypto alone: a verifier holds a few public keys and
// checks a QR payload offline, and a Lambda function signs without shipping a JOSE library in its bundle.
import { createHash, createPublicKey, verify as verifySignature, type JsonWebKey } from 'node:crypto';

export const SIGNING_ALGORITHM = 'ES256';

/** A public verification key as published in a JWKS. */
export interface PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  readonly kid: string;
  readonly alg: typeof SIGNING_ALGORITHM;
  readonly use: 'sig';
}

const base64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');

/** `header.payload`, the bytes an ES256 signature covers. */
export function signingInput(kid: string, payload: unknown): string {
  return `${base64url(JSON.stringify({ alg: SIGNING_ALGORITHM, kid }))}.${base64url(JSON.stringify(payload))}`;
}

export function compactJws(input: string, rawSignature: Uint8Array): string {
  return `${input}.${base64url(rawSignature)}`;
}

/** RFC 7638 thumbprint: a key id anyone can recompute from the key itself. */
export function jwkThumbprint(jwk: Pick<JsonWebKey, 'crv' | 'x' | 'y'>): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: 'EC', x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** The published form of a P-256 public key, named by its thumbprint. */
export function publicJwkOf(key: JsonWebKey): PublicJwk {
  if (key.kty !== 'EC' || key.crv !== 'P-256' || !key.x || !key.y) throw new Error('Only P-256 keys sign documents');
  return { kty: 'EC', crv: 'P-256', x: key.x, y: key.y, kid: jwkThumbprint(key), alg: SIGNING_ALGORITHM, use: 'sig' };
}

/**
 * KMS answers ECDSA signatures DER-encoded (a SEQUENCE of two INTEGERs); JWS wants r and s as two 32-byte
 * big-endian numbers side by side (RFC 7518 §3.4).
 */
export function joseSignatureFromDer(der: Uint8Array): Uint8Array {
  const bytes = Buffer.from(der);
  let offset = 2;
  if (bytes[0] !== 0x30) throw new Error('Not a DER ECDSA signature');
  if (bytes[1]! & 0x80) offset = 2 + (bytes[1]! & 0x7f);
  const integer = (): Buffer => {
    if (bytes[offset] !== 0x02) throw new Error('Not a DER ECDSA signature');
    const length = bytes[offset + 1]!;
    const value = bytes.subarray(offset + 2, offset + 2 + length);
    offset += 2 + length;
    // DER keeps a leading zero when the high bit is set, and drops leading zeros otherwise.
    const trimmed = value.subarray(Math.max(0, value.length - 32));
    return Buffer.concat([Buffer.alloc(32 - trimmed.length), trimmed]);
  };
  return Buffer.concat([integer(), integer()]);
}

export type JwsVerification =
  | { readonly outcome: 'valid'; readonly kid: string; readonly payload: Record<string, unknown> }
  /**
   * `malformed`: not a compact JWS of ours at all (not three base64url parts, or a header that does not parse or
   * names no ES256 key). The others are well-formed codes that fail: a key we never published, a signature that
   * does not hold, or a signed payload that is not a JSON object.
   */
  | { readonly outcome: 'malformed' | 'unknown-key' | 'bad-signature' | 'bad-payload' };

/** Checks a compact JWS against published keys; nothing from an unverified payload is returned. */
export function verifyCompactJws(jws: string, keys: readonly PublicJwk[]): JwsVerification {
  const parts = jws.trim().split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return { outcome: 'malformed' };
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
  const header = parseJson(encodedHeader);
  if (!header || header.alg !== SIGNING_ALGORITHM || typeof header.kid !== 'string') return { outcome: 'malformed' };
  const key = keys.find((candidate) => candidate.kid === header.kid);
  if (!key) return { outcome: 'unknown-key' };
  const signature = Buffer.from(encodedSignature, 'base64url');
  if (signature.length !== 64) return { outcome: 'bad-signature' };
  const publicKey = createPublicKey({ key: { kty: key.kty, crv: key.crv, x: key.x, y: key.y }, format: 'jwk' });
  const signed = verifySignature('sha256', Buffer.from(`${encodedHeader}.${encodedPayload}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
  if (!signed) return { outcome: 'bad-signature' };
  const payload = parseJson(encodedPayload);
  return payload ? { outcome: 'valid', kid: key.kid, payload } : { outcome: 'bad-payload' };
}

function parseJson(encoded: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
