// Compact JWS signed by a key file (the local platform) or by KMS (AWS), verified offline against the published keys.
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { joseSignatureFromDer, jwkThumbprint, publicJwkOf, verifyCompactJws } from '../../../functions/shared/signing/compact-jws.ts';
import { signerFor } from '../../../functions/shared/signing/jws-signer.ts';

const KEY_ENV = 'SIGNING_KEY_TEST_KEY';

function keyFile(): { url: string; privateKey: ReturnType<typeof generateKeyPairSync>['privateKey'] } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const file = join(mkdtempSync(join(tmpdir(), 'raqmana-jws-')), 'key.json');
  writeFileSync(file, JSON.stringify({ privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) }));
  return { url: pathToFileURL(file).href, privateKey };
}

function tamper(jws: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = jws.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

afterEach(() => {
  delete process.env[KEY_ENV];
});

describe('a signer on a key file', () => {
  it('signs a payload that verifies against its published key, named by its RFC 7638 thumbprint', async () => {
    process.env[KEY_ENV] = keyFile().url;
    const signer = signerFor('test-key');
    const jws = await signer.sign({ dn: 'DOC-1', nm: ['سلمى العلوي', 'Salma El Alaoui'] });
    const keys = await signer.verificationKeys();

    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: jwkThumbprint(keys[0]!) });
    expect(JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'ES256', kid: keys[0]!.kid });
    expect(verifyCompactJws(jws, keys)).toEqual({ outcome: 'valid', kid: keys[0]!.kid, payload: { dn: 'DOC-1', nm: ['سلمى العلوي', 'Salma El Alaoui'] } });
  });

  it('refuses a changed payload, another key, a cut signature and what is not a JWS', async () => {
    process.env[KEY_ENV] = keyFile().url;
    const signer = signerFor('test-key');
    const jws = await signer.sign({ dn: 'DOC-1', dob: '1980-03-02' });
    const keys = await signer.verificationKeys();
    process.env[KEY_ENV] = keyFile().url;
    const otherKeys = await signerFor('test-key').verificationKeys();

    expect(verifyCompactJws(tamper(jws, (claims) => (claims.dob = '1979-03-02')), keys)).toEqual({ outcome: 'bad-signature' });
    expect(verifyCompactJws(jws, otherKeys)).toEqual({ outcome: 'unknown-key' });
    expect(verifyCompactJws(jws, [{ ...otherKeys[0]!, kid: keys[0]!.kid }])).toEqual({ outcome: 'bad-signature' });
    expect(verifyCompactJws(jws.slice(0, -4), keys)).toEqual({ outcome: 'bad-signature' });
    for (const text of ['', 'hello', 'a.b', 'a.b.c.d', `${jws} trailing`]) expect(verifyCompactJws(text, keys)).toEqual({ outcome: 'malformed' });
  });

  it('tells a code that is no JWS of ours (malformed) from a well-formed one whose signed payload is not a JSON object', async () => {
    const { url, privateKey } = keyFile();
    process.env[KEY_ENV] = url;
    const keys = await signerFor('test-key').verificationKeys();
    const encode = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
    const signed = (header: string, payload: string) => `${header}.${payload}.${sign('sha256', Buffer.from(`${header}.${payload}`), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
    const header = encode({ alg: 'ES256', kid: keys[0]!.kid });

    expect(verifyCompactJws(signed(header, encode('not json')), keys)).toEqual({ outcome: 'bad-payload' });
    expect(verifyCompactJws(signed(header, encode([1, 2])), keys)).toEqual({ outcome: 'bad-payload' });
    for (const wrongHeader of [encode('not json'), encode({ alg: 'HS256', kid: keys[0]!.kid }), encode({ alg: 'ES256' })]) {
      expect(verifyCompactJws(signed(wrongHeader, encode({ dn: 'DOC-1' })), keys)).toEqual({ outcome: 'malformed' });
    }
  });

  it('refuses a configuration that is neither a KMS key nor a key file', () => {
    process.env[KEY_ENV] = '/etc/key.pem';
    expect(() => signerFor('test-key')).toThrow(/KMS key ARN or a file: URL/);
  });
});

describe('a signer on a KMS key', () => {
  const kms = mockClient(KMSClient);
  afterEach(() => kms.reset());

  it('asks KMS to sign the signing input and turns its DER signature into the JOSE form', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keyArn = 'arn:aws:kms:eu-west-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    kms.on(GetPublicKeyCommand, { KeyId: keyArn }).resolves({ PublicKey: publicKey.export({ format: 'der', type: 'spki' }), KeySpec: 'ECC_NIST_P256' });
    // What KMS does with a RAW message and ECDSA_SHA_256: an ECDSA signature over its SHA-256, DER-encoded.
    kms.on(SignCommand).callsFake((input: { Message: Uint8Array }) => ({
      Signature: sign('sha256', Buffer.from(input.Message), { key: privateKey, dsaEncoding: 'der' }),
    }));
    process.env[KEY_ENV] = keyArn;

    const signer = signerFor('test-key');
    const jws = await signer.sign({ dn: 'DOC-2' });
    const keys = await signer.verificationKeys();

    expect(keys).toEqual([publicJwkOf(publicKey.export({ format: 'jwk' }))]);
    expect(verifyCompactJws(jws, keys)).toMatchObject({ outcome: 'valid', payload: { dn: 'DOC-2' } });
    expect(kms.commandCalls(SignCommand)[0]!.args[0].input).toMatchObject({ KeyId: keyArn, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' });
    // The public key is fetched once per container.
    await signer.sign({ dn: 'DOC-3' });
    expect(kms.commandCalls(GetPublicKeyCommand)).toHaveLength(1);
  });

  it('pads short integers and drops DER sign bytes', () => {
    const r = Buffer.concat([Buffer.from([0x00, 0x80]), Buffer.alloc(31, 1)]);
    const s = Buffer.alloc(30, 2);
    const der = Buffer.concat([Buffer.from([0x30, 4 + r.length + s.length, 0x02, r.length]), r, Buffer.from([0x02, s.length]), s]);
    const jose = Buffer.from(joseSignatureFromDer(der));
    expect(jose).toHaveLength(64);
    expect(jose.subarray(0, 32)).toEqual(r.subarray(1));
    expect(jose.subarray(32)).toEqual(Buffer.concat([Buffer.alloc(2), s]));
  });
});
