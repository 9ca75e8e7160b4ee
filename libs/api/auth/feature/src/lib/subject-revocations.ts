import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RedisConnection } from '@steward/api-redis-data-access';
import type { Repository } from 'typeorm';
import { RevokedSubject } from './revoked-subject.entity';

/** How often every instance re-reads the revoked subjects: a revocation anywhere bites everywhere within ~2 s. */
export const REVOCATION_REFRESH_MS = 2_000;

/** Redis channel (in the deployment's namespace) on which an instance that revokes or restores a subject tells the others to re-read at once. */
export const REVOCATIONS_CHANNEL = 'revocations';

/**
 * Immediate lock-out for blocked and deleted users: Auth0 cannot take back access tokens it has
 * issued, so the API refuses the subject's tokens itself. The list lives in the database (shared by
 * all instances, the source of truth) and in memory (checked on every request without a
 * round-trip), re-read every REVOCATION_REFRESH_MS. With Redis, a change is also published, and
 * every instance re-reads the list as soon as it hears of it (and after Redis comes back, in case
 * it missed one); the periodic re-read stays as the fallback.
 */
@Injectable()
export class SubjectRevocations implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SubjectRevocations.name);
  private revoked: ReadonlySet<string> = new Set();
  private timer: NodeJS.Timeout | undefined;
  private reloads = 0;
  private applied = 0;

  constructor(
    @InjectRepository(RevokedSubject) private readonly repository: Repository<RevokedSubject>,
    @Optional() @Inject(RedisConnection) private readonly redis: RedisConnection | null = null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.redis?.subscribe(this.redis.key(REVOCATIONS_CHANNEL), () => void this.reload());
    this.redis?.onReconnect(() => void this.reload());
    await this.reload();
    this.timer = setInterval(() => void this.reload(), REVOCATION_REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  isRevoked(sub: string): boolean {
    return this.revoked.has(sub);
  }

  /** Refuses every token of `sub` from now on, on every instance. */
  async revoke(sub: string): Promise<void> {
    await this.repository.upsert({ sub, revokedAt: new Date() }, ['sub']);
    await this.reload();
    await this.announce(sub);
  }

  /** Lets `sub` in again (e.g. unblocked). */
  async restore(sub: string): Promise<void> {
    await this.repository.delete({ sub });
    await this.reload();
    await this.announce(sub);
  }

  /** Tells the other instances to re-read now; without Redis (or while it is down) they do within 2 s. */
  private async announce(sub: string): Promise<void> {
    if (this.redis && !(await this.redis.publish(this.redis.key(REVOCATIONS_CHANNEL), sub))) {
      this.redis.fallback('revocation_fanout');
    }
  }

  private async reload(): Promise<void> {
    const ticket = ++this.reloads;
    try {
      const rows = await this.repository.find({ select: { sub: true } });
      // A slower, older read must not overwrite a newer one.
      if (ticket > this.applied) {
        this.applied = ticket;
        this.revoked = new Set(rows.map((row) => row.sub));
      }
    } catch (error) {
      this.logger.warn(`Could not refresh revoked subjects, keeping ${this.revoked.size}: ${(error as Error).message}`);
    }
  }
}
