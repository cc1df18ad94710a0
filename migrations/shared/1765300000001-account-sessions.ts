import type { MigrationInterface, QueryRunner } from 'typeorm';

// Console sessions belong to an account or to an API token, and carry what the last write did
// (the flash) to the page shown after it. Sessions are short-lived, so the old
// table is replaced, not converted: whoever was signed in signs in again once.
// Portable SQL: PostgreSQL runs it too.
export class AccountSessions1765300000001 implements MigrationInterface {
  name = 'AccountSessions1765300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "console_sessions"`);
    await queryRunner.query(
      `CREATE TABLE "console_sessions" ("id_hash" varchar(64) PRIMARY KEY NOT NULL, "actor_kind" varchar(8) NOT NULL, "actor_name" varchar(64) NOT NULL, "csrf_token" varchar(64) NOT NULL, "created_at" varchar(24) NOT NULL, "last_seen_at" varchar(24) NOT NULL, "flash" varchar(500))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_console_sessions_actor" ON "console_sessions" ("actor_kind", "actor_name")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_console_sessions_last_seen_at" ON "console_sessions" ("last_seen_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "console_sessions"`);
    await queryRunner.query(
      `CREATE TABLE "console_sessions" ("id_hash" varchar(64) PRIMARY KEY NOT NULL, "token_name" varchar(64) NOT NULL, "csrf_token" varchar(64) NOT NULL, "created_at" varchar(24) NOT NULL, "last_seen_at" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_console_sessions_token_name" ON "console_sessions" ("token_name")`);
    await queryRunner.query(`CREATE INDEX "IDX_console_sessions_last_seen_at" ON "console_sessions" ("last_seen_at")`);
  }
}
