import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectRows, selectTuples } from '../database/sql.js';
import type { RecordedEvent } from '../history/amended-history.js';
import { groupByItem, RECORDED_EVENTS, type RecordedEventRow } from '../history/history.repository.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';

// How many events a report's window would read, counted from an index before anything is built:
// IDX_history_events_effective_on for a window of effect dates, IDX_history_events_recorded_at for
// a span of recording instants.
const EVENTS_EFFECTIVE_BETWEEN = `SELECT COUNT(*) AS "events" FROM "history_events"
  WHERE "effective_on" >= :from AND "effective_on" <= :to`;
const EVENTS_RECORDED_BETWEEN = `SELECT COUNT(*) AS "events" FROM "history_events"
  WHERE "recorded_at" > :from AND "recorded_at" <= :to`;

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

const DESCRIPTIVE_EVENTS_RECORDED_BY = `
  SELECT "h"."item_id" AS "itemId", "h"."changes" AS "changes" FROM "history_events" "h"
  WHERE "h"."action" IN ('created', 'updated') AND "h"."recorded_at" <= :knownAt
  ORDER BY "h"."id"`;

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

// The reports' read models of the history: the two that size a question before it is answered,
// then each item's state by a day, the dated state events of a window, the descriptions known at an
// instant, and the events of the items the fold must read (amended, or changed between instants).
@Injectable()
export class ReportReadRepository {
  async eventsEffectiveBetween(manager: EntityManager, from: string, to: string): Promise<number> {
    return count(await selectRows<{ events: number | string }>(manager, EVENTS_EFFECTIVE_BETWEEN, { from, to }));
  }

  async eventsRecordedBetween(manager: EntityManager, from: string, to: string): Promise<number> {
    return count(await selectRows<{ events: number | string }>(manager, EVENTS_RECORDED_BETWEEN, { from, to }));
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
}

function count(rows: readonly { events: number | string }[]): number {
  return Number(rows[0]?.events ?? 0);
}
