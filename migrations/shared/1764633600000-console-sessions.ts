import type { MigrationInterface, QueryRunner } from 'typeorm';

// The web console's sign-in sessions (and the index its meeting pages read by), kept in the database so that any instance can serve them.
// Only the SHA-256 of the cookie's session id is stored. Portable SQL: PostgreSQL runs it too.
export class ConsoleSessions1764633600000 implements MigrationInterface {
  name = 'ConsoleSessions1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "console_sessions" ("id_hash" varchar(64) PRIMARY KEY NOT NULL, "token_name" varchar(64) NOT NULL, "csrf_token" varchar(64) NOT NULL, "created_at" varchar(24) NOT NULL, "last_seen_at" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_console_sessions_token_name" ON "console_sessions" ("token_name")`);
    await queryRunner.query(`CREATE INDEX "IDX_console_sessions_last_seen_at" ON "console_sessions" ("last_seen_at")`);
    // A meeting's page lists what it decided.
    await queryRunner.query(`CREATE INDEX "IDX_history_events_meeting_id" ON "history_events" ("meeting_id", "id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_history_events_meeting_id"`);
    await queryRunner.query(`DROP TABLE "console_sessions"`);
  }
}
