import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { decodeCursor, encodeCursor, ProblemException } from '@steward/api-core-util';
import type { AuditEventView, AuditOutcome, CursorPage } from '@steward/shared-domain';
import type { EntityManager, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import type { ListAuditQuery } from './dto/list-audit.query';

/** What happened, by whom, in which request. `orgId` is '' outside organizations. */
export interface AuditEntry {
  orgId: string;
  actorSub: string;
  action: string;
  targetType: string;
  targetId: string;
  /** The server-generated request id (`@RequestId()`). */
  requestId: string | null;
  /** The caller's `X-Request-Id` (`@CorrelationId()`), if any. */
  correlationId?: string | null;
}

/** A write-ahead audit row of a change made outside the database; completing it never throws. */
export interface AuditAttempt {
  /** The id of the `pending` row. */
  readonly id: number;
  /** Records success; `targetId` replaces a provisional target (e.g. an email, before the user had an id). */
  succeeded(final?: { targetId?: string }): Promise<void>;
  failed(): Promise<void>;
}

const isPosition = (value: unknown): value is { id: number } =>
  typeof value === 'object' && value !== null && Number.isInteger((value as { id?: unknown }).id);

/** The audit log: written inside the caller's transaction (or ahead of an upstream call), read newest first. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Adds an event in the same transaction as the change it describes, so neither exists without the other. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, { ...entry, correlationId: entry.correlationId ?? null, at: new Date() });
  }

  /**
   * Writes a `pending` row before a change outside the database (the Management API), so the
   * change can never happen unaudited: if the database cannot take the row, this throws 503 and the
   * caller must not go on. Completing the row later is best effort; a row left `pending` means
   * "attempted, outcome not recorded".
   */
  async attempt(entry: AuditEntry): Promise<AuditAttempt> {
    let id: number;
    try {
      const result = await this.events.insert({
        ...entry,
        correlationId: entry.correlationId ?? null,
        outcome: 'pending',
        at: new Date(),
      });
      id = Number(result.identifiers[0]?.['id']);
    } catch (error) {
      this.logger.error(`Could not write the audit log ahead of ${entry.action}: ${(error as Error).message}`);
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        { detail: 'The audit log is unavailable, so nothing was changed. Try again shortly.' },
        { 'Retry-After': '5' },
      );
    }
    return {
      id,
      succeeded: (final = {}) => this.complete(id, entry.action, { outcome: 'succeeded', ...final }),
      failed: () => this.complete(id, entry.action, { outcome: 'failed' }),
    };
  }

  async list(orgId: string, query: ListAuditQuery): Promise<CursorPage<AuditEventView>> {
    const builder = this.events.createQueryBuilder('e').where('e.org_id = :orgId', { orgId });
    if (query.action) builder.andWhere('e.action = :action', { action: query.action });
    if (query.actor) builder.andWhere('e.actor_sub = :actor', { actor: query.actor });
    if (query.cursor) builder.andWhere('e.id < :before', { before: decodeCursor(query.cursor, isPosition).id });
    const rows = await builder
      .orderBy('e.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((event) => ({
        id: String(event.id),
        at: event.at.toISOString(),
        actorSub: event.actorSub,
        action: event.action,
        targetType: event.targetType,
        targetId: event.targetId,
        requestId: event.requestId,
        correlationId: event.correlationId,
        outcome: event.outcome,
      })),
      nextCursor: rows.length > query.limit ? encodeCursor({ id: items[items.length - 1].id }) : null,
    };
  }

  private async complete(
    id: number,
    action: string,
    changes: { outcome: AuditOutcome; targetId?: string },
  ): Promise<void> {
    try {
      await this.events.update({ id }, changes);
    } catch (error) {
      // The row stays `pending`: the attempt is on record even though its outcome is not.
      this.logger.error(`Could not record the outcome of ${action} (audit row ${id}): ${(error as Error).message}`);
    }
  }
}
