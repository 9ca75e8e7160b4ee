import { DataSource } from 'typeorm';
import { AdminChangeLock } from './admin-change-lock';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The in-process part (the row lock needs MySQL; the black-box suite races two instances on it). */
describe('AdminChangeLock', () => {
  let dataSource: DataSource;
  let lock: AdminChangeLock;

  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await dataSource.initialize();
    lock = new AdminChangeLock(dataSource);
  });

  afterEach(() => dataSource.destroy());

  it('should run changes one at a time, in arrival order', async () => {
    const events: string[] = [];
    const change = (name: string) =>
      lock.run(async () => {
        events.push(`${name} starts`);
        await sleep(10);
        events.push(`${name} ends`);
        return name;
      });
    await expect(Promise.all([change('a'), change('b'), change('c')])).resolves.toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('should release the lock when a change fails', async () => {
    await expect(lock.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run(async () => 'next')).resolves.toBe('next');
  });

  it('should answer 503 with Retry-After to a change that waits too long, without running it, and go on', async () => {
    lock.waitMs = 20;
    const ran: string[] = [];
    const slow = lock.run(async () => {
      await sleep(60);
      ran.push('slow');
    });
    await expect(lock.run(async () => void ran.push('impatient'))).rejects.toMatchObject({
      status: 503,
      headers: { 'Retry-After': '2' },
    });
    await slow;
    await expect(lock.run(async () => 'after')).resolves.toBe('after');
    expect(ran).toEqual(['slow']);
  });
});
