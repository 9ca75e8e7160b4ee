import { createTestDatabase, workspaceRoot, type TestDatabase } from '@steward/testing-util';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** `node dist/apps/api/main.js migrate`, as the compose migration service and the Kubernetes Job run it. */
function migrate(databaseUrl: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(workspaceRoot(), 'dist/apps/api/main.js'), 'migrate'], {
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', DATABASE_URL: databaseUrl },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

describe('node main.js migrate', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('steward_migrate');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('should apply every migration to an empty database, then exit without serving', async () => {
    const { status, output } = await migrate(database.url);

    expect(status).toBe(0);
    expect(output).toMatch(/Applied CreateRevokedSubjects\d+, /);
    expect(output).not.toContain('listening');
    const connection = await database.connect();
    try {
      const [tables] = await connection.query('SHOW TABLES');
      expect((tables as Record<string, string>[]).map((row) => Object.values(row)[0])).toEqual(
        expect.arrayContaining(['records', 'audit_events', 'locks', 'revoked_subjects', 'migrations']),
      );
    } finally {
      await connection.end();
    }
  });

  it('should apply nothing the second time', async () => {
    const { status, output } = await migrate(database.url);

    expect(status).toBe(0);
    expect(output).toContain('No pending migration');
  });

  it('should exit non-zero when the database cannot be reached, so the step that waits on it fails', async () => {
    const { status, output } = await migrate('mysql://steward:secret-password@127.0.0.1:1/steward');

    expect(status).toBe(1);
    expect(output).toContain('Migration failed');
    expect(output).not.toContain('secret-password');
  });
});
