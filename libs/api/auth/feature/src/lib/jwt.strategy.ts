import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import type { ApiConfig } from '@steward/api-config-util';
import type { KeyObject } from 'node:crypto';
import { Strategy } from 'passport-jwt';
import { InvalidTokenError } from './bearer-errors';
import { bearerToken } from './bearer-token';
import { JwksKeyStore } from './jwks-key-store';
import { SubjectRevocations } from './subject-revocations';
import { toAuthenticatedUser } from './token-claims';
import { checkedAccessToken } from './token-header';
import { VerifiedTokenCache } from './verified-token-cache';

/** Allowed clock skew between Auth0 and this API, in seconds (SPEC §4.3: at most 5). */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** Oldest token accepted, whatever its `exp` says, in seconds: Auth0's default API token lifetime (24 h). */
export const MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;

const logger = new Logger('JwtStrategy');

type KeyCallback = (error: unknown, key?: string) => void;

/** The token being verified for a request and the key chosen for it, kept for the verified-token cache. */
interface Pending {
  token: string;
  kid: string;
  key: KeyObject;
}

/**
 * Verifies Auth0 access tokens: RS256 only, a key from the issuer's JWKS named by `kid`,
 * exact issuer, the configured audience, a mandatory `exp`, an `iat` neither in the future nor
 * older than MAX_TOKEN_AGE_SECONDS, and a subject that has not been revoked. A token that passes is
 * remembered in the VerifiedTokenCache.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly rolesClaim: string;
  private readonly pending: WeakMap<object, Pending>;

  constructor(
    @Inject(ConfigService) config: ConfigService<ApiConfig, true>,
    keys: JwksKeyStore,
    private readonly revocations: SubjectRevocations,
    private readonly verified: VerifiedTokenCache,
  ) {
    const auth = config.get('auth', { infer: true });
    const pending = new WeakMap<object, Pending>();
    // jsonwebtoken verifies with a KeyObject as is (no PEM re-parse); passport-jwt's typing predates that.
    const useKey = (request: object, token: string, kid: string, key: KeyObject, done: KeyCallback) => {
      pending.set(request, { token, kid, key });
      try {
        done(null, key as unknown as string);
      } catch (error) {
        // Verification runs inside `done`: whatever it throws must become a refusal, never a 500 or
        // an unhandled rejection (which would end the process).
        logger.error(`Token verification threw: ${(error as Error)?.message ?? String(error)}`);
        done(new InvalidTokenError());
      }
    };
    super({
      jwtFromRequest: bearerToken,
      passReqToCallback: true,
      secretOrKeyProvider: (request: object, token: string, done: KeyCallback) => {
        let kid: string;
        try {
          kid = checkedAccessToken(token);
        } catch (error) {
          return done(error);
        }
        // Known keys are used at once; only an unknown kid waits for the issuer.
        const known = keys.knownKey(kid);
        if (known) return useKey(request, token, kid, known, done);
        keys.getKey(kid).then(
          (key) => (key ? useKey(request, token, kid, key, done) : done(unknownKey())),
          (error: unknown) => done(error),
        );
      },
      issuer: auth.issuer,
      audience: auth.audience,
      algorithms: ['RS256'],
      jsonWebTokenOptions: { clockTolerance: CLOCK_TOLERANCE_SECONDS, maxAge: MAX_TOKEN_AGE_SECONDS },
    });
    this.rolesClaim = auth.rolesClaim;
    this.pending = pending;
  }

  validate(request: object, payload: unknown) {
    const user = toAuthenticatedUser(payload, this.rolesClaim, Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS);
    if (this.revocations.isRevoked(user.sub)) throw new InvalidTokenError('The access token was revoked.');
    const verification = this.pending.get(request);
    const issuedAt = (payload as { iat?: unknown }).iat;
    if (verification && typeof issuedAt === 'number') {
      // The verifier's own limits: `exp`, and `iat` + the maximum age, each with the clock tolerance.
      const expiresAt = Math.min(user.expiresAt, issuedAt + MAX_TOKEN_AGE_SECONDS) + CLOCK_TOLERANCE_SECONDS;
      this.verified.remember(verification.token, { user, kid: verification.kid, key: verification.key, expiresAt });
    }
    return user;
  }
}

function unknownKey(): InvalidTokenError {
  return new InvalidTokenError('The access token is signed by an unknown key.');
}
