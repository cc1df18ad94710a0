import { GENESIS_HASH, eventHash, type HashedEventFields } from '../../src/history/event-hash.js';
import type { TestDatabase } from './test-database.js';

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
  party_id: string | null;
  stance: string | null;
  corrects: number | null;
  retracts: number | null;
}

// One statement on a connection of the attacker's own, `?` placeholders on both databases.
export type DirectQuery = TestDatabase['directQuery'];

const APPEND_ONLY_TRIGGERS = ['history_events_no_update', 'history_events_no_delete', 'history_events_no_truncate'];

// What an attacker with the database (its file, or its owner's login) can do: drop the
// append-only triggers and edit at will.
export async function tamper(database: TestDatabase, edit: (query: DirectQuery) => Promise<unknown>): Promise<void> {
  const on = database.kind === 'postgres' ? ' ON history_events' : '';
  for (const trigger of APPEND_ONLY_TRIGGERS) {
    await database.directQuery(`DROP TRIGGER IF EXISTS ${trigger}${on}`);
  }
  await edit((sql, params) => database.directQuery(sql, params));
}

// The careful attacker: after a forgery, recompute every hash and link so the chain looks intact.
export async function recomputeChain(query: DirectQuery): Promise<void> {
  const rows = (await query('SELECT * FROM history_events ORDER BY id')) as EventRow[];
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
      corrects: row.corrects === null ? null : Number(row.corrects),
      retracts: row.retracts === null ? null : Number(row.retracts),
      prevHash,
      partyId: row.party_id,
      stance: row.stance,
    };
    prevHash = eventHash(fields);
    await query('UPDATE history_events SET prev_hash = ?, hash = ? WHERE id = ?', [fields.prevHash, prevHash, row.id]);
  }
}
