// ES256 key pairs the local platform makes on first start and keeps in its data folder, so that tokens it
// issued and documents it signed stay verifiable after a restart. The file holds both halves as JWKs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface StoredKeyPair {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export async function openKeyFile(keyFile: string): Promise<StoredKeyPair> {
  if (existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as StoredKeyPair;
  const pair = await generateKeyPair('ES256', { extractable: true });
  const stored = { privateJwk: await exportJWK(pair.privateKey), publicJwk: await exportJWK(pair.publicKey) };
  mkdirSync(dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, JSON.stringify(stored), { mode: 0o600 });
  return stored;
}
