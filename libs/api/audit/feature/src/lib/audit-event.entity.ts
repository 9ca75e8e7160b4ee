import type { AuditOutcome } from '@steward/shared-domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change made through Steward: who did what to which target, when, in which request. */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  /** '' when the actor's token carries no organization. */
  @Column({ name: 'org_id', type: 'varchar', length: 64 })
  orgId!: string;

  @Column({ name: 'actor_sub', type: 'varchar', length: 255 })
  actorSub!: string;

  /** `<target type>.<verb>`, e.g. `record.updated`, `user.blocked`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'varchar', length: 255 })
  targetId!: string;

  /** The server-generated id of the request (never the caller's). */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  /** The caller's own `X-Request-Id`, validated, for their tracing. */
  @Column({ name: 'correlation_id', type: 'varchar', length: 64, nullable: true })
  correlationId!: string | null;

  /** `pending` until an upstream change is known to have succeeded or failed (see `AuditService.attempt`). */
  @Column({ type: 'varchar', length: 16, default: 'succeeded' })
  outcome!: AuditOutcome;
}
