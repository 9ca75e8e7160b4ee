import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const SORT_COLUMNS = ['updated_at', 'created_at', 'title'];

/**
 * Records (soft-deleted, versioned, scoped by organization), their history, and the audit log.
 * Written with TypeORM's Table API so it runs on MySQL/MariaDB and SQLite alike.
 */
export class CreateRecordsAndAudit1764300100000 implements MigrationInterface {
  name = 'CreateRecordsAndAudit1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'records',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          // '' when the token carries no organization, so every index below can use equality on it.
          { name: 'org_id', type: 'varchar', length: '64' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'description', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'tags', type: 'text' },
          { name: 'owner_sub', type: 'varchar', length: '255' },
          { name: 'updated_by', type: 'varchar', length: '255' },
          { name: 'version', type: 'int' },
          { name: 'created_at', type: 'datetime', precision: 3 },
          { name: 'updated_at', type: 'datetime', precision: 3 },
          { name: 'deleted_at', type: 'datetime', precision: 3, isNullable: true },
        ],
        // Keyset pagination: one index per sort key, with and without the status filter.
        indices: SORT_COLUMNS.flatMap((column) => [
          new TableIndex({ name: `ix_records_${column}`, columnNames: ['org_id', 'deleted_at', column, 'id'] }),
          new TableIndex({
            name: `ix_records_status_${column}`,
            columnNames: ['org_id', 'deleted_at', 'status', column, 'id'],
          }),
        ]),
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'record_changes',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'record_id', type: 'varchar', length: '36' },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'actor_sub', type: 'varchar', length: '255' },
          { name: 'changes', type: 'text' },
          { name: 'request_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'at', type: 'datetime', precision: 3 },
        ],
        indices: [new TableIndex({ name: 'ix_record_changes_record', columnNames: ['record_id', 'id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'at', type: 'datetime', precision: 3 },
          { name: 'org_id', type: 'varchar', length: '64' },
          { name: 'actor_sub', type: 'varchar', length: '255' },
          { name: 'action', type: 'varchar', length: '64' },
          { name: 'target_type', type: 'varchar', length: '32' },
          { name: 'target_id', type: 'varchar', length: '255' },
          { name: 'request_id', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_audit_org', columnNames: ['org_id', 'id'] }),
          new TableIndex({ name: 'ix_audit_org_action', columnNames: ['org_id', 'action', 'id'] }),
          new TableIndex({ name: 'ix_audit_org_actor', columnNames: ['org_id', 'actor_sub', 'id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_events');
    await queryRunner.dropTable('record_changes');
    await queryRunner.dropTable('records');
  }
}
