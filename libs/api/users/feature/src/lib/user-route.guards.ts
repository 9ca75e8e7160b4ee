import { HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimitStore, type AuthenticatedUser, type RateLimitRecord } from '@steward/api-auth-feature';
import type { ApiConfig } from '@steward/api-config-util';
import { ProblemException } from '@steward/api-core-util';
import { ApiMetrics } from '@steward/api-metrics-util';

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

/** The management budget's window: `managementPerUser` requests per minute. */
const WINDOW_MS = 60_000;

/**
 * A per-user budget of Management API work on the user routes (each request counts once), so one
 * token cannot spend the tenant's whole Management API quota: beyond it, 429 + Retry-After until the
 * minute is over. Counted in the API's rate-limit store: with Redis, one budget across every instance.
 */
@Injectable()
export class ManagementBudgetGuard implements CanActivate {
  private readonly limit: number;
  private readonly rejections: ReturnType<ApiMetrics['rateLimitRejections']['labels']>;
  private readonly admit = (record: RateLimitRecord): boolean => {
    if (!record.isBlocked) return true;
    this.rejections.inc();
    const retryAfter = Math.max(1, record.timeToBlockExpire);
    throw new ProblemException(
      HttpStatus.TOO_MANY_REQUESTS,
      { detail: `You have used this minute's budget for user administration; try again in ${retryAfter} s.` },
      { 'Retry-After': String(retryAfter) },
    );
  };

  constructor(
    config: ConfigService<ApiConfig, true>,
    private readonly store: RateLimitStore,
    metrics: ApiMetrics,
  ) {
    this.limit = config.get('http.rateLimits.managementPerUser', { infer: true });
    this.rejections = metrics.rateLimitRejections.labels('management');
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const caller = callerOf(context);
    if (!caller) return true;
    const record = this.store.hit(`management:${caller.sub}`, WINDOW_MS, this.limit, 0, 'management');
    return record instanceof Promise ? record.then(this.admit) : this.admit(record);
  }
}
