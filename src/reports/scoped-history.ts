import type { EntityManager } from 'typeorm';
import type { FieldChanges } from '../history/history-event.types.js';
import type { HistoryHead, HistoryRepository, LatestStateRow, StateEvent } from '../history/history.repository.js';
import type { ItemRepository } from '../items/item.repository.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { emptyStateCounts } from '../workflow/workflow.machine.js';
import { applyChanges, type ItemDescription } from './item-description.js';
import { matchesFilters, type ReportScope } from './report-scope.js';
import type { StateCounts } from './status-report.view.js';

export type { StateEvent };

export interface ItemState extends ItemDescription {
  readonly state: WorkflowState;
  readonly since: string;
  readonly lastReason: string | null;
}

// What a report reads: the read models of the history and item repositories.
export interface ReportSource {
  readonly manager: EntityManager;
  readonly events: HistoryRepository;
  readonly items: ItemRepository;
}

// The history as a report sees it: only the items its filters select and, with knownAt, only the
// events recorded by then, with the items described as they were known then.
// Valid time is effective_on, transaction time recorded_at.
//
// Each item's state is found in SQL; the items' descriptions are read once and joined here, which
// is cheaper than joining them to every event row and works the same with knownAt.
export class ScopedHistory {
  private constructor(
    private readonly source: ReportSource,
    private readonly knownAt: string | undefined,
    // The items the filters select, by id.
    private readonly items: ReadonlyMap<string, ItemDescription>,
  ) {}

  static async open(source: ReportSource, scope: ReportScope): Promise<ScopedHistory> {
    const described = scope.knownAt
      ? await descriptionsKnownAt(source, scope.knownAt)
      : await source.items.summaries(source.manager);
    const selected = new Map([...described].filter(([, item]) => matchesFilters(item, scope)));
    return new ScopedHistory(source, scope.knownAt, selected);
  }

  // Each item proposed by `day`, in the state of its latest state event effective by then, by slug.
  async statesAsOf(day: string): Promise<ItemState[]> {
    return (await this.statesByItemAsOf(day)).map(({ state }) => state);
  }

  // statesAsOf, each with its item's id.
  async statesByItemAsOf(day: string): Promise<{ itemId: string; state: ItemState }[]> {
    const states: { itemId: string; state: ItemState }[] = [];
    for (const row of await this.latestStates(day)) {
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
    for (const row of await this.latestStates(day)) {
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
    const rows = await this.source.events.stateEventsBetween(this.source.manager, from, to, this.knownAt);
    return rows.filter((row) => this.items.has(row.itemId));
  }

  // Each item's latest state event effective by `day` (and recorded by knownAt).
  private latestStates(day: string): Promise<LatestStateRow[]> {
    return this.source.events.latestStates(this.source.manager, day, this.knownAt);
  }

  // The head of the hash chain the report was built from: with knownAt, the newest event then.
  head(): Promise<HistoryHead> {
    const { events, manager } = this.source;
    return this.knownAt ? events.headKnownAt(manager, this.knownAt) : events.head(manager);
  }
}

// Each item's description folded from its created and updated events recorded by knownAt, in the
// order they were appended.
async function descriptionsKnownAt(
  { manager, events }: ReportSource,
  knownAt: string,
): Promise<Map<string, ItemDescription>> {
  const rows = await events.descriptiveEventsKnownAt(manager, knownAt);
  const descriptions = new Map<string, ItemDescription>();
  for (const row of rows) {
    descriptions.set(row.itemId, applyChanges(descriptions.get(row.itemId), JSON.parse(row.changes) as FieldChanges));
  }
  return descriptions;
}
