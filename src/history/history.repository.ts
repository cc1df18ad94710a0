import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { executeWrite, selectRows } from '../database/sql.js';
import { GENESIS_HASH, type HashedEventFields } from './event-hash.js';
import { HistoryEventEntity } from './history-event.entity.js';
import type { RecordedEvent } from './amended-history.js';
import { recordedEventFields, type HistoryEventRow } from './history-event.presenter.js';
import type { EventAction } from './history-event.types.js';
import { readScore } from '../assessments/score.js';

export interface HistoryHead {
  // The hash of the newest event: it commits to every event before it.
  readonly hash: string;
  readonly events: number;
}

export interface NewestEvent {
  readonly id: number;
  readonly hash: string;
}

// An event row as appended: every column but the generated id.
export type EventRow = Omit<HistoryEventEntity, 'id' | 'item' | 'meeting' | 'party'>;

// An event row with its id, as exported and imported.
export type ExactEventRow = Omit<HistoryEventEntity, 'item' | 'meeting' | 'party'>;

// An event as the audit reads it back.
export interface StoredEventRow extends HashedEventFields {
  readonly id: number;
  readonly hash: string;
}

// Well under SQLite's limit of bound parameters per statement (about 15 per row).
const ROWS_PER_INSERT = 500;

const NEWEST_EVENT = 'SELECT "id", "hash" FROM "history_events" ORDER BY "id" DESC LIMIT 1';
const EVENT_COUNT = 'SELECT COUNT(*) AS "events" FROM "history_events"';

// Most writes append one event: plain SQL with a stable text, so the statement stays prepared.
const INSERT_EVENT = `
  INSERT INTO "history_events" ("item_id", "seq", "action", "from_state", "to_state", "changes", "reason",
    "effective_on", "meeting_id", "source", "batch_id", "actor", "recorded_at", "corrects", "retracts", "prev_hash", "hash",
    "party_id", "stance", "score")
  VALUES (:itemId, :seq, :action, :fromState, :toState, :changes, :reason,
    :effectiveOn, :meetingId, :source, :batchId, :actor, :recordedAt, :corrects, :retracts, :prevHash, :hash, :partyId, :stance, :score)`;

const ITEM_EVENTS = `
  SELECT e."id", e."seq", e."action", e."from_state", e."to_state", e."changes", e."reason",
         e."effective_on", e."source", e."batch_id", e."actor", e."recorded_at", e."hash",
         e."corrects", e."retracts", m."slug" AS "meeting_slug", p."slug" AS "party_slug", e."stance", e."score"
  FROM "history_events" e LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  LEFT JOIN "parties" p ON p."id" = e."party_id"
  WHERE e."item_id" = :itemId AND e."seq" > :after
  ORDER BY e."seq" ASC
  LIMIT :rows`;

const RECORDED_BY = `
  SELECT COUNT(*) AS "events", MAX("h"."id") AS "lastId" FROM "history_events" "h" WHERE "h"."recorded_at" <= :knownAt`;
const HASH_OF = 'SELECT "hash" FROM "history_events" WHERE "id" = :id';

// The reads of corrections and of everything that shows the corrected history: events with their
// references, items named by id and meetings by slug (RecordedEvent).
// Exported for the read models that fold the same rows (position, assessment and report reads).
export const RECORDED_EVENTS = `SELECT e."item_id", e."id", e."seq", e."action", e."from_state", e."to_state", e."changes",
    e."reason", e."effective_on", m."slug" AS "meeting_slug", e."source", e."batch_id", e."actor", e."recorded_at",
    e."corrects", e."retracts", p."slug" AS "party_slug", e."stance", e."score"
  FROM "history_events" e LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  LEFT JOIN "parties" p ON p."id" = e."party_id"`;

const RECORDED_EVENTS_OF_ITEM = `
  ${RECORDED_EVENTS}
  WHERE e."item_id" = :itemId
  ORDER BY e."seq"`;

const AMENDMENTS_OF_ITEM = `
  SELECT "seq", "corrects", "retracts" FROM "history_events"
  WHERE "item_id" = :itemId AND "action" IN ('corrected', 'retracted')
  ORDER BY "seq"`;

const BATCH_EVENTS = `
  SELECT e."item_id", e."seq", e."action", m."slug" AS "meeting_slug"
  FROM "history_events" e LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  WHERE e."batch_id" = :batchId
  ORDER BY e."id"`;

// A history row as history answers read it, named by item id rather than slug, without its hash.
export type RecordedEventRow = Omit<HistoryEventRow, 'item_slug' | 'hash'> & { item_id: string };

export interface AmendmentReference {
  readonly seq: number;
  readonly corrects: number | null;
  readonly retracts: number | null;
}

export interface BatchEvent {
  readonly itemId: string;
  readonly seq: number;
  readonly action: EventAction;
  readonly meeting: string | null;
}

// The history_events table's own queries, the writer's side: appends, the head, an item's events
// and amendments, a batch. The reads across items have repositories of their own: the feed
// (feed.repository.ts), positions and assessments (position/assessment.repository.ts), the
// reports' (reports/report-read.repository.ts), the audit's (audit/) and the transfer's (transfer/).
// The table is append-only: there is no update and no delete here.
@Injectable()
export class HistoryRepository {
  // One probe of the primary key: what every append reads first, and what tells a cached report
  // whether the history has moved on.
  async newest(manager: EntityManager): Promise<NewestEvent | undefined> {
    const rows = await selectRows<{ id: number | string; hash: string }>(manager, NEWEST_EVENT);
    return rows[0] && { id: Number(rows[0].id), hash: rows[0].hash };
  }

  async head(manager: EntityManager): Promise<HistoryHead> {
    const newest = await this.newest(manager);
    const counted = (await selectRows<{ events: number | string }>(manager, EVENT_COUNT)).at(0);
    return { hash: newest?.hash ?? GENESIS_HASH, events: Number(counted?.events ?? 0) };
  }

  // The head as it was at knownAt: the newest event recorded by then.
  async headKnownAt(manager: EntityManager, knownAt: string): Promise<HistoryHead> {
    const counted = (
      await selectRows<{ events: number | string; lastId: number | string | null }>(manager, RECORDED_BY, { knownAt })
    ).at(0);
    if (!counted || counted.lastId === null) {
      return { hash: GENESIS_HASH, events: 0 };
    }
    const last = (await selectRows<{ hash: string }>(manager, HASH_OF, { id: counted.lastId })).at(0);
    return { hash: last?.hash ?? GENESIS_HASH, events: Number(counted.events) };
  }

  // Rows already chained, in order. One event, the common case, goes in through a prepared
  // statement; a meeting's outcomes go in with multi-row inserts.
  async append(manager: EntityManager, rows: readonly EventRow[]): Promise<void> {
    if (rows.length === 1) {
      await executeWrite(manager, INSERT_EVENT, rows[0]);
      return;
    }
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await manager.insert(HistoryEventEntity, rows.slice(start, start + ROWS_PER_INSERT));
    }
  }

  // One item's events in order, each with its meeting's slug: all of them, or `rows` events after
  // the one numbered `after`.
  eventsOfItem(
    manager: EntityManager,
    itemId: string,
    after = 0,
    rows = Number.MAX_SAFE_INTEGER,
  ): Promise<Omit<HistoryEventRow, 'item_slug'>[]> {
    return selectRows(manager, ITEM_EVENTS, { itemId, after, rows });
  }

  // One item's events, oldest first, as the corrected history is folded from them.
  async recordedEventsOf(manager: EntityManager, itemId: string): Promise<RecordedEvent[]> {
    return (await selectRows<RecordedEventRow>(manager, RECORDED_EVENTS_OF_ITEM, { itemId })).map(recordedEvent);
  }

  // Which events of an item overrule which: all a history page needs to mark what was overruled.
  async amendmentsOf(manager: EntityManager, itemId: string): Promise<AmendmentReference[]> {
    const rows = await selectRows<{
      seq: number | string;
      corrects: number | string | null;
      retracts: number | string | null;
    }>(manager, AMENDMENTS_OF_ITEM, { itemId });
    return rows.map((row) => ({
      seq: Number(row.seq),
      corrects: nullableNumber(row.corrects),
      retracts: nullableNumber(row.retracts),
    }));
  }

  // The events one request wrote (IDX_history_events_batch), in the order they were appended.
  async batchEvents(manager: EntityManager, batchId: string): Promise<BatchEvent[]> {
    const rows = await selectRows<{
      item_id: string;
      seq: number | string;
      action: EventAction;
      meeting_slug: string | null;
    }>(manager, BATCH_EVENTS, { batchId });
    return rows.map((row) => ({
      itemId: row.item_id,
      seq: Number(row.seq),
      action: row.action,
      meeting: row.meeting_slug,
    }));
  }
}

export function groupByItem(rows: readonly RecordedEventRow[]): Map<string, RecordedEvent[]> {
  const grouped = new Map<string, RecordedEvent[]>();
  for (const row of rows) {
    const events = grouped.get(row.item_id) ?? [];
    events.push(recordedEvent(row));
    grouped.set(row.item_id, events);
  }
  return grouped;
}

function recordedEvent(row: RecordedEventRow): RecordedEvent {
  return {
    ...recordedEventFields(row),
    party: row.party_slug,
    stance: row.stance,
    score: readScore(row.score),
    corrects: nullableNumber(row.corrects),
    retracts: nullableNumber(row.retracts),
  };
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
