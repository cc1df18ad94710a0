import { hash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

// The fields an event's hash covers, in a fixed order. Changing this list or the serialisation
// below changes every hash: it is versioned by the tag in canonicalEvent.
export interface HashedEventFields {
  readonly itemId: string;
  readonly seq: number;
  readonly action: string;
  readonly fromState: string | null;
  readonly toState: string | null;
  readonly changes: string;
  readonly reason: string | null;
  readonly effectiveOn: string;
  readonly meetingId: string | null;
  readonly source: string | null;
  readonly batchId: string | null;
  readonly actor: string;
  readonly recordedAt: string;
  readonly prevHash: string;
  // Set on `positioned` events only.
  readonly partyId: string | null;
  readonly stance: string | null;
  // The seq of the event a correction or a retraction overrules (same item); null on other events.
  readonly corrects: number | null;
  readonly retracts: number | null;
  // Set on `assessed` events only (`1`, `0`, `-1`, `n/a`); left out, it is null.
  readonly score?: string | null;
}

// A JSON array of the fields in order: unambiguous (strings are quoted and escaped, null is not
// "null"), and the same bytes on every platform. The v1 array comes first in every form; what an
// event adds follows prev_hash, and the tag says what:
//   v1: nothing (the form of every event before positions and corrections, byte for byte);
//   v2: party_id and stance (an event that names a party: a position);
//   v3: corrects and retracts (an event that overrules another: a correction or a retraction);
//   v4: party_id, stance, corrects and retracts (an event that does both);
//   v5: party_id, stance, corrects, retracts and score (an event with a score: an assessment).
// So the hashes recorded under each earlier form still verify, and setting any of these fields on
// an event changes its hash.
export function canonicalEvent(event: HashedEventFields): string {
  const v1 = [
    event.itemId,
    event.seq,
    event.action,
    event.fromState,
    event.toState,
    event.changes,
    event.reason,
    event.effectiveOn,
    event.meetingId,
    event.source,
    event.batchId,
    event.actor,
    event.recordedAt,
    event.prevHash,
  ];
  const party = event.partyId !== null || event.stance !== null ? [event.partyId, event.stance] : [];
  const references = event.corrects !== null || event.retracts !== null ? [event.corrects, event.retracts] : [];
  const score = event.score ?? null;
  if (score !== null) {
    return JSON.stringify([SCORED_TAG, ...v1, event.partyId, event.stance, event.corrects, event.retracts, score]);
  }
  const tag = FORM_TAGS[`${party.length > 0}/${references.length > 0}`];
  return JSON.stringify([tag, ...v1, ...party, ...references]);
}

const FORM_TAGS: Record<string, string> = {
  'false/false': 'policy-tracker/event/v1',
  'true/false': 'policy-tracker/event/v2',
  'false/true': 'policy-tracker/event/v3',
  'true/true': 'policy-tracker/event/v4',
};

const SCORED_TAG = 'policy-tracker/event/v5';

// The one-shot hash: the same digest as createHash, at less than half the cost per event, which
// counts when an audit rehashes the whole history.
export function eventHash(event: HashedEventFields): string {
  return hash('sha256', canonicalEvent(event), 'hex');
}
