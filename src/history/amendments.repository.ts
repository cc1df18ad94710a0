import type { EntityManager } from 'typeorm';
import { selectRows } from '../database/sql.js';
import type { RecordedEvent } from './amended-history.js';
import type { HistoryEventRow } from './history-event.presenter.js';
import type { EventAction, FieldChanges } from './history-event.types.js';

// The reads that corrections, and everything that shows the corrected history, need from
// history_events. Items are named by id; meetings by slug, as the API names them.

// Well under SQLite's limit of bound parameters per statement.
const IDS_PER_QUERY = 500;

// A history row as history answers read it, named by item id rather than slug, without its hash.
type RecordedEventRow = Omit<HistoryEventRow, 'item_slug' | 'hash'> & { item_id: string };

const EVENT_COLUMNS = `e."item_id", e."id", e."seq", e."action", e."from_state", e."to_state", e."changes", e."reason",
  e."effective_on", m."slug" AS "meeting_slug", e."source", e."batch_id", e."actor", e."recorded_at",
  e."corrects", e."retracts"`;

const ITEM_EVENTS = `
  SELECT ${EVENT_COLUMNS}
  FROM "history_events" e LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  WHERE e."item_id" = :itemId
  ORDER BY e."seq"`;

// Every event of one item, oldest first.
export async function itemEvents(manager: EntityManager, itemId: string): Promise<RecordedEvent[]> {
  return (await selectRows<RecordedEventRow>(manager, ITEM_EVENTS, { itemId })).map(recordedEvent);
}

// The events of many items recorded by `knownAt` (all, without it), grouped by item, oldest first.
export async function eventsOfItems(
  manager: EntityManager,
  itemIds: readonly string[],
  knownAt?: string,
): Promise<Map<string, RecordedEvent[]>> {
  const grouped = new Map<string, RecordedEvent[]>();
  for (let start = 0; start < itemIds.length; start += IDS_PER_QUERY) {
    const chunk = itemIds.slice(start, start + IDS_PER_QUERY);
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      `SELECT ${EVENT_COLUMNS}
       FROM "history_events" e LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
       WHERE e."item_id" IN (:...itemIds)${knownAt ? ' AND e."recorded_at" <= :knownAt' : ''}
       ORDER BY e."item_id", e."seq"`,
      { itemIds: chunk, knownAt },
    );
    for (const row of await manager.query<RecordedEventRow[]>(sql, parameters)) {
      const events = grouped.get(row.item_id) ?? [];
      events.push(recordedEvent(row));
      grouped.set(row.item_id, events);
    }
  }
  return grouped;
}

const AMENDED_ITEMS = `
  SELECT DISTINCT "item_id" FROM "history_events" WHERE "action" IN ('corrected', 'retracted')`;
const AMENDED_ITEMS_KNOWN_AT = `${AMENDED_ITEMS} AND "recorded_at" <= :knownAt`;

// The items whose history, as recorded by `knownAt`, holds a correction or a retraction: the ones
// whose status cannot be read off their latest event alone (IDX_history_events_action_item).
export async function amendedItemIds(manager: EntityManager, knownAt?: string): Promise<Set<string>> {
  const rows = await selectRows<{ item_id: string }>(
    manager,
    knownAt ? AMENDED_ITEMS_KNOWN_AT : AMENDED_ITEMS,
    knownAt ? { knownAt } : {},
  );
  return new Set(rows.map((row) => row.item_id));
}

const ITEM_AMENDMENTS = `
  SELECT "seq", "corrects", "retracts" FROM "history_events"
  WHERE "item_id" = :itemId AND "action" IN ('corrected', 'retracted')
  ORDER BY "seq"`;

export interface AmendmentReference {
  readonly seq: number;
  readonly corrects: number | null;
  readonly retracts: number | null;
}

// Which events of an item overrule which: all a history page needs to mark what was overruled.
export async function itemAmendments(manager: EntityManager, itemId: string): Promise<AmendmentReference[]> {
  const rows = await selectRows<{
    seq: number | string;
    corrects: number | string | null;
    retracts: number | string | null;
  }>(manager, ITEM_AMENDMENTS, { itemId });
  return rows.map((row) => ({
    seq: Number(row.seq),
    corrects: nullableNumber(row.corrects),
    retracts: nullableNumber(row.retracts),
  }));
}

const BATCH_EVENTS = `
  SELECT e."item_id", e."seq", e."action", m."slug" AS "meeting_slug"
  FROM "history_events" e LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  WHERE e."batch_id" = :batchId
  ORDER BY e."id"`;

export interface BatchEvent {
  readonly itemId: string;
  readonly seq: number;
  readonly action: EventAction;
  readonly meeting: string | null;
}

// The events one request wrote (IDX_history_events_batch), in the order they were appended.
export async function batchEvents(manager: EntityManager, batchId: string): Promise<BatchEvent[]> {
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

const ITEMS_RECORDED_BETWEEN = `
  SELECT DISTINCT "item_id" FROM "history_events"
  WHERE "recorded_at" > :from AND "recorded_at" <= :to AND "action" <> 'updated'`;

// The items with a dated event, correction or retraction recorded in (from, to]
// (IDX_history_events_recorded_at): the only ones whose status for any day can differ between the
// two instants.
export async function itemsChangedBetween(manager: EntityManager, from: string, to: string): Promise<string[]> {
  const rows = await selectRows<{ item_id: string }>(manager, ITEMS_RECORDED_BETWEEN, { from, to });
  return rows.map((row) => row.item_id);
}

function recordedEvent(row: RecordedEventRow): RecordedEvent {
  return {
    id: Number(row.id),
    seq: Number(row.seq),
    action: row.action,
    fromState: row.from_state,
    toState: row.to_state,
    changes: JSON.parse(row.changes) as FieldChanges,
    reason: row.reason,
    effectiveOn: row.effective_on,
    meeting: row.meeting_slug,
    source: row.source,
    batch: row.batch_id,
    actor: row.actor,
    recordedAt: row.recorded_at,
    corrects: nullableNumber(row.corrects),
    retracts: nullableNumber(row.retracts),
  };
}

function nullableNumber(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
