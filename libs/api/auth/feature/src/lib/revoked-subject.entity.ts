import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user whose tokens the API refuses until further notice (blocked or deleted through Steward). */
@Entity('revoked_subjects')
export class RevokedSubject {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  sub!: string;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3 })
  revokedAt!: Date;
}
