import type { RecordStatus } from '@steward/shared-domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A business record. Soft-deleted (`deletedAt`), versioned for optimistic concurrency, scoped by organization. */
@Entity('records')
export class RecordEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** '' when created with a token that carries no organization. */
  @Column({ name: 'org_id', type: 'varchar', length: 64 })
  orgId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RecordStatus;

  @Column({ type: 'simple-json' })
  tags!: string[];

  @Column({ name: 'owner_sub', type: 'varchar', length: 255 })
  ownerSub!: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 255 })
  updatedBy!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;

  @Column({ name: 'deleted_at', type: 'datetime', precision: 3, nullable: true })
  deletedAt!: Date | null;
}
