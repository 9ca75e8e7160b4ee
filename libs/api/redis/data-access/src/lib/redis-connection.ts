import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ApiMetrics, RedisFallback } from '@steward/api-metrics-util';
import Redis, { type RedisOptions } from 'ioredis';

/** Longest a Redis command may take before the caller falls back (a stalled Redis must not stall requests). */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
/** How long a failed command (e.g. a timeout: Redis hangs but the connection stays up) sets Redis aside. */
export const REDIS_SUSPEND_MS = 1_000;
/** How long start-up waits for Redis before serving in per-instance mode (it keeps reconnecting). */
const STARTUP_WAIT_MS = 2_000;

/** Options shared by both connections: fail fast while disconnected, reconnect forever in the background. */
function options(name: string): RedisOptions {
  return {
    connectionName: name,
    connectTimeout: 2_000,
    // Reconnect forever, at most every 2 s: the API recovers by itself when Redis is back.
    retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
  };
}

/**
 * The API's connections to Redis, the shared state of many instances (REDIS_URL): one for
 * commands, one for subscriptions (a subscribed connection can do nothing else).
 *
 * Commands never wait for a connection: while Redis is unreachable they fail at once (no offline
 * queue, no resending), and callers fall back to per-instance state and count it with
 * `fallback()`. `ready` tells whether shared state is in use right now; `steward_redis_up`
 * exports it. Subscriptions are renewed on every reconnect, and `onReconnect` listeners run then
 * (to catch up on what was published meanwhile).
 */
export class RedisConnection implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  /** Commands: rate-limit counters, cache reads and writes, publishing. */
  readonly client: Redis;
  private subscriber: Redis | undefined;
  private readonly handlers = new Map<string, (message: string) => void>();
  private readonly reconnectListeners: (() => void)[] = [];
  private wasReady = false;
  private downSince: number | undefined;
  private closing = false;
  /** Set for REDIS_SUSPEND_MS after a command failed: requests stop waiting for a Redis that hangs. */
  private suspended = false;

  /**
   * @param namespace Put before every key and channel name (see `key`): deployments that share a
   *   Redis (two tenants, staging beside production) never read each other's state.
   */
  constructor(
    private readonly url: string,
    private readonly metrics: ApiMetrics,
    readonly namespace = 'steward',
  ) {
    metrics.trackRedis();
    metrics.redisUp.set(0);
    this.client = new Redis(url, {
      ...options('steward-api'),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Commands issued in the same tick (concurrent requests' counters) go out in one write.
      enableAutoPipelining: true,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    });
    this.client.on('ready', () => this.up());
    this.client.on('close', () => this.down());
    this.client.on('error', (error: Error) => this.failed(error));
  }

  /** The Redis key (or channel) for `name` in this deployment's namespace. */
  key(name: string): string {
    return `${this.namespace}:${name}`;
  }

  /** True while commands can be sent; otherwise callers use per-instance state. */
  get ready(): boolean {
    return !this.suspended && this.client.status === 'ready';
  }

  /** Since when (ms since the epoch) Redis has been unreachable; undefined while it is ready. */
  get unavailableSince(): number | undefined {
    return this.ready ? undefined : this.downSince;
  }

  onModuleInit(): Promise<void> {
    return this.connect();
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  /** Waits up to a couple of seconds for the first connection, so the first requests already share state. */
  async connect(waitMs = STARTUP_WAIT_MS): Promise<void> {
    if (this.ready) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.client.once('ready', resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
    ]);
    clearTimeout(timer);
    if (!this.ready) this.logger.warn('Redis is not reachable yet: serving with per-instance state, reconnecting.');
  }

  /**
   * Counts one operation served from per-instance state instead of Redis. `failed`: a command
   * failed (timed out, connection cut); Redis is then set aside for REDIS_SUSPEND_MS, so that a Redis
   * that hangs costs one timeout a second, not one per request.
   */
  fallback(use: RedisFallback, failed = false): void {
    this.metrics.redisFallbacks.labels(use).inc();
    if (failed && !this.suspended) {
      this.suspended = true;
      this.metrics.redisUp.set(0);
      setTimeout(() => {
        this.suspended = false;
        if (this.client.status === 'ready') this.metrics.redisUp.set(1);
      }, REDIS_SUSPEND_MS).unref();
    }
  }

  /** Calls `handler` with every message published on `channel`, by any instance (this one included). */
  subscribe(channel: string, handler: (message: string) => void): void {
    this.handlers.set(channel, handler);
    const subscriber = this.subscriberConnection();
    subscriber.subscribe(channel).catch((error: Error) => this.logger.warn(`Subscribe failed: ${error.message}`));
  }

  /** Runs `listener` each time the subscriptions are back after an outage (messages may have been missed). */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /** Publishes to every instance; false when Redis could not be reached (the caller's fallback applies). */
  async publish(channel: string, message: string): Promise<boolean> {
    if (!this.ready) return false;
    try {
      await this.client.publish(channel, message);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [this.client, this.subscriber].map(async (connection) => {
        if (connection?.status !== 'ready') return connection?.disconnect();
        await connection.quit().catch(() => connection.disconnect());
      }),
    );
  }

  private subscriberConnection(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = new Redis(this.url, { ...options('steward-api-events'), autoResubscribe: true });
    subscriber.on('message', (channel: string, message: string) => this.handlers.get(channel)?.(message));
    subscriber.on('error', () => undefined); // the command connection reports the outage
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) for (const listener of this.reconnectListeners) listener();
      connectedBefore = true;
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  private up(): void {
    this.metrics.redisUp.set(1);
    this.logger.log(
      this.wasReady
        ? 'Redis is back: rate limits, read caches and revocations are shared again.'
        : 'Redis connected: rate limits, read caches and revocations are shared by every instance.',
    );
    this.wasReady = true;
    this.downSince = undefined;
  }

  private down(): void {
    this.metrics.redisUp.set(0);
    if (this.closing) return;
    if (this.downSince === undefined) {
      this.downSince = Date.now();
      if (this.wasReady) {
        this.logger.warn('Redis connection lost: per-instance rate limits and caches until it is back.');
      }
    }
  }

  /** ioredis reports every failed reconnect; one line per outage is enough. */
  private failed(error: Error): void {
    if (this.downSince === undefined) this.down();
    this.logger.debug(`Redis: ${error.message}`);
  }
}
