import type { MigrationInterface, QueryRunner } from 'typeorm';

// Indexes for the status and changes reports (see src/reports/; the same SQL as migrations/sqlite/).
export class ReportIndexes1764201600000 implements MigrationInterface {
  name = 'ReportIndexes1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Covers "the last state event of each item up to a day (and recorded up to an instant)":
    // one scan in item order, grouped without a sort and without reading the table.
    await queryRunner.query(
      `CREATE INDEX "IDX_history_events_item_state" ON "history_events" ("item_id", "action", "effective_on", "seq", "recorded_at")`,
    );
    // What the tracker knew at an instant: the head of the chain then, and the created and updated
    // events recorded by then, which describe the items as they were known. Not led by "action":
    // an equality on it would tempt the planner away from the covering index above.
    await queryRunner.query(
      `CREATE INDEX "IDX_history_events_recorded_at" ON "history_events" ("recorded_at", "action")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_history_events_recorded_at"`);
    await queryRunner.query(`DROP INDEX "IDX_history_events_item_state"`);
  }
}
