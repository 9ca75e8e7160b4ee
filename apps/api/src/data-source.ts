// The TypeORM CLI's view of the database (e.g. `npx typeorm migration:show -d dist/...`): the same
// options builder and migrations as the app, configured by the same environment variables.
import { loadApiConfig } from '@steward/api-config-util';
import { apiDataSource } from './migrate';

export default apiDataSource(loadApiConfig(process.env).database.url);
