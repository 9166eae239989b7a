// Signs compact JWS with a platform signing key and publishes its public half. The key is named in the
// function's environment: an AWS KMS key ARN in AWS (the private key never leaves KMS), a key file made by
// the local platform on its first start.
import { createPrivateKey, createPublicKey, sign, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { requiredEnvironment } from '../aws/environment.ts';
import { signingKeyEnvName } from '../service-description.ts';
import { compactJws, joseSignatureFromDer, publicJwkOf, signingInput, type PublicJwk } from './compact-jws.ts';

export interface JwsSigner {
  /** A compact ES256 JWS of `payload`, with the key's thumbprint as `kid`. */
  sign(payload: Record<string, unknown>): Promise<string>;
  /** The keys a verifier needs (the JWKS `keys`). */
  verificationKeys(): Promise<readonly PublicJwk[]>;
}

const KMS_RAW_MESSAGE_LIMIT = 4096;

class KmsSigner implements JwsSigner {
  private publicJwk?: Promise<PublicJwk>;

  constructor(
    private readonly kms: KMSClient,
    private readonly keyArn: string,
  ) {}

  async sign(payload: Record<string, unknown>): Promise<string> {
    const { kid } = await this.key();
    const input = Buffer.from(signingInput(kid, payload));
    // KMS hashes a RAW message itself (SHA-256 for ECDSA_SHA_256), up to 4 KB: a QR code holds less than that anyway.
    if (input.length > KMS_RAW_MESSAGE_LIMIT) throw new RangeError(`A JWS signing input of ${input.length} bytes is over the ${KMS_RAW_MESSAGE_LIMIT} KMS signs`);
    const output = await this.kms.send(new SignCommand({ KeyId: this.keyArn, Message: input, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
    if (!output.Signature) throw new Error('KMS returned no signature');
    return compactJws(input.toString(), joseSignatureFromDer(output.Signature));
  }

  async verificationKeys(): Promise<readonly PublicJwk[]> {
    return [await this.key()];
  }

  /** Read once per container: the public key of a KMS key never changes. */
  private key(): Promise<PublicJwk> {
    this.publicJwk ??= this.kms.send(new GetPublicKeyCommand({ KeyId: this.keyArn })).then((output) => {
      if (!output.PublicKey) throw new Error('KMS returned no public key');
      return publicJwkOf(createPublicKey({ key: Buffer.from(output.PublicKey), format: 'der', type: 'spki' }).export({ format: 'jwk' }));
    });
    return this.publicJwk;
  }
}

class KeyFileSigner implements JwsSigner {
  private readonly publicJwk: PublicJwk;

  constructor(private readonly privateKey: KeyObject) {
    this.publicJwk = publicJwkOf(createPublicKey(privateKey).export({ format: 'jwk' }));
  }

  async sign(payload: Record<string, unknown>): Promise<string> {
    const input = signingInput(this.publicJwk.kid, payload);
    return compactJws(input, sign('sha256', Buffer.from(input), { key: this.privateKey, dsaEncoding: 'ieee-p1363' }));
  }

  async verificationKeys(): Promise<readonly PublicJwk[]> {
    return [this.publicJwk];
  }
}

/** The signer of platform key `keyId`, from the location its environment variable gives. */
export function signerFor(keyId: string): JwsSigner {
  const location = requiredEnvironment(signingKeyEnvName(keyId));
  if (location.startsWith('arn:aws:kms:')) return new KmsSigner(new KMSClient({}), location);
  if (location.startsWith('file:')) {
    // The local platform's key file: both halves as JWKs (lib/local/local-key-file.ts).
    const { privateJwk } = JSON.parse(readFileSync(fileURLToPath(location), 'utf8')) as { privateJwk: JsonWebKey };
    return new KeyFileSigner(createPrivateKey({ key: privateJwk, format: 'jwk' }));
  }
  throw new Error(`${signingKeyEnvName(keyId)} must be a KMS key ARN or a file: URL`);
}
