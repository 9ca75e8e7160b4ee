import { CreateRevokedSubjects1764300000000 } from './1764300000000-create-revoked-subjects';
import { CreateRecordsAndAudit1764300100000 } from './1764300100000-create-records-and-audit';

/** Every migration, oldest first: the app runs pending ones at start-up; the TypeORM CLI uses the same list. */
export const MIGRATIONS = [CreateRevokedSubjects1764300000000, CreateRecordsAndAudit1764300100000];
