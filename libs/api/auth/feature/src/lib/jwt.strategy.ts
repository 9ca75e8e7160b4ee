import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import type { ApiConfig } from '@steward/api-config-util';
import { Strategy } from 'passport-jwt';
import { InvalidTokenError } from './bearer-errors';
import { bearerToken } from './bearer-token';
import { JwksKeyStore } from './jwks-key-store';
import { toAuthenticatedUser } from './token-claims';
import { checkedKeyId } from './token-header';

/** Allowed clock skew between Auth0 and this API, in seconds (SPEC §4.3: at most 5). */
export const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Verifies Auth0 access tokens: RS256 only, a key from the issuer's JWKS named by `kid`,
 * exact issuer, the configured audience, and a mandatory `exp`.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly rolesClaim: string;

  constructor(@Inject(ConfigService) config: ConfigService<ApiConfig, true>, keys: JwksKeyStore) {
    const auth = config.get('auth', { infer: true });
    super({
      jwtFromRequest: bearerToken,
      secretOrKeyProvider: (_request: unknown, rawToken: string, done: (error: unknown, key?: string) => void) => {
        // jsonwebtoken verifies with a KeyObject as is (no PEM re-parse); passport-jwt's typing predates that.
        resolveKey(keys, rawToken).then((key) => done(null, key as unknown as string), (error: unknown) => done(error));
      },
      issuer: auth.issuer,
      audience: auth.audience,
      algorithms: ['RS256'],
      jsonWebTokenOptions: { clockTolerance: CLOCK_TOLERANCE_SECONDS },
    });
    this.rolesClaim = auth.rolesClaim;
  }

  validate(payload: unknown) {
    return toAuthenticatedUser(payload, this.rolesClaim);
  }
}

async function resolveKey(keys: JwksKeyStore, token: string) {
  const key = await keys.getKey(checkedKeyId(token));
  if (!key) throw new InvalidTokenError('The access token is signed by an unknown key.');
  return key;
}
