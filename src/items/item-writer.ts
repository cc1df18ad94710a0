import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { nowIso } from '../common/calendar-date.js';
import { UPDATABLE_FIELDS, type FieldChanges } from '../history/history-event.types.js';
import { HistoryRecorder, type NewEvent } from '../history/history-recorder.js';
import { storedScore, type Score } from '../assessments/score.js';
import type { Stance } from '../parties/stance.js';
import { INITIAL_STATE, type WorkflowState } from '../workflow/workflow.definition.js';
import type { ItemEntity } from './item.entity.js';
import { ItemRepository, type ItemChanges } from './item.repository.js';

// What its event records of a checked transition, every field given (null where it has none).
export interface CheckedTransition extends Required<
  Pick<NewEvent, 'reason' | 'effectiveOn' | 'meetingId' | 'source' | 'batchId' | 'actor'>
> {
  readonly to: WorkflowState;
}

// A position that passed checkPosition, for an item as it stands in this transaction.
export interface CheckedPositionChange {
  readonly item: ItemEntity;
  readonly partyId: string;
  readonly partySlug: string;
  readonly stance: Stance;
  // The party's standing stance on the item, null for its first position.
  readonly fromStance: Stance | null;
  readonly statement: string | null;
  readonly effectiveOn: string;
  readonly meetingId: string | null;
  readonly source: string | null;
  readonly batchId: string | null;
  readonly actor: string;
}

// An assessment that passed checkAssessment, for an item as it stands in this transaction.
export interface CheckedAssessmentChange {
  readonly item: ItemEntity;
  readonly partyId: string;
  readonly partySlug: string;
  readonly score: Score;
  // The party's standing score on the item, null for its first assessment.
  readonly from: Score | null;
  readonly evidence: string | null;
  readonly effectiveOn: string;
  readonly source: string | null;
  readonly batchId: string | null;
  readonly actor: string;
}

export interface CheckedMove {
  readonly item: ItemEntity;
  readonly change: CheckedTransition;
}

// Events that overrule earlier ones (corrections, retractions) and where they leave the item.
export interface CheckedAmendment {
  readonly item: ItemEntity;
  readonly state: WorkflowState;
  readonly stateSince: string;
  // Numbered after the item's version, in this order.
  readonly events: readonly Omit<NewEvent, 'itemId' | 'seq'>[];
}

type DescriptiveFields = Partial<Pick<ItemEntity, (typeof UPDATABLE_FIELDS)[number]>>;

// What a new item is given; the rest (id, state, version, times) the writer sets.
export type NewItem = Pick<ItemEntity, 'slug' | 'title' | 'summary' | 'category' | 'proposedBy' | 'proposedOn'> & {
  readonly sourceUrl?: string | null;
};

// The fields a created event lists, each from null to its first value.
const CREATED_FIELDS = [
  'slug',
  'title',
  'summary',
  'category',
  'proposedBy',
  'proposedOn',
  'sourceUrl',
  'state',
] as const;

// Every change to an item, with its history event, inside the caller's transaction: creation, an
// already-checked transition (see TransitionPreparer), a new description. Updates are guarded by
// the version read at the start of the transaction: if another writer got there first, nothing
// is written.
@Injectable()
export class ItemWriter {
  constructor(
    private readonly items: ItemRepository,
    private readonly history: HistoryRecorder,
  ) {}

  // A new item in the initial state, and its created event. The seed links its items to the
  // meeting where they were proposed.
  async create(
    manager: EntityManager,
    fields: NewItem,
    actor: string,
    meetingId: string | null = null,
  ): Promise<ItemEntity> {
    const now = nowIso();
    const item: ItemEntity = {
      id: randomUUID(),
      slug: fields.slug,
      title: fields.title,
      summary: fields.summary,
      category: fields.category,
      proposedBy: fields.proposedBy,
      proposedOn: fields.proposedOn,
      sourceUrl: fields.sourceUrl ?? null,
      state: INITIAL_STATE,
      stateSince: fields.proposedOn,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.items.insert(manager, item);
    const changes: FieldChanges = {};
    for (const field of CREATED_FIELDS) {
      changes[field] = { from: null, to: item[field] };
    }
    await this.history.append(manager, {
      itemId: item.id,
      seq: 1,
      action: 'created',
      toState: INITIAL_STATE,
      changes,
      effectiveOn: item.proposedOn,
      meetingId,
      actor,
    });
    return item;
  }

  // Checked moves in one transaction (one item, or a meeting's outcomes), their events appended together.
  async transitionAll(manager: EntityManager, moves: readonly CheckedMove[]): Promise<ItemEntity[]> {
    const updated: ItemEntity[] = [];
    for (const { item, change } of moves) {
      updated.push(await this.move(manager, item, change.to, change.effectiveOn, 1));
    }
    await this.history.appendAll(
      manager,
      moves.map(({ item, change }) => ({
        itemId: item.id,
        seq: item.version + 1,
        action: 'transitioned',
        fromState: item.state,
        toState: change.to,
        changes: { state: { from: item.state, to: change.to } },
        reason: change.reason,
        effectiveOn: change.effectiveOn,
        meetingId: change.meetingId,
        source: change.source,
        batchId: change.batchId,
        actor: change.actor,
      })),
    );
    return updated;
  }

  // Positions leave the state alone but, like every event, raise their item's version: several
  // positions on one item (a batch) take consecutive versions. Answers each item as it ends up.
  positionAll(manager: EntityManager, positions: readonly CheckedPositionChange[]): Promise<ItemEntity[]> {
    return this.appendBesideState(
      manager,
      positions.map((position) => ({
        item: position.item,
        event: {
          action: 'positioned',
          changes: { stance: { from: position.fromStance, to: position.stance } },
          reason: position.statement,
          effectiveOn: position.effectiveOn,
          meetingId: position.meetingId,
          source: position.source,
          batchId: position.batchId,
          actor: position.actor,
          partyId: position.partyId,
          stance: position.stance,
        },
      })),
    );
  }

  // Assessments, like positions, leave the state alone and raise their item's version.
  assessAll(manager: EntityManager, assessments: readonly CheckedAssessmentChange[]): Promise<ItemEntity[]> {
    return this.appendBesideState(
      manager,
      assessments.map((assessment) => ({
        item: assessment.item,
        event: {
          action: 'assessed',
          changes: { score: { from: assessment.from, to: assessment.score } },
          reason: assessment.evidence,
          effectiveOn: assessment.effectiveOn,
          source: assessment.source,
          batchId: assessment.batchId,
          actor: assessment.actor,
          partyId: assessment.partyId,
          score: storedScore(assessment.score),
        },
      })),
    );
  }

  // Events that leave their item's state as it is, each on its item as the ones before it left it.
  private async appendBesideState(
    manager: EntityManager,
    entries: readonly { item: ItemEntity; event: Omit<NewEvent, 'itemId' | 'seq' | 'fromState' | 'toState'> }[],
  ): Promise<ItemEntity[]> {
    const originals = new Map<string, ItemEntity>();
    const updated = new Map<string, ItemEntity>();
    const events: NewEvent[] = [];
    for (const { item, event } of entries) {
      if (!originals.has(item.id)) {
        originals.set(item.id, item);
      }
      const before = updated.get(item.id) ?? item;
      const next: ItemEntity = { ...before, version: before.version + 1, updatedAt: nowIso() };
      updated.set(before.id, next);
      events.push({ ...event, itemId: before.id, seq: next.version, fromState: before.state, toState: before.state });
    }
    for (const [id, original] of originals) {
      const next = updated.get(id) ?? original;
      await this.guardedUpdate(manager, original, { version: next.version, updatedAt: next.updatedAt });
    }
    await this.history.appendAll(manager, events);
    return [...updated.values()];
  }

  // Each item's row moves to where its corrected history leaves it, its version up by one per event.
  async amendAll(manager: EntityManager, amendments: readonly CheckedAmendment[]): Promise<ItemEntity[]> {
    const updated: ItemEntity[] = [];
    for (const { item, state, stateSince, events } of amendments) {
      updated.push(await this.move(manager, item, state, stateSince, events.length));
    }
    await this.history.appendAll(
      manager,
      amendments.flatMap(({ item, events }) =>
        events.map((event, index) => ({ ...event, itemId: item.id, seq: item.version + index + 1 })),
      ),
    );
    return updated;
  }

  async describe(
    manager: EntityManager,
    item: ItemEntity,
    fields: DescriptiveFields,
    actor: string,
    effectiveOn: string,
  ): Promise<ItemEntity> {
    const changes = diff(item, fields);
    if (Object.keys(changes).length === 0) {
      return item;
    }
    const updated: ItemEntity = { ...item, ...fields, version: item.version + 1, updatedAt: nowIso() };
    await this.guardedUpdate(manager, item, { ...fields, version: updated.version, updatedAt: updated.updatedAt });
    await this.history.append(manager, {
      itemId: item.id,
      seq: updated.version,
      action: 'updated',
      fromState: item.state,
      toState: item.state,
      changes,
      effectiveOn,
      actor,
    });
    return updated;
  }

  // The item row in its new state, its version raised by the number of events that put it there.
  private async move(
    manager: EntityManager,
    item: ItemEntity,
    state: WorkflowState,
    stateSince: string,
    events: number,
  ): Promise<ItemEntity> {
    const next: ItemEntity = { ...item, state, stateSince, version: item.version + events, updatedAt: nowIso() };
    await this.guardedUpdate(manager, item, {
      state: next.state,
      stateSince: next.stateSince,
      version: next.version,
      updatedAt: next.updatedAt,
    });
    return next;
  }

  private async guardedUpdate(manager: EntityManager, item: ItemEntity, set: ItemChanges): Promise<void> {
    if (!(await this.items.updateAtVersion(manager, item, set))) {
      throw new DomainError('version_mismatch', `Item ${item.slug} was changed by someone else; read it again.`, {
        item: item.slug,
      });
    }
  }
}

function diff(item: ItemEntity, fields: DescriptiveFields): FieldChanges {
  const changes: FieldChanges = {};
  // A field the request left out is undefined, which Object.entries' type forgets.
  for (const [field, to] of Object.entries(fields) as Array<[string, string | null | undefined]>) {
    const from = item[field as keyof DescriptiveFields];
    if (to !== undefined && to !== from) {
      changes[field] = { from, to };
    }
  }
  return changes;
}
