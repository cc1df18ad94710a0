import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../common/calendar-date.js';
import type { Stance } from '../parties/stance.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import { GENESIS_HASH, eventHash } from './event-hash.js';
import type { EventAction, FieldChanges } from './history-event.types.js';
import { HistoryRepository, type EventRow } from './history.repository.js';

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
  // Set on positioned events only.
  readonly partyId?: string | null;
  readonly stance?: Stance | null;
  // The seq of the earlier event of the same item that a correction or a retraction overrules.
  readonly corrects?: number | null;
  readonly retracts?: number | null;
  // Set on assessed events only, as stored (assessments/score.ts).
  readonly score?: string | null;
}

// Appends events inside the caller's transaction, chaining each to the one before it.
@Injectable()
export class HistoryRecorder {
  constructor(private readonly events: HistoryRepository) {}

  append(manager: EntityManager, event: NewEvent): Promise<void> {
    return this.appendAll(manager, [event]);
  }

  // The head is read once and the chain continues in memory.
  async appendAll(manager: EntityManager, events: readonly NewEvent[]): Promise<void> {
    let prevHash = (await this.events.newest(manager))?.hash ?? GENESIS_HASH;
    const rows = events.map((event) => {
      const row = chained(event, prevHash);
      prevHash = row.hash;
      return row;
    });
    await this.events.append(manager, rows);
  }
}

// The event's row, linked to the one before it by that one's hash.
function chained(event: NewEvent, prevHash: string): EventRow {
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
    corrects: event.corrects ?? null,
    retracts: event.retracts ?? null,
    prevHash,
    partyId: event.partyId ?? null,
    stance: event.stance ?? null,
    score: event.score ?? null,
  };
  return { ...fields, hash: eventHash(fields) };
}
