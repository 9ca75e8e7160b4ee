import type { RecordChangeView } from '@steward/shared-domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step in a record's history, written in the same transaction as the change. */
@Entity('record_changes')
export class RecordChange {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'record_id', type: 'varchar', length: 36 })
  recordId!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: RecordChangeView['action'];

  @Column({ name: 'actor_sub', type: 'varchar', length: 255 })
  actorSub!: string;

  /** Changed fields with their old and new values. */
  @Column({ type: 'simple-json' })
  changes!: RecordChangeView['changes'];

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;
}
