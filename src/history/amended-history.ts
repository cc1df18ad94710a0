import type { Score } from '../assessments/score.js';
import type { Stance } from '../parties/stance.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';
import type { EventAction, FieldChanges } from './history-event.types.js';
import { AMENDABLE_FIELDS, STATE_KIND, timelineKind, type AmendableField } from './item-timeline.js';

// An event as read back, its meeting named by slug: what the corrected history is folded from.
export interface RecordedEvent {
  readonly id: number;
  readonly seq: number;
  readonly action: EventAction;
  readonly fromState: WorkflowState | null;
  readonly toState: WorkflowState | null;
  readonly changes: FieldChanges;
  readonly reason: string | null;
  readonly effectiveOn: string;
  readonly meeting: string | null;
  readonly source: string | null;
  readonly batch: string | null;
  readonly actor: string;
  readonly recordedAt: string;
  // Set on positioned events only: the party by slug, and its stance.
  readonly party: string | null;
  readonly stance: Stance | null;
  // Set on assessed events only: the party's score.
  readonly score: Score | null;
  readonly corrects: number | null;
  readonly retracts: number | null;
}

// The kinds of dated events and what a correction may amend are the fold's (item-timeline.ts);
// re-exported for the readers of the history.
export { AMENDABLE_ACTIONS, AMENDABLE_FIELDS, STATE_KIND, type AmendableField } from './item-timeline.js';

// Each party's assessments of the item are a timeline of their own, like its positions.
export function assessmentKind(party: string): string {
  return `assessment:${party}`;
}

// A dated event with the corrections applied (the latest correction of each field wins) and what
// overruled it.
export interface AmendedEvent extends RecordedEvent {
  readonly kind: string;
  readonly correctedBy: readonly number[];
  readonly retractedBy: number | null;
}

interface Amending {
  event: RecordedEvent;
  kind: string;
  fields: Partial<Record<AmendableField, unknown>>;
  correctedBy: number[];
  retractedBy: number | null;
}

// One item's events, in any order, folded into its dated events (created, transitioned, positioned) as the
// corrections and retractions among them say, oldest first. Retracted events stay in the answer,
// marked, so a history can show them; `standing` leaves them out.
export function amendHistory(events: readonly RecordedEvent[]): AmendedEvent[] {
  const bySeq = new Map<number, Amending>();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const kind = timelineKind(event.action, event.party);
    if (kind) {
      bySeq.set(event.seq, { event, kind, fields: {}, correctedBy: [], retractedBy: null });
      continue;
    }
    const target = bySeq.get(event.corrects ?? event.retracts ?? 0);
    if (target && event.action === 'corrected') {
      target.correctedBy.push(event.seq);
      for (const field of AMENDABLE_FIELDS) {
        if (field in event.changes) {
          target.fields[field] = event.changes[field].to;
        }
      }
    } else if (target && event.action === 'retracted') {
      target.retractedBy = event.seq;
    }
  }
  return [...bySeq.values()].map(({ event, kind, fields, correctedBy, retractedBy }) => ({
    ...event,
    ...(fields as Partial<Pick<RecordedEvent, AmendableField>>),
    kind,
    correctedBy,
    retractedBy,
  }));
}

export function standing(events: readonly AmendedEvent[], kind?: string): AmendedEvent[] {
  return events.filter((event) => event.retractedBy === null && (kind === undefined || event.kind === kind));
}

// The item's state and stateSince as its corrected history says: its latest standing state event.
export function standingState(events: readonly AmendedEvent[]): AmendedEvent | undefined {
  return standing(events, STATE_KIND).at(-1);
}

// The standing state event in force on `day`: the latest effective by then (the timeline is kept
// in order, so the latest by seq among those effective by then).
export function stateOn(events: readonly AmendedEvent[], day: string): AmendedEvent | undefined {
  return standing(events, STATE_KIND)
    .filter((event) => event.effectiveOn <= day)
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.seq - b.seq))
    .at(-1);
}

// A standing positioned event: it names its party and its stance.
export type AmendedPosition = AmendedEvent & { readonly party: string; readonly stance: Stance };

// Each party's standing position on the item in force on `day` (or now, without one): its latest
// standing positioned event effective by then, by party slug. A party's positions keep their dates
// in order, so the latest by seq is the latest in effect.
export function positionsOn(events: readonly AmendedEvent[], day?: string): Map<string, AmendedPosition> {
  const latest = new Map<string, AmendedPosition>();
  for (const event of standing(events)) {
    if (isPosition(event) && (day === undefined || event.effectiveOn <= day)) {
      latest.set(event.party, event);
    }
  }
  return latest;
}

// A standing assessed event: it names its party and its score.
export type AmendedAssessment = AmendedEvent & { readonly party: string; readonly score: Score };

// Each party's standing assessment of the item in force on `day` (or now, without one), by party
// slug: as positionsOn, for assessments.
export function assessmentsOn(events: readonly AmendedEvent[], day?: string): Map<string, AmendedAssessment> {
  const latest = new Map<string, AmendedAssessment>();
  for (const event of standing(events)) {
    if (isAssessment(event) && (day === undefined || event.effectiveOn <= day)) {
      latest.set(event.party, event);
    }
  }
  return latest;
}

export function isAssessment(event: AmendedEvent): event is AmendedAssessment {
  return event.action === 'assessed' && event.party !== null && event.score !== null;
}

export function isPosition(event: AmendedEvent): event is AmendedPosition {
  return event.action === 'positioned' && event.party !== null && event.stance !== null;
}

// The standing events effective in [from, to], oldest first, each with the standing event of its
// kind it took over from (the item's previous state, the party's previous position), if any.
export function standingBetween(
  events: readonly AmendedEvent[],
  from: string,
  to: string,
): { readonly event: AmendedEvent; readonly previous: AmendedEvent | undefined }[] {
  const latestOfKind = new Map<string, AmendedEvent>();
  const found: { event: AmendedEvent; previous: AmendedEvent | undefined }[] = [];
  for (const event of standing(events)) {
    if (event.effectiveOn >= from && event.effectiveOn <= to) {
      found.push({ event, previous: latestOfKind.get(event.kind) });
    }
    latestOfKind.set(event.kind, event);
  }
  return found;
}
