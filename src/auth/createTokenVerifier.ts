import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { tokenClaimsSchema, type TokenClaims } from './tokenClaims';

/** Who is calling: nobody in particular, a caller whose token was verified, or one whose token was refused (and why, for the log). */
export type Identity =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'verified'; readonly claims: TokenClaims }
  | { readonly kind: 'invalid'; readonly reason: string };

export interface TokenSettings {
  /** HS256 key (JWT_SECRET). */
  readonly secret: string | undefined;
  /** An identity provider's JSON Web Key Set (JWT_JWKS_URL), for asymmetric tokens. */
  readonly jwksUrl: string | undefined;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Identity>;

/** Asymmetric algorithms accepted from the JWKS; never `none`, never HS* with a public key. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const ANONYMOUS: Identity = { kind: 'anonymous' };
const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * Given the token settings, returns the verifier of the Authorization header: an HS256 token is
 * checked against the shared secret, an asymmetric one against the JWKS (fetched, cached and
 * refreshed by jose; a slow provider times out in 2 s); then `exp` is required, `iss` and `aud`
 * are checked when configured, and the claims must match tokenClaimsSchema. Any failure gives an
 * `invalid` identity, which may read but never write. With neither secret nor JWKS, no token is
 * ever valid.
 */
export function createTokenVerifier(settings: TokenSettings): TokenVerifier {
  const secret = settings.secret === undefined ? undefined : new TextEncoder().encode(settings.secret);
  const jwks: JWTVerifyGetKey | undefined =
    settings.jwksUrl === undefined ? undefined : createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 2_000 });
  const common = {
    requiredClaims: ['exp'],
    clockTolerance: 30,
    ...(settings.issuer === undefined ? {} : { issuer: settings.issuer }),
    ...(settings.audience === undefined ? {} : { audience: settings.audience }),
  };

  return async (authorization) => {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) return { kind: 'invalid', reason: 'not a Bearer JWT' };
    try {
      const { alg } = decodeProtectedHeader(token);
      let payload: unknown;
      if (alg === 'HS256') {
        if (secret === undefined) return { kind: 'invalid', reason: 'HS256 token but no JWT_SECRET' };
        payload = (await jwtVerify(token, secret, { ...common, algorithms: ['HS256'] })).payload;
      } else {
        if (jwks === undefined) return { kind: 'invalid', reason: `${String(alg)} token but no JWT_JWKS_URL` };
        payload = (await jwtVerify(token, jwks, { ...common, algorithms: JWKS_ALGORITHMS })).payload;
      }
      const claims = tokenClaimsSchema.safeParse(payload);
      if (!claims.success) {
        return {
          kind: 'invalid',
          reason: `claims: ${claims.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
        };
      }
      return { kind: 'verified', claims: claims.data };
    } catch (error) {
      return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
    }
  };
}
