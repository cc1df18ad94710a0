import type { MigrationInterface, QueryRunner } from 'typeorm';

// Corrections and retractions (issue 14): an event may overrule an earlier event of its item, named
// by seq. Adding nullable columns touches no row, so the append-only triggers are not involved and
// every stored hash (v1 form, see event-hash.ts) stays valid. The index finds the items whose
// history holds corrections, which reports rebuild in full. Portable SQL: PostgreSQL runs it too.
export class EventReferences1764460800000 implements MigrationInterface {
  name = 'EventReferences1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "history_events" ADD COLUMN "corrects" integer`);
    await queryRunner.query(`ALTER TABLE "history_events" ADD COLUMN "retracts" integer`);
    await queryRunner.query(
      `CREATE INDEX "IDX_history_events_action_item" ON "history_events" ("action", "item_id", "recorded_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_history_events_action_item"`);
    await queryRunner.query(`ALTER TABLE "history_events" DROP COLUMN "retracts"`);
    await queryRunner.query(`ALTER TABLE "history_events" DROP COLUMN "corrects"`);
  }
}
