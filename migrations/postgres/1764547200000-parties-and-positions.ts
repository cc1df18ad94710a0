import type { MigrationInterface, QueryRunner } from 'typeorm';

// Parties, and the party and stance of a `positioned` event (see the SQLite migration of the same
// name). ALTER TABLE is not an UPDATE: the append-only triggers do not fire.
export class PartiesAndPositions1764547200000 implements MigrationInterface {
  name = 'PartiesAndPositions1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "parties" ("id" character varying(36) NOT NULL, "slug" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "created_at" character varying(24) NOT NULL, CONSTRAINT "PK_parties" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_parties_slug" ON "parties" ("slug")`);
    await queryRunner.query(`ALTER TABLE "history_events" ADD COLUMN "party_id" character varying(36)`);
    await queryRunner.query(`ALTER TABLE "history_events" ADD COLUMN "stance" character varying(16)`);
    await queryRunner.query(
      `ALTER TABLE "history_events" ADD CONSTRAINT "FK_history_events_party" FOREIGN KEY ("party_id") REFERENCES "parties"("id") ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    // The same index as on SQLite (see there).
    await queryRunner.query(
      `CREATE INDEX "IDX_history_events_party_item" ON "history_events" ("party_id", "item_id", "seq", "effective_on", "stance", "recorded_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_history_events_party_item"`);
    await queryRunner.query(`ALTER TABLE "history_events" DROP CONSTRAINT "FK_history_events_party"`);
    await queryRunner.query(`ALTER TABLE "history_events" DROP COLUMN "stance"`);
    await queryRunner.query(`ALTER TABLE "history_events" DROP COLUMN "party_id"`);
    await queryRunner.query(`DROP TABLE "parties"`);
  }
}
