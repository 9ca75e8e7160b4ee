import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AuthenticatedUser } from '@steward/api-auth-feature';
import type { ApiConfig } from '@steward/api-config-util';
import { ProblemException } from '@steward/api-core-util';
import { FixedWindowBudget } from './management-budget';

const callerOf = (context: ExecutionContext) => context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;

/**
 * User administration is tenant-wide: a token issued inside an Auth0 Organization (`org_id`) must
 * not administer the users of every organization, so it is refused until organization-scoped
 * administration exists.
 */
@Injectable()
export class NoOrganizationGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (callerOf(context)?.orgId) {
      throw new ProblemException(HttpStatus.FORBIDDEN, {
        detail:
          'User administration is tenant-wide and not available to a token issued for an organization. Sign in without an organization.',
      });
    }
    return true;
  }
}

/**
 * A per-user budget of Management API work on the user routes (each request counts once), so one
 * token cannot spend the tenant's whole Management API quota: beyond it, 429 + Retry-After.
 */
@Injectable()
export class ManagementBudgetGuard implements CanActivate {
  private readonly budget: FixedWindowBudget;

  constructor(config: ConfigService<ApiConfig, true>) {
    this.budget = new FixedWindowBudget(config.get('http.rateLimits.managementPerUser', { infer: true }));
  }

  canActivate(context: ExecutionContext): boolean {
    const caller = callerOf(context);
    const retryAfter = caller ? this.budget.spend(caller.sub) : null;
    if (retryAfter !== null) {
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        { detail: `You have used this minute's budget for user administration; try again in ${retryAfter} s.` },
        { 'Retry-After': String(retryAfter) },
      );
    }
    return true;
  }
}
