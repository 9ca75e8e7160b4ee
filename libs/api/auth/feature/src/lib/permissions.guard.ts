import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasAllPermissions } from '@steward/shared-domain';
import type { AuthenticatedUser } from './authenticated-user';
import { InsufficientScopeError } from './bearer-errors';
import { PermissionsMetadata, Public, Roles } from './decorators';

/**
 * Global guard after `JwtAuthGuard`: a route passes only if it is public, or declares what it
 * needs (`@RequirePermissions`, `@Authenticated`, `@Roles`) and the caller holds it.
 * A route that declares nothing is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) return true;
    const required = this.reflector.getAllAndOverride(PermissionsMetadata, targets);
    const roles = this.reflector.getAllAndOverride(Roles, targets);
    if (required === undefined && roles === undefined) {
      throw new InsufficientScopeError('This route declares no permission and is closed.');
    }
    const user = context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
    if (required && !hasAllPermissions(user.permissions, required)) {
      throw new InsufficientScopeError('The access token lacks a permission this route needs.', required);
    }
    if (roles && !roles.some((role) => user.roles.includes(role))) {
      throw new InsufficientScopeError('The caller has none of the roles this route needs.');
    }
    return true;
  }
}
