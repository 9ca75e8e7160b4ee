import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Audit rows gain an outcome (written `pending` before an upstream call, completed after) and the
 * caller's correlation id, kept apart from the server-generated request id.
 */
export class AuditOutcomeAndCorrelation1764310000000 implements MigrationInterface {
  name = 'AuditOutcomeAndCorrelation1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('audit_events', [
      new TableColumn({ name: 'outcome', type: 'varchar', length: '16', default: "'succeeded'" }),
      new TableColumn({ name: 'correlation_id', type: 'varchar', length: '64', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('audit_events', 'correlation_id');
    await queryRunner.dropColumn('audit_events', 'outcome');
  }
}
