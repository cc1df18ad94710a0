import {
  AMENDABLE_ACTIONS,
  AMENDABLE_FIELDS,
  amendHistory,
  standing,
  standingState,
  STATE_KIND,
  type AmendableField,
  type AmendedEvent,
  type RecordedEvent,
} from '../history/amended-history.js';
import { foldTimeline } from '../history/item-timeline.js';
import type { FieldChanges } from '../history/history-event.types.js';
import type { Score } from '../assessments/score.js';
import type { Stance } from '../parties/stance.js';
import type { WorkflowState } from '../workflow/workflow.definition.js';

// The new values a correction asks for; `meeting` by slug, null to clear it (as `source`).
// `score` is an assessment's only.
export type CorrectionRequest = Partial<Record<Exclude<AmendableField, 'score'>, string | null>> & {
  readonly score?: Score;
};

export type AmendmentProblem =
  | { readonly kind: 'event_not_found'; readonly message: string }
  | { readonly kind: 'event_not_amendable'; readonly message: string }
  | { readonly kind: 'nothing_to_correct'; readonly message: string }
  | {
      readonly kind: 'correction_out_of_order';
      readonly message: string;
      readonly earliest: string;
      readonly latest: string | null;
    }
  | { readonly kind: 'retraction_not_latest'; readonly message: string; readonly laterEvents: number[] };

export type CorrectionPlan =
  | { readonly ok: true; readonly target: AmendedEvent; readonly changes: FieldChanges }
  | { readonly ok: false; readonly problem: AmendmentProblem };

export interface Retraction {
  readonly target: AmendedEvent;
  // The item's state before and after the retraction (for a state event: the state it returns to).
  readonly fromState: WorkflowState | null;
  readonly toState: WorkflowState | null;
  // For a position: the party's stance before and after (the position it returns to, or none).
  readonly stance?: { readonly from: Stance; readonly to: Stance | null };
  // For an assessment: the party's score before and after (the one it returns to, or none).
  readonly score?: { readonly from: Score; readonly to: Score | null };
}

export type RetractionPlan =
  | { readonly ok: true; readonly retractions: Retraction[] }
  | { readonly ok: false; readonly problem: AmendmentProblem };

// Checks a correction of event `seq` against the item's whole history (`events`, any order):
// only a standing transition or position can be corrected, and a new effective date must keep the
// dated events of its kind in order (the item's states, or one party's positions), within the
// bounds the history's fold (history/item-timeline.ts) sets. Fields given with their current value
// are no change; at least one must be.
export function planCorrection(
  events: readonly RecordedEvent[],
  seq: number,
  request: CorrectionRequest,
): CorrectionPlan {
  const amended = amendHistory(events);
  const found = findTarget(events, amended, seq, 'corrected');
  if (!found.ok) {
    return found;
  }
  const target = found.target;
  if (request.score !== undefined && target.action !== 'assessed') {
    return problem({
      kind: 'event_not_amendable',
      message: `Event ${seq} records "${target.action}"; only an assessed event has a score to correct.`,
    });
  }
  const changes: FieldChanges = {};
  for (const field of AMENDABLE_FIELDS) {
    const to = request[field];
    if (to !== undefined && to !== target[field]) {
      changes[field] = { from: target[field], to };
    }
  }
  if (Object.keys(changes).length === 0) {
    return problem({
      kind: 'nothing_to_correct',
      message: `Every value given is already what event ${seq} says; name at least one field to change.`,
    });
  }
  const effectiveOn = request.effectiveOn;
  const bounds = foldTimeline(events).correctionBounds(seq);
  if (typeof effectiveOn === 'string' && bounds) {
    const { earliest, latest } = bounds;
    if (effectiveOn < earliest || (latest !== null && effectiveOn > latest)) {
      return problem({
        kind: 'correction_out_of_order',
        message:
          `Event ${seq} cannot take effect on ${effectiveOn}: the timeline must stay in order, so it must be on or ` +
          `after ${earliest}${latest === null ? '' : ` and on or before ${latest}`}.`,
        earliest,
        latest,
      });
    }
  }
  return { ok: true, target, changes };
}

// Checks the retraction of the events `seqs` of one item, newest first, each against the history
// as the retractions before it leave it: each must be the latest standing event of its kind, as the
// history's fold says.
export function planRetractions(events: readonly RecordedEvent[], seqs: readonly number[]): RetractionPlan {
  let history = [...events];
  let nextSeq = Math.max(0, ...events.map((event) => event.seq)) + 1;
  const retractions: Retraction[] = [];
  for (const seq of [...seqs].sort((a, b) => b - a)) {
    const amended = amendHistory(history);
    const found = findTarget(history, amended, seq, 'retracted');
    if (!found.ok) {
      return found;
    }
    const { target } = found;
    const ofKind = standing(amended, target.kind);
    const laterEvents = foldTimeline(history).laterThan(seq);
    if (laterEvents.length > 0) {
      const ofWhat =
        target.party === null
          ? 'state change'
          : `${target.action === 'assessed' ? 'assessment' : 'position'} of ${target.party}`;
      return problem({
        kind: 'retraction_not_latest',
        message: `Event ${seq} is not the latest standing ${ofWhat} on the item; retract the later ones first (${laterEvents.join(', ')}).`,
        laterEvents,
      });
    }
    // Withdrawing a state event returns the item to the state before it; withdrawing a position
    // returns its party to the position before it, or to none, and leaves the state as it is.
    const current = standingState(amended)?.toState ?? null;
    const retraction: Retraction =
      target.kind === STATE_KIND
        ? { target, fromState: current, toState: ofKind.at(-2)?.toState ?? null }
        : {
            target,
            fromState: current,
            toState: current,
            ...(target.stance === null ? {} : { stance: { from: target.stance, to: ofKind.at(-2)?.stance ?? null } }),
            ...(target.score === null ? {} : { score: { from: target.score, to: ofKind.at(-2)?.score ?? null } }),
          };
    retractions.push(retraction);
    history = [...history, retractionEvent(retraction, nextSeq)];
    nextSeq += 1;
  }
  return { ok: true, retractions };
}

function findTarget(
  events: readonly RecordedEvent[],
  amended: readonly AmendedEvent[],
  seq: number,
  verb: 'corrected' | 'retracted',
): { ok: true; target: AmendedEvent } | { ok: false; problem: AmendmentProblem } {
  const recorded = events.find((event) => event.seq === seq);
  if (!recorded) {
    return problem({ kind: 'event_not_found', message: `The item has no event ${seq}.` });
  }
  const target = amended.find((event) => event.seq === seq);
  if (!target || !AMENDABLE_ACTIONS.has(target.action)) {
    return problem({
      kind: 'event_not_amendable',
      message: `Event ${seq} records "${recorded.action}"; only ${[...AMENDABLE_ACTIONS].join(' or ')} events can be ${verb}.`,
    });
  }
  if (target.retractedBy !== null) {
    return problem({
      kind: 'event_not_amendable',
      message: `Event ${seq} was retracted by event ${target.retractedBy}; it can no longer be ${verb}.`,
    });
  }
  return { ok: true, target };
}

// What a planned retraction will append, so that the next check sees it.
function retractionEvent(retraction: Retraction, seq: number): RecordedEvent {
  return {
    ...retraction.target,
    id: 0,
    seq,
    action: 'retracted',
    fromState: retraction.fromState,
    toState: retraction.toState,
    changes: retractionChanges(retraction),
    party: null,
    stance: null,
    score: null,
    corrects: null,
    retracts: retraction.target.seq,
  };
}

// What a retraction records as it moves back: the party's stance or score, or the item's state.
export function retractionChanges(retraction: Retraction): FieldChanges {
  return retraction.stance
    ? { stance: retraction.stance }
    : retraction.score
      ? { score: retraction.score }
      : retraction.fromState === retraction.toState
        ? {}
        : { state: { from: retraction.fromState, to: retraction.toState } };
}

function problem(found: AmendmentProblem): { ok: false; problem: AmendmentProblem } {
  return { ok: false, problem: found };
}
