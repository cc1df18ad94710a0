import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764115200000 implements MigrationInterface {
  name = 'InitialSchema1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "items" ("id" varchar(36) PRIMARY KEY NOT NULL, "slug" varchar(64) NOT NULL, "title" varchar(200) NOT NULL, "summary" text NOT NULL, "category" varchar(64) NOT NULL, "proposed_by" varchar(100) NOT NULL, "proposed_on" varchar(10) NOT NULL, "source_url" varchar(500), "state" varchar(32) NOT NULL, "state_since" varchar(10) NOT NULL, "version" integer NOT NULL, "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_items_slug" ON "items" ("slug")`);
    await queryRunner.query(`CREATE INDEX "IDX_items_category" ON "items" ("category")`);
    await queryRunner.query(`CREATE INDEX "IDX_items_proposed_by" ON "items" ("proposed_by")`);
    await queryRunner.query(`CREATE INDEX "IDX_items_state" ON "items" ("state")`);

    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "slug" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "location" varchar(200) NOT NULL, "held_on" varchar(10) NOT NULL, "created_at" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_meetings_slug" ON "meetings" ("slug")`);

    await queryRunner.query(
      `CREATE TABLE "history_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "item_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "action" varchar(16) NOT NULL, "from_state" varchar(32), "to_state" varchar(32), "changes" text NOT NULL, "reason" text, "effective_on" varchar(10) NOT NULL, "meeting_id" varchar(36), "source" varchar(500), "batch_id" varchar(36), "actor" varchar(100) NOT NULL, "recorded_at" varchar(24) NOT NULL, "prev_hash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, CONSTRAINT "FK_history_events_item" FOREIGN KEY ("item_id") REFERENCES "items" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_history_events_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_history_events_hash" ON "history_events" ("hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_history_events_batch" ON "history_events" ("batch_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_history_events_effective_on" ON "history_events" ("effective_on")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_history_events_item_seq" ON "history_events" ("item_id", "seq")`);
    // The history is append-only: the database itself refuses to change or remove an event.
    await queryRunner.query(
      `CREATE TRIGGER "history_events_no_update" BEFORE UPDATE ON "history_events" BEGIN SELECT RAISE(ABORT, 'history_events is append-only: UPDATE refused'); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "history_events_no_delete" BEFORE DELETE ON "history_events" BEGIN SELECT RAISE(ABORT, 'history_events is append-only: DELETE refused'); END`,
    );

    await queryRunner.query(
      `CREATE TABLE "api_tokens" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "role" varchar(16) NOT NULL, "secret_hash" varchar(64) NOT NULL, "created_at" varchar(24) NOT NULL, "revoked_at" varchar(24))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_tokens_name" ON "api_tokens" ("name")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_tokens_secret_hash" ON "api_tokens" ("secret_hash")`);

    await queryRunner.query(
      `CREATE TABLE "idempotency_records" ("key" varchar(300) PRIMARY KEY NOT NULL, "request_hash" varchar(64) NOT NULL, "status_code" integer, "response_body" text, "created_at" varchar(24) NOT NULL, "expires_at" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_idempotency_records_expires_at" ON "idempotency_records" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_records"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
    await queryRunner.query(`DROP TRIGGER "history_events_no_delete"`);
    await queryRunner.query(`DROP TRIGGER "history_events_no_update"`);
    await queryRunner.query(`DROP TABLE "history_events"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TABLE "items"`);
  }
}
