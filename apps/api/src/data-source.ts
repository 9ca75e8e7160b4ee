// The TypeORM CLI's view of the database (e.g. `npx typeorm migration:show -d dist/...`): the same
// options builder and migrations as the app, configured by the same environment variables.
import { AuthEntities } from '@steward/api-auth-feature';
import { loadApiConfig } from '@steward/api-config-util';
import { databaseOptions } from '@steward/api-database-data-access';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

export default new DataSource(databaseOptions(loadApiConfig(process.env).database.url, {
  entities: [...AuthEntities],
  migrations: MIGRATIONS,
}));
