import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions, MixedList } from 'typeorm';

export interface DatabaseParts {
  // TypeORM's own option types: entity classes and migration classes.
  entities: MixedList<string | (new () => unknown)>;
  migrations: MixedList<string | (new () => unknown)>;
}

/**
 * TypeORM options for a `DATABASE_URL`: `mysql://…` (MySQL 8 / MariaDB through mysql2) or
 * `sqlite:path` (embedded better-sqlite3, the `npm start` default). The app and the TypeORM CLI
 * both build their options here. The schema changes only through migrations, never `synchronize`.
 */
export function databaseOptions(url: string, parts: DatabaseParts): DataSourceOptions {
  const common = { ...parts, synchronize: false, migrationsTransactionMode: 'each' as const };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: file,
      enableWAL: true,
      // Writers wait for each other instead of failing with SQLITE_BUSY.
      timeout: 5_000,
      prepareDatabase: (db: { pragma(statement: string): unknown }) => void db.pragma('foreign_keys = ON'),
    };
  }
  if (url.startsWith('mysql:')) {
    return {
      ...common,
      type: 'mysql',
      url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
      poolSize: 10,
      connectTimeout: 5_000,
    };
  }
  throw new Error('DATABASE_URL: expected mysql://… or sqlite:…');
}
