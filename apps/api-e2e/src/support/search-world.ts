import { workspaceRoot } from '@steward/testing-util';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** A database the search tests write fixtures into and read the brute-force reference from. */
export interface SqlClient {
  execute(sql: string, parameters?: unknown[]): Promise<void>;
  rows<T>(sql: string, parameters?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A plain SQL client for a `mysql://…` or `sqlite:…` URL (the API's DATABASE_URL convention). */
export async function sqlClient(url: string): Promise<SqlClient> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { timeout: 5_000 });
    return {
      execute: async (sql, parameters = []) => void db.prepare(sql).run(...parameters),
      rows: async <T>(sql: string, parameters: unknown[] = []) => db.prepare(sql).all(...parameters) as T[],
      close: async () => {
        db.close();
      },
    };
  }
  const connection = await createConnection({ uri: url, timezone: 'Z' });
  return {
    execute: async (sql, parameters = []) => void (await connection.query(sql, parameters)),
    rows: async <T>(sql: string, parameters: unknown[] = []) => (await connection.query(sql, parameters))[0] as T[],
    close: () => connection.end(),
  };
}

/** Seeds `count` realistic records of organization `org` with the seed tool (its word frequencies). */
export function seedWithTool(url: string, org: string, count: number, seed: number): void {
  const result = spawnSync(
    process.execPath,
    [
      join(workspaceRoot(), 'tools/seed/seed-records.mjs'),
      ...['--count', String(count), '--org', org, '--seed', String(seed), '--database-url', url],
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (result.status !== 0) throw new Error(`seeding failed: ${result.stderr || result.stdout}`);
}

const COLUMNS = 'id, org_id, title, description, status, tags, owner_sub, updated_by, version, created_at, updated_at';

/** Inserts a record straight into the table (both databases store datetimes as this text when bound as strings). */
export function insertRecord(
  client: SqlClient,
  row: { id: string; org: string; title: string; status: string; at: string },
): Promise<void> {
  return client.execute(
    `INSERT INTO records (${COLUMNS}) VALUES (?, ?, ?, '', ?, '[]', 'auth0|fixture', 'auth0|fixture', 1, ?, ?)`,
    [row.id, row.org, row.title, row.status, row.at, row.at],
  );
}

/** A live record of the reference, in one sort order. */
export interface ReferenceRow {
  id: string;
  title: string;
  status: string;
}

const SORT_COLUMNS = { updatedAt: 'updated_at', createdAt: 'created_at', title: 'title' } as const;

/**
 * Every live record of `org` in the order `sort` defines, read with a plain ORDER BY (the database's
 * own collation decides title order): the brute-force side of the comparison.
 */
export function referenceOrder(client: SqlClient, org: string, sort: string): Promise<ReferenceRow[]> {
  const direction = sort.startsWith('-') ? 'DESC' : 'ASC';
  const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  return client.rows<ReferenceRow>(
    `SELECT id, title, status FROM records WHERE org_id = ? AND deleted_at IS NULL ` +
      `ORDER BY ${column} ${direction}, id ${direction}`,
    [org],
  );
}

const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * The README's search rules, written out naively: the words of `q` (lower-cased, deduplicated, at most
 * 8), or null when none has 3 characters, so nothing matches.
 */
export function referenceWords(q: string): string[] | null {
  const words = [...new Set(q.toLowerCase().match(WORD) ?? [])].slice(0, 8);
  return words.some((word) => [...word].length >= 3) ? words : null;
}

/** Whether every word starts a word of `title`, ignoring case. */
export function referenceMatch(title: string, words: string[]): boolean {
  const titleWords = title.toLowerCase().match(WORD) ?? [];
  return words.every((word) => titleWords.some((titleWord) => titleWord.startsWith(word)));
}
