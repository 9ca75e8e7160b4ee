import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiDataSource, migrate } from './migrate';
import { MIGRATIONS } from './migrations';

describe('migrate', () => {
  let dir: string;
  let url: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'steward-migrate-'));
    url = `sqlite:${join(dir, 'steward.sqlite')}`;
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should apply every migration, oldest first, to an empty database', async () => {
    const applied = await migrate(url);

    expect(applied).toEqual(MIGRATIONS.map((migration) => new migration().name));
    const dataSource = await apiDataSource(url).initialize();
    try {
      const tables = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)) as {
        name: string;
      }[];
      expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['records', 'audit_events', 'locks']));
    } finally {
      await dataSource.destroy();
    }
  });

  it('should apply nothing the second time', async () => {
    await migrate(url);

    await expect(migrate(url)).resolves.toEqual([]);
  });

  it('should fail, not report success, when the database cannot be opened', async () => {
    writeFileSync(join(dir, 'a-file'), '');

    await expect(migrate(`sqlite:${join(dir, 'a-file', 'steward.sqlite')}`)).rejects.toThrow();
  });
});
