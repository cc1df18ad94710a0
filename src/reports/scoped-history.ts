import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { amendHistory, standing, stateOn, STATE_KIND, type AmendedEvent } from '../history/amended-history.js';
import { amendedItemIds, eventsOfItems } from '../history/amendments.repository.js';
import { GENESIS_HASH } from '../history/event-hash.js';
import type { FieldChanges } from '../history/history-event.types.js';
import { historyHead, type HistoryHead } from '../history/history-head.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { emptyStateCounts } from '../workflow/workflow.machine.js';
import { applyChanges, type ItemDescription } from './item-description.js';
import { matchesFilters, type ReportScope } from './report-scope.js';
import type { StateCounts } from './status-report.view.js';

// The events that say which state an item is in; `updated` events only change its description.
const STATE_ACTIONS = ['created', 'transitioned'];

export interface ItemState extends ItemDescription {
  readonly state: WorkflowState;
  readonly since: string;
  readonly lastReason: string | null;
}

// A created or transitioned event, as read: its item is named by id (see describe).
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

interface LatestStateRow {
  readonly itemId: string;
  readonly state: WorkflowState;
  readonly since: string;
  readonly lastReason: string | null;
}

// The history as a report sees it: only the items its filters select and, with knownAt, only the
// events recorded by then, with the items described as they were known then.
// Valid time is effective_on, transaction time recorded_at.
//
// Each item's state is found in SQL; the items' descriptions are read once and joined here, which
// is cheaper than joining them to every event row and works the same with knownAt.
//
// Corrections and retractions recorded by knownAt apply: an item whose history holds one (few do)
// has its whole history, as known then, folded in memory (amended-history.ts); the state of every
// other item is still its latest dated event, found in SQL.
export class ScopedHistory {
  private constructor(
    private readonly manager: EntityManager,
    private readonly knownAt: string | undefined,
    // The items the filters select, by id.
    private readonly items: ReadonlyMap<string, ItemDescription>,
    // The selected items with corrections or retractions, by id: their dated events as corrected.
    private readonly amended: ReadonlyMap<string, AmendedEvent[]>,
  ) {}

  static async open(manager: EntityManager, scope: ReportScope): Promise<ScopedHistory> {
    const described = scope.knownAt
      ? await descriptionsKnownAt(manager, scope.knownAt)
      : await currentDescriptions(manager);
    const selected = new Map([...described].filter(([, item]) => matchesFilters(item, scope)));
    const amendedIds = [...(await amendedItemIds(manager, scope.knownAt))].filter((id) => selected.has(id));
    const events = await eventsOfItems(manager, amendedIds, scope.knownAt);
    const amended = new Map([...events].map(([itemId, itemEvents]) => [itemId, amendHistory(itemEvents)]));
    return new ScopedHistory(manager, scope.knownAt, selected, amended);
  }

  // Each item proposed by `day`, in the state of its latest state event effective by then, by slug.
  async statesAsOf(day: string): Promise<ItemState[]> {
    const states: ItemState[] = [];
    for (const row of await this.stateRows(day)) {
      const item = this.items.get(row.itemId);
      if (item) {
        states.push({
          slug: item.slug,
          title: item.title,
          category: item.category,
          proposedBy: item.proposedBy,
          state: row.state,
          since: row.since,
          lastReason: row.lastReason,
        });
      }
    }
    return states.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  }

  // The counts of statesAsOf, without building its rows.
  async countsAsOf(day: string): Promise<StateCounts> {
    const counts = emptyStateCounts();
    for (const row of await this.stateRows(day)) {
      if (this.items.has(row.itemId)) {
        counts[row.state] += 1;
      }
    }
    return counts;
  }

  describe(itemId: string): ItemDescription | undefined {
    return this.items.get(itemId);
  }

  // Items proposed and transitions made with an effect date in [from, to], in effect order.
  async stateEventsBetween(from: string, to: string): Promise<StateEvent[]> {
    const query = this.manager
      .createQueryBuilder()
      .select('"e"."id"', 'id')
      .addSelect('"e"."item_id"', 'itemId')
      .addSelect('"e"."from_state"', 'fromState')
      .addSelect('"e"."to_state"', 'toState')
      .addSelect('"e"."effective_on"', 'effectiveOn')
      .addSelect('"e"."reason"', 'reason')
      .addSelect('"m"."slug"', 'meeting')
      .addSelect('"e"."source"', 'source')
      .addSelect('"e"."actor"', 'actor')
      .addSelect('"e"."recorded_at"', 'recordedAt')
      .from('history_events', 'e')
      .leftJoin('meetings', 'm', '"m"."id" = "e"."meeting_id"')
      .where('"e"."action" IN (:...stateActions)', { stateActions: STATE_ACTIONS })
      .andWhere('"e"."effective_on" >= :from AND "e"."effective_on" <= :to', { from, to })
      .orderBy('"e"."effective_on"')
      .addOrderBy('"e"."id"');
    const rows = await this.recordedByKnownAt(query, 'e').getRawMany<StateEvent>();
    const events = rows.filter((row) => this.items.has(row.itemId) && !this.amended.has(row.itemId));
    for (const [itemId, amended] of this.amended) {
      const dated = standing(amended, STATE_KIND);
      dated.forEach((event, index) => {
        if (event.effectiveOn >= from && event.effectiveOn <= to && event.toState) {
          events.push({
            id: event.id,
            itemId,
            fromState: dated[index - 1]?.toState ?? null,
            toState: event.toState,
            effectiveOn: event.effectiveOn,
            reason: event.reason,
            meeting: event.meeting,
            source: event.source,
            actor: event.actor,
            recordedAt: event.recordedAt,
          });
        }
      });
    }
    return events.sort((a, b) =>
      a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : Number(a.id) - Number(b.id),
    );
  }

  // The head of the hash chain the report was built from: with knownAt, the newest event then.
  async head(): Promise<HistoryHead> {
    if (!this.knownAt) {
      return historyHead(this.manager);
    }
    const [counted] = await this.manager
      .createQueryBuilder()
      .select('COUNT(*)', 'events')
      .addSelect('MAX("h"."id")', 'lastId')
      .from('history_events', 'h')
      .where('"h"."recorded_at" <= :knownAt', { knownAt: this.knownAt })
      .getRawMany<{ events: number | string; lastId: number | string | null }>();
    if (!counted || counted.lastId === null) {
      return { hash: GENESIS_HASH, events: 0 };
    }
    const [last] = await this.manager
      .createQueryBuilder()
      .select('"h"."hash"', 'hash')
      .from('history_events', 'h')
      .where('"h"."id" = :id', { id: counted.lastId })
      .getRawMany<{ hash: string }>();
    return { hash: last?.hash ?? GENESIS_HASH, events: Number(counted.events) };
  }

  // Each item's state on `day`: from SQL, or from its corrected history when it has one.
  private async stateRows(day: string): Promise<LatestStateRow[]> {
    const rows = (await this.latestStateRows(day)).filter((row) => !this.amended.has(row.itemId));
    for (const [itemId, amended] of this.amended) {
      const event = stateOn(amended, day);
      if (event?.toState) {
        rows.push({ itemId, state: event.toState, since: event.effectiveOn, lastReason: event.reason });
      }
    }
    return rows;
  }

  // Each item's latest state event effective by `day`: one index probe per item
  // (IDX_history_events_item_state, newest first) in portable SQL, with no window functions and no
  // LATERAL. An item with no such event (not yet proposed, or not yet recorded) has no row.
  private async latestStateRows(day: string): Promise<LatestStateRow[]> {
    const [sql, parameters] = this.manager.connection.driver.escapeQueryWithParameters(
      `SELECT "e"."item_id" AS "itemId", "e"."to_state" AS "state", "e"."effective_on" AS "since", "e"."reason" AS "lastReason"
       FROM (SELECT (SELECT "h"."id" FROM "history_events" "h"
                     WHERE "h"."item_id" = "i"."id" AND "h"."action" IN (:...stateActions)
                       AND "h"."effective_on" <= :day${this.knownAt ? ' AND "h"."recorded_at" <= :knownAt' : ''}
                     ORDER BY "h"."effective_on" DESC, "h"."seq" DESC
                     LIMIT 1) AS "lastId"
             FROM "items" "i") "last"
       INNER JOIN "history_events" "e" ON "e"."id" = "last"."lastId"`,
      { stateActions: STATE_ACTIONS, day, knownAt: this.knownAt },
    );
    return this.manager.query(sql, parameters);
  }

  private recordedByKnownAt<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    alias: string,
  ): SelectQueryBuilder<T> {
    return this.knownAt ? query.andWhere(`"${alias}"."recorded_at" <= :knownAt`, { knownAt: this.knownAt }) : query;
  }
}

async function currentDescriptions(manager: EntityManager): Promise<Map<string, ItemDescription>> {
  const rows = await manager
    .createQueryBuilder()
    .select('"i"."id"', 'id')
    .addSelect('"i"."slug"', 'slug')
    .addSelect('"i"."title"', 'title')
    .addSelect('"i"."category"', 'category')
    .addSelect('"i"."proposed_by"', 'proposedBy')
    .from('items', 'i')
    .getRawMany<ItemDescription & { id: string }>();
  return new Map(rows.map(({ id, ...description }) => [id, description]));
}

// Each item's description folded from its created and updated events recorded by knownAt, in the
// order they were appended.
async function descriptionsKnownAt(manager: EntityManager, knownAt: string): Promise<Map<string, ItemDescription>> {
  const rows = await manager
    .createQueryBuilder()
    .select('"h"."item_id"', 'itemId')
    .addSelect('"h"."changes"', 'changes')
    .from('history_events', 'h')
    .where('"h"."action" IN (:...actions)', { actions: ['created', 'updated'] })
    .andWhere('"h"."recorded_at" <= :knownAt', { knownAt })
    .orderBy('"h"."id"')
    .getRawMany<{ itemId: string; changes: string }>();
  const descriptions = new Map<string, ItemDescription>();
  for (const row of rows) {
    descriptions.set(row.itemId, applyChanges(descriptions.get(row.itemId), JSON.parse(row.changes) as FieldChanges));
  }
  return descriptions;
}
