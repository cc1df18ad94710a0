import type { MigrationInterface, QueryRunner } from 'typeorm';

// The score of an `assessed` event (`1`, `0`, `-1` or `n/a`, as text), and the editions: reports
// published from a head of the chain, each kept as the bytes of its four formats so that it reads
// the same forever (docs/compliance.md says why). Portable SQL: PostgreSQL runs it too; a new
// nullable column needs no rebuild of the history table on SQLite, and its rows keep their hashes.
export class AssessmentsAndEditions1765200000000 implements MigrationInterface {
  name = 'AssessmentsAndEditions1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "history_events" ADD COLUMN "score" varchar(3)`);
    await queryRunner.query(
      `CREATE TABLE "editions" ("slug" varchar(64) PRIMARY KEY NOT NULL, "title" varchar(200) NOT NULL, "report" varchar(16) NOT NULL, "query" text NOT NULL, "head_hash" varchar(64) NOT NULL, "head_events" integer NOT NULL, "published_at" varchar(24) NOT NULL, "published_by" varchar(100) NOT NULL, "json" text NOT NULL, "csv" text NOT NULL, "md" text NOT NULL, "html" text NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_editions_published_at" ON "editions" ("published_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "editions"`);
    await queryRunner.query(`ALTER TABLE "history_events" DROP COLUMN "score"`);
  }
}
