import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditService, type AuditEntry } from './audit.service';

const entry: AuditEntry = {
  orgId: '',
  actorSub: 'auth0|ada',
  action: 'user.blocked',
  targetType: 'user',
  targetId: 'auth0|bob',
  requestId: '7d0c4f9e-0000-4000-8000-000000000000',
  correlationId: 'client-trace-1',
};

/** Runs against a real (embedded SQLite) database. */
describe('AuditService', () => {
  let dataSource: DataSource;
  let audit: AuditService;
  const rows = () => dataSource.getRepository(AuditEvent).find({ order: { id: 'ASC' } });

  beforeEach(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [AuditEvent],
      synchronize: true,
    });
    await dataSource.initialize();
    audit = new AuditService(dataSource.getRepository(AuditEvent));
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    if (dataSource.isInitialized) await dataSource.destroy();
  });

  describe('record', () => {
    it('should store a succeeded event, with no correlation id when the caller gave none', async () => {
      const { correlationId: _omitted, ...withoutCorrelation } = entry;
      await audit.record(dataSource.manager, withoutCorrelation);
      expect(await rows()).toMatchObject([{ action: 'user.blocked', outcome: 'succeeded', correlationId: null }]);
    });
  });

  describe('attempt', () => {
    it('should write a pending row first and complete it', async () => {
      const attempt = await audit.attempt(entry);
      expect(await rows()).toMatchObject([{ id: attempt.id, outcome: 'pending', requestId: entry.requestId }]);
      await attempt.succeeded();
      expect(await rows()).toMatchObject([{ outcome: 'succeeded', correlationId: 'client-trace-1' }]);
    });

    it('should let success name the final target', async () => {
      await (
        await audit.attempt({ ...entry, action: 'user.created', targetId: 'new@x.test' })
      ).succeeded({
        targetId: 'auth0|new',
      });
      expect(await rows()).toMatchObject([{ targetId: 'auth0|new', outcome: 'succeeded' }]);
    });

    it('should record a failed change as failed', async () => {
      await (await audit.attempt(entry)).failed();
      expect(await rows()).toMatchObject([{ outcome: 'failed' }]);
    });

    it('should refuse with 503 when the row cannot be written', async () => {
      await dataSource.destroy();
      await expect(audit.attempt(entry)).rejects.toMatchObject({
        status: 503,
        headers: { 'Retry-After': '5' },
        message: expect.stringMatching(/nothing was changed/),
      });
    });

    it('should keep the pending row, without throwing, when completing it fails', async () => {
      const attempt = await audit.attempt(entry);
      const update = jest.spyOn(dataSource.getRepository(AuditEvent), 'update');
      update.mockRejectedValueOnce(new Error('connection lost'));
      await expect(attempt.succeeded()).resolves.toBeUndefined();
      expect(await rows()).toMatchObject([{ outcome: 'pending' }]);
    });
  });

  describe('list', () => {
    it('should show the outcome and both request ids', async () => {
      await (await audit.attempt(entry)).succeeded();
      const page = await audit.list('', { limit: 10 } as never);
      expect(page.items).toEqual([
        expect.objectContaining({ requestId: entry.requestId, correlationId: 'client-trace-1', outcome: 'succeeded' }),
      ]);
    });
  });
});
