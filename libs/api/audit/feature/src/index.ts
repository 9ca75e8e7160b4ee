export * from './lib/audit.module';
export { AuditService, type AuditAttempt, type AuditEntry } from './lib/audit.service';
export { AuditEvent } from './lib/audit-event.entity';
