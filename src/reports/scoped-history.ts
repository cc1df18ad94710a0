import type { EntityManager } from 'typeorm';
import type { AssessmentAsOf, AssessmentRepository } from '../history/assessment.repository.js';
import {
  amendHistory,
  assessmentsOn,
  isPosition,
  positionsOn,
  standingBetween,
  stateOn,
  STATE_KIND,
  type AmendedEvent,
} from '../history/amended-history.js';
import type { FieldChanges } from '../history/history-event.types.js';
import type { HistoryHead, HistoryRepository } from '../history/history.repository.js';
import type { PositionAsOf, PositionEvent, PositionRepository } from '../history/position.repository.js';
import type { ItemRepository } from '../items/item.repository.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { emptyStateCounts } from '../workflow/workflow.machine.js';
import { applyChanges, type ItemDescription } from './item-description.js';
import type { ItemStateRow, LatestStateRow, ReportReadRepository, StateEvent } from './report-read.repository.js';
import { matchesFilters, type ReportScope } from './report-scope.js';
import type { StateCounts } from './status-report.view.js';

export type { StateEvent };

export interface ItemState extends ItemDescription {
  readonly state: WorkflowState;
  readonly since: string;
  readonly lastReason: string | null;
}

// An item's state alone, with what names the item.
export interface ItemInState {
  readonly itemId: string;
  readonly slug: string;
  readonly title: string;
  readonly state: WorkflowState;
}

// What a report reads: the history's head, the reports' read models and the item repositories'.
export interface ReportSource {
  readonly manager: EntityManager;
  readonly events: HistoryRepository;
  readonly reads: ReportReadRepository;
  readonly items: ItemRepository;
  readonly positions: PositionRepository;
  readonly assessments: AssessmentRepository;
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
// other item, and each party's position on it, is still its latest dated event, found in SQL.
export class ScopedHistory {
  private constructor(
    private readonly source: ReportSource,
    private readonly knownAt: string | undefined,
    // The items the filters select, by id.
    private readonly items: ReadonlyMap<string, ItemDescription>,
    // The selected items with corrections or retractions, by id: their dated events as corrected.
    private readonly amended: ReadonlyMap<string, AmendedEvent[]>,
  ) {}

  static async open(source: ReportSource, scope: ReportScope): Promise<ScopedHistory> {
    const described = scope.knownAt
      ? await descriptionsKnownAt(source, scope.knownAt)
      : await source.items.summaries(source.manager);
    const selected = new Map([...described].filter(([, item]) => matchesFilters(item, scope)));
    const amended = new Map<string, AmendedEvent[]>();
    for (const [itemId, events] of await source.reads.amendedItemEvents(source.manager, scope.knownAt)) {
      if (selected.has(itemId)) {
        amended.set(itemId, amendHistory(events));
      }
    }
    return new ScopedHistory(source, scope.knownAt, selected, amended);
  }

  // Each item proposed by `day`, in the state of its latest state event effective by then, by slug.
  async statesAsOf(day: string): Promise<ItemState[]> {
    const states: ItemState[] = [];
    for (const row of await this.latestStates(day)) {
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
    return states.sort(bySlug);
  }

  // The states of statesAsOf alone, each with its item's id, slug and title, by slug.
  async statesByItemAsOf(day: string): Promise<ItemInState[]> {
    const states: ItemInState[] = [];
    for (const { itemId, state } of await this.latestStateNames(day)) {
      const item = this.items.get(itemId);
      if (item) {
        states.push({ itemId, slug: item.slug, title: item.title, state });
      }
    }
    return states.sort(bySlug);
  }

  // The counts of statesAsOf, without building its rows.
  async countsAsOf(day: string): Promise<StateCounts> {
    const counts = emptyStateCounts();
    for (const row of await this.latestStateNames(day)) {
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
    const events = this.plain(await this.source.reads.stateEventsBetween(this.source.manager, from, to, this.knownAt));
    for (const [itemId, amended] of this.amended) {
      for (const { event, previous } of standingBetween(amended, from, to)) {
        if (event.kind === STATE_KIND && event.toState) {
          events.push({
            id: event.id,
            itemId,
            fromState: previous?.toState ?? null,
            toState: event.toState,
            effectiveOn: event.effectiveOn,
            reason: event.reason,
            meeting: event.meeting,
            source: event.source,
            actor: event.actor,
            recordedAt: event.recordedAt,
          });
        }
      }
    }
    return events.sort(byEffectThenId);
  }

  // Each party's position on each item as of `day` (its latest effective by then), by item id, then
  // party id: from SQL, or from the item's corrected history when it has one.
  async positionsAsOf(
    parties: readonly { id: string; slug: string }[],
    day: string,
  ): Promise<Map<string, Map<string, PositionAsOf>>> {
    const { positions, manager } = this.source;
    const ids = parties.map((party) => party.id);
    const byItem = await positions.positionsAsOf(manager, ids, day, this.knownAt);
    for (const [itemId, amended] of this.amended) {
      const ofItem = new Map<string, PositionAsOf>();
      const onDay = positionsOn(amended, day);
      for (const party of parties) {
        const event = onDay.get(party.slug);
        if (event) {
          ofItem.set(party.id, { stance: event.stance, since: event.effectiveOn });
        }
      }
      byItem.set(itemId, ofItem);
    }
    return byItem;
  }

  // Each party's standing assessment of each item as of `day`, by item id, then party slug: from SQL,
  // or from the item's corrected history when it has one (as positionsAsOf).
  async assessmentsAsOf(day: string): Promise<Map<string, Map<string, AssessmentAsOf>>> {
    const { assessments, manager } = this.source;
    const byItem = await assessments.latestAsOf(manager, day, this.knownAt);
    for (const [itemId, amended] of this.amended) {
      byItem.set(
        itemId,
        new Map(
          [...assessmentsOn(amended, day)].map(([party, event]) => [
            party,
            { score: event.score, since: event.effectiveOn },
          ]),
        ),
      );
    }
    return byItem;
  }

  // Positions taken with an effect date in [from, to], in effect order: from SQL, or from the
  // item's corrected history when it has one (a retracted position is left out; the stance a
  // party held before it is its previous standing one).
  async positionEventsBetween(from: string, to: string): Promise<PositionEvent[]> {
    const { positions, manager } = this.source;
    const events = this.plain(await positions.eventsBetween(manager, from, to, this.knownAt));
    for (const [itemId, amended] of this.amended) {
      for (const { event, previous } of standingBetween(amended, from, to)) {
        if (isPosition(event)) {
          events.push({
            id: event.id,
            itemId,
            party: event.party,
            fromStance: previous?.stance ?? null,
            toStance: event.stance,
            effectiveOn: event.effectiveOn,
            statement: event.reason,
            meeting: event.meeting,
            source: event.source,
            actor: event.actor,
            recordedAt: event.recordedAt,
          });
        }
      }
    }
    return events.sort(byEffectThenId);
  }

  // The rows SQL found for the selected items without corrections: the others are folded instead.
  private plain<Row extends { readonly itemId: string }>(rows: readonly Row[]): Row[] {
    return rows.filter((row) => this.items.has(row.itemId) && !this.amended.has(row.itemId));
  }

  // Each item's state on `day`: its latest state event effective by then (and recorded by
  // knownAt) from SQL, or from its corrected history when it has one.
  private async latestStates(day: string): Promise<LatestStateRow[]> {
    return this.amend(await this.source.reads.latestStates(this.source.manager, day, this.knownAt), day);
  }

  // latestStates without since and lastReason, found in SQL without reading the events.
  private async latestStateNames(day: string): Promise<ItemStateRow[]> {
    return this.amend(await this.source.reads.latestStateNames(this.source.manager, day, this.knownAt), day);
  }

  // The rows found in SQL, but for the items with corrections or retractions, their state on `day`
  // as corrected.
  private amend<Row extends ItemStateRow>(rows: Row[], day: string): (Row | LatestStateRow)[] {
    if (this.amended.size === 0) {
      return rows;
    }
    const states: (Row | LatestStateRow)[] = rows.filter((row) => !this.amended.has(row.itemId));
    for (const [itemId, amended] of this.amended) {
      const event = stateOn(amended, day);
      if (event?.toState) {
        states.push({ itemId, state: event.toState, since: event.effectiveOn, lastReason: event.reason });
      }
    }
    return states;
  }

  // The head of the hash chain the report was built from: with knownAt, the newest event then.
  head(): Promise<HistoryHead> {
    const { events, manager } = this.source;
    return this.knownAt ? events.headKnownAt(manager, this.knownAt) : events.head(manager);
  }
}

// The order of the history's dated events: by effect date, then as they were appended.
function byEffectThenId(
  a: { effectiveOn: string; id: number | string },
  b: { effectiveOn: string; id: number | string },
) {
  return a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : Number(a.id) - Number(b.id);
}

// Each item's description folded from its created and updated events recorded by knownAt, in the
// order they were appended.
async function descriptionsKnownAt(
  { manager, reads }: ReportSource,
  knownAt: string,
): Promise<Map<string, ItemDescription>> {
  const rows = await reads.descriptiveEventsKnownAt(manager, knownAt);
  const descriptions = new Map<string, ItemDescription>();
  for (const row of rows) {
    descriptions.set(row.itemId, applyChanges(descriptions.get(row.itemId), JSON.parse(row.changes) as FieldChanges));
  }
  return descriptions;
}

function bySlug(a: { slug: string }, b: { slug: string }): number {
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
