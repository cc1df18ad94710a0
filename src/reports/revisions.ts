import { amendHistory, stateOn, type RecordedEvent } from '../history/amended-history.js';
import type { RevisionDifference, RevisionEventView, StandingView } from './revisions-report.view.js';

// How one item's status for day `asOf` differs between what was known at `from` and at `to`, from
// its events recorded by `to` (oldest first); undefined when it does not. The difference is a
// development when the dated events recorded in between (late news, back-dated entries) bring the
// item to its new status without the corrections and retractions recorded meanwhile; otherwise it
// is a correction of the record.
export function itemRevision(
  item: string,
  events: readonly RecordedEvent[],
  asOf: string,
  from: string,
  to: string,
): RevisionDifference | undefined {
  const knownBefore = events.filter((event) => event.recordedAt <= from);
  const known = events.filter((event) => event.recordedAt <= to);
  const before = standingOn(knownBefore, asOf);
  const after = standingOn(known, asOf);
  if (sameStanding(before, after)) {
    return undefined;
  }
  const developments = known.filter((event) => event.recordedAt <= from || !overrules(event));
  const kind = sameStanding(standingOn(developments, asOf), after) ? 'development' : 'correction';
  const explaining = known.filter((event) => event.recordedAt > from && event.action !== 'updated');
  return { item, before, after, kind, events: explaining.map(presentEvent) };
}

function standingOn(events: readonly RecordedEvent[], day: string): StandingView | null {
  const event = stateOn(amendHistory(events), day);
  return event?.toState ? { state: event.toState, since: event.effectiveOn } : null;
}

function sameStanding(a: StandingView | null, b: StandingView | null): boolean {
  return a === null || b === null ? a === b : a.state === b.state && a.since === b.since;
}

function overrules(event: RecordedEvent): boolean {
  return event.action === 'corrected' || event.action === 'retracted';
}

function presentEvent(event: RecordedEvent): RevisionEventView {
  return {
    seq: event.seq,
    action: event.action,
    reason: event.reason,
    recordedAt: event.recordedAt,
    actor: event.actor,
  };
}
