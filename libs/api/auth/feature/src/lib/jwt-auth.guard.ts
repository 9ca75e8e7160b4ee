import { HttpException, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { TokenExpiredError } from 'jsonwebtoken';
import { InsufficientScopeError, InvalidTokenError, MissingCredentialsError } from './bearer-errors';
import type { AuthenticatedUser } from './authenticated-user';
import { bearerToken } from './bearer-token';
import { Public } from './decorators';
import { HandlerCache } from './handler-cache';
import { VerifiedTokenCache } from './verified-token-cache';

/**
 * Global guard: every route needs a valid user access token unless it is `@Public()`.
 * A token verified earlier (and still valid, see VerifiedTokenCache) is answered from the cache;
 * any other goes through passport-jwt. Library errors are replaced by fixed RFC 6750 answers, so
 * nothing about the expected issuer, audience or key leaks to the caller.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly publicRoutes = new HandlerCache<boolean>();

  private readonly readPublic = (context: ExecutionContext) =>
    this.reflector.getAllAndOverride(Public, [context.getHandler(), context.getClass()]) === true;

  constructor(
    private readonly reflector: Reflector,
    private readonly verified: VerifiedTokenCache,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.publicRoutes.get(context, this.readPublic);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Parameters<typeof bearerToken>[0] & { user?: unknown }>();
    const known = this.verified.lookup(bearerToken(request));
    if (known === undefined) return super.canActivate(context);
    request.user = this.handleRequest(null, known, undefined);
    return true;
  }

  override handleRequest<TUser = AuthenticatedUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    const caller = user as AuthenticatedUser | false;
    const failure = error ?? info;
    if (failure instanceof HttpException) throw failure;
    if (failure instanceof TokenExpiredError) throw new InvalidTokenError('The access token expired.');
    if (failure || !caller) throw failure ? new InvalidTokenError() : new MissingCredentialsError();
    if (caller.isMachine) {
      throw new InsufficientScopeError('This API accepts only tokens issued to a user.');
    }
    return caller as TUser;
  }
}
