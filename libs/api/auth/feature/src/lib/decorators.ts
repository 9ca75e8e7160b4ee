import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@steward/shared-domain';
import type { AuthenticatedUser } from './authenticated-user';

/** Marks a route (or controller) as reachable without a token. Everything else needs one. */
export const Public = Reflector.createDecorator<void, true>({ transform: () => true });

/** Permissions a route needs, all of them. Read by `AccessGuard`; a method's value wins over its class. */
export const PermissionsMetadata = Reflector.createDecorator<readonly Permission[]>();

/** Declares the permissions a route needs (all listed are required). */
export const RequirePermissions = (...permissions: Permission[]) => PermissionsMetadata(permissions);

/**
 * Declares a route open to any signed-in user, whatever their permissions. Without this,
 * `@RequirePermissions` or `@Public`, a route is refused: access is denied by default.
 */
export const Authenticated = () => PermissionsMetadata([]);

/** Roles a route accepts: the caller needs at least one (from the configured roles claim). */
export const Roles = Reflector.createDecorator<readonly string[], readonly string[]>({
  transform: (roles) => roles,
});

/** The verified caller of the current request. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
