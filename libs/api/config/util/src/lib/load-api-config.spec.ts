import { ConfigError, loadApiConfig } from './load-api-config';

const production = {
  NODE_ENV: 'production',
  AUTH0_ISSUER_BASE_URL: 'https://acme.eu.auth0.com/',
  AUTH0_AUDIENCE: 'https://api.acme.com/',
  AUTH0_MGMT_DOMAIN: 'acme.eu.auth0.com',
  AUTH0_MGMT_CLIENT_ID: 'm2m',
  AUTH0_MGMT_CLIENT_SECRET: 's3cret',
  DATABASE_URL: 'mysql://steward:pw@db:3306/steward',
  CORS_ORIGINS: 'https://console.acme.com',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadApiConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadApiConfig', () => {
  describe('in development', () => {
    it('should default to the local dev tenant and loopback', () => {
      const config = loadApiConfig({ NODE_ENV: 'development' });
      expect(config.auth).toEqual({
        issuer: 'http://localhost:4600/',
        audience: 'https://api.steward.local/',
        rolesClaim: 'https://steward.local/roles',
        jwksCooldownMs: 30_000,
      });
      expect(config.http).toEqual({
        host: '127.0.0.1',
        port: 3000,
        corsOrigins: ['http://localhost:4200'],
        rateLimits: { perAddress: 1200, perUser: 600, managementPerUser: 120 },
        trustProxy: false,
      });
      expect(config.management.rolesRefreshMs).toBe(60_000);
      expect(config.redis).toBeNull();
      expect(config.metrics).toEqual({ port: 9464 });
    });

    it('should serve no metrics under NODE_ENV=test unless asked, since tests choose free ports', () => {
      expect(loadApiConfig({ NODE_ENV: 'test' }).metrics.port).toBe(0);
      expect(loadApiConfig({ NODE_ENV: 'test', METRICS_PORT: '9999' }).metrics.port).toBe(9999);
    });

    it('should add the trailing slash Auth0 puts in iss', () => {
      expect(loadApiConfig({ NODE_ENV: 'test', AUTH0_ISSUER_BASE_URL: 'http://localhost:4600' }).auth.issuer).toBe(
        'http://localhost:4600/',
      );
    });
  });

  describe('in production', () => {
    it('should accept a complete configuration', () => {
      const config = loadApiConfig(production);
      expect(config.env).toBe('production');
      expect(config.http.host).toBe('0.0.0.0');
      expect(config.management.clientSecret).toBe('s3cret');
    });

    it('should give no default to any secret or tenant setting', () => {
      const problems = problemsOf({ NODE_ENV: 'production' });
      for (const name of [
        'AUTH0_ISSUER_BASE_URL',
        'AUTH0_AUDIENCE',
        'AUTH0_MGMT_DOMAIN',
        'AUTH0_MGMT_CLIENT_ID',
        'AUTH0_MGMT_CLIENT_SECRET',
        'DATABASE_URL',
        'CORS_ORIGINS',
      ]) {
        expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${name}: missing`)));
      }
    });

    it('should apply production rules when NODE_ENV is unset, so a forgotten variable fails closed', () => {
      const { NODE_ENV: _unset, ...withoutEnv } = production;
      expect(loadApiConfig(withoutEnv).env).toBe('production');
      expect(problemsOf({})).toContainEqual(expect.stringMatching(/^AUTH0_MGMT_CLIENT_SECRET: missing/));
      expect(problemsOf({ NODE_ENV: '  ' })).toContainEqual(expect.stringMatching(/^DATABASE_URL: missing/));
    });

    it.each([
      ['AUTH0_ISSUER_BASE_URL', 'https://localhost:4600/'],
      ['AUTH0_ISSUER_BASE_URL', 'https://127.0.0.1/'],
      ['AUTH0_ISSUER_BASE_URL', 'https://tenant.steward.local/'],
      ['AUTH0_MGMT_DOMAIN', 'localhost:4600'],
      ['AUTH0_MGMT_DOMAIN', '127.0.0.1'],
      ['AUTH0_MGMT_CLIENT_SECRET', 'dev-tenant-fixture-management-secret'],
      ['DATABASE_URL', 'sqlite:.data/steward.sqlite'],
      ['CORS_ORIGINS', 'http://console.acme.com'],
      ['CORS_ORIGINS', 'https://console.acme.com,http://localhost:4200'],
    ])('should refuse the development value of %s (%p)', (name, value) => {
      const problems = problemsOf({ ...production, [name]: value });
      expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name}: .*development only`))]);
    });

    it('should keep accepting those values outside production', () => {
      expect(() =>
        loadApiConfig({
          NODE_ENV: 'test',
          AUTH0_ISSUER_BASE_URL: 'http://127.0.0.1:4600/',
          AUTH0_MGMT_DOMAIN: '127.0.0.1:4600',
          CORS_ORIGINS: 'http://127.0.0.1:4200',
        }),
      ).not.toThrow();
    });

    it('should require an https issuer', () => {
      expect(problemsOf({ ...production, AUTH0_ISSUER_BASE_URL: 'http://acme.eu.auth0.com/' })).toEqual([
        expect.stringMatching(/^AUTH0_ISSUER_BASE_URL: expected an https:\/\/ URL/),
      ]);
    });
  });

  describe('TRUST_PROXY', () => {
    const trustProxyOf = (value: string | undefined) =>
      loadApiConfig({ ...production, TRUST_PROXY: value }).http.trustProxy;

    it.each([
      [undefined, false],
      ['false', false],
      ['0', false],
      ['1', 1],
      ['2', 2],
      ['10.0.0.0/8', ['10.0.0.0/8']],
      [' 10.0.0.0/8, 192.168.1.7 ,fd00::/8 ', ['10.0.0.0/8', '192.168.1.7', 'fd00::/8']],
      ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
    ])('should read %p as %p', (value, expected) => {
      expect(trustProxyOf(value)).toEqual(expected);
    });

    it.each(['true', 'yes', '10.0.0.0/33', '10.0.0/8', 'fd00::/129', '10.0.0.0/8,', '11', '-1', '10.0.0.1/8/8'])(
      'should refuse %p, naming the variable and what it expects',
      (value) => {
        const problems = problemsOf({ ...production, TRUST_PROXY: value });
        expect(problems).toEqual([expect.stringMatching(/^TRUST_PROXY: .*(hop count|address or CIDR)/)]);
      },
    );
  });

  describe('REDIS_URL and METRICS_PORT', () => {
    it('should read a Redis URL, TLS or not', () => {
      expect(loadApiConfig({ ...production, REDIS_URL: 'redis://redis:6379' }).redis).toEqual({
        url: 'redis://redis:6379',
      });
      expect(loadApiConfig({ ...production, REDIS_URL: 'rediss://:pw@cache.internal:6380/2' }).redis?.url).toBe(
        'rediss://:pw@cache.internal:6380/2',
      );
    });

    it.each(['http://redis:6379', 'redis:6379', 'redis://redis:6379/x', 'redis://:s3cretpw@'])(
      'should refuse REDIS_URL %p without repeating it',
      (value) => {
        const problems = problemsOf({ ...production, REDIS_URL: value });
        expect(problems).toEqual([expect.stringMatching(/^REDIS_URL: expected redis:\/\//)]);
        expect(problems[0]).not.toContain('s3cretpw');
      },
    );

    it('should turn metrics off with 0 and refuse the public port', () => {
      expect(loadApiConfig({ ...production, METRICS_PORT: '0' }).metrics.port).toBe(0);
      expect(problemsOf({ ...production, PORT: '8080', METRICS_PORT: '8080' })).toEqual([
        expect.stringMatching(/^METRICS_PORT: .*other than PORT/),
      ]);
    });
  });

  describe('validation', () => {
    it.each([
      ['CORS_ORIGINS', '*'],
      ['CORS_ORIGINS', 'https://console.acme.com/app'],
      ['CORS_ORIGINS', 'https://ok.acme.com, null'],
      ['PORT', '70000'],
      ['AUTH0_JWKS_COOLDOWN_SECONDS', '0'],
      ['RATE_LIMIT_PER_USER', '-5'],
      ['MANAGEMENT_BUDGET_PER_USER', '1.5'],
      ['MANAGEMENT_ROLES_REFRESH_SECONDS', '0'],
      ['PORT', 'http'],
      ['DATABASE_URL', 'postgres://db/steward'],
      ['AUTH0_MGMT_DOMAIN', 'https://acme.eu.auth0.com/'],
      ['AUTH0_ROLES_CLAIM', 'roles'],
      ['NODE_ENV', 'staging'],
      ['METRICS_PORT', '65536'],
      ['METRICS_PORT', 'off'],
    ])('should name %s when it is %p', (name, value) => {
      const problems = problemsOf({ ...production, [name]: value });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${name}: `));
    });

    it('should never echo a secret in its message', () => {
      const error = (() => {
        try {
          return loadApiConfig({ ...production, PORT: '0' });
        } catch (e) {
          return e as Error;
        }
      })() as Error;
      expect(error.message).toContain('PORT');
      expect(error.message).not.toContain('s3cret');
    });

    it('should list every problem at once', () => {
      expect(problemsOf({ ...production, PORT: '-1', CORS_ORIGINS: '*' })).toHaveLength(2);
    });
  });
});
