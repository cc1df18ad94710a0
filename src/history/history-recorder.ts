import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import { executeWrite } from '../database/sql.js';
import type { Stance } from '../parties/stance.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { GENESIS_HASH, eventHash } from './event-hash.js';
import { HistoryEventEntity } from './history-event.entity.js';
import { newestEvent } from './history-head.js';
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
  readonly partyId?: string | null;
  readonly stance?: Stance | null;
}

// Well under SQLite's limit of bound parameters per statement (about 15 per row).
const ROWS_PER_INSERT = 500;

// Most writes append one event: plain SQL with a stable text, so the statement stays prepared.
const INSERT_EVENT = `
  INSERT INTO "history_events" ("item_id", "seq", "action", "from_state", "to_state", "changes", "reason",
    "effective_on", "meeting_id", "source", "batch_id", "actor", "recorded_at", "prev_hash", "hash",
    "party_id", "stance")
  VALUES (:itemId, :seq, :action, :fromState, :toState, :changes, :reason,
    :effectiveOn, :meetingId, :source, :batchId, :actor, :recordedAt, :prevHash, :hash, :partyId, :stance)`;

// Appends events inside the caller's transaction, chaining each to the one before it.
@Injectable()
export class HistoryRecorder {
  append(manager: EntityManager, event: NewEvent): Promise<void> {
    return this.appendAll(manager, [event]);
  }

  // The head is read once and the chain continues in memory. One event, the common case, goes in
  // through a prepared statement; a meeting's outcomes go in with multi-row inserts, in order.
  async appendAll(manager: EntityManager, events: readonly NewEvent[]): Promise<void> {
    let prevHash = (await newestEvent(manager))?.hash ?? GENESIS_HASH;
    const rows = events.map((event) => {
      const row = chained(event, prevHash);
      prevHash = row.hash;
      return row;
    });
    if (rows.length === 1) {
      await executeWrite(manager, INSERT_EVENT, rows[0]);
      return;
    }
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await manager.insert(HistoryEventEntity, rows.slice(start, start + ROWS_PER_INSERT));
    }
  }
}

// The event's row, linked to the one before it by that one's hash.
function chained(event: NewEvent, prevHash: string) {
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
    partyId: event.partyId ?? null,
    stance: event.stance ?? null,
  };
  return { ...fields, hash: eventHash(fields) };
}
