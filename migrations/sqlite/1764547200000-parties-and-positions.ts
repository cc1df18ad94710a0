import type { MigrationInterface, QueryRunner } from 'typeorm';

// "A party's latest position on an item" (the item list filter) and "every position effective by a
// day" (the positions report): both read this index alone. PostgreSQL has the same.
const POSITION_INDEX = `CREATE INDEX "IDX_history_events_party_item" ON "history_events" ("party_id", "item_id", "seq", "effective_on", "stance", "recorded_at")`;

const INDEXES = [
  `CREATE UNIQUE INDEX "UQ_history_events_hash" ON "history_events" ("hash")`,
  `CREATE INDEX "IDX_history_events_batch" ON "history_events" ("batch_id")`,
  `CREATE INDEX "IDX_history_events_effective_on" ON "history_events" ("effective_on")`,
  `CREATE UNIQUE INDEX "UQ_history_events_item_seq" ON "history_events" ("item_id", "seq")`,
  `CREATE INDEX "IDX_history_events_item_state" ON "history_events" ("item_id", "effective_on", "seq", "action", "recorded_at")`,
  `CREATE INDEX "IDX_history_events_recorded_at" ON "history_events" ("recorded_at", "action")`,
  `CREATE INDEX "IDX_history_events_action_item" ON "history_events" ("action", "item_id", "recorded_at")`,
];

const APPEND_ONLY = [
  `CREATE TRIGGER "history_events_no_update" BEFORE UPDATE ON "history_events" BEGIN SELECT RAISE(ABORT, 'history_events is append-only: UPDATE refused'); END`,
  `CREATE TRIGGER "history_events_no_delete" BEFORE DELETE ON "history_events" BEGIN SELECT RAISE(ABORT, 'history_events is append-only: DELETE refused'); END`,
];

const V1_COLUMNS = `"id", "item_id", "seq", "action", "from_state", "to_state", "changes", "reason", "effective_on", "meeting_id", "source", "batch_id", "actor", "recorded_at", "prev_hash", "hash", "corrects", "retracts"`;
const V1_DEFINITIONS = `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "item_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "action" varchar(16) NOT NULL, "from_state" varchar(32), "to_state" varchar(32), "changes" text NOT NULL, "reason" text, "effective_on" varchar(10) NOT NULL, "meeting_id" varchar(36), "source" varchar(500), "batch_id" varchar(36), "actor" varchar(100) NOT NULL, "recorded_at" varchar(24) NOT NULL, "prev_hash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, "corrects" integer, "retracts" integer`;
const V1_CONSTRAINTS = `CONSTRAINT "FK_history_events_item" FOREIGN KEY ("item_id") REFERENCES "items" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT, CONSTRAINT "FK_history_events_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT`;

// Parties, and the party and stance of a `positioned` event (after the corrections' references,
// 1764460800000, whose columns and index the rebuilt table keeps). SQLite can add a column but not a
// named table-level foreign key, so the history table is rebuilt: every row copied as it is (the
// hashes cover the values, not the table), then the indexes and the append-only triggers restored.
export class PartiesAndPositions1764547200000 implements MigrationInterface {
  name = 'PartiesAndPositions1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "parties" ("id" varchar(36) PRIMARY KEY NOT NULL, "slug" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar(16) NOT NULL, "created_at" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_parties_slug" ON "parties" ("slug")`);
    await rebuildHistory(
      queryRunner,
      `${V1_DEFINITIONS}, "party_id" varchar(36), "stance" varchar(16), ${V1_CONSTRAINTS}, CONSTRAINT "FK_history_events_party" FOREIGN KEY ("party_id") REFERENCES "parties" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT`,
      V1_COLUMNS,
      [...INDEXES, POSITION_INDEX],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rebuildHistory(queryRunner, `${V1_DEFINITIONS}, ${V1_CONSTRAINTS}`, V1_COLUMNS, INDEXES);
    await queryRunner.query(`DROP TABLE "parties"`);
  }
}

async function rebuildHistory(
  queryRunner: QueryRunner,
  definition: string,
  copiedColumns: string,
  indexes: readonly string[],
): Promise<void> {
  await queryRunner.query(`CREATE TABLE "temporary_history_events" (${definition})`);
  await queryRunner.query(
    `INSERT INTO "temporary_history_events" (${copiedColumns}) SELECT ${copiedColumns} FROM "history_events"`,
  );
  // Dropping the table drops its indexes and triggers too.
  await queryRunner.query(`DROP TABLE "history_events"`);
  await queryRunner.query(`ALTER TABLE "temporary_history_events" RENAME TO "history_events"`);
  for (const statement of [...indexes, ...APPEND_ONLY]) {
    await queryRunner.query(statement);
  }
}
