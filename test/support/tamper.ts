import { GENESIS_HASH, eventHash } from '../../src/history/event-hash.js';
import { hashedEventFields } from './event-row.mjs';
import type { TestDatabase } from './test-database.js';

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
  const rows = (await query('SELECT * FROM history_events ORDER BY id')) as Array<Record<string, unknown>>;
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const fields = hashedEventFields(row, prevHash);
    prevHash = eventHash(fields);
    await query('UPDATE history_events SET prev_hash = ?, hash = ? WHERE id = ?', [fields.prevHash, prevHash, row.id]);
  }
}
