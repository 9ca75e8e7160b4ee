import { CreateRevokedSubjects1764300000000 } from './1764300000000-create-revoked-subjects';
import { CreateRecordsAndAudit1764300100000 } from './1764300100000-create-records-and-audit';
import { AuditOutcomeAndCorrelation1764310000000 } from './1764310000000-audit-outcome-and-correlation';
import { CreateLocks1764310100000 } from './1764310100000-create-locks';
import { RecordsTitleSearch1764320000000 } from './1764320000000-records-title-search';

/** Every migration, oldest first: the app runs pending ones at start-up; the TypeORM CLI uses the same list. */
export const MIGRATIONS = [
  CreateRevokedSubjects1764300000000,
  CreateRecordsAndAudit1764300100000,
  AuditOutcomeAndCorrelation1764310000000,
  CreateLocks1764310100000,
  RecordsTitleSearch1764320000000,
];
