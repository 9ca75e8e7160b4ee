import { Logger } from '@nestjs/common';
import { ApiMetrics } from '@steward/api-metrics-util';
import { RedisConnection } from '@steward/api-redis-data-access';
import { randomUUID } from 'node:crypto';
import { DataSource, Table } from 'typeorm';
import { RevokedSubject } from './revoked-subject.entity';
import { SubjectRevocations } from './subject-revocations';

/** Runs against a real (embedded SQLite) database, two service instances sharing it. */
describe('SubjectRevocations', () => {
  let dataSource: DataSource;
  let here: SubjectRevocations;
  let elsewhere: SubjectRevocations;

  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [RevokedSubject] });
    await dataSource.initialize();
    await dataSource.createQueryRunner().createTable(
      new Table({
        name: 'revoked_subjects',
        columns: [
          { name: 'sub', type: 'varchar', length: '255', isPrimary: true },
          { name: 'revoked_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
    here = new SubjectRevocations(dataSource.getRepository(RevokedSubject));
    elsewhere = new SubjectRevocations(dataSource.getRepository(RevokedSubject));
  });

  afterEach(async () => {
    here.onApplicationShutdown();
    elsewhere.onApplicationShutdown();
    await dataSource.destroy();
  });

  describe('revoke', () => {
    it('should take effect on this instance at once', async () => {
      await here.onApplicationBootstrap();
      await here.revoke('auth0|bob');
      expect(here.isRevoked('auth0|bob')).toBe(true);
      expect(here.isRevoked('auth0|alice')).toBe(false);
    });

    it('should be idempotent', async () => {
      await here.revoke('auth0|bob');
      await here.revoke('auth0|bob');
      expect(await dataSource.getRepository(RevokedSubject).count()).toBe(1);
    });
  });

  describe('restore', () => {
    it('should let the subject in again', async () => {
      await here.revoke('auth0|bob');
      await here.restore('auth0|bob');
      expect(here.isRevoked('auth0|bob')).toBe(false);
    });
  });

  describe('periodic refresh', () => {
    it('should pick up a revocation made by another instance', async () => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
      try {
        await here.onApplicationBootstrap();
        await elsewhere.revoke('auth0|bob');
        expect(here.isRevoked('auth0|bob')).toBe(false);
        await jest.advanceTimersByTimeAsync(2_000);
        await new Promise((resolve) => setImmediate(resolve));
        expect(here.isRevoked('auth0|bob')).toBe(true);
      } finally {
        jest.useRealTimers();
      }
    });

    it('should keep what it knows when the database is unreachable', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      await here.revoke('auth0|bob');
      await dataSource.destroy();
      await here.onApplicationBootstrap();
      expect(here.isRevoked('auth0|bob')).toBe(true);
      expect(warn).toHaveBeenCalled();
      warn.mockRestore();
      await dataSource.initialize();
    });
  });

  describe('with Redis', () => {
    const connections: RedisConnection[] = [];
    const instance = async (namespace: string) => {
      const redis = new RedisConnection(
        process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        new ApiMetrics({ processMetrics: false }),
        namespace,
      );
      connections.push(redis);
      await redis.connect();
      const revocations = new SubjectRevocations(dataSource.getRepository(RevokedSubject), redis);
      await revocations.onApplicationBootstrap();
      return revocations;
    };

    afterEach(async () => {
      await Promise.all(connections.splice(0).map((redis) => redis.close()));
    });

    it('should tell every other instance at once, long before the periodic re-read', async () => {
      const namespace = `steward:test:${randomUUID()}`;
      const [one, two] = [await instance(namespace), await instance(namespace)];
      try {
        await new Promise((resolve) => setTimeout(resolve, 100)); // the subscriptions are in place
        const started = Date.now();
        await one.revoke('auth0|carol');
        while (!two.isRevoked('auth0|carol') && Date.now() - started < 1_000) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(Date.now() - started).toBeLessThan(500);
        await one.restore('auth0|carol');
        while (two.isRevoked('auth0|carol') && Date.now() - started < 2_000) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(two.isRevoked('auth0|carol')).toBe(false);
      } finally {
        one.onApplicationShutdown();
        two.onApplicationShutdown();
      }
    });
  });
});
