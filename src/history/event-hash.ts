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
}

// A JSON array of the fields in order: unambiguous (strings are quoted and escaped, null is not
// "null"), and the same bytes on every platform. An event that names a party is form v2, which
// appends the party's id and the stance; every other event keeps form v1 byte for byte, so the
// hashes recorded before positions existed still verify.
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
  if (event.partyId === null && event.stance === null) {
    return JSON.stringify(['policy-tracker/event/v1', ...v1]);
  }
  return JSON.stringify(['policy-tracker/event/v2', ...v1, event.partyId, event.stance]);
}

// The one-shot hash: the same digest as createHash, at less than half the cost per event, which
// counts when an audit rehashes the whole history.
export function eventHash(event: HashedEventFields): string {
  return hash('sha256', canonicalEvent(event), 'hex');
}
