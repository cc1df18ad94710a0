import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectRows, selectTuples } from '../database/sql.js';
import { parseStoredJson } from '../database/damaged-row.js';
import type { Stance } from '../parties/stance.js';
import type { EventAction } from './history-event.types.js';
import { positionKey, type StandingPosition } from '../positions/position-check.js';
import type { PositionView } from '../positions/position.view.js';
import { amendHistory, positionsOn, type RecordedEvent } from './amended-history.js';
import { groupByItem, RECORDED_EVENTS, type RecordedEventRow } from './history.repository.js';

// Positions are `positioned` events in the history: every statement that reads them.

// An item's positioned events, and whether anything overrules one of its events: most items have no
// correction, and their current positions are then their parties' latest positioned events, with no
// fold (every item answer reads this).
const ITEM_POSITIONS = `
  SELECT p."slug" AS "party", e."stance", e."effective_on" AS "since", e."reason" AS "statement", e."action"
  FROM "history_events" e LEFT JOIN "parties" p ON p."id" = e."party_id"
  WHERE e."item_id" = :itemId AND e."action" IN ('positioned', 'corrected', 'retracted')
  ORDER BY e."seq"`;

// The positions of these items and what may overrule them, to be folded (amended-history.ts).
const POSITION_EVENTS_OF_ITEMS = `
  ${RECORDED_EVENTS}
  WHERE e."item_id" IN (:...itemIds) AND e."action" IN ('positioned', 'corrected', 'retracted')
  ORDER BY e."item_id", e."seq"`;

// One party's latest position on each item effective by a day: its highest seq, as a party's
// positions on an item only move forward in time. Read from IDX_history_events_party_item alone, one
// party at a time: its rows need no party column (on 35,000 positions, a quarter of the time) and
// neither database sorts. SQLite takes the other columns from the row of MAX("seq"); PostgreSQL says
// the same with DISTINCT ON, in the order of a backward scan of the index.
const LATEST_POSITIONS = (postgres: boolean, knownAt: boolean) => {
  // A party's assessments name it too, without a stance.
  const where = `"party_id" = :partyId AND "stance" IS NOT NULL AND "effective_on" <= :day${knownAt ? ' AND "recorded_at" <= :knownAt' : ''}`;
  return postgres
    ? `SELECT DISTINCT ON ("item_id") "item_id" AS "itemId", "stance", "effective_on" AS "since"
       FROM "history_events" WHERE ${where} ORDER BY "item_id" DESC, "seq" DESC`
    : `SELECT "item_id" AS "itemId", "stance", "effective_on" AS "since", MAX("seq") AS "seq"
       FROM "history_events" WHERE ${where} GROUP BY "item_id"`;
};

const POSITION_EVENTS_BETWEEN = (knownAt: boolean) => `
  SELECT e."id", e."item_id" AS "itemId", p."slug" AS "party", e."changes", e."stance", e."effective_on" AS "effectiveOn",
         e."reason" AS "statement", m."slug" AS "meeting", e."source", e."actor", e."recorded_at" AS "recordedAt"
  FROM "history_events" e
  INNER JOIN "parties" p ON p."id" = e."party_id"
  LEFT JOIN "meetings" m ON m."id" = e."meeting_id"
  WHERE e."party_id" IS NOT NULL AND e."stance" IS NOT NULL AND e."effective_on" >= :from AND e."effective_on" <= :to${
    knownAt ? ' AND e."recorded_at" <= :knownAt' : ''
  }
  ORDER BY e."effective_on", e."id"`;

// A row of POSITION_EVENTS_BETWEEN, column by column.
type PositionEventColumns = [
  id: number | string,
  itemId: string,
  party: string,
  changes: string,
  stance: Stance,
  effectiveOn: string,
  statement: string | null,
  meeting: string | null,
  source: string | null,
  actor: string,
  recordedAt: string,
];

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

@Injectable()
export class PositionRepository {
  // Each party's standing position on the item, corrections applied, in party slug order.
  async currentOfItem(manager: EntityManager, itemId: string): Promise<PositionView[]> {
    const rows = await selectRows<PositionView & { action: EventAction }>(manager, ITEM_POSITIONS, { itemId });
    const current = new Map<string, PositionView>();
    if (rows.every((row) => row.action === 'positioned')) {
      for (const { party, stance, since, statement } of rows) {
        current.set(party, { party, stance, since, statement });
      }
    } else {
      const events = (await this.positionEventsOf(manager, [itemId])).get(itemId) ?? [];
      for (const [party, event] of positionsOn(amendHistory(events))) {
        current.set(party, { party, stance: event.stance, since: event.effectiveOn, statement: event.reason });
      }
    }
    return [...current.values()].sort((a, b) => (a.party < b.party ? -1 : a.party > b.party ? 1 : 0));
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
    const [sql, parameters] = manager.dataSource.driver.escapeQueryWithParameters(POSITION_EVENTS_OF_ITEMS, {
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
    const sql = LATEST_POSITIONS(manager.dataSource.options.type === 'postgres', knownAt !== undefined);
    const latest = new Map<string, Map<string, PositionAsOf>>();
    for (const partyId of partyIds) {
      // Tens of thousands of rows: read as arrays (itemId, stance, since, and on SQLite the seq).
      for (const [itemId, stance, since] of await selectTuples<[string, Stance, string]>(manager, sql, {
        partyId,
        day,
        knownAt,
      })) {
        let ofItem = latest.get(itemId);
        if (!ofItem) {
          ofItem = new Map();
          latest.set(itemId, ofItem);
        }
        ofItem.set(partyId, { stance, since });
      }
    }
    return latest;
  }

  // Positions taken with an effect date in [from, to], in effect order.
  async eventsBetween(manager: EntityManager, from: string, to: string, knownAt?: string): Promise<PositionEvent[]> {
    // A year is thousands of rows: read as arrays, in the columns' order.
    const rows = await selectTuples<PositionEventColumns>(manager, POSITION_EVENTS_BETWEEN(knownAt !== undefined), {
      from,
      to,
      knownAt,
    });
    return rows.map((row) => ({
      id: row[0],
      itemId: row[1],
      party: row[2],
      effectiveOn: row[5],
      statement: row[6],
      meeting: row[7],
      source: row[8],
      actor: row[9],
      recordedAt: row[10],
      fromStance:
        parseStoredJson<{ stance?: { from: Stance | null } }>(row[3], `History event #${row[0]}`, 'changes').stance
          ?.from ?? null,
      toStance: row[4],
    }));
  }
}
