import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

export class CreateRevokedSubjects1764300000000 implements MigrationInterface {
  name = 'CreateRevokedSubjects1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'revoked_subjects',
        columns: [
          { name: 'sub', type: 'varchar', length: '255', isPrimary: true },
          { name: 'revoked_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('revoked_subjects');
  }
}
