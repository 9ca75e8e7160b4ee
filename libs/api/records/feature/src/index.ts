import { RecordChange } from './lib/record-change.entity';
import { RecordEntity } from './lib/record.entity';

export * from './lib/records.module';

/** Entities the records module stores (for the TypeORM CLI's data source). */
export const RecordsEntities = [RecordEntity, RecordChange];
