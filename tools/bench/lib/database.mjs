// MariaDB/MySQL databases of the bench: fresh ones per run, the cached large one, and a few reads.
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

/** The server the bench creates its databases on (the tests' convention). */
const SERVER_URL = process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306/test';

/** The URL of database `name` on the bench's server. */
export function databaseUrl(name) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.href;
}

/** Runs `work(connection)` on a short-lived connection to `url` (the server's default database if omitted). */
export async function withConnection(work, url = SERVER_URL) {
  const connection = await createConnection({ uri: url });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/** Creates database `name` (utf8mb4), or a fresh randomly named one from a prefix. */
export async function createDatabase(name) {
  await withConnection((c) => c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  return name;
}

export function freshDatabaseName(prefix) {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

export function dropDatabase(name) {
  return withConnection((c) => c.query(`DROP DATABASE IF EXISTS \`${name}\``));
}

export async function databaseExists(name) {
  const [rows] = await withConnection((c) =>
    c.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = ?', [name]),
  );
  return rows.length > 0;
}

/** The database's comment: where the bench notes what it seeded into a cached database. */
export async function readComment(name) {
  const [rows] = await withConnection((c) =>
    c.query('SELECT schema_comment AS comment FROM information_schema.schemata WHERE schema_name = ?', [name]),
  );
  return rows[0]?.comment ?? '';
}

export function writeComment(name, comment) {
  return withConnection((c) => c.query(`ALTER DATABASE \`${name}\` COMMENT = ?`, [comment]));
}

/** Names of the migrations the API has applied to database `name`, in order. */
export async function appliedMigrations(name) {
  const [rows] = await withConnection((c) => c.query(`SELECT name FROM \`${name}\`.migrations ORDER BY id`));
  return rows.map((row) => row.name);
}

export async function countRecords(name) {
  const [rows] = await withConnection((c) => c.query(`SELECT COUNT(*) AS n FROM \`${name}\`.records`));
  return Number(rows[0].n);
}

export async function someRecordId(name) {
  const [rows] = await withConnection((c) => c.query(`SELECT id FROM \`${name}\`.records LIMIT 1`));
  return rows[0].id;
}

/** Stops every statement still running on database `name` (what a timed-out request left behind). */
export async function killQueries(name) {
  await withConnection(async (c) => {
    const [rows] = await c.query(
      `SELECT id FROM information_schema.processlist WHERE db = ? AND command = 'Query' AND id <> CONNECTION_ID()`,
      [name],
    );
    for (const { id } of rows) await c.query(`KILL QUERY ${Number(id)}`).catch(() => undefined);
  });
}
