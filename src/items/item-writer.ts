import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { nowIso } from '../common/calendar-date.js';
import { executeWrite } from '../database/sql.js';
import type { FieldChanges } from '../history/history-event.types.js';
import { HistoryRecorder, type NewEvent } from '../history/history-recorder.js';
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
