// The local token issuer: signs ES256 ID tokens with the claims Cognito would put in them, and verifies
// them for the local gateway the way API Gateway's JWT authorizer does. Its key is made on first start.
import { SignJWT, errors, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { z } from 'zod';
import { CLAIMS } from '../../functions/shared/auth/principal.ts';
import { ROLES } from '../../functions/shared/auth/roles.ts';
import { openKeyFile } from './local-key-file.ts';

export const LOCAL_AUDIENCE = 'raqmana-local';
const ALGORITHM = 'ES256';

export const tokenRequestSchema = z.strictObject({
  sub: z.string().min(1).max(128),
  roles: z.array(z.enum(ROLES)).min(1),
  commune: z.string().min(1).max(64).optional(),
  province: z.string().min(1).max(64).optional(),
  region: z.string().min(1).max(64).optional(),
  office: z.string().min(1).max(64).optional(),
  civilId: z.string().regex(/^\d{10}$/).optional(),
  /** Lifetime in seconds (default one hour). */
  expiresIn: z.number().int().min(1).max(86_400).optional(),
});

export type TokenRequest = z.infer<typeof tokenRequestSchema>;

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

/** What checking a bearer token found: its claims, or why it is refused (an expired token is told apart). */
export type TokenVerdict = { readonly claims: JWTPayload } | { readonly refused: 'expired' | 'invalid' };

export class LocalIssuer {
  private constructor(
    readonly issuer: string,
    private readonly privateKey: SigningKey,
    private readonly publicKey: SigningKey,
    readonly publicJwk: JWK,
  ) {}

  /** Loads the key kept in `keyFile`, or makes one and keeps it there, so tokens survive a restart. */
  static async open(keyFile: string, issuer: string): Promise<LocalIssuer> {
    const stored = await openKeyFile(keyFile);
    const privateKey = await importJWK(stored.privateJwk, ALGORITHM);
    const publicKey = await importJWK(stored.publicJwk, ALGORITHM);
    return new LocalIssuer(issuer, privateKey, publicKey, { ...stored.publicJwk, alg: ALGORITHM, use: 'sig', kid: 'local-1' });
  }

  async sign(request: TokenRequest, issuedAt: Date): Promise<string> {
    const claims: JWTPayload = {
      [CLAIMS.groups]: request.roles,
      token_use: 'id',
      ...(request.commune && { [CLAIMS.commune]: request.commune }),
      ...(request.province && { [CLAIMS.province]: request.province }),
      ...(request.region && { [CLAIMS.region]: request.region }),
      ...(request.office && { [CLAIMS.office]: request.office }),
      ...(request.civilId && { [CLAIMS.civilId]: request.civilId }),
    };
    const issuedAtSeconds = Math.floor(issuedAt.getTime() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: 'local-1', typ: 'JWT' })
      .setSubject(request.sub)
      .setIssuer(this.issuer)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt(issuedAtSeconds)
      .setExpirationTime(issuedAtSeconds + (request.expiresIn ?? 3600))
      .sign(this.privateKey);
  }

  /**
   * The claims of a genuine, unexpired ID token of this issuer. A token without `exp` or that is not an ID token
   * (`token_use` other than `id`) is refused here, and by principal.ts behind API Gateway's authorizer in AWS.
   */
  async verify(token: string, at: Date): Promise<TokenVerdict> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: this.issuer,
        audience: LOCAL_AUDIENCE,
        algorithms: [ALGORITHM],
        currentDate: at,
        requiredClaims: ['exp', 'sub'],
      });
      return payload.token_use === 'id' ? { claims: payload } : { refused: 'invalid' };
    } catch (error) {
      return { refused: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}
