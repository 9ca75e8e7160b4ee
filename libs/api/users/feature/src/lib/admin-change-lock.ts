import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProblemException } from '@steward/api-core-util';
import type { DataSource, QueryRunner } from 'typeorm';

/** How long a change waits for the lock before it is answered 503 (another change is in progress). */
export const LOCK_WAIT_SECONDS = 5;

const LOCK_NAME = 'admins';
const MYSQL_LOCK_WAIT_TIMEOUT = 1205;

/**
 * Serializes changes that could remove the last admin, so the check and the change happen as one
 * step: in-process through a queue, across instances through the `locks` row held `FOR UPDATE`
 * (MySQL/MariaDB) for as long as the change runs. The embedded SQLite database serves one
 * instance, so the queue is all it needs. A change that waits longer than `LOCK_WAIT_SECONDS`
 * gets 503 + Retry-After and does nothing.
 */
@Injectable()
export class AdminChangeLock {
  private readonly logger = new Logger(AdminChangeLock.name);
  private tail: Promise<void> = Promise.resolve();
  /** How long to wait for the lock, in milliseconds (tests shorten it). */
  waitMs = LOCK_WAIT_SECONDS * 1000;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` while holding the lock. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tail = previous.then(() => mine);
    if (!(await this.waitFor(previous))) {
      void previous.then(release); // keep the queue moving once the holder is done
      throw busy();
    }
    try {
      return this.isMysql() ? await this.withRowLock(work) : await work();
    } finally {
      release();
    }
  }

  private async waitFor(previous: Promise<void>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.waitMs);
      timer.unref();
    });
    try {
      return await Promise.race([previous.then(() => true as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private isMysql(): boolean {
    return this.dataSource.options.type === 'mysql' || this.dataSource.options.type === 'mariadb';
  }

  private async withRowLock<T>(work: () => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await this.acquire(runner);
    } catch (error) {
      await runner.release();
      throw error;
    }
    try {
      const result = await work();
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.query('SET SESSION innodb_lock_wait_timeout = DEFAULT').catch(() => undefined);
      await runner.release();
    }
  }

  private async acquire(runner: QueryRunner): Promise<void> {
    try {
      await runner.connect();
      await runner.query('SET SESSION innodb_lock_wait_timeout = ?', [Math.max(1, Math.ceil(this.waitMs / 1000))]);
      await runner.startTransaction();
      const rows: unknown[] = await runner.query('SELECT name FROM locks WHERE name = ? FOR UPDATE', [LOCK_NAME]);
      if (rows.length !== 1) throw new Error(`the ${LOCK_NAME} lock row is missing (migrations not run?)`);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if ((error as { errno?: number }).errno === MYSQL_LOCK_WAIT_TIMEOUT) throw busy();
      this.logger.error(`Could not take the ${LOCK_NAME} lock: ${(error as Error).message}`);
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        { detail: 'The database is unavailable, so nothing was changed. Try again shortly.' },
        { 'Retry-After': '5' },
      );
    }
  }
}

function busy(): ProblemException {
  return new ProblemException(
    HttpStatus.SERVICE_UNAVAILABLE,
    { detail: 'Another change to administrators is in progress, so nothing was changed. Try again shortly.' },
    { 'Retry-After': '2' },
  );
}
