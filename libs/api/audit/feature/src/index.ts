export * from './lib/audit.module';
export { AuditService, type AuditEntry } from './lib/audit.service';
export { AuditEvent } from './lib/audit-event.entity';
