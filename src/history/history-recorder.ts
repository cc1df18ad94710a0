import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { executeWrite } from '../database/sql.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { GENESIS_HASH, eventHash } from './event-hash.js';
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

// Every write appends one event: plain SQL with a stable text, so the statement stays prepared.
const INSERT_EVENT = `
  INSERT INTO "history_events" ("item_id", "seq", "action", "from_state", "to_state", "changes", "reason",
    "effective_on", "meeting_id", "source", "batch_id", "actor", "recorded_at", "prev_hash", "hash")
  VALUES (:itemId, :seq, :action, :fromState, :toState, :changes, :reason,
    :effectiveOn, :meetingId, :source, :batchId, :actor, :recordedAt, :prevHash, :hash)`;

// Appends events inside the caller's transaction, chaining each to the one before it.
@Injectable()
export class HistoryRecorder {
  async append(manager: EntityManager, event: NewEvent): Promise<void> {
    const prevHash = await this.headHash(manager);
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
    await executeWrite(manager, INSERT_EVENT, { ...fields, hash: eventHash(fields) });
  }

  private async headHash(manager: EntityManager): Promise<string> {
    const rows: { hash: string }[] = await manager.query(
      'SELECT "hash" FROM "history_events" ORDER BY "id" DESC LIMIT 1',
    );
    return rows[0]?.hash ?? GENESIS_HASH;
  }
}
