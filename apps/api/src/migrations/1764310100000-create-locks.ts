import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Named lock rows (`SELECT … FOR UPDATE` on MySQL/MariaDB) that serialize changes across API
 * instances; `admins` guards every change that could remove the last admin.
 */
export class CreateLocks1764310100000 implements MigrationInterface {
  name = 'CreateLocks1764310100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({ name: 'locks', columns: [{ name: 'name', type: 'varchar', length: '64', isPrimary: true }] }),
    );
    await queryRunner.query(`INSERT INTO locks (name) VALUES ('admins')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('locks');
  }
}
