import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasAllPermissions, type Permission } from '@steward/shared-domain';
import type { AuthenticatedUser } from './authenticated-user';
import { InsufficientScopeError } from './bearer-errors';
import { PermissionsMetadata, Public, Roles } from './decorators';
import { HandlerCache } from './handler-cache';

/**
 * Global guard after `JwtAuthGuard`: a route passes only if it is public, or declares what it
 * needs (`@RequirePermissions`, `@Authenticated`, `@Roles`) and the caller holds it.
 * A route that declares nothing is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  private readonly routes = new HandlerCache<RouteNeeds>();

  private readonly readNeeds = (context: ExecutionContext) => this.needsOf(context);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const route = this.routes.get(context, this.readNeeds);
    if (route.isPublic) return true;
    const { required, roles } = route;
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

  /** What the route's decorators declare; read once per route (metadata does not change after boot). */
  private needsOf(context: ExecutionContext): RouteNeeds {
    const targets = [context.getHandler(), context.getClass()];
    return {
      isPublic: this.reflector.getAllAndOverride(Public, targets) === true,
      required: this.reflector.getAllAndOverride(PermissionsMetadata, targets),
      roles: this.reflector.getAllAndOverride(Roles, targets),
    };
  }
}

interface RouteNeeds {
  isPublic: boolean;
  required: readonly Permission[] | undefined;
  roles: readonly string[] | undefined;
}
