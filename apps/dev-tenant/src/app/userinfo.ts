import type { RequestHandler } from 'express';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { profileClaims, type Accounts } from './accounts';

/**
 * Auth0's `/userinfo`: accepts the API access token itself (its `aud` lists the userinfo URL),
 * which oidc-provider's own endpoint does not.
 */
export function userinfoHandler(issuer: string, publicKeys: JSONWebKeySet, accounts: Accounts): RequestHandler {
  const keys = createLocalJWKSet(publicKeys);
  const audience = new URL('userinfo', issuer).href;
  return async (req, res) => {
    const match = /^Bearer (\S+)$/i.exec(req.get('authorization') ?? '');
    try {
      if (!match) throw new Error('no token');
      const { payload } = await jwtVerify(match[1], keys, { issuer, audience, algorithms: ['RS256'] });
      const account = typeof payload.sub === 'string' ? accounts.find(payload.sub) : undefined;
      if (!account || account.blocked) throw new Error('unknown user');
      res.set('Cache-Control', 'no-store').json(profileClaims(account));
    } catch {
      res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').send('Unauthorized');
    }
  };
}
