import type { MigrationInterface, QueryRunner } from 'typeorm';

const SQLITE_UP = [
  // External-content FTS5 index of records.title, keyed by the records rowid and kept in sync by
  // triggers. Words as MySQL's search sees them (see record-search.ts): case folded, accents kept,
  // `_` part of a word.
  `CREATE VIRTUAL TABLE records_fts USING fts5(title, content='records', content_rowid='rowid',
     tokenize="unicode61 remove_diacritics 0 tokenchars '_'")`,
  `CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
     INSERT INTO records_fts (rowid, title) VALUES (new.rowid, new.title);
   END`,
  `CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
     INSERT INTO records_fts (records_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
   END`,
  `CREATE TRIGGER records_fts_update AFTER UPDATE OF title ON records BEGIN
     INSERT INTO records_fts (records_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
     INSERT INTO records_fts (rowid, title) VALUES (new.rowid, new.title);
   END`,
  // Indexes the rows that already exist (and repairs the index if rowids ever change, e.g. VACUUM).
  `INSERT INTO records_fts (records_fts) VALUES ('rebuild')`,
];

/**
 * `q` on records becomes a full-text search (word prefixes, see record-search.ts) instead of
 * `LIKE '%…%'`, which read every row of an organization when little matched.
 * MySQL/MariaDB: an InnoDB FULLTEXT index on `title`, built without stopwords so every word of 3 or
 * more characters is searchable (the index keeps that setting). On a large table this rebuilds it
 * once (about a minute per million rows). SQLite: an FTS5 table kept in sync by triggers.
 */
export class RecordsTitleSearch1764320000000 implements MigrationInterface {
  name = 'RecordsTitleSearch1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      for (const statement of SQLITE_UP) await queryRunner.query(statement);
      return;
    }
    await queryRunner.query('SET SESSION innodb_ft_enable_stopword = OFF');
    try {
      await queryRunner.query('CREATE FULLTEXT INDEX ft_records_title ON records (title)');
    } finally {
      await queryRunner.query('SET SESSION innodb_ft_enable_stopword = DEFAULT');
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isSqlite(queryRunner)) {
      for (const trigger of ['insert', 'delete', 'update'])
        await queryRunner.query(`DROP TRIGGER records_fts_${trigger}`);
      await queryRunner.query('DROP TABLE records_fts');
      return;
    }
    await queryRunner.query('DROP INDEX ft_records_title ON records');
  }
}

function isSqlite(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.driver.options.type === 'better-sqlite3';
}
