import { parseStoredJson } from '../database/damaged-row.js';
import { readScore, type Score } from '../assessments/score.js';
import type { Stance } from '../parties/stance.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import type { EventAction, FieldChanges } from './history-event.types.js';
import type { HistoryEventView } from './history-event.view.js';

// A history row joined with its item's and meeting's slugs.
export interface HistoryEventRow {
  id: number | string;
  item_slug: string;
  seq: number | string;
  action: EventAction;
  from_state: WorkflowState | null;
  to_state: WorkflowState | null;
  changes: string;
  reason: string | null;
  effective_on: string;
  meeting_slug: string | null;
  source: string | null;
  batch_id: string | null;
  actor: string;
  recorded_at: string;
  hash: string;
  party_slug: string | null;
  stance: Stance | null;
  // Set on assessed events (history answers and the corrected history read it; the feeds do not).
  score?: string | null;
  corrects: number | string | null;
  retracts: number | string | null;
}

// Which later events overruled this one, from the item's corrections and retractions.
export interface Overruling {
  readonly correctedBy?: number[];
  readonly retractedBy?: number;
}

// What every read of an event takes from its row as it is: a history answer and the corrected
// history alike.
export function recordedEventFields(row: Omit<HistoryEventRow, 'item_slug' | 'hash'>) {
  return {
    id: Number(row.id),
    seq: Number(row.seq),
    action: row.action,
    fromState: row.from_state,
    toState: row.to_state,
    changes: parseStoredJson<FieldChanges>(row.changes, `History event #${String(row.id)}`, 'changes'),
    reason: row.reason,
    effectiveOn: row.effective_on,
    meeting: row.meeting_slug,
    source: row.source,
    batch: row.batch_id,
    actor: row.actor,
    recordedAt: row.recorded_at,
  };
}

// An assessment names its party and its score.
function scoreOf(row: Omit<HistoryEventRow, 'item_slug' | 'hash'>): { party?: string; score?: Score } {
  const score = readScore(row.score);
  return row.party_slug === null || score === null ? {} : { party: row.party_slug, score };
}

// `corrects`, `retracts`, `correctedBy` and `retractedBy` appear only where they apply.
export function presentHistoryEvent(row: HistoryEventRow, overruling: Overruling = {}): HistoryEventView {
  const { id, ...fields } = recordedEventFields(row);
  return {
    id,
    item: row.item_slug,
    ...fields,
    hash: row.hash,
    // Only a position names a party and a stance.
    ...(row.party_slug === null || row.stance === null ? {} : { party: row.party_slug, stance: row.stance }),
    ...scoreOf(row),
    ...(row.corrects === null ? {} : { corrects: Number(row.corrects) }),
    ...(row.retracts === null ? {} : { retracts: Number(row.retracts) }),
    ...overruling,
  };
}
