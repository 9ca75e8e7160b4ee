import { AuditEvent } from '@steward/api-audit-feature';
import { AuthEntities } from '@steward/api-auth-feature';
import { databaseOptions } from '@steward/api-database-data-access';
import { RecordsEntities } from '@steward/api-records-feature';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** The API's database as TypeORM's CLI and the migrate command see it: the app's options builder and migrations. */
export function apiDataSource(databaseUrl: string): DataSource {
  return new DataSource(
    databaseOptions(databaseUrl, {
      entities: [...AuthEntities, AuditEvent, ...RecordsEntities],
      migrations: MIGRATIONS,
    }),
  );
}

/**
 * Applies the pending migrations, each in its own transaction, and returns their names; none pending
 * → an empty list. `node main.js migrate` runs this (the one-shot step of compose and Kubernetes).
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const dataSource = await apiDataSource(databaseUrl).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
