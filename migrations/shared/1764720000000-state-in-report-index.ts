import type { MigrationInterface, QueryRunner } from 'typeorm';

// Each item's state as of a day, read from IDX_history_events_item_state alone: the index gains the
// state an event moves the item to, so the positions matrix and the changes report's counts need no
// event row (the status report still reads the row, for its reason). Same name and leading columns,
// so every query that used the index still does. Portable SQL: PostgreSQL runs it too.
const COLUMNS_BEFORE = `"item_id", "effective_on", "seq", "action", "recorded_at"`;

export class StateInReportIndex1764720000000 implements MigrationInterface {
  name = 'StateInReportIndex1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_history_events_item_state"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_history_events_item_state" ON "history_events" (${COLUMNS_BEFORE}, "to_state")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_history_events_item_state"`);
    await queryRunner.query(`CREATE INDEX "IDX_history_events_item_state" ON "history_events" (${COLUMNS_BEFORE})`);
  }
}
