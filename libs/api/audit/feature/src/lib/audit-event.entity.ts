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

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
