import { SUMMIT, recorded, summitRetracted } from '../../test/support/recorded-events.js';
import { planCorrection, planRetractions } from './amendment-rules.js';

describe('planCorrection', () => {
  it('lists the fields that change, from their corrected value', () => {
    const history = [
      ...SUMMIT,
      recorded({ seq: 4, action: 'corrected', corrects: 2, changes: { source: { from: null, to: 'Minutes' } } }),
    ];
    const plan = planCorrection(history, 2, { effectiveOn: '2010-10-15', source: 'Minutes', meeting: null });
    expect(plan).toMatchObject({ ok: true, changes: { effectiveOn: { from: '2010-10-01', to: '2010-10-15' } } });
    expect(plan.ok && Object.keys(plan.changes)).toEqual(['effectiveOn']);
  });

  it('keeps the timeline in order: not before the previous standing change, not after the next', () => {
    expect(planCorrection(SUMMIT, 2, { effectiveOn: '2010-09-22' }).ok).toBe(true);
    expect(planCorrection(SUMMIT, 2, { effectiveOn: '2010-11-20' }).ok).toBe(true);
    expect(planCorrection(SUMMIT, 2, { effectiveOn: '2010-09-21' })).toMatchObject({
      ok: false,
      problem: { kind: 'correction_out_of_order', earliest: '2010-09-22', latest: '2010-11-20' },
    });
    expect(planCorrection(SUMMIT, 2, { effectiveOn: '2010-11-21' })).toMatchObject({
      problem: { kind: 'correction_out_of_order' },
    });
    expect(planCorrection(SUMMIT, 3, { effectiveOn: '2015-01-01' }).ok).toBe(true);
    expect(planCorrection(SUMMIT, 3, { effectiveOn: '2010-09-30' })).toMatchObject({
      problem: { kind: 'correction_out_of_order', earliest: '2010-10-01', latest: null },
    });
  });

  it('measures the order against the standing events only', () => {
    const retracted = summitRetracted();
    expect(planCorrection(retracted, 2, { effectiveOn: '2010-12-01' }).ok).toBe(true);
  });

  it('refuses unknown events, other actions, retracted events and corrections that change nothing', () => {
    expect(planCorrection(SUMMIT, 9, { reason: 'x' })).toMatchObject({ problem: { kind: 'event_not_found' } });
    expect(planCorrection(SUMMIT, 1, { reason: 'x' })).toMatchObject({ problem: { kind: 'event_not_amendable' } });
    const history = summitRetracted();
    expect(planCorrection(history, 4, { reason: 'x' })).toMatchObject({ problem: { kind: 'event_not_amendable' } });
    expect(planCorrection(history, 3, { reason: 'x' })).toMatchObject({
      problem: { kind: 'event_not_amendable', message: expect.stringMatching(/retracted by event 4/) },
    });
    expect(planCorrection(SUMMIT, 3, { meeting: 'lisbon-summit-2010' })).toMatchObject({
      problem: { kind: 'nothing_to_correct' },
    });
  });
});

describe('planRetractions', () => {
  it('withdraws the latest standing transition, back to the state before it', () => {
    expect(planRetractions(SUMMIT, [3])).toMatchObject({
      ok: true,
      retractions: [{ target: { seq: 3 }, fromState: 'agreed', toState: 'under_discussion' }],
    });
  });

  it('names the later standing events of the same kind when the event is not the latest', () => {
    expect(planRetractions(SUMMIT, [2])).toEqual({
      ok: false,
      problem: expect.objectContaining({ kind: 'retraction_not_latest', laterEvents: [3] }),
    });
  });

  it('retracts several events of one item newest first, each against what the ones before leave', () => {
    expect(planRetractions(SUMMIT, [2, 3])).toMatchObject({
      ok: true,
      retractions: [
        { target: { seq: 3 }, fromState: 'agreed', toState: 'under_discussion' },
        { target: { seq: 2 }, fromState: 'under_discussion', toState: 'proposed' },
      ],
    });
  });

  it('never retracts the creation, nor an event already retracted', () => {
    expect(planRetractions(SUMMIT, [1])).toMatchObject({ problem: { kind: 'event_not_amendable' } });
    const history = summitRetracted();
    expect(planRetractions(history, [3])).toMatchObject({ problem: { kind: 'event_not_amendable' } });
    expect(planRetractions(history, [2])).toMatchObject({ ok: true });
  });
});

describe('amending positions', () => {
  // NATO undecided on 1 October then supportive at the summit; Russia opposed from 25 November.
  const POSITIONS = [
    ...SUMMIT,
    ...[
      recorded({
        seq: 4,
        action: 'positioned',
        party: 'nato',
        stance: 'undecided',
        effectiveOn: '2010-10-01',
      }),
      recorded({
        seq: 5,
        action: 'positioned',
        party: 'nato',
        stance: 'supports',
        effectiveOn: '2010-11-20',
      }),
      recorded({
        seq: 6,
        action: 'positioned',
        party: 'russia',
        stance: 'opposes',
        effectiveOn: '2010-11-25',
      }),
    ].map((event) => ({
      ...event,
      fromState: 'agreed' as const,
      toState: 'agreed' as const,
      // Each records the change from its party's stance before (NATO's second, from undecided).
      changes: { stance: { from: event.seq === 5 ? 'undecided' : null, to: event.stance } },
    })),
  ];

  it("keeps a corrected date within its party's positions, and not before the proposal", () => {
    expect(planCorrection(POSITIONS, 4, { effectiveOn: '2010-11-20' }).ok).toBe(true);
    expect(planCorrection(POSITIONS, 4, { effectiveOn: '2010-11-21' })).toMatchObject({
      problem: { kind: 'correction_out_of_order', earliest: '2010-09-22', latest: '2010-11-20' },
    });
    expect(planCorrection(POSITIONS, 6, { effectiveOn: '2010-09-21' })).toMatchObject({
      problem: { kind: 'correction_out_of_order', earliest: '2010-09-22', latest: null },
    });
    expect(planCorrection(POSITIONS, 5, { reason: 'Backed it at the summit.' })).toMatchObject({
      ok: true,
      changes: { reason: { from: null, to: 'Backed it at the summit.' } },
    });
  });

  it('returns a party to its previous position, or none, leaving the state alone', () => {
    expect(planRetractions(POSITIONS, [5, 6])).toMatchObject({
      ok: true,
      retractions: [
        { target: { seq: 6 }, fromState: 'agreed', toState: 'agreed', stance: { from: 'opposes', to: null } },
        { target: { seq: 5 }, fromState: 'agreed', toState: 'agreed', stance: { from: 'supports', to: 'undecided' } },
      ],
    });
  });

  it("names only the party's own later positions when one is not its latest", () => {
    expect(planRetractions(POSITIONS, [4])).toMatchObject({
      problem: { kind: 'retraction_not_latest', laterEvents: [5], message: expect.stringMatching(/position of nato/) },
    });
    // The summit transition is the latest state change, whatever positions follow it.
    expect(planRetractions(POSITIONS, [3])).toMatchObject({ ok: true });
  });
});
