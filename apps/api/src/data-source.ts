// The TypeORM CLI's view of the database (e.g. `npx typeorm migration:show -d dist/...`): the same
// options builder and migrations as the app, configured by the same environment variables.
import { AuditEvent } from '@steward/api-audit-feature';
import { AuthEntities } from '@steward/api-auth-feature';
import { loadApiConfig } from '@steward/api-config-util';
import { databaseOptions } from '@steward/api-database-data-access';
import { RecordsEntities } from '@steward/api-records-feature';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

export default new DataSource(
  databaseOptions(loadApiConfig(process.env).database.url, {
    entities: [...AuthEntities, AuditEvent, ...RecordsEntities],
    migrations: MIGRATIONS,
  }),
);
