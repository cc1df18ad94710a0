import type { MigrationInterface, QueryRunner } from 'typeorm';

// Parties, and the party and stance of a `positioned` event. Adding nullable columns rewrites no
// row, so the append-only triggers are not involved and every stored hash stays valid.
export class PartiesAndPositions1764547200000 implements MigrationInterface {
  name = 'PartiesAndPositions1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "parties" ("id" varchar(36) PRIMARY KEY NOT NULL, "slug" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(16) NOT NULL, "created_at" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_parties_slug" ON "parties" ("slug")`);
    await queryRunner.query(
      `ALTER TABLE "history_events" ADD COLUMN "party_id" varchar(36) CONSTRAINT "FK_history_events_party" REFERENCES "parties" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    await queryRunner.query(`ALTER TABLE "history_events" ADD COLUMN "stance" varchar(16)`);
    await queryRunner.query(POSITION_INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_history_events_party_item"`);
    await queryRunner.query(`ALTER TABLE "history_events" DROP COLUMN "stance"`);
    await queryRunner.query(`ALTER TABLE "history_events" DROP COLUMN "party_id"`);
    await queryRunner.query(`DROP TABLE "parties"`);
  }
}

// "A party's latest position on an item" (the item list filter) and "every position effective by a
// day" (the positions report): both read this index alone. Portable SQL, shared with PostgreSQL.
export const POSITION_INDEX = `CREATE INDEX "IDX_history_events_party_item" ON "history_events" ("party_id", "item_id", "seq", "effective_on", "stance", "recorded_at")`;
