import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { GENESIS_HASH, eventHash } from './event-hash.js';
import { HistoryEventEntity } from './history-event.entity.js';
import type { EventAction, FieldChanges } from './history-event.types.js';

export interface NewEvent {
  readonly itemId: string;
  // The item's version after this change: an item's events are numbered 1, 2, 3… like its versions.
  readonly seq: number;
  readonly action: EventAction;
  readonly fromState?: WorkflowState | null;
  readonly toState?: WorkflowState | null;
  readonly changes: FieldChanges;
  readonly reason?: string | null;
  readonly effectiveOn: string;
  readonly meetingId?: string | null;
  readonly source?: string | null;
  readonly batchId?: string | null;
  readonly actor: string;
}

// Well under SQLite's limit of bound parameters per statement (about 15 per row).
const ROWS_PER_INSERT = 500;

// Appends events inside the caller's transaction, chaining each to the one before it.
@Injectable()
export class HistoryRecorder {
  async append(manager: EntityManager, event: NewEvent): Promise<HistoryEventEntity> {
    const [appended] = await this.appendAll(manager, [event]);
    return appended;
  }

  // Many events at once (a meeting's outcomes): the head is read once, the chain continues in
  // memory and the rows go in with multi-row inserts, in order.
  async appendAll(manager: EntityManager, events: readonly NewEvent[]): Promise<HistoryEventEntity[]> {
    let prevHash = await this.headHash(manager);
    const entities = events.map((event) => {
      const fields = {
        itemId: event.itemId,
        seq: event.seq,
        action: event.action,
        fromState: event.fromState ?? null,
        toState: event.toState ?? null,
        changes: JSON.stringify(event.changes),
        reason: event.reason ?? null,
        effectiveOn: event.effectiveOn,
        meetingId: event.meetingId ?? null,
        source: event.source ?? null,
        batchId: event.batchId ?? null,
        actor: event.actor,
        recordedAt: nowIso(),
        prevHash,
      };
      const entity = manager.create(HistoryEventEntity, { ...fields, hash: eventHash(fields) });
      prevHash = entity.hash;
      return entity;
    });
    for (let start = 0; start < entities.length; start += ROWS_PER_INSERT) {
      await manager.insert(HistoryEventEntity, entities.slice(start, start + ROWS_PER_INSERT));
    }
    return entities;
  }

  private async headHash(manager: EntityManager): Promise<string> {
    const rows: { hash: string }[] = await manager.query(
      'SELECT "hash" FROM "history_events" ORDER BY "id" DESC LIMIT 1',
    );
    return rows[0]?.hash ?? GENESIS_HASH;
  }
}
