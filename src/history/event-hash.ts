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
  // The seq of the event a correction or a retraction overrules (same item); null on other events.
  readonly corrects: number | null;
  readonly retracts: number | null;
  readonly prevHash: string;
}

// A JSON array of the fields in order: unambiguous (strings are quoted and escaped, null is not
// "null"), and the same bytes on every platform. An event that overrules another (corrects or
// retracts set) is form v3: the v1 array, then both references. Every other event keeps form v1
// byte for byte, so the hashes recorded before corrections existed still verify, and setting a
// reference on a v1 event changes its hash. (v2 is the form of positioned events, issue 15.)
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
  if (event.corrects === null && event.retracts === null) {
    return JSON.stringify(['policy-tracker/event/v1', ...v1]);
  }
  return JSON.stringify(['policy-tracker/event/v3', ...v1, event.corrects, event.retracts]);
}

// The one-shot hash: the same digest as createHash, at less than half the cost per event, which
// counts when an audit rehashes the whole history.
export function eventHash(event: HashedEventFields): string {
  return hash('sha256', canonicalEvent(event), 'hex');
}
