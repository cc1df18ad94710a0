import type { MigrationInterface, QueryRunner } from 'typeorm';

// Indexes for the status and changes reports (see src/reports/). Portable SQL: PostgreSQL runs it too.
export class ReportIndexes1764201600000 implements MigrationInterface {
  name = 'ReportIndexes1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // "An item's latest state event effective by a day (and recorded by an instant)": one probe per
    // item that reads backwards from the day, checking action and recorded_at in the index itself.
    await queryRunner.query(
      `CREATE INDEX "IDX_history_events_item_state" ON "history_events" ("item_id", "effective_on", "seq", "action", "recorded_at")`,
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
