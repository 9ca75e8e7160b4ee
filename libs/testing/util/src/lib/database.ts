import { randomBytes } from 'node:crypto';
import { createConnection, type Connection } from 'mysql2/promise';

/** The MySQL/MariaDB server tests may create databases on. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] || 'mysql://root@127.0.0.1:3306/test';

export interface TestDatabase {
  url: string;
  /** A connection to the test database, for assertions and for acting as another API instance. */
  connect(): Promise<Connection>;
  drop(): Promise<void>;
}

/** A fresh, empty utf8mb4 database for one test run, dropped afterwards. */
export async function createTestDatabase(prefix = 'steward_test'): Promise<TestDatabase> {
  const server = new URL(TEST_DATABASE_URL);
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: TEST_DATABASE_URL });
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.href);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    connect: () => createConnection({ uri: url.href }),
    drop: async () => {
      const connection = await createConnection({ uri: TEST_DATABASE_URL });
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
