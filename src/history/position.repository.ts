import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectRows } from '../database/sql.js';
import type { Stance } from '../parties/stance.js';
import { positionKey, type StandingPosition } from '../positions/position-check.js';
import type { PositionView } from '../positions/position.view.js';
import { amendHistory, positionsOn, type RecordedEvent } from './amended-history.js';
import { groupByItem, RECORDED_EVENTS, type RecordedEventRow } from './history.repository.js';

// Positions are `positioned` events in the history: every statement that reads them.

// The positions of these items and what may overrule them, to be folded (amended-history.ts).
const POSITION_EVENTS_OF_ITEMS = `
  ${RECORDED_EVENTS}
  WHERE e."item_id" IN (:...itemIds) AND e."action" IN ('positioned', 'corrected', 'retracted')
  ORDER BY e."item_id", e."seq"`;

// Each party's latest position on each item effective by a day: its highest seq, as a party's
// positions on an item only move forward in time. Read from IDX_history_events_party_item alone, one
// equality probe per party ("party_id" IS NOT NULL would let SQLite prefer the effective_on index and
// read every event of the period from the table). SQLite takes the other columns from the row of
// MAX("seq"); PostgreSQL says the same with DISTINCT ON.
const LATEST_POSITIONS = (postgres: boolean, knownAt: boolean) => {
  const where = `"party_id" IN (:...partyIds) AND "effective_on" <= :day${knownAt ? ' AND "recorded_at" <= :knownAt' : ''}`;
  return postgres
    ? `SELECT DISTINCT ON ("party_id", "item_id") "item_id" AS "itemId", "party_id" AS "partyId", "stance", "effective_on" AS "since"
       FROM "history_events" WHERE ${where} ORDER BY "party_id", "item_id", "seq" DESC`
    : `SELECT "item_id" AS "itemId", "party_id" AS "partyId", "stance", "effective_on" AS "since", MAX("seq") AS "seq"
       FROM "history_events" WHERE ${where} GROUP BY "party_id", "item_id"`;
};

const POSITION_EVENTS_BETWEEN = (knownAt: boolean) => `
  SELECT e."id", e."item_id" AS "itemId", p."slug" AS "party", e."changes", e."stance", e."effective_on" AS "effectiveOn",
         e."reason" AS "statement", m."slug" AS "meeting", e."source", e."actor", e."recorded_at" AS "recordedAt"
  FROM "history_events" e
  INNER JOIN "parties" p ON p."id" = e."party_id"
  LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  WHERE e."party_id" IS NOT NULL AND e."effective_on" >= :from AND e."effective_on" <= :to${
    knownAt ? ' AND e."recorded_at" <= :knownAt' : ''
  }
  ORDER BY e."effective_on", e."id"`;

export interface PositionAsOf {
  readonly stance: Stance;
  readonly since: string;
}

// A positioned event of a window, its item by id (the report describes it), its party by slug.
export interface PositionEvent {
  readonly id: number | string;
  readonly itemId: string;
  readonly party: string;
  readonly fromStance: Stance | null;
  readonly toStance: Stance;
  readonly effectiveOn: string;
  readonly statement: string | null;
  readonly meeting: string | null;
  readonly source: string | null;
  readonly actor: string;
  readonly recordedAt: string;
}

// A row carries its stance and since: it is its own PositionAsOf.
interface LatestPositionRow extends PositionAsOf {
  itemId: string;
  partyId: string;
}

@Injectable()
export class PositionRepository {
  // Each party's standing position on the item, corrections applied, in party slug order.
  async currentOfItem(manager: EntityManager, itemId: string): Promise<PositionView[]> {
    const current = positionsOn(amendHistory((await this.positionEventsOf(manager, [itemId])).get(itemId) ?? []));
    return [...current.values()]
      .map((event) => ({
        party: event.party,
        stance: event.stance,
        since: event.effectiveOn,
        statement: event.reason,
      }))
      .sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : 0));
  }

  // The standing position of every party on each of these items, corrections applied, by positionKey.
  async standingOn(manager: EntityManager, itemIds: readonly string[]): Promise<Map<string, StandingPosition>> {
    const standing = new Map<string, StandingPosition>();
    for (const [itemId, events] of await this.positionEventsOf(manager, itemIds)) {
      for (const [party, event] of positionsOn(amendHistory(events))) {
        standing.set(positionKey(itemId, party), { stance: event.stance, effectiveOn: event.effectiveOn });
      }
    }
    return standing;
  }

  private async positionEventsOf(
    manager: EntityManager,
    itemIds: readonly string[],
  ): Promise<Map<string, RecordedEvent[]>> {
    if (itemIds.length === 0) {
      return new Map();
    }
    // A list parameter: expanded by the driver, so not through selectRows.
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(POSITION_EVENTS_OF_ITEMS, {
      itemIds,
    });
    return groupByItem(await manager.query<RecordedEventRow[]>(sql, parameters));
  }

  // Each party's position on each item as of `day` (its latest effective by then), with knownAt
  // only as recorded by then: by item id, then party id.
  async positionsAsOf(
    manager: EntityManager,
    partyIds: readonly string[],
    day: string,
    knownAt?: string,
  ): Promise<Map<string, Map<string, PositionAsOf>>> {
    if (partyIds.length === 0) {
      return new Map();
    }
    const postgres = manager.connection.options.type === 'postgres';
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      LATEST_POSITIONS(postgres, knownAt !== undefined),
      { partyIds, day, knownAt },
    );
    const latest = new Map<string, Map<string, PositionAsOf>>();
    for (const row of await manager.query<LatestPositionRow[]>(sql, parameters)) {
      let ofItem = latest.get(row.itemId);
      if (!ofItem) {
        ofItem = new Map();
        latest.set(row.itemId, ofItem);
      }
      ofItem.set(row.partyId, row);
    }
    return latest;
  }

  // Positions taken with an effect date in [from, to], in effect order.
  async eventsBetween(manager: EntityManager, from: string, to: string, knownAt?: string): Promise<PositionEvent[]> {
    const rows = await selectRows<Omit<PositionEvent, 'fromStance' | 'toStance'> & { changes: string; stance: Stance }>(
      manager,
      POSITION_EVENTS_BETWEEN(knownAt !== undefined),
      { from, to, knownAt },
    );
    return rows.map(({ changes, stance, ...event }) => ({
      ...event,
      fromStance: (JSON.parse(changes) as { stance?: { from: Stance | null } }).stance?.from ?? null,
      toStance: stance,
    }));
  }
}
