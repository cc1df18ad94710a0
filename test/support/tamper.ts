import Database from 'better-sqlite3';
import { GENESIS_HASH, eventHash, type HashedEventFields } from '../../src/history/event-hash.js';

interface EventRow {
  id: number;
  item_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string | null;
  changes: string;
  reason: string | null;
  effective_on: string;
  meeting_id: string | null;
  source: string | null;
  batch_id: string | null;
  actor: string;
  recorded_at: string;
}

// What an attacker with the database file can do: drop the append-only triggers and edit at will.
export function tamper(databasePath: string, edit: (db: Database.Database) => void): void {
  const db = new Database(databasePath);
  try {
    db.exec('DROP TRIGGER IF EXISTS history_events_no_update; DROP TRIGGER IF EXISTS history_events_no_delete;');
    edit(db);
  } finally {
    db.close();
  }
}

// The careful attacker: after a forgery, recompute every hash and link so the chain looks intact.
export function recomputeChain(db: Database.Database): void {
  const rows = db.prepare('SELECT * FROM history_events ORDER BY id').all() as EventRow[];
  const store = db.prepare('UPDATE history_events SET prev_hash = ?, hash = ? WHERE id = ?');
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const fields: HashedEventFields = {
      itemId: row.item_id,
      seq: row.seq,
      action: row.action,
      fromState: row.from_state,
      toState: row.to_state,
      changes: row.changes,
      reason: row.reason,
      effectiveOn: row.effective_on,
      meetingId: row.meeting_id,
      source: row.source,
      batchId: row.batch_id,
      actor: row.actor,
      recordedAt: row.recorded_at,
      prevHash,
    };
    prevHash = eventHash(fields);
    store.run(fields.prevHash, prevHash, row.id);
  }
}
