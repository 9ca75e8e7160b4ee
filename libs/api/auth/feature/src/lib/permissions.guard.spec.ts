import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@steward/shared-domain';
import type { AuthenticatedUser } from './authenticated-user';
import { InsufficientScopeError } from './bearer-errors';
import { Authenticated, Public, RequirePermissions, Roles } from './decorators';
import { PermissionsGuard } from './permissions.guard';

@RequirePermissions('read:records')
class RecordsController {
  list() {
    return 'list';
  }
  @RequirePermissions('read:records', 'update:records') update() {
    return 'update';
  }
  @Authenticated() summary() {
    return 'summary';
  }
  @Public() health() {
    return 'health';
  }
  @Roles(['admin', 'staff']) staffOnly() {
    return 'staffOnly';
  }
}

class UndeclaredController {
  forgotten() {
    return 'forgotten';
  }
  @RequirePermissions('read:audit') @Roles(['admin']) audit() {
    return 'audit';
  }
}

@Public()
class StatusController {
  status() {
    return 'status';
  }
}

type Controller = new () => object;

function userWith(permissions: Permission[], roles: string[] = []): AuthenticatedUser {
  return {
    sub: 'auth0|u',
    isMachine: false,
    permissions: new Set(permissions),
    roles,
    email: null,
    name: null,
    orgId: null,
    expiresAt: 0,
  };
}

function contextFor(controller: Controller, method: string, user?: AuthenticatedUser): ExecutionContext {
  const request = { user };
  return {
    getHandler: () => (controller.prototype as Record<string, unknown>)[method],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

function refusal(guard: PermissionsGuard, context: ExecutionContext): InsufficientScopeError {
  try {
    guard.canActivate(context);
  } catch (error) {
    expect(error).toBeInstanceOf(InsufficientScopeError);
    return error as InsufficientScopeError;
  }
  throw new Error('expected the guard to refuse');
}

describe('PermissionsGuard', () => {
  const guard = new PermissionsGuard(new Reflector());

  describe('canActivate', () => {
    it('should pass a public route without a user', () => {
      expect(guard.canActivate(contextFor(RecordsController, 'health'))).toBe(true);
      expect(guard.canActivate(contextFor(StatusController, 'status'))).toBe(true);
    });

    it('should refuse a route that declares nothing with 403', () => {
      const error = refusal(guard, contextFor(UndeclaredController, 'forgotten', userWith(['read:records'])));
      expect(error.getStatus()).toBe(403);
      expect(error.headers['WWW-Authenticate']).toContain('error="insufficient_scope"');
    });

    it('should pass a caller holding the class-level permission', () => {
      expect(guard.canActivate(contextFor(RecordsController, 'list', userWith(['read:records'])))).toBe(true);
    });

    it('should require every listed permission', () => {
      const context = contextFor(RecordsController, 'update', userWith(['read:records']));
      const error = refusal(guard, context);
      expect(error.getStatus()).toBe(403);
      expect(error.headers['WWW-Authenticate']).toContain('scope="read:records update:records"');
      expect(
        guard.canActivate(contextFor(RecordsController, 'update', userWith(['read:records', 'update:records']))),
      ).toBe(true);
    });

    it('should let method metadata override class metadata', () => {
      expect(guard.canActivate(contextFor(RecordsController, 'summary', userWith([])))).toBe(true);
      refusal(guard, contextFor(RecordsController, 'list', userWith([])));
    });

    it('should pass a caller holding any one of the listed roles', () => {
      expect(guard.canActivate(contextFor(RecordsController, 'staffOnly', userWith(['read:records'], ['staff'])))).toBe(
        true,
      );
      expect(
        guard.canActivate(contextFor(RecordsController, 'staffOnly', userWith(['read:records'], ['viewer', 'admin']))),
      ).toBe(true);
    });

    it('should refuse a caller holding none of the listed roles', () => {
      const error = refusal(guard, contextFor(RecordsController, 'staffOnly', userWith(['read:records'], ['viewer'])));
      expect(error.fields.detail).toMatch(/roles/);
    });

    it('should require both the permissions and a role when a route declares both', () => {
      refusal(guard, contextFor(UndeclaredController, 'audit', userWith(['read:audit'], ['staff'])));
      refusal(guard, contextFor(UndeclaredController, 'audit', userWith([], ['admin'])));
      expect(guard.canActivate(contextFor(UndeclaredController, 'audit', userWith(['read:audit'], ['admin'])))).toBe(
        true,
      );
    });
  });
});
