import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { GENESIS_HASH } from '../history/event-hash.js';
import type { FieldChanges } from '../history/history-event.types.js';
import { historyHead, type HistoryHead } from '../history/history-head.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { applyChanges, type ItemDescription } from './item-description.js';
import { matchesFilters, type ReportScope } from './report-scope.js';

// The events that say which state an item is in; `updated` events only change its description.
const STATE_ACTIONS = ['created', 'transitioned'];

export interface ItemState extends ItemDescription {
  readonly state: WorkflowState;
  readonly since: string;
  readonly lastReason: string | null;
}

export interface StateEvent {
  readonly item: ItemDescription;
  readonly action: 'created' | 'transitioned';
  readonly fromState: WorkflowState | null;
  readonly toState: WorkflowState;
  readonly effectiveOn: string;
  readonly reason: string | null;
  readonly meeting: string | null;
  readonly source: string | null;
  readonly actor: string;
  readonly recordedAt: string;
}

type StateEventRow = Omit<StateEvent, 'item'> & { readonly itemId: string };

// The history as a report sees it: only the items its filters select and, with knownAt, only the
// events recorded by then, with the items described as they were known then.
// Valid time is effective_on, transaction time recorded_at.
//
// States are grouped per item in SQL; the items' descriptions are read once and joined here, which
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

  // Each item proposed by `day`, in the state of its last state event effective by then, by slug.
  // Effect dates never move backwards within an item, so its highest seq is also its latest effect.
  async statesAsOf(day: string): Promise<ItemState[]> {
    const rows = await this.manager
      .createQueryBuilder()
      .select('"e"."item_id"', 'itemId')
      .addSelect('"e"."to_state"', 'state')
      .addSelect('"e"."effective_on"', 'since')
      .addSelect('"e"."reason"', 'lastReason')
      .from((sub: SelectQueryBuilder<ObjectLiteral>) => this.lastStateEventPerItem(sub, day), 'last')
      .innerJoin('history_events', 'e', '"e"."item_id" = "last"."item_id" AND "e"."seq" = "last"."seq"')
      .getRawMany<{ itemId: string; state: WorkflowState; since: string; lastReason: string | null }>();
    const states: ItemState[] = [];
    for (const { itemId, ...state } of rows) {
      const item = this.items.get(itemId);
      if (item) {
        states.push({ ...item, ...state });
      }
    }
    return states.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  }

  // Items proposed and transitions made with an effect date in [from, to], in effect order.
  async stateEventsBetween(from: string, to: string): Promise<StateEvent[]> {
    const query = this.manager
      .createQueryBuilder()
      .select('"e"."item_id"', 'itemId')
      .addSelect('"e"."action"', 'action')
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
    const events: StateEvent[] = [];
    for (const { itemId, ...event } of await this.recordedByKnownAt(query, 'e').getRawMany<StateEventRow>()) {
      const item = this.items.get(itemId);
      if (item) {
        events.push({ item, ...event });
      }
    }
    return events;
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

  private lastStateEventPerItem(
    sub: SelectQueryBuilder<ObjectLiteral>,
    day: string,
  ): SelectQueryBuilder<ObjectLiteral> {
    const query = sub
      .select('"h"."item_id"', 'item_id')
      .addSelect('MAX("h"."seq")', 'seq')
      .from('history_events', 'h')
      .where('"h"."action" IN (:...stateActions)', { stateActions: STATE_ACTIONS })
      .andWhere('"h"."effective_on" <= :day', { day })
      .groupBy('"h"."item_id"');
    return this.recordedByKnownAt(query, 'h');
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

// Each item's description folded from its created and updated events recorded by knownAt; an
// item's events are numbered in the order they were recorded.
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
