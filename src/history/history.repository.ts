import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dayAfter } from '../common/calendar-date.js';
import { executeWrite, selectRows, selectTuples } from '../database/sql.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
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

// An event with its item's slug and title.
// What the activity log is narrowed to; dates are the days events were recorded (UTC).
export interface ActivityFilter {
  readonly actor?: string;
  readonly item?: string;
  readonly meeting?: string;
  readonly action?: EventAction;
  readonly from?: string;
  readonly to?: string;
  readonly before?: number;
}

export interface FeedEventRow extends HistoryEventRow {
  readonly item_title: string;
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

// An item's state by a day.
export interface ItemStateRow {
  readonly itemId: string;
  readonly state: WorkflowState;
}

// Each item's latest state event by a day, as the status report reads it.
export interface LatestStateRow extends ItemStateRow {
  readonly since: string;
  readonly lastReason: string | null;
}

// A created or transitioned event, as read: its item is named by id.
export interface StateEvent {
  readonly id: number;
  readonly itemId: string;
  // Null on the created event, set on every transition.
  readonly fromState: WorkflowState | null;
  readonly toState: WorkflowState;
  readonly effectiveOn: string;
  readonly reason: string | null;
  readonly meeting: string | null;
  readonly source: string | null;
  readonly actor: string;
  readonly recordedAt: string;
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

// Events across items with their items' slugs and titles, for the console's overviews.
const FEED_EVENTS = `
  SELECT e."id", e."seq", e."action", e."from_state", e."to_state", e."changes", e."reason",
         e."effective_on", e."source", e."batch_id", e."actor", e."recorded_at", e."hash",
         i."slug" AS "item_slug", i."title" AS "item_title", m."slug" AS "meeting_slug"
  FROM "history_events" e
  JOIN "items" i ON i."id" = e."item_id"
  LEFT JOIN "meetings" m ON m."id" = e."meeting_id"`;
// Newest first, by the primary key: one short index walk whatever the history's length.
const LATEST_EVENTS = `${FEED_EVENTS} ORDER BY e."id" DESC LIMIT :limit`;
const MEETING_EVENTS = `${FEED_EVENTS} WHERE e."meeting_id" = :meetingId ORDER BY e."id" ASC`;

// The events that say which state an item is in; `updated` events only change its description.
const STATE_ACTIONS = `('created', 'transitioned')`;

// Item "i"'s latest state event effective by :day: one index probe per item
// (IDX_history_events_item_state, newest first, which holds the state too), with no window functions.
function latestStateEventSql(columns: string, knownAt: boolean): string {
  return `SELECT ${columns} FROM "history_events" "h"
           WHERE "h"."item_id" = "i"."id" AND "h"."action" IN ${STATE_ACTIONS}
             AND "h"."effective_on" <= :day${knownAt ? ' AND "h"."recorded_at" <= :knownAt' : ''}
           ORDER BY "h"."effective_on" DESC, "h"."seq" DESC
           LIMIT 1`;
}

// Each item's latest state event effective by :day, read from its row. An item with no such event
// (not yet proposed, or not yet recorded) has no row. SQLite, which has no LATERAL, finds each id
// in a scalar subquery and reads its row by id; PostgreSQL, not knowing how many ids that yields,
// hashed the whole history to join them (370 ms at 200,000 events), so it reads each row in a
// LATERAL probe instead (100 ms).
function latestStatesSql(knownAt: boolean, postgres: boolean): string {
  return postgres
    ? `SELECT "e"."item_id" AS "itemId", "e"."to_state" AS "state", "e"."effective_on" AS "since", "e"."reason" AS "lastReason"
       FROM "items" "i"
       CROSS JOIN LATERAL (${latestStateEventSql('"h"."item_id", "h"."to_state", "h"."effective_on", "h"."reason"', knownAt)}) "e"`
    : `SELECT "e"."item_id" AS "itemId", "e"."to_state" AS "state", "e"."effective_on" AS "since", "e"."reason" AS "lastReason"
       FROM (SELECT (${latestStateEventSql('"h"."id"', knownAt)}) AS "lastId" FROM "items" "i") "last"
       INNER JOIN "history_events" "e" ON "e"."id" = "last"."lastId"`;
}

// The state alone, from the index: no event row is read. Null for an item with no such event.
function latestStateNamesSql(knownAt: boolean): string {
  return `SELECT "i"."id" AS "itemId", (${latestStateEventSql('"h"."to_state"', knownAt)}) AS "state" FROM "items" "i"`;
}

// The window's events from IDX_history_events_effective_on, already in effect order (the index
// ends with the rowid, "id"). Without statistics SQLite prefers the equality on "action" of
// IDX_history_events_action_item, which reads every state event ever recorded and sorts the window's
// (a year of 200,000 events: 180 ms rather than 60); its unary + keeps "action" a filter. PostgreSQL
// plans from its statistics and has no unary + on text.
function stateEventsSql(knownAt: boolean, sqlite: boolean): string {
  return `SELECT "e"."id" AS "id", "e"."item_id" AS "itemId", "e"."from_state" AS "fromState", "e"."to_state" AS "toState",
         "e"."effective_on" AS "effectiveOn", "e"."reason" AS "reason", "m"."slug" AS "meeting",
         "e"."source" AS "source", "e"."actor" AS "actor", "e"."recorded_at" AS "recordedAt"
  FROM "history_events" "e" LEFT JOIN "meetings" "m" ON "m"."id" = "e"."meeting_id"
  WHERE ${sqlite ? '+' : ''}"e"."action" IN ${STATE_ACTIONS} AND "e"."effective_on" >= :from AND "e"."effective_on" <= :to
    ${knownAt ? 'AND "e"."recorded_at" <= :knownAt' : ''}
  ORDER BY "e"."effective_on", "e"."id"`;
}

// A row of stateEventsSql, column by column.
type StateEventColumns = [
  id: number,
  itemId: string,
  fromState: WorkflowState | null,
  toState: WorkflowState,
  effectiveOn: string,
  reason: string | null,
  meeting: string | null,
  source: string | null,
  actor: string,
  recordedAt: string,
];

const RECORDED_BY = `
  SELECT COUNT(*) AS "events", MAX("h"."id") AS "lastId" FROM "history_events" "h" WHERE "h"."recorded_at" <= :knownAt`;
const HASH_OF = 'SELECT "hash" FROM "history_events" WHERE "id" = :id';

const DESCRIPTIVE_EVENTS_RECORDED_BY = `
  SELECT "h"."item_id" AS "itemId", "h"."changes" AS "changes" FROM "history_events" "h"
  WHERE "h"."action" IN ('created', 'updated') AND "h"."recorded_at" <= :knownAt
  ORDER BY "h"."id"`;

// PostgreSQL's sequence does not move when ids are given explicitly (SQLite's AUTOINCREMENT does).

// The reads of corrections and of everything that shows the corrected history: events with their
// references, items named by id and meetings by slug (RecordedEvent).
// Exported for the position reads, which fold the same rows (position.repository.ts).
export const RECORDED_EVENTS = `SELECT e."item_id", e."id", e."seq", e."action", e."from_state", e."to_state", e."changes",
    e."reason", e."effective_on", m."slug" AS "meeting_slug", e."source", e."batch_id", e."actor", e."recorded_at",
    e."corrects", e."retracts", p."slug" AS "party_slug", e."stance", e."score"
  FROM "history_events" e LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  LEFT JOIN "parties" p ON p."id" = e."party_id"`;

const RECORDED_EVENTS_OF_ITEM = `
  ${RECORDED_EVENTS}
  WHERE e."item_id" = :itemId
  ORDER BY e."seq"`;

// Every event, recorded by :knownAt when given, of the items whose history then held a correction
// or a retraction (IDX_history_events_action_item).
function amendedItemEventsSql(knownAt: boolean): string {
  const recorded = (alias: string) => (knownAt ? ` AND ${alias}."recorded_at" <= :knownAt` : '');
  return `${RECORDED_EVENTS}
  WHERE e."item_id" IN (SELECT DISTINCT a."item_id" FROM "history_events" a
                        WHERE a."action" IN ('corrected', 'retracted')${recorded('a')})${recorded('e')}
  ORDER BY e."item_id", e."seq"`;
}
const AMENDED_ITEM_EVENTS = amendedItemEventsSql(false);
const AMENDED_ITEM_EVENTS_KNOWN_AT = amendedItemEventsSql(true);

// Every event recorded by :to of the items with a dated event, a correction or a retraction
// recorded in (:from, :to] (IDX_history_events_recorded_at): the only ones whose status for a day
// can differ between the two instants.
const EVENTS_OF_ITEMS_CHANGED_BETWEEN = `
  ${RECORDED_EVENTS}
  WHERE e."item_id" IN (SELECT DISTINCT c."item_id" FROM "history_events" c
                        WHERE c."recorded_at" > :from AND c."recorded_at" <= :to AND c."action" <> 'updated')
    AND e."recorded_at" <= :to
  ORDER BY e."item_id", e."seq"`;

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

// The history_events table's queries: appends, the head, an item's events, a batch, the feed, and
// for now the reports' read model. The audit's and the transfer's read models have repositories of
// their own (audit/, transfer/). The table is append-only: there is no update and no delete here.
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

  latestEvents(manager: EntityManager, limit: number): Promise<FeedEventRow[]> {
    return selectRows(manager, LATEST_EVENTS, { limit });
  }

  // Every event, newest first, filtered, one page before the event `before` (keyset paging by id).
  activity(manager: EntityManager, filter: ActivityFilter, limit: number): Promise<FeedEventRow[]> {
    // Only the filters given become conditions: a few fixed texts, each prepared once.
    const conditions = [
      filter.actor !== undefined && 'e."actor" = :actor',
      filter.item !== undefined && 'i."slug" = :item',
      filter.meeting !== undefined && 'm."slug" = :meeting',
      filter.action !== undefined && 'e."action" = :action',
      filter.from !== undefined && 'e."recorded_at" >= :from',
      filter.to !== undefined && 'e."recorded_at" < :dayAfterTo',
      filter.before !== undefined && 'e."id" < :before',
    ].filter((condition) => condition !== false);
    const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
    return selectRows(manager, `${FEED_EVENTS}${where} ORDER BY e."id" DESC LIMIT :limit`, {
      ...filter,
      dayAfterTo: filter.to === undefined ? undefined : dayAfter(filter.to),
      limit,
    });
  }

  eventsOfMeeting(manager: EntityManager, meetingId: string): Promise<FeedEventRow[]> {
    return selectRows(manager, MEETING_EVENTS, { meetingId });
  }

  // Read model for the status report: each item's latest state event effective by `day` and,
  // with knownAt, recorded by then.
  latestStates(manager: EntityManager, day: string, knownAt: string | undefined): Promise<LatestStateRow[]> {
    const postgres = manager.dataSource.options.type === 'postgres';
    return selectRows(manager, latestStatesSql(knownAt !== undefined, postgres), { day, knownAt });
  }

  // latestStates without reading the event rows, for what needs only the states: about half the time.
  async latestStateNames(manager: EntityManager, day: string, knownAt: string | undefined): Promise<ItemStateRow[]> {
    const rows = await selectRows<{ itemId: string; state: WorkflowState | null }>(
      manager,
      latestStateNamesSql(knownAt !== undefined),
      { day, knownAt },
    );
    // Items not yet proposed by then (or not yet recorded) have no state.
    return rows.filter((row): row is ItemStateRow => row.state !== null);
  }

  // Read model for the changes report: items proposed and transitions made with an effect date in
  // [from, to], in effect order.
  async stateEventsBetween(
    manager: EntityManager,
    from: string,
    to: string,
    knownAt: string | undefined,
  ): Promise<StateEvent[]> {
    const sqlite = manager.dataSource.options.type !== 'postgres';
    // A year is tens of thousands of rows: read as arrays, in the columns' order.
    const rows = await selectTuples<StateEventColumns>(manager, stateEventsSql(knownAt !== undefined, sqlite), {
      from,
      to,
      knownAt,
    });
    return rows.map((row) => ({
      id: row[0],
      itemId: row[1],
      fromState: row[2],
      toState: row[3],
      effectiveOn: row[4],
      reason: row[5],
      meeting: row[6],
      source: row[7],
      actor: row[8],
      recordedAt: row[9],
    }));
  }

  // The created and updated events recorded by knownAt, in the order they were appended.
  descriptiveEventsKnownAt(manager: EntityManager, knownAt: string): Promise<{ itemId: string; changes: string }[]> {
    return selectRows(manager, DESCRIPTIVE_EVENTS_RECORDED_BY, { knownAt });
  }

  // One item's events, oldest first, as the corrected history is folded from them.
  async recordedEventsOf(manager: EntityManager, itemId: string): Promise<RecordedEvent[]> {
    return (await selectRows<RecordedEventRow>(manager, RECORDED_EVENTS_OF_ITEM, { itemId })).map(recordedEvent);
  }

  // Read model for the reports: the events (recorded by knownAt) of each item whose history holds a
  // correction or a retraction, by item id, oldest first.
  async amendedItemEvents(manager: EntityManager, knownAt: string | undefined): Promise<Map<string, RecordedEvent[]>> {
    const rows = knownAt
      ? await selectRows<RecordedEventRow>(manager, AMENDED_ITEM_EVENTS_KNOWN_AT, { knownAt })
      : await selectRows<RecordedEventRow>(manager, AMENDED_ITEM_EVENTS);
    return groupByItem(rows);
  }

  // Read model for the revisions report: see EVENTS_OF_ITEMS_CHANGED_BETWEEN.
  async eventsOfItemsChangedBetween(
    manager: EntityManager,
    from: string,
    to: string,
  ): Promise<Map<string, RecordedEvent[]>> {
    return groupByItem(await selectRows<RecordedEventRow>(manager, EVENTS_OF_ITEMS_CHANGED_BETWEEN, { from, to }));
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
