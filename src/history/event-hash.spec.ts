import { canonicalEvent, eventHash, type HashedEventFields } from './event-hash.js';

const transition: HashedEventFields = {
  itemId: 'i1',
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
  prevHash: '0'.repeat(64),
  partyId: null,
  stance: null,
  corrects: null,
  retracts: null,
};

describe('canonicalEvent', () => {
  it('keeps form v1 byte for byte for an event that names no party', () => {
    expect(canonicalEvent(transition)).toBe(
      JSON.stringify([
        'policy-tracker/event/v1',
        'i1',
        2,
        'transitioned',
        'proposed',
        'agreed',
        '{"state":{"from":"proposed","to":"agreed"}}',
        null,
        '2010-11-20',
        null,
        null,
        null,
        'bootstrap',
        '2010-11-21T09:00:00.000Z',
        '0'.repeat(64),
      ]),
    );
  });

  it('hashes a position in form v2, with the party and the stance after prev_hash', () => {
    const position = { ...transition, action: 'positioned', toState: 'proposed', partyId: 'p1', stance: 'supports' };
    const form = JSON.parse(canonicalEvent(position)) as unknown[];
    expect(form[0]).toBe('policy-tracker/event/v2');
    expect(form.slice(-3)).toEqual(['0'.repeat(64), 'p1', 'supports']);
    expect(eventHash({ ...position, stance: 'opposes' })).not.toBe(eventHash(position));
  });

  it('appends the references after prev_hash in form v3, so setting one changes the hash', () => {
    const retraction = { ...transition, seq: 3, action: 'retracted', retracts: 2 };
    const form = JSON.parse(canonicalEvent(retraction)) as unknown[];
    expect(form[0]).toBe('policy-tracker/event/v3');
    expect(form.slice(-3)).toEqual([transition.prevHash, null, 2]);
    expect(eventHash({ ...retraction, retracts: 1 })).not.toBe(eventHash(retraction));
    expect(eventHash({ ...transition, corrects: 1 })).not.toBe(eventHash(transition));
  });

  it('hashes an event naming a party and overruling another in form v4: party, then references', () => {
    const event = { ...transition, action: 'corrected', partyId: 'p1', stance: 'opposes', corrects: 2 };
    const form = JSON.parse(canonicalEvent(event)) as unknown[];
    expect(form[0]).toBe('policy-tracker/event/v4');
    expect(form.slice(-5)).toEqual([transition.prevHash, 'p1', 'opposes', 2, null]);
  });

  it('hashes an assessment in form v5: party, stance, references, then the score', () => {
    const assessment = { ...transition, action: 'assessed', toState: 'agreed', partyId: 'p1', score: '-1' };
    const form = JSON.parse(canonicalEvent(assessment)) as unknown[];
    expect(form[0]).toBe('policy-tracker/event/v5');
    expect(form.slice(-6)).toEqual([transition.prevHash, 'p1', null, null, null, '-1']);
    expect(eventHash({ ...assessment, score: '0' })).not.toBe(eventHash(assessment));
    // Without a score an event keeps its earlier form, so every hash recorded before still verifies.
    expect(canonicalEvent({ ...transition, score: null })).toBe(canonicalEvent(transition));
  });
});
