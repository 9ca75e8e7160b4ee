// Database writers for the seed tool. Each opens a DATABASE_URL, checks that the API's migrations
// created `records`, and inserts batches of rows. Neither creates nor alters any schema.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RECORD_COLUMNS } from './generate.mjs';

const START_API_HINT = 'start the API once (it runs the migrations), then run the seed again';

/** An error whose message is meant for the user as is: the CLI prints it on one line, no stack. */
export class SeedError extends Error {}

/**
 * Opens the database a `DATABASE_URL` points at.
 * @param {string} url `mysql://user:pass@host:port/db` or `sqlite:path`
 * @returns {Promise<{ label: string, batchSize: number, concurrency: number,
 *   write(rows: unknown[][]): Promise<void>, close(): Promise<void> }>}
 */
export async function openTarget(url) {
  if (url.startsWith('mysql://')) return openMysql(url);
  if (url.startsWith('sqlite:') && url.length > 'sqlite:'.length) return openSqlite(url.slice('sqlite:'.length));
  throw new SeedError(
    `unsupported database URL "${url.split(':')[0]}:…": expected mysql://user:pass@host:port/db or sqlite:path`,
  );
}

async function openMysql(url) {
  const { host, port, pathname } = parseUrl(url);
  const database = decodeURIComponent(pathname.slice(1));
  const where = `MySQL at ${host}${port ? '' : ':3306'}`;
  if (!database) throw new SeedError(`the MySQL URL names no database: expected mysql://user:pass@host:port/db`);
  const { createPool } = await import('mysql2/promise');
  const pool = createPool({ uri: url, connectionLimit: 4, charset: 'utf8mb4_unicode_ci', connectTimeout: 5_000 });
  try {
    const [tables] = await pool.query(
      `SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'records'`,
    );
    if (tables.length === 0) {
      throw new SeedError(`table "records" not found in database "${database}" on ${where}: ${START_API_HINT}`);
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw mysqlError(error, where, database);
  }
  const insert = `INSERT INTO records (${RECORD_COLUMNS.join(', ')}) VALUES ?`;
  return {
    label: `${database} on ${where}`,
    batchSize: 1_000,
    concurrency: 4,
    write: async (rows) => {
      try {
        await pool.query(insert, [rows]);
      } catch (error) {
        throw mysqlError(error, where, database);
      }
    },
    close: () => pool.end(),
  };
}

function parseUrl(url) {
  try {
    return new URL(url);
  } catch {
    throw new SeedError('invalid MySQL URL: expected mysql://user:pass@host:port/db');
  }
}

function mysqlError(error, where, database) {
  if (error instanceof SeedError) return error;
  if (error.code === 'ER_BAD_DB_ERROR') {
    return new SeedError(`database "${database}" does not exist on ${where}: create it, ${START_API_HINT}`);
  }
  if (error.code === 'ER_NO_SUCH_TABLE')
    return new SeedError(`table "records" not found on ${where}: ${START_API_HINT}`);
  const connectCodes = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'];
  if (connectCodes.includes(error.code) || /^ER_(DB)?ACCESS_DENIED/.test(error.code ?? '')) {
    return new SeedError(`cannot connect to ${where}: ${error.message || error.code}`);
  }
  return new SeedError(`${where}: ${error.message || error.code || error}`);
}

async function openSqlite(file) {
  if (!existsSync(file)) {
    throw new SeedError(`SQLite database ${resolve(file)} not found: ${START_API_HINT} (or pass --database-url)`);
  }
  const { default: Database } = await import('better-sqlite3');
  let db;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 5_000 });
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'records'`).get();
    if (!table) throw new SeedError(`table "records" not found in ${file}: ${START_API_HINT}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    db?.close();
    throw error instanceof SeedError ? error : new SeedError(`SQLite ${file}: ${error.message}`);
  }
  const statement = db.prepare(
    `INSERT INTO records (${RECORD_COLUMNS.join(', ')}) VALUES (${RECORD_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertAll = db.transaction((rows) => {
    for (const row of rows) statement.run(row);
  });
  return {
    label: `SQLite ${file}`,
    batchSize: 10_000,
    concurrency: 1,
    write: async (rows) => {
      try {
        insertAll(rows);
      } catch (error) {
        throw new SeedError(`SQLite ${file}: ${error.message}`);
      }
    },
    close: async () => db.close(),
  };
}
