import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { decodeCursor, encodeCursor } from '@steward/api-core-util';
import type { AuditEventView, CursorPage } from '@steward/shared-domain';
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
  requestId: string | null;
}

const isPosition = (value: unknown): value is { id: number } =>
  typeof value === 'object' && value !== null && Number.isInteger((value as { id?: unknown }).id);

/** The audit log: written inside the caller's transaction, read newest first. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Adds an event in the same transaction as the change it describes, so neither exists without the other. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, { ...entry, at: new Date() });
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
      })),
      nextCursor: rows.length > query.limit ? encodeCursor({ id: items[items.length - 1].id }) : null,
    };
  }
}
