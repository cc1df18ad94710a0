import type { EntityManager } from 'typeorm';
import { GENESIS_HASH } from './event-hash.js';

export interface HistoryHead {
  // The hash of the newest event: it commits to every event before it.
  readonly hash: string;
  readonly events: number;
}

export async function historyHead(manager: EntityManager): Promise<HistoryHead> {
  const rows: { hash: string }[] = await manager.query(
    'SELECT "hash" FROM "history_events" ORDER BY "id" DESC LIMIT 1',
  );
  const counted: { events: number | string }[] = await manager.query(
    'SELECT COUNT(*) AS "events" FROM "history_events"',
  );
  return { hash: rows[0]?.hash ?? GENESIS_HASH, events: Number(counted[0]?.events ?? 0) };
}
