import { HttpStatus, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@steward/api-core-util';
import { JsonWebTokenError, TokenExpiredError } from 'jsonwebtoken';
import type { AuthenticatedUser } from './authenticated-user';
import { InsufficientScopeError, InvalidTokenError, MissingCredentialsError } from './bearer-errors';
import { Public } from './decorators';
import { JwtAuthGuard } from './jwt-auth.guard';
import type { VerifiedTokenCache } from './verified-token-cache';

class MeController {
  me() {
    return 'me';
  }
}

class HealthController {
  @Public() health() {
    return 'health';
  }
}

function caller(isMachine: boolean): AuthenticatedUser {
  return {
    sub: 'auth0|u',
    isMachine,
    permissions: new Set(),
    roles: [],
    email: null,
    name: null,
    orgId: null,
    expiresAt: 0,
  };
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('JwtAuthGuard', () => {
  const known = new Map<string, AuthenticatedUser>();
  const cache = { lookup: (token: string) => known.get(token) } as unknown as VerifiedTokenCache;
  const guard = new JwtAuthGuard(new Reflector(), cache);

  function contextFor(controller: new () => object, handler: string, request: object): ExecutionContext {
    return {
      getHandler: () => (controller.prototype as Record<string, unknown>)[handler],
      getClass: () => controller,
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
    } as unknown as ExecutionContext;
  }

  describe('canActivate', () => {
    it('should pass a public route without looking for a token', () => {
      expect(guard.canActivate(contextFor(HealthController, 'health', { headers: {} }))).toBe(true);
    });

    it('should answer a token the cache knows without passport, and set the caller', () => {
      const user = caller(false);
      known.set('cached.token.value', user);
      const request: { headers: object; user?: unknown } = { headers: { authorization: 'Bearer cached.token.value' } };
      expect(guard.canActivate(contextFor(MeController, 'me', request))).toBe(true);
      expect(request.user).toBe(user);
    });

    it('should still refuse a machine caller found in the cache', () => {
      known.set('machine.token.value', caller(true));
      const request = { headers: { authorization: 'Bearer machine.token.value' } };
      expect(thrownBy(() => guard.canActivate(contextFor(MeController, 'me', request)))).toBeInstanceOf(
        InsufficientScopeError,
      );
    });

    it('should refuse a request without a token before asking the cache', () => {
      expect(thrownBy(() => guard.canActivate(contextFor(MeController, 'me', { headers: {} })))).toBeInstanceOf(
        MissingCredentialsError,
      );
    });
  });

  describe('handleRequest', () => {
    it('should return a user caller', () => {
      const user = caller(false);
      expect(guard.handleRequest(null, user, undefined)).toBe(user);
    });

    it('should refuse a machine caller with 403 insufficient_scope', () => {
      const error = thrownBy(() => guard.handleRequest(null, caller(true), undefined));
      expect(error).toBeInstanceOf(InsufficientScopeError);
      expect((error as InsufficientScopeError).getStatus()).toBe(HttpStatus.FORBIDDEN);
      expect((error as InsufficientScopeError).headers['WWW-Authenticate']).toContain('error="insufficient_scope"');
    });

    it('should answer no user and no error with missing credentials', () => {
      const error = thrownBy(() => guard.handleRequest(null, false, undefined));
      expect(error).toBeInstanceOf(MissingCredentialsError);
      expect((error as MissingCredentialsError).getStatus()).toBe(HttpStatus.UNAUTHORIZED);
    });

    it('should report an expired token as invalid_token that expired', () => {
      const error = thrownBy(() => guard.handleRequest(null, false, new TokenExpiredError('jwt expired', new Date(0))));
      expect(error).toBeInstanceOf(InvalidTokenError);
      expect((error as InvalidTokenError).fields.detail).toMatch(/expired/);
      expect((error as InvalidTokenError).headers['WWW-Authenticate']).toContain('error="invalid_token"');
    });

    it('should replace other library errors by a fixed text', () => {
      const failures = [
        new JsonWebTokenError('jwt audience invalid. expected: https://api.steward.local/'),
        new Error('jwt issuer invalid. expected: http://localhost:4600/'),
      ];
      for (const info of failures) {
        const error = thrownBy(() => guard.handleRequest(null, false, info)) as InvalidTokenError;
        expect(error).toBeInstanceOf(InvalidTokenError);
        expect(error.fields.detail).toBe('The access token is invalid.');
        expect(JSON.stringify([error.fields, error.headers])).not.toMatch(/expected|steward\.local|localhost/);
      }
    });

    it('should treat an error argument like a failure even with a user', () => {
      const error = thrownBy(() => guard.handleRequest(new Error('strategy broke'), caller(false), undefined));
      expect(error).toBeInstanceOf(InvalidTokenError);
      expect((error as InvalidTokenError).fields.detail).not.toContain('strategy broke');
    });

    it('should pass a thrown ProblemException through unchanged', () => {
      const unknownKey = new InvalidTokenError('The access token is signed by an unknown key.');
      expect(thrownBy(() => guard.handleRequest(null, false, unknownKey))).toBe(unknownKey);
      const unavailable = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, { detail: 'Try again later.' });
      expect(thrownBy(() => guard.handleRequest(unavailable, false, undefined))).toBe(unavailable);
    });
  });
});
