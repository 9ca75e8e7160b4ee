import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import type { ApiConfig } from '@steward/api-config-util';
import { Strategy } from 'passport-jwt';
import { InvalidTokenError } from './bearer-errors';
import { bearerToken } from './bearer-token';
import { JwksKeyStore } from './jwks-key-store';
import { SubjectRevocations } from './subject-revocations';
import { toAuthenticatedUser } from './token-claims';
import { checkClaimsSetShape, checkedKeyId } from './token-header';

/** Allowed clock skew between Auth0 and this API, in seconds (SPEC §4.3: at most 5). */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** Oldest token accepted, whatever its `exp` says: Auth0's default API token lifetime. */
export const MAX_TOKEN_AGE = '24h';

const logger = new Logger('JwtStrategy');

/**
 * Verifies Auth0 access tokens: RS256 only, a key from the issuer's JWKS named by `kid`,
 * exact issuer, the configured audience, a mandatory `exp`, an `iat` neither in the future nor
 * older than MAX_TOKEN_AGE, and a subject that has not been revoked.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly rolesClaim: string;

  constructor(
    @Inject(ConfigService) config: ConfigService<ApiConfig, true>,
    keys: JwksKeyStore,
    private readonly revocations: SubjectRevocations,
  ) {
    const auth = config.get('auth', { infer: true });
    super({
      jwtFromRequest: bearerToken,
      secretOrKeyProvider: (_request: unknown, rawToken: string, done: (error: unknown, key?: string) => void) => {
        // jsonwebtoken verifies with a KeyObject as is (no PEM re-parse); passport-jwt's typing predates that.
        resolveKey(keys, rawToken)
          .then(
            (key) => done(null, key as unknown as string),
            (error: unknown) => done(error),
          )
          // Verification runs inside `done`: whatever it throws must become a refusal, never an
          // unhandled rejection (which would end the process).
          .catch((error: unknown) => {
            logger.error(`Token verification threw: ${(error as Error)?.message ?? String(error)}`);
            done(new InvalidTokenError());
          });
      },
      issuer: auth.issuer,
      audience: auth.audience,
      algorithms: ['RS256'],
      jsonWebTokenOptions: { clockTolerance: CLOCK_TOLERANCE_SECONDS, maxAge: MAX_TOKEN_AGE },
    });
    this.rolesClaim = auth.rolesClaim;
  }

  validate(payload: unknown) {
    const user = toAuthenticatedUser(payload, this.rolesClaim, Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS);
    if (this.revocations.isRevoked(user.sub)) throw new InvalidTokenError('The access token was revoked.');
    return user;
  }
}

async function resolveKey(keys: JwksKeyStore, token: string) {
  const kid = checkedKeyId(token);
  checkClaimsSetShape(token);
  const key = await keys.getKey(kid);
  if (!key) throw new InvalidTokenError('The access token is signed by an unknown key.');
  return key;
}
