import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '@steward/api-audit-feature';
import { ProblemException } from '@steward/api-core-util';
import type { CursorPage, RecordChangeView, RecordInput, RecordView } from '@steward/shared-domain';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, Not, type EntityManager, type Repository } from 'typeorm';
import type { CreateRecordDto } from './dto/create-record.dto';
import type { ListRecordsQuery } from './dto/list-records.query';
import type { UpdateRecordDto } from './dto/update-record.dto';
import { listRecords } from './record-list';
import { RecordChange } from './record-change.entity';
import { RecordEntity } from './record.entity';

/** Who is acting, in which organization ('' for none), in which request (ours, and the caller's own id). */
export interface Actor {
  sub: string;
  orgId: string;
  requestId: string;
  correlationId: string | null;
}

const CLIENT_FIELDS: (keyof RecordInput)[] = ['title', 'description', 'status', 'tags'];

const notFound = () => new ProblemException(HttpStatus.NOT_FOUND, { detail: 'There is no such record.' });

/**
 * Records of the caller's organization. Every change writes its history row and audit event in
 * the same transaction; updates are conditional on the version the client saw (no lost updates).
 */
@Injectable()
export class RecordsService {
  constructor(
    @InjectRepository(RecordEntity) private readonly records: Repository<RecordEntity>,
    @InjectRepository(RecordChange) private readonly changes: Repository<RecordChange>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListRecordsQuery): Promise<CursorPage<RecordView>> {
    const page = await listRecords(this.records, actor.orgId, query);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<RecordView> {
    return toView(await this.findLive(this.records.manager, actor, id));
  }

  async create(actor: Actor, input: CreateRecordDto): Promise<RecordView> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const record = manager.create(RecordEntity, {
        id: randomUUID(),
        orgId: actor.orgId,
        title: input.title,
        description: input.description,
        status: input.status,
        tags: input.tags,
        ownerSub: actor.sub,
        updatedBy: actor.sub,
        version: 1,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      });
      await manager.insert(RecordEntity, record);
      await this.log(manager, actor, record.id, 'created', diff({}, record));
      return toView(record);
    });
  }

  /** Applies `patch` if the record is still at `version`; otherwise 412 and nothing is written. */
  async update(actor: Actor, id: string, version: number, patch: UpdateRecordDto): Promise<RecordView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.findLive(manager, actor, id);
      if (current.version !== version) throw stale(current.version);
      const changes = diff(current, patch);
      if (Object.keys(changes).length === 0) return toView(current);
      const next = { ...current, ...pick(patch), version: version + 1, updatedAt: new Date(), updatedBy: actor.sub };
      const { affected } = await manager.update(
        RecordEntity,
        { id, orgId: actor.orgId, version, deletedAt: IsNull() },
        { ...pick(patch), version: next.version, updatedAt: next.updatedAt, updatedBy: actor.sub },
      );
      if (affected !== 1) throw stale();
      await this.log(manager, actor, id, 'updated', changes);
      return toView(next);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.findLive(manager, actor, id);
      const deletedAt = new Date();
      const { affected } = await manager.update(
        RecordEntity,
        { id, orgId: actor.orgId, version: current.version, deletedAt: IsNull() },
        { deletedAt, version: current.version + 1, updatedBy: actor.sub },
      );
      if (affected !== 1) throw notFound();
      await this.log(manager, actor, id, 'deleted', { deletedAt: { from: null, to: deletedAt.toISOString() } });
    });
  }

  /** Undoes a soft delete. */
  async restore(actor: Actor, id: string): Promise<RecordView> {
    return this.dataSource.transaction(async (manager) => {
      const deleted = await manager.findOne(RecordEntity, {
        where: { id, orgId: actor.orgId, deletedAt: Not(IsNull()) },
      });
      if (!deleted) {
        await this.findLive(manager, actor, id); // 404 when it does not exist at all
        throw new ProblemException(HttpStatus.CONFLICT, { detail: 'The record is not deleted.' });
      }
      const next = { ...deleted, deletedAt: null, version: deleted.version + 1, updatedBy: actor.sub };
      const { affected } = await manager.update(
        RecordEntity,
        { id, orgId: actor.orgId, version: deleted.version },
        { deletedAt: null, version: next.version, updatedBy: actor.sub },
      );
      if (affected !== 1) throw stale();
      await this.log(manager, actor, id, 'restored', {
        deletedAt: { from: deleted.deletedAt?.toISOString() ?? null, to: null },
      });
      return toView(next);
    });
  }

  async history(actor: Actor, id: string): Promise<{ items: RecordChangeView[] }> {
    const exists = await this.records.exists({ where: { id, orgId: actor.orgId } });
    if (!exists) throw notFound();
    const rows = await this.changes.find({ where: { recordId: id }, order: { id: 'DESC' }, take: 500 });
    return {
      items: rows.map(({ action, actorSub, at, changes }) => ({ action, actorSub, at: at.toISOString(), changes })),
    };
  }

  private async findLive(manager: EntityManager, actor: Actor, id: string): Promise<RecordEntity> {
    const record = await manager.findOne(RecordEntity, { where: { id, orgId: actor.orgId, deletedAt: IsNull() } });
    if (!record) throw notFound();
    return record;
  }

  private async log(
    manager: EntityManager,
    actor: Actor,
    recordId: string,
    action: RecordChangeView['action'],
    changes: RecordChangeView['changes'],
  ) {
    const change = manager.create(RecordChange, {
      recordId,
      action,
      actorSub: actor.sub,
      changes,
      requestId: actor.requestId,
      at: new Date(),
    });
    await manager.save(change);
    await this.audit.record(manager, {
      orgId: actor.orgId,
      actorSub: actor.sub,
      action: `record.${action}`,
      targetType: 'record',
      targetId: recordId,
      requestId: actor.requestId,
      correlationId: actor.correlationId,
    });
  }
}

/** The entity tag of a record version. */
export const etagOf = (version: number) => `"${version}"`;

function stale(current?: number): ProblemException {
  return new ProblemException(
    HttpStatus.PRECONDITION_FAILED,
    {
      detail: 'The record changed since you loaded it. Reload it and apply your change again.',
    },
    current === undefined ? {} : { etag: etagOf(current) },
  );
}

function pick(patch: UpdateRecordDto): Partial<RecordInput> {
  return Object.fromEntries(
    CLIENT_FIELDS.filter((field) => patch[field] !== undefined).map((field) => [field, patch[field]]),
  );
}

function diff(before: Partial<RecordInput>, after: Partial<RecordInput>): RecordChangeView['changes'] {
  const changes: RecordChangeView['changes'] = {};
  for (const field of CLIENT_FIELDS) {
    const to = after[field];
    if (to !== undefined && JSON.stringify(before[field]) !== JSON.stringify(to))
      changes[field] = { from: before[field] ?? null, to };
  }
  return changes;
}

function toView(record: RecordEntity): RecordView {
  return {
    id: record.id,
    title: record.title,
    description: record.description,
    status: record.status,
    tags: record.tags,
    version: record.version,
    ownerSub: record.ownerSub,
    updatedBy: record.updatedBy,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
