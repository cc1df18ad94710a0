import type { EntityManager } from 'typeorm';
import { selectRows } from '../database/sql.js';
import { GENESIS_HASH } from './event-hash.js';

export interface HistoryHead {
  // The hash of the newest event: it commits to every event before it.
  readonly hash: string;
  readonly events: number;
}

export interface NewestEvent {
  readonly id: number;
  readonly hash: string;
}

// One probe of the primary key: what every append reads first, and what tells a cached report
// whether the history has moved on.
export async function newestEvent(manager: EntityManager): Promise<NewestEvent | undefined> {
  const rows = await selectRows<{ id: number | string; hash: string }>(
    manager,
    'SELECT "id", "hash" FROM "history_events" ORDER BY "id" DESC LIMIT 1',
  );
  return rows[0] && { id: Number(rows[0].id), hash: rows[0].hash };
}

export async function historyHead(manager: EntityManager): Promise<HistoryHead> {
  const newest = await newestEvent(manager);
  const counted: { events: number | string }[] = await manager.query(
    'SELECT COUNT(*) AS "events" FROM "history_events"',
  );
  return { hash: newest?.hash ?? GENESIS_HASH, events: Number(counted[0]?.events ?? 0) };
}
