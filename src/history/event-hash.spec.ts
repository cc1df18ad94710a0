import { canonicalEvent, eventHash, type HashedEventFields } from './event-hash.js';

const TRANSITION: HashedEventFields = {
  itemId: '8f0c2a52-1d2e-4c0a-9d43-3b2f6f0e1a11',
  seq: 2,
  action: 'transitioned',
  fromState: 'proposed',
  toState: 'agreed',
  changes: '{"state":{"from":"proposed","to":"agreed"}}',
  reason: null,
  effectiveOn: '2010-11-20',
  meetingId: null,
  source: null,
  batchId: null,
  actor: 'bootstrap',
  recordedAt: '2010-11-21T09:00:00.000Z',
  corrects: null,
  retracts: null,
  prevHash: '0'.repeat(64),
};

describe('canonicalEvent', () => {
  it('keeps form v1 for an event that overrules nothing', () => {
    const form = JSON.parse(canonicalEvent(TRANSITION)) as unknown[];
    expect(form[0]).toBe('policy-tracker/event/v1');
    expect(form).toHaveLength(15);
    expect(form.at(-1)).toBe(TRANSITION.prevHash);
  });

  it('appends the references after prev_hash in form v3, so setting one changes the hash', () => {
    const retraction = { ...TRANSITION, seq: 3, action: 'retracted', retracts: 2 };
    const form = JSON.parse(canonicalEvent(retraction)) as unknown[];
    expect(form[0]).toBe('policy-tracker/event/v3');
    expect(form.slice(-3)).toEqual([TRANSITION.prevHash, null, 2]);
    expect(eventHash({ ...retraction, retracts: 1 })).not.toBe(eventHash(retraction));
    expect(eventHash({ ...TRANSITION, corrects: 1 })).not.toBe(eventHash(TRANSITION));
  });
});
