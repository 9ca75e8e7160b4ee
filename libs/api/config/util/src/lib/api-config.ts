/**
 * Which peers may set `X-Forwarded-For`: none (`false`), the `n` nearest hops (the socket peer
 * being the first), or the peers whose address matches one of these addresses, CIDRs or
 * proxy-addr names (`loopback`, `linklocal`, `uniquelocal`).
 */
export type TrustProxy = false | number | readonly string[];

/** The API's typed configuration, built once from the environment by `loadApiConfig`. */
export interface ApiConfig {
  env: 'development' | 'test' | 'production';
  http: {
    host: string;
    port: number;
    corsOrigins: string[];
    /**
     * Requests a client address / a signed-in user may make per minute per route, and requests a
     * user may make per minute on the user routes (each costs Management API calls).
     */
    rateLimits: { perAddress: number; perUser: number; managementPerUser: number };
    /** Whose `X-Forwarded-For` counts for the client address (the per-address budget, logs). */
    trustProxy: TrustProxy;
  };
  auth: {
    /** Exactly the `iss` Auth0 puts in tokens: an absolute URL ending with `/`. */
    issuer: string;
    audience: string;
    rolesClaim: string;
    /** Least time between JWKS fetches caused by unknown key ids. */
    jwksCooldownMs: number;
  };
  management: {
    domain: string;
    clientId: string;
    clientSecret: string;
    /** Time between background reloads of the role catalogue the user screens show (decisions read roles fresh). */
    rolesRefreshMs: number;
  };
  database: {
    url: string;
  };
  /** Shared state for many instances (rate-limit counters, read caches, revocation fan-out); null: in-process. */
  redis: { url: string } | null;
  /** Prometheus text on its own port (never the public one); 0: no metrics. */
  metrics: { port: number };
}
