import type { MigrationInterface, QueryRunner } from 'typeorm';

// The same schema as migrations/sqlite/1764115200000-initial-schema.ts, as TypeORM's schema builder
// writes it for PostgreSQL from the entities (primary key names included), plus the append-only rule.
export class InitialSchema1764115200000 implements MigrationInterface {
  name = 'InitialSchema1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "items" ("id" character varying(36) NOT NULL, "slug" character varying(64) NOT NULL, "title" character varying(200) NOT NULL, "summary" text NOT NULL, "category" character varying(64) NOT NULL, "proposed_by" character varying(100) NOT NULL, "proposed_on" character varying(10) NOT NULL, "source_url" character varying(500), "state" character varying(32) NOT NULL, "state_since" character varying(10) NOT NULL, "version" integer NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, CONSTRAINT "PK_ba5885359424c15ca6b9e79bcf6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_items_slug" ON "items" ("slug")`);
    await queryRunner.query(`CREATE INDEX "IDX_items_category" ON "items" ("category")`);
    await queryRunner.query(`CREATE INDEX "IDX_items_proposed_by" ON "items" ("proposed_by")`);
    await queryRunner.query(`CREATE INDEX "IDX_items_state" ON "items" ("state")`);

    await queryRunner.query(
      `CREATE TABLE "meetings" ("id" character varying(36) NOT NULL, "slug" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "location" character varying(200) NOT NULL, "held_on" character varying(10) NOT NULL, "created_at" character varying(24) NOT NULL, CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_meetings_slug" ON "meetings" ("slug")`);

    await queryRunner.query(
      `CREATE TABLE "history_events" ("id" SERIAL NOT NULL, "item_id" character varying(36) NOT NULL, "seq" integer NOT NULL, "action" character varying(16) NOT NULL, "from_state" character varying(32), "to_state" character varying(32), "changes" text NOT NULL, "reason" text, "effective_on" character varying(10) NOT NULL, "meeting_id" character varying(36), "source" character varying(500), "batch_id" character varying(36), "actor" character varying(100) NOT NULL, "recorded_at" character varying(24) NOT NULL, "prev_hash" character varying(64) NOT NULL, "hash" character varying(64) NOT NULL, CONSTRAINT "PK_37efb8ff48b1d3943482ecc57b6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_history_events_hash" ON "history_events" ("hash")`);
    await queryRunner.query(`CREATE INDEX "IDX_history_events_batch" ON "history_events" ("batch_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_history_events_effective_on" ON "history_events" ("effective_on")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_history_events_item_seq" ON "history_events" ("item_id", "seq")`);
    await queryRunner.query(
      `ALTER TABLE "history_events" ADD CONSTRAINT "FK_history_events_item" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "history_events" ADD CONSTRAINT "FK_history_events_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    // The history is append-only: the database itself refuses to change or remove an event, from
    // any connection. Statement triggers, so the statement is refused even when it matches no row.
    await queryRunner.query(
      `CREATE FUNCTION "history_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'history_events is append-only: % refused', TG_OP; END $$`,
    );
    for (const operation of ['UPDATE', 'DELETE', 'TRUNCATE']) {
      await queryRunner.query(
        `CREATE TRIGGER "history_events_no_${operation.toLowerCase()}" BEFORE ${operation} ON "history_events" FOR EACH STATEMENT EXECUTE FUNCTION "history_events_append_only"()`,
      );
    }

    await queryRunner.query(
      `CREATE TABLE "api_tokens" ("id" SERIAL NOT NULL, "name" character varying(64) NOT NULL, "role" character varying(16) NOT NULL, "secret_hash" character varying(64) NOT NULL, "created_at" character varying(24) NOT NULL, "revoked_at" character varying(24), CONSTRAINT "PK_c587455266b5fa8dace7194caac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_tokens_name" ON "api_tokens" ("name")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_tokens_secret_hash" ON "api_tokens" ("secret_hash")`);

    await queryRunner.query(
      `CREATE TABLE "idempotency_records" ("key" character varying(300) NOT NULL, "request_hash" character varying(64) NOT NULL, "status_code" integer, "response_body" text, "created_at" character varying(24) NOT NULL, "expires_at" character varying(24) NOT NULL, CONSTRAINT "PK_f97e644e78e639ac55614cbaffe" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_idempotency_records_expires_at" ON "idempotency_records" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_records"`);
    await queryRunner.query(`DROP TABLE "api_tokens"`);
    // Dropping the table drops its triggers and foreign keys.
    await queryRunner.query(`DROP TABLE "history_events"`);
    await queryRunner.query(`DROP FUNCTION "history_events_append_only"()`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP TABLE "items"`);
  }
}
