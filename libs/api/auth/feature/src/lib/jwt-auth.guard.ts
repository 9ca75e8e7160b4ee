import { HttpException, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { TokenExpiredError } from 'jsonwebtoken';
import { InsufficientScopeError, InvalidTokenError, MissingCredentialsError } from './bearer-errors';
import type { AuthenticatedUser } from './authenticated-user';
import { Public } from './decorators';

/**
 * Global guard: every route needs a valid user access token unless it is `@Public()`.
 * Library errors are replaced by fixed RFC 6750 answers, so nothing about the expected
 * issuer, audience or key leaks to the caller.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (this.reflector.getAllAndOverride(Public, [context.getHandler(), context.getClass()])) return true;
    return super.canActivate(context);
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
