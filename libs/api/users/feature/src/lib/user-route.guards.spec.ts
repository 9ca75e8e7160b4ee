import type { ExecutionContext } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import { InMemoryRateLimitStorage } from '@steward/api-auth-feature';
import type { ApiConfig } from '@steward/api-config-util';
import { ApiMetrics } from '@steward/api-metrics-util';
import { ManagementBudgetGuard, NoOrganizationGuard } from './user-route.guards';

const contextOf = (user: { sub: string; orgId: string | null } | undefined) =>
  ({ switchToHttp: () => ({ getRequest: () => ({ user }) }) }) as unknown as ExecutionContext;
const configWith = (values: Record<string, unknown>) =>
  ({ get: (key: string) => values[key] }) as unknown as ConfigService<ApiConfig, true>;

describe('NoOrganizationGuard', () => {
  it('should refuse a token issued for an organization with a clear 403', () => {
    expect(() => new NoOrganizationGuard().canActivate(contextOf({ sub: 'auth0|a', orgId: 'org_1' }))).toThrow(
      expect.objectContaining({ status: 403, message: expect.stringMatching(/tenant-wide.*organization/) }),
    );
  });

  it('should let tenant tokens through', () => {
    expect(new NoOrganizationGuard().canActivate(contextOf({ sub: 'auth0|a', orgId: null }))).toBe(true);
  });
});

describe('ManagementBudgetGuard', () => {
  it('should answer 429 with Retry-After once a user has spent the configured budget, per user', () => {
    const guard = new ManagementBudgetGuard(
      configWith({ 'http.rateLimits.managementPerUser': 2 }),
      new InMemoryRateLimitStorage(),
      new ApiMetrics({ processMetrics: false }),
    );
    const ada = contextOf({ sub: 'auth0|ada', orgId: null });
    expect(guard.canActivate(ada) && guard.canActivate(ada)).toBe(true);
    expect(() => guard.canActivate(ada)).toThrow(
      expect.objectContaining({ status: 429, headers: { 'Retry-After': expect.stringMatching(/^\d+$/) } }),
    );
    expect(guard.canActivate(contextOf({ sub: 'auth0|bob', orgId: null }))).toBe(true);
  });
});
