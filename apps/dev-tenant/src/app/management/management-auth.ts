import type { RequestHandler, Response } from 'express';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { ManagementApiError } from './management-errors';

/** The machine client calling the Management API, from its verified access token. */
export interface ManagementCaller {
  clientId: string;
  scopes: Set<string>;
}

export interface ManagementAuthOptions {
  issuer: string;
  /** `https://localhost:<port>/api/v2/` and its 127.0.0.1 twin. */
  audiences: string[];
  publicKeys: JSONWebKeySet;
}

/**
 * Accepts only client-credentials access tokens this tenant signed (RS256) for its Management
 * API audience; anything else is Auth0's 401 `invalid_token`.
 */
export function managementAuth({ issuer, audiences, publicKeys }: ManagementAuthOptions): RequestHandler {
  const keys = createLocalJWKSet(publicKeys);
  return async (req, res, next) => {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(req.get('authorization') ?? '');
    try {
      if (!match) throw new Error('no bearer token');
      const { payload } = await jwtVerify(match[1], keys, { issuer, audience: audiences, algorithms: ['RS256'] });
      if (payload['gty'] !== 'client-credentials' || typeof payload['azp'] !== 'string')
        throw new Error('not a machine token');
      const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
      res.locals['caller'] = {
        clientId: payload['azp'],
        scopes: new Set(scope.split(' ').filter(Boolean)),
      } satisfies ManagementCaller;
    } catch {
      throw new ManagementApiError(401, 'Invalid token', 'invalid_token');
    }
    next();
  };
}

/** The caller that `managementAuth` verified. */
export function callerOf(res: Response): ManagementCaller {
  return res.locals['caller'] as ManagementCaller;
}

/** Auth0's 403 unless the token holds at least one of `scopes`. */
export function requireScope(...scopes: string[]): RequestHandler {
  return (_req, res, next) => {
    const { scopes: granted } = callerOf(res);
    if (!scopes.some((scope) => granted.has(scope))) {
      throw new ManagementApiError(
        403,
        `Insufficient scope, expected any of: ${scopes.join(',')}`,
        'insufficient_scope',
      );
    }
    next();
  };
}
