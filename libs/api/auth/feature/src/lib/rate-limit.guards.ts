import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import { ProblemException } from '@steward/api-core-util';
import type { AuthenticatedUser } from './authenticated-user';

/** Names of the two request budgets: per client address (before authentication) and per user (after). */
export const RATE_LIMITS = { ip: 'ip', user: 'user' } as const;

abstract class BudgetGuard extends ThrottlerGuard {
  protected abstract readonly budget: string;

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    return request.throttler.name === this.budget ? super.handleRequest(request) : true;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new ProblemException(
      429,
      { detail: `Too many requests; try again in ${seconds} s.` },
      { 'Retry-After': String(seconds) },
    );
  }
}

/** First guard of every request: a budget per client address, so floods are cut before any token work. */
@Injectable()
export class AddressRateLimitGuard extends BudgetGuard {
  protected readonly budget = RATE_LIMITS.ip;
}

/** Last guard: a budget per signed-in user, whatever address they come from. */
@Injectable()
export class UserRateLimitGuard extends BudgetGuard {
  protected readonly budget = RATE_LIMITS.user;

  protected override async getTracker(request: { user?: AuthenticatedUser; ip: string }): Promise<string> {
    return request.user ? `sub:${request.user.sub}` : `ip:${request.ip}`;
  }
}
