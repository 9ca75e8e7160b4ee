import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditEntry } from '@steward/api-audit-feature';
import { RevokedSubject, SubjectRevocations, type AuthenticatedUser } from '@steward/api-auth-feature';
import { ProblemException } from '@steward/api-core-util';
import type { DataSource } from 'typeorm';

/** Who acts, and in which request (for the audit log). */
export interface Actor {
  user: AuthenticatedUser;
  /** The server-generated request id. */
  requestId: string;
  /** The caller's own `X-Request-Id`, if usable. */
  correlationId?: string | null;
}

/** What a change does besides its upstream call. */
export interface ChangeOptions {
  /** Lock the user out before the upstream call (block, delete). */
  revokeFirst?: boolean;
}

/**
 * Runs a change of a user in the directory in a safe order: the audit row first (`pending`; if the
 * database cannot take it, 503 and nothing happens), then — for block and delete — the revocation,
 * then the upstream call, then the row's outcome. A revocation made here is undone when the
 * upstream call fails, unless the user had been revoked before.
 */
@Injectable()
export class AuditedChanges {
  private readonly logger = new Logger(AuditedChanges.name);

  constructor(
    private readonly audit: AuditService,
    private readonly revocations: SubjectRevocations,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async run<T>(
    actor: Actor,
    action: string,
    userId: string,
    options: ChangeOptions,
    work: () => Promise<T>,
  ): Promise<T> {
    const attempt = await this.audit.attempt(entryOf(actor, action, userId));
    let undo: (() => Promise<void>) | undefined;
    try {
      if (options.revokeFirst) undo = await this.revokeFirst(userId);
      const result = await work();
      await attempt.succeeded();
      return result;
    } catch (error) {
      await undo?.().catch((undoError: unknown) =>
        this.logger.error(`Could not undo the revocation of ${userId}: ${(undoError as Error).message}`),
      );
      await attempt.failed();
      throw error;
    }
  }

  /** Creates something whose id the directory assigns: audited under `provisionalId` until it exists. */
  async create<T extends { id: string }>(
    actor: Actor,
    action: string,
    provisionalId: string,
    work: () => Promise<T>,
  ): Promise<T> {
    const attempt = await this.audit.attempt(entryOf(actor, action, provisionalId));
    let created: T;
    try {
      created = await work();
    } catch (error) {
      await attempt.failed();
      throw error;
    }
    await attempt.succeeded({ targetId: created.id });
    return created;
  }

  /** Lets a user in again (unblocked); 503 when the database cannot take it. */
  async restore(userId: string): Promise<void> {
    try {
      await this.revocations.restore(userId);
    } catch (error) {
      this.logger.error(`Could not restore ${userId}: ${(error as Error).message}`);
      throw unavailable();
    }
  }

  private async revokeFirst(userId: string): Promise<() => Promise<void>> {
    try {
      const before = await this.dataSource.getRepository(RevokedSubject).existsBy({ sub: userId });
      await this.revocations.revoke(userId);
      return before ? async () => undefined : () => this.revocations.restore(userId);
    } catch (error) {
      this.logger.error(`Could not revoke ${userId}: ${(error as Error).message}`);
      throw unavailable();
    }
  }
}

function entryOf(actor: Actor, action: string, targetId: string): AuditEntry {
  return {
    orgId: actor.user.orgId ?? '',
    actorSub: actor.user.sub,
    action,
    targetType: 'user',
    targetId,
    requestId: actor.requestId,
    correlationId: actor.correlationId ?? null,
  };
}

function unavailable(): ProblemException {
  return new ProblemException(
    HttpStatus.SERVICE_UNAVAILABLE,
    { detail: 'The database is unavailable, so the change was not made. Try again shortly.' },
    { 'Retry-After': '5' },
  );
}
