import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { nowIso } from '../common/calendar-date.js';
import { executeWrite } from '../database/sql.js';
import type { FieldChanges } from '../history/history-event.types.js';
import { HistoryRecorder, type NewEvent } from '../history/history-recorder.js';
import type { Stance } from '../parties/stance.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { ItemEntity } from './item.entity.js';

export interface CheckedTransition {
  readonly to: WorkflowState;
  readonly reason: string | null;
  readonly effectiveOn: string;
  readonly meetingId: string | null;
  readonly source: string | null;
  readonly batchId: string | null;
  readonly actor: string;
}

// A position that passed checkPosition, for an item as it stands in this transaction.
export interface CheckedPositionChange {
  readonly item: ItemEntity;
  readonly partyId: string;
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

export interface CheckedMove {
  readonly item: ItemEntity;
  readonly change: CheckedTransition;
}

type DescriptiveFields = Partial<Pick<ItemEntity, 'title' | 'summary' | 'category' | 'proposedBy' | 'sourceUrl'>>;

// Writes an already-checked change and its history event inside the caller's transaction.
// The UPDATE is guarded by the version read at the start of the transaction: if another writer
// got there first, nothing is written (TypeORM's own optimistic lock only checks on reads).
@Injectable()
export class ItemWriter {
  constructor(private readonly history: HistoryRecorder) {}

  async transition(manager: EntityManager, item: ItemEntity, change: CheckedTransition): Promise<ItemEntity> {
    const [updated] = await this.transitionAll(manager, [{ item, change }]);
    return updated;
  }

  // Several checked moves in one transaction (a meeting's outcomes), their events appended together.
  async transitionAll(manager: EntityManager, moves: readonly CheckedMove[]): Promise<ItemEntity[]> {
    const updated: ItemEntity[] = [];
    for (const { item, change } of moves) {
      const next: ItemEntity = {
        ...item,
        state: change.to,
        stateSince: change.effectiveOn,
        version: item.version + 1,
        updatedAt: nowIso(),
      };
      await this.guardedUpdate(manager, item, {
        state: next.state,
        stateSince: next.stateSince,
        version: next.version,
        updatedAt: next.updatedAt,
      });
      updated.push(next);
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
  async positionAll(manager: EntityManager, positions: readonly CheckedPositionChange[]): Promise<ItemEntity[]> {
    const originals = new Map<string, ItemEntity>();
    const updated = new Map<string, ItemEntity>();
    const events: NewEvent[] = [];
    for (const position of positions) {
      if (!originals.has(position.item.id)) {
        originals.set(position.item.id, position.item);
      }
      const before = updated.get(position.item.id) ?? position.item;
      const next: ItemEntity = { ...before, version: before.version + 1, updatedAt: nowIso() };
      updated.set(before.id, next);
      events.push({
        itemId: before.id,
        seq: next.version,
        action: 'positioned',
        fromState: before.state,
        toState: before.state,
        changes: { stance: { from: position.fromStance, to: position.stance } },
        reason: position.statement,
        effectiveOn: position.effectiveOn,
        meetingId: position.meetingId,
        source: position.source,
        batchId: position.batchId,
        actor: position.actor,
        partyId: position.partyId,
        stance: position.stance,
      });
    }
    for (const [id, original] of originals) {
      const next = updated.get(id) ?? original;
      await this.guardedUpdate(manager, original, { version: next.version, updatedAt: next.updatedAt });
    }
    await this.history.appendAll(manager, events);
    return [...updated.values()];
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

  private async guardedUpdate(manager: EntityManager, item: ItemEntity, set: Partial<ItemEntity>): Promise<void> {
    const columns = manager.connection.getMetadata(ItemEntity);
    const assignments = Object.keys(set).map((field) => {
      const column = columns.findColumnWithPropertyName(field);
      if (!column) {
        throw new Error(`ItemEntity has no column for ${field}`);
      }
      return `"${column.databaseName}" = :${field}`;
    });
    // Plain SQL rather than the update query builder, which inlines numbers (the version) into
    // the text and so defeats the prepared-statement cache on every write.
    const changed = await executeWrite(
      manager,
      `UPDATE "items" SET ${assignments.join(', ')} WHERE "id" = :whereId AND "version" = :whereVersion`,
      { ...set, whereId: item.id, whereVersion: item.version },
    );
    if (changed !== 1) {
      throw new DomainError('version_mismatch', `Item ${item.slug} was changed by someone else; read it again.`, {
        item: item.slug,
      });
    }
  }
}

function diff(item: ItemEntity, fields: DescriptiveFields): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(fields)) {
    const from = item[field as keyof DescriptiveFields];
    if (to !== undefined && to !== from) {
      changes[field] = { from, to };
    }
  }
  return changes;
}
