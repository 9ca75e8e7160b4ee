import { Logger } from '@nestjs/common';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { JwksClient } from 'jwks-rsa';

export interface JwksKeyStoreOptions {
  jwksUri: string;
  /** Least time between two fetches caused by unknown `kid`s: forged kids cannot cause a fetch storm. */
  cooldownMs: number;
  /** Keys older than this are refreshed in the background while still being used. */
  maxAgeMs: number;
  timeoutMs: number;
  /** Told of every fetch (for metrics). */
  onFetch?: (outcome: 'ok' | 'error') => void;
}

/**
 * The issuer's signing keys, parsed once into `KeyObject`s and kept by `kid`.
 * jwks-rsa does the fetching; this class decides when. A failed fetch keeps the keys already
 * known, so a JWKS outage does not lock out callers whose keys are cached.
 */
export class JwksKeyStore {
  private readonly logger = new Logger(JwksKeyStore.name);
  private readonly client: JwksClient;
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private inflight: Promise<void> | undefined;

  constructor(
    private readonly options: JwksKeyStoreOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.client = new JwksClient({
      jwksUri: options.jwksUri,
      cache: false,
      rateLimit: false,
      timeout: options.timeoutMs,
    });
  }

  /** The key for `kid`, or undefined when the issuer does not publish it (or cannot be asked right now). */
  async getKey(kid: string): Promise<KeyObject | undefined> {
    const known = this.knownKey(kid);
    if (known) return known;
    if (this.mayFetch()) await this.refresh();
    return this.keys.get(kid);
  }

  /**
   * The key for `kid` if it is known now, without waiting for the issuer (stale keys are refreshed
   * in the background). A key keeps its identity across fetches while the issuer publishes it
   * unchanged, so `knownKey(kid) === key` tells whether a key used earlier is still current.
   */
  knownKey(kid: string): KeyObject | undefined {
    const known = this.keys.get(kid);
    if (known && this.now() - this.fetchedAt > this.options.maxAgeMs && this.mayFetch()) void this.refresh();
    return known;
  }

  /** True when the issuer answered at least once; used by readiness checks. */
  get hasKeys(): boolean {
    return this.keys.size > 0;
  }

  /** Readiness: keys are known, fetching them now if none are yet (within the cooldown rules). */
  async ready(): Promise<boolean> {
    if (!this.hasKeys && this.mayFetch()) await this.refresh();
    return this.hasKeys;
  }

  private mayFetch(): boolean {
    return this.inflight !== undefined || this.now() - this.lastAttemptAt >= this.options.cooldownMs;
  }

  private refresh(): Promise<void> {
    this.inflight ??= this.fetch().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async fetch(): Promise<void> {
    this.lastAttemptAt = this.now();
    try {
      const signingKeys = await this.client.getSigningKeys();
      this.keys = new Map(
        signingKeys.map((signingKey) => {
          const key = createPublicKey(signingKey.getPublicKey());
          const known = this.keys.get(signingKey.kid);
          return [signingKey.kid, known?.equals(key) ? known : key];
        }),
      );
      this.fetchedAt = this.now();
      this.options.onFetch?.('ok');
    } catch (error) {
      this.options.onFetch?.('error');
      this.logger.warn(`JWKS fetch failed, keeping ${this.keys.size} cached key(s): ${(error as Error).message}`);
    }
  }
}
