import { HttpException, Logger } from '@nestjs/common';
import { verify as verifySignature, type KeyObject } from 'node:crypto';
import type { AuthenticatedUser } from './authenticated-user';
import { InvalidTokenError } from './bearer-errors';
import type { JwksKeyStore } from './jwks-key-store';
import type { SubjectRevocations } from './subject-revocations';
import { toAuthenticatedUser } from './token-claims';
import { decodeAccessToken, type DecodedAccessToken } from './token-header';
import type { VerifiedTokenCache } from './verified-token-cache';

/** Allowed clock skew between Auth0 and this API, in seconds (SPEC §4.3: at most 5). */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** Oldest token accepted, whatever its `exp` says, in seconds: Auth0's default API token lifetime (24 h). */
export const MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;

export interface AccessTokenRules {
  /** `iss`, exactly (Auth0's tenant URL with its trailing slash). */
  issuer: string;
  /** Must be `aud`, or one of its values. */
  audience: string;
  rolesClaim: string;
}

const logger = new Logger('AccessTokenVerifier');

/**
 * Verifies Auth0 access tokens (SPEC §4.3): RS256 only, signed by the issuer's key named by `kid`,
 * exact issuer, the configured audience, a mandatory `exp` and `iat`, `iat` neither in the future nor
 * older than MAX_TOKEN_AGE_SECONDS, `nbf` when present, each time check with CLOCK_TOLERANCE_SECONDS,
 * and a subject that has not been revoked. A token that passes is remembered in the
 * VerifiedTokenCache, so its next request costs a hash instead of a signature check.
 *
 * The token is decoded once and its signature checked with node:crypto's one-shot `verify` on the
 * `KeyObject` parsed from the JWKS: a profile under load put passport's per-request machinery and
 * jsonwebtoken's second decode at twice the cost of the signature check itself. The rules are
 * those jsonwebtoken applies with the same options; a differential test holds the two together.
 *
 * Answers synchronously when the token is cached or its key is known, so the common request waits
 * for no promise; every refusal is an InvalidTokenError (401), whatever the token contains.
 */
export class AccessTokenVerifier {
  constructor(
    private readonly keys: Pick<JwksKeyStore, 'knownKey' | 'getKey'>,
    private readonly revocations: Pick<SubjectRevocations, 'isRevoked'>,
    private readonly verified: VerifiedTokenCache,
    private readonly rules: AccessTokenRules,
    private readonly now: () => number = Date.now,
  ) {}

  /** The caller `token` proves, or an InvalidTokenError (a promise only when the key must be fetched). */
  verify(token: string): AuthenticatedUser | Promise<AuthenticatedUser> {
    const known = this.verified.lookup(token);
    if (known !== undefined) return known;
    const decoded = decodeAccessToken(token);
    const key = this.keys.knownKey(decoded.kid);
    if (key !== undefined) return this.verifyWith(token, decoded, key);
    return this.keys.getKey(decoded.kid).then(
      (fetched) => {
        if (fetched === undefined)
          throw new InvalidTokenError('The access token is signed by an unknown key.', 'unknown_key');
        return this.verifyWith(token, decoded, fetched);
      },
      (error: unknown) => {
        // The issuer's keys could not be read: a 503 from the key store stays one; anything else is a refusal.
        if (error instanceof HttpException) throw error;
        throw new InvalidTokenError();
      },
    );
  }

  private verifyWith(token: string, decoded: DecodedAccessToken, key: KeyObject): AuthenticatedUser {
    if (key.asymmetricKeyType !== 'rsa' || !signatureHolds(decoded, key)) {
      throw new InvalidTokenError(undefined, 'bad_signature');
    }
    const { claims } = decoded;
    const nowSeconds = Math.floor(this.now() / 1000);
    if (claims['iss'] !== this.rules.issuer || !hasAudience(claims['aud'], this.rules.audience)) {
      throw new InvalidTokenError(undefined, 'issuer_or_audience');
    }
    const { exp, iat, nbf } = claims;
    if (typeof exp !== 'number' || typeof iat !== 'number' || (nbf !== undefined && typeof nbf !== 'number')) {
      throw new InvalidTokenError('The access token lacks valid time claims.', 'malformed');
    }
    // The first second at which the token is refused as expired or too old, tolerance included.
    const expiresAt = Math.min(exp, iat + MAX_TOKEN_AGE_SECONDS) + CLOCK_TOLERANCE_SECONDS;
    if (nowSeconds >= expiresAt) throw new InvalidTokenError('The access token expired.', 'expired');
    if (nbf !== undefined && nbf > nowSeconds + CLOCK_TOLERANCE_SECONDS) {
      throw new InvalidTokenError('The access token is not valid yet.', 'not_yet_valid');
    }
    const user = toAuthenticatedUser(claims, this.rules.rolesClaim, nowSeconds + CLOCK_TOLERANCE_SECONDS);
    if (this.revocations.isRevoked(user.sub)) throw new InvalidTokenError('The access token was revoked.', 'revoked');
    this.verified.remember(token, { user, kid: decoded.kid, key, expiresAt });
    return user;
  }
}

/** RSASSA-PKCS1-v1_5 with SHA-256 (RS256); whatever node:crypto throws on odd input is a refusal. */
function signatureHolds({ signingInput, signature }: DecodedAccessToken, key: KeyObject): boolean {
  try {
    return verifySignature('RSA-SHA256', Buffer.from(signingInput, 'latin1'), key, signature);
  } catch (error) {
    logger.warn(`Signature check threw: ${(error as Error)?.message ?? String(error)}`);
    return false;
  }
}

function hasAudience(aud: unknown, audience: string): boolean {
  return aud === audience || (Array.isArray(aud) && aud.includes(audience));
}
