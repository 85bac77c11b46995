import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { Unauthenticated } from './auth-errors';
import { ROLES, type Principal, type Role } from './principal';

export interface JwtVerifierOptions {
  /** HS256 shared secret (development, tests). */
  readonly secret?: string;
  /** RS256 key set (production). Takes precedence over the secret. */
  readonly jwksUrl?: string;
  readonly issuer: string;
  readonly audience: string;
}

/**
 * Verifies bearer tokens as DESIGN.md describes them: `sub`, `roles` (any of the five) and, for
 * agency roles, `agency`. HS256 with a shared secret, or RS256 from a JWKS URL (keys cached and
 * refreshed by jose). Signature, issuer, audience and expiry are all checked.
 */
export class JwtVerifier {
  private readonly key: KeyObject | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly options: JwtVerifierOptions) {
    if (options.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(options.jwksUrl));
      this.algorithms = ['RS256'];
    } else if (options.secret) {
      this.key = createSecretKey(Buffer.from(options.secret, 'utf8'));
      this.algorithms = ['HS256'];
    } else {
      throw new Error('JwtVerifier needs AUTH_JWT_SECRET or AUTH_JWKS_URL');
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const verifyOptions = {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: this.algorithms,
      };
      ({ payload } =
        this.key instanceof Function
          ? await jwtVerify(token, this.key, verifyOptions)
          : await jwtVerify(token, this.key, verifyOptions));
    } catch (error) {
      const reason =
        error instanceof errors.JWTExpired
          ? 'the token has expired'
          : error instanceof errors.JWTClaimValidationFailed
            ? `the token's ${error.claim} claim is not accepted`
            : 'the token could not be verified';
      throw new Unauthenticated(reason);
    }
    return principalOf(payload);
  }
}

function principalOf(payload: JWTPayload): Principal {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject === '') {
    throw new Unauthenticated('the token has no subject');
  }
  const claimed: unknown = payload.roles;
  const roles = Array.isArray(claimed)
    ? claimed.filter(
        (r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r),
      )
    : [];
  const agency =
    typeof payload.agency === 'string' && payload.agency !== '' ? payload.agency : undefined;
  return { subject, roles, ...(agency !== undefined ? { agency } : {}) };
}
