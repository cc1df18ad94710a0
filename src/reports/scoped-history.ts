import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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
export class ScopedHistory {
  private constructor(
    private readonly manager: EntityManager,
    private readonly knownAt: string | undefined,
    // The items the filters select, by id.
    private readonly items: ReadonlyMap<string, ItemDescription>,
  ) {}

  static async open(manager: EntityManager, scope: ReportScope): Promise<ScopedHistory> {
    const described = scope.knownAt
      ? await descriptionsKnownAt(manager, scope.knownAt)
      : await currentDescriptions(manager);
    const selected = new Map([...described].filter(([, item]) => matchesFilters(item, scope)));
    return new ScopedHistory(manager, scope.knownAt, selected);
  }

  // Each item proposed by `day`, in the state of its latest state event effective by then, by slug.
  async statesAsOf(day: string): Promise<ItemState[]> {
    return (await this.statesByItemAsOf(day)).map(({ state }) => state);
  }

  // statesAsOf, each with its item's id.
  async statesByItemAsOf(day: string): Promise<{ itemId: string; state: ItemState }[]> {
    const states: { itemId: string; state: ItemState }[] = [];
    for (const row of await this.latestStateRows(day)) {
      const item = this.items.get(row.itemId);
      if (item) {
        states.push({
          itemId: row.itemId,
          state: {
            slug: item.slug,
            title: item.title,
            category: item.category,
            proposedBy: item.proposedBy,
            state: row.state,
            since: row.since,
            lastReason: row.lastReason,
          },
        });
      }
    }
    return states.sort((a, b) => (a.state.slug < b.state.slug ? -1 : a.state.slug > b.state.slug ? 1 : 0));
  }

  // The counts of statesAsOf, without building its rows.
  async countsAsOf(day: string): Promise<StateCounts> {
    const counts = emptyStateCounts();
    for (const row of await this.latestStateRows(day)) {
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
      .select('"e"."item_id"', 'itemId')
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
    return rows.filter((row) => this.items.has(row.itemId));
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
