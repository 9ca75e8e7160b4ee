import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Why a request was refused by authentication or authorization: a fixed set, so a label of bounded size. */
export const AUTH_FAILURE_REASONS = [
  'missing_token',
  'invalid_request',
  'malformed',
  'unknown_key',
  'bad_signature',
  'issuer_or_audience',
  'expired',
  'not_yet_valid',
  'revoked',
  'invalid',
  'machine_token',
  'insufficient_scope',
] as const;
export type AuthFailureReason = (typeof AUTH_FAILURE_REASONS)[number];

/** What falls back to per-instance state while Redis cannot be reached. */
export type RedisFallback = 'rate_limit' | 'read_cache' | 'revocation_fanout';

/** Records one response of a route: its status and its time in milliseconds. */
export type RouteRecorder = (status: number, elapsedMs: number) => void;

/** Route label of requests no route matched (404s, 405s): one series, whatever path was asked. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Every metric the API exports, in a registry of its own (never prom-client's global one, so two
 * apps in one process do not collide). Names follow Prometheus conventions: seconds, `_total` for
 * counters. Label values come from fixed sets or route templates, never from raw URLs or callers.
 */
export class ApiMetrics {
  readonly registry = new Registry();

  /** Requests by method, route template and status; `_count` is the request count. */
  readonly httpRequests = new Histogram({
    name: 'steward_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status; _count counts requests.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly authFailures = new Counter({
    name: 'steward_auth_failures_total',
    help: 'Requests refused by authentication (401/400) or authorization (403), by reason.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly rateLimitRejections = new Counter({
    name: 'steward_rate_limit_rejections_total',
    help: 'Requests refused with 429 by a rate limit, by budget (ip, user, management).',
    labelNames: ['budget'] as const,
    registers: [this.registry],
  });

  readonly jwksFetches = new Counter({
    name: 'steward_jwks_fetches_total',
    help: "Fetches of the issuer's JWKS, by outcome (ok, error).",
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly managementRequests = new Histogram({
    name: 'steward_management_api_request_duration_seconds',
    help: 'Calls to the Auth0 Management API (token requests and retries included), by HTTP status ("error": no answer).',
    labelNames: ['status'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly managementRateLimited = new Counter({
    name: 'steward_management_api_rate_limited_total',
    help: 'Answers 429 from the Auth0 Management API (each one the SDK retried, or passed on as a 429/503).',
    registers: [this.registry],
  });

  readonly redisUp = new Gauge({
    name: 'steward_redis_up',
    help: '1 while the Redis connection for shared state is ready, 0 while it is not (absent: no REDIS_URL).',
    registers: [],
  });

  readonly redisFallbacks = new Counter({
    name: 'steward_redis_fallbacks_total',
    help: 'Operations served from per-instance state because Redis could not be reached, by use.',
    labelNames: ['use'] as const,
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    // CPU, memory, event-loop delay, GC: sampled by prom-client, nothing per request.
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    for (const reason of AUTH_FAILURE_REASONS) this.authFailures.labels(reason).inc(0);
  }

  /** Exposes `steward_redis_up` (only an API configured with Redis has it). */
  trackRedis(): void {
    if (this.registry.getSingleMetric('steward_redis_up') === undefined) this.registry.registerMetric(this.redisUp);
  }

  /**
   * A recorder for one route: the children for each status are made once, so recording a response
   * costs prom-client's observe and nothing else.
   */
  httpRoute(method: string, route: string): RouteRecorder {
    const byStatus = new Map<number, Histogram.Internal<'method' | 'route' | 'status'>>();
    return (status, elapsedMs) => {
      let child = byStatus.get(status);
      if (child === undefined) {
        child = this.httpRequests.labels(method, route, String(status));
        byStatus.set(status, child);
      }
      child.observe(elapsedMs / 1000);
    };
  }

  /** Prometheus text exposition format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
