import { isIP } from 'node:net';
import type { ApiConfig, TrustProxy } from './api-config';

/** Thrown when the environment cannot make a valid configuration; lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Development defaults point at the local dev tenant. The management secret is the dev
 * tenant's fixture (tools/auth0/dev/fixtures.yaml), never a real one.
 */
export const DEVELOPMENT_DEFAULTS: Env = {
  AUTH0_ISSUER_BASE_URL: 'http://localhost:4600/',
  AUTH0_AUDIENCE: 'https://api.steward.local/',
  AUTH0_MGMT_DOMAIN: 'localhost:4600',
  AUTH0_MGMT_CLIENT_ID: 'steward-management',
  AUTH0_MGMT_CLIENT_SECRET: 'dev-tenant-fixture-management-secret',
  DATABASE_URL: 'sqlite:.data/steward.sqlite',
  CORS_ORIGINS: 'http://localhost:4200',
};

const ALWAYS_DEFAULTS: Env = {
  AUTH0_ROLES_CLAIM: 'https://steward.local/roles',
  AUTH0_JWKS_COOLDOWN_SECONDS: '30',
  RATE_LIMIT_PER_ADDRESS: '1200',
  RATE_LIMIT_PER_USER: '600',
  MANAGEMENT_BUDGET_PER_USER: '120',
  MANAGEMENT_ROLES_REFRESH_SECONDS: '60',
  PORT: '3000',
};

/** Prometheus' registered port for Node exporters; tests choose free ports themselves (SPEC §2), so none there. */
const METRICS_PORT_DEFAULT = { development: '9464', production: '9464', test: '0' } as const;

/**
 * Reads and validates every variable the API uses. This is the only place that reads the
 * environment; everything else receives the typed result.
 */
export function loadApiConfig(source: Env): ApiConfig {
  const problems: string[] = [];
  // Fail closed: only an explicit development or test environment gets development defaults.
  const nodeEnv = source['NODE_ENV']?.trim() || 'production';
  if (nodeEnv !== 'development' && nodeEnv !== 'test' && nodeEnv !== 'production') {
    problems.push(`NODE_ENV: expected development, test or production, got "${nodeEnv}"`);
  }
  const production = nodeEnv === 'production';
  /** In production, a value only development may use is refused with `why`. */
  const notInProduction = (name: string, isDevelopmentValue: boolean, why: string): void => {
    if (production && isDevelopmentValue) problems.push(`${name}: ${why} is for development only`);
  };
  const env: Env = {
    ...ALWAYS_DEFAULTS,
    METRICS_PORT: METRICS_PORT_DEFAULT[nodeEnv as ApiConfig['env']] ?? METRICS_PORT_DEFAULT.production,
    ...(production ? {} : DEVELOPMENT_DEFAULTS),
    ...nonEmpty(source),
  };

  const required = (name: string, expected: string): string => {
    const value = env[name];
    if (value === undefined) problems.push(`${name}: missing; expected ${expected}`);
    return value ?? '';
  };
  const check = (name: string, ok: boolean, expected: string): void => {
    if (!ok) problems.push(`${name}: expected ${expected}`);
  };

  const issuerRaw = required('AUTH0_ISSUER_BASE_URL', 'the tenant URL, e.g. https://acme.eu.auth0.com/');
  const issuer = issuerRaw && !issuerRaw.endsWith('/') ? `${issuerRaw}/` : issuerRaw;
  if (issuerRaw) {
    const url = parseUrl(issuer);
    check(
      'AUTH0_ISSUER_BASE_URL',
      !!url && (url.protocol === 'https:' || (!production && url.protocol === 'http:')) && !url.search && !url.hash,
      production ? 'an https:// URL without query or fragment' : 'an http(s):// URL without query or fragment',
    );
    if (url) notInProduction('AUTH0_ISSUER_BASE_URL', isLocalHost(url.hostname), 'a local issuer');
  }

  const audience = required('AUTH0_AUDIENCE', "this API's identifier in Auth0, e.g. https://api.example.com/");
  const rolesClaim = required('AUTH0_ROLES_CLAIM', 'a namespaced claim name, e.g. https://example.com/roles');
  if (rolesClaim)
    check('AUTH0_ROLES_CLAIM', !!parseUrl(rolesClaim), 'a namespaced (URL) claim name, e.g. https://example.com/roles');

  const domain = required('AUTH0_MGMT_DOMAIN', 'the tenant host for the Management API, e.g. acme.eu.auth0.com');
  if (domain)
    check(
      'AUTH0_MGMT_DOMAIN',
      /^[a-z0-9.-]+(:\d{1,5})?$/i.test(domain),
      'a bare host name (no scheme, no path), e.g. acme.eu.auth0.com',
    );
  if (domain) notInProduction('AUTH0_MGMT_DOMAIN', isLocalHost(domain.replace(/:\d+$/, '')), 'a local tenant');
  const clientId = required('AUTH0_MGMT_CLIENT_ID', 'the client id of the machine-to-machine application');
  const clientSecret = required('AUTH0_MGMT_CLIENT_SECRET', 'the client secret of the machine-to-machine application');
  notInProduction(
    'AUTH0_MGMT_CLIENT_SECRET',
    clientSecret === DEVELOPMENT_DEFAULTS['AUTH0_MGMT_CLIENT_SECRET'],
    "the dev tenant's fixture secret",
  );

  const databaseUrl = required('DATABASE_URL', 'mysql://user:pass@host:3306/db or sqlite:path');
  if (databaseUrl)
    check(
      'DATABASE_URL',
      /^mysql:\/\/[^/]+\/[^/?]+/.test(databaseUrl) || /^sqlite:.+/.test(databaseUrl),
      'mysql://user:pass@host:3306/db or sqlite:path',
    );
  notInProduction('DATABASE_URL', databaseUrl.startsWith('sqlite:'), 'the embedded SQLite database');

  const corsOrigins = required(
    'CORS_ORIGINS',
    'a comma-separated list of exact origins, e.g. https://console.example.com',
  )
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const badOrigin = corsOrigins.find((origin) => !isExactOrigin(origin));
  if (badOrigin !== undefined) {
    problems.push(
      `CORS_ORIGINS: "${badOrigin}" is not an exact origin; expected scheme://host[:port] with no path, and never *`,
    );
  }
  const plainOrigin = corsOrigins.find((origin) => origin.startsWith('http://'));
  notInProduction('CORS_ORIGINS', plainOrigin !== undefined, `the plain-http origin "${plainOrigin}"`);

  const jwksCooldown = Number(env['AUTH0_JWKS_COOLDOWN_SECONDS']);
  check(
    'AUTH0_JWKS_COOLDOWN_SECONDS',
    Number.isInteger(jwksCooldown) && jwksCooldown >= 1 && jwksCooldown <= 3600,
    'an integer number of seconds from 1 to 3600',
  );

  const rolesRefresh = Number(env['MANAGEMENT_ROLES_REFRESH_SECONDS']);
  check(
    'MANAGEMENT_ROLES_REFRESH_SECONDS',
    Number.isInteger(rolesRefresh) && rolesRefresh >= 1 && rolesRefresh <= 3600,
    'an integer number of seconds from 1 to 3600',
  );

  const [perAddress, perUser, managementPerUser] = [
    'RATE_LIMIT_PER_ADDRESS',
    'RATE_LIMIT_PER_USER',
    'MANAGEMENT_BUDGET_PER_USER',
  ].map((name) => {
    const value = Number(env[name]);
    check(name, Number.isInteger(value) && value >= 1, 'a positive integer (requests per minute per route)');
    return value;
  });

  const port = Number(env['PORT']);
  check('PORT', Number.isInteger(port) && port > 0 && port < 65536, 'an integer from 1 to 65535');

  const trustProxy = parseTrustProxy(env['TRUST_PROXY']);
  if (typeof trustProxy === 'string') problems.push(`TRUST_PROXY: ${trustProxy}`);

  const redisUrl = env['REDIS_URL'];
  if (redisUrl !== undefined) {
    const url = parseUrl(redisUrl);
    // The URL may carry a password: the message never repeats it.
    check(
      'REDIS_URL',
      !!url &&
        (url.protocol === 'redis:' || url.protocol === 'rediss:') &&
        url.hostname !== '' &&
        /^\/?\d*$/.test(url.pathname),
      'redis://[user:password@]host[:port][/db] or rediss://… (TLS)',
    );
  }

  const metricsPort = Number(env['METRICS_PORT']);
  check(
    'METRICS_PORT',
    Number.isInteger(metricsPort) && metricsPort >= 0 && metricsPort < 65536 && metricsPort !== port,
    'an integer from 1 to 65535 other than PORT, or 0 for no metrics',
  );

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: nodeEnv as ApiConfig['env'],
    // Development binds to loopback only; a container must listen on every interface.
    http: {
      host: env['HOST'] ?? (production ? '0.0.0.0' : '127.0.0.1'),
      port,
      corsOrigins,
      rateLimits: { perAddress, perUser, managementPerUser },
      trustProxy: trustProxy as TrustProxy,
    },
    auth: { issuer, audience, rolesClaim, jwksCooldownMs: jwksCooldown * 1000 },
    management: { domain, clientId, clientSecret, rolesRefreshMs: rolesRefresh * 1000 },
    database: { url: databaseUrl },
    redis: redisUrl === undefined ? null : { url: redisUrl },
    metrics: { port: metricsPort },
  };
}

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY beside addresses and CIDRs. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY → `false` (unset, `false` or `0`), a hop count, or addresses/CIDRs; a string is the
 * problem. `true` is refused: trusting every peer would let any caller pick its own address.
 */
function parseTrustProxy(value: string | undefined): TrustProxy | string {
  const raw = value?.trim().toLowerCase();
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return hops <= 10 ? hops : 'expected a hop count from 0 to 10';
  }
  const expected =
    'expected false, a hop count (e.g. 1) or comma-separated proxy addresses or CIDRs (e.g. 10.0.0.0/8,fd00::/8)';
  if (raw === 'true') return `${expected}; "true" would let any caller choose its own address`;
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !NAMED_RANGES.includes(entry) && !isAddressOrCidr(entry));
  return bad === undefined ? entries : `"${bad}" is not an address or CIDR; ${expected}`;
}

function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

function nonEmpty(source: Env): Env {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ''));
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Hosts that can only be this machine or a development name. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host === '::1' ||
    host === '0.0.0.0' ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

function isExactOrigin(value: string): boolean {
  const url = parseUrl(value);
  return !!url && (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
}
