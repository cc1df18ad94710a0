import { SUMMIT, recorded } from '../../test/support/recorded-events.js';
import { amendHistory, positionsOn, standing, standingBetween, standingState, stateOn } from './amended-history.js';

describe('amendHistory', () => {
  it('is the dated events as recorded when nothing overrules them', () => {
    const amended = amendHistory(SUMMIT);
    expect(amended.map((event) => [event.seq, event.kind, event.correctedBy, event.retractedBy])).toEqual([
      [1, 'state', [], null],
      [2, 'state', [], null],
      [3, 'state', [], null],
    ]);
    expect(standingState(amended)).toMatchObject({ toState: 'agreed', effectiveOn: '2010-11-20' });
  });

  it('applies each correction field by field, the latest winning, whatever the order events come in', () => {
    const amended = amendHistory([
      recorded({
        seq: 5,
        action: 'corrected',
        corrects: 3,
        changes: { meeting: { from: 'lisbon-summit-2010', to: null } },
      }),
      ...SUMMIT,
      recorded({
        seq: 4,
        action: 'corrected',
        corrects: 3,
        changes: { effectiveOn: { from: '2010-11-20', to: '2010-11-21' }, reason: { from: null, to: 'Agreed.' } },
      }),
      recorded({
        seq: 6,
        action: 'corrected',
        corrects: 3,
        changes: { effectiveOn: { from: '2010-11-21', to: '2010-11-22' } },
      }),
    ]);
    expect(amended[2]).toMatchObject({
      effectiveOn: '2010-11-22',
      meeting: null,
      reason: 'Agreed.',
      correctedBy: [4, 5, 6],
      retractedBy: null,
    });
    expect(stateOn(amended, '2010-11-21')).toMatchObject({ seq: 2 });
    expect(stateOn(amended, '2010-11-22')).toMatchObject({ seq: 3 });
  });

  it('keeps a retracted event, marked, out of the standing ones', () => {
    const amended = amendHistory([
      ...SUMMIT,
      recorded({ seq: 4, action: 'retracted', retracts: 3, fromState: 'agreed', toState: 'under_discussion' }),
    ]);
    expect(amended[2].retractedBy).toBe(4);
    expect(standing(amended).map((event) => event.seq)).toEqual([1, 2]);
    expect(standingState(amended)).toMatchObject({ toState: 'under_discussion', effectiveOn: '2010-10-01' });
    expect(stateOn(amended, '2010-12-31')).toMatchObject({ seq: 2 });
    expect(stateOn(amended, '2010-09-21')).toBeUndefined();
  });
});

describe('positionsOn', () => {
  const history = amendHistory([
    ...SUMMIT,
    recorded({ seq: 4, action: 'positioned', party: 'nato', stance: 'undecided', effectiveOn: '2010-10-01' }),
    recorded({ seq: 5, action: 'positioned', party: 'nato', stance: 'supports', effectiveOn: '2010-11-20' }),
    recorded({ seq: 6, action: 'positioned', party: 'russia', stance: 'opposes', effectiveOn: '2010-11-25' }),
    recorded({
      seq: 7,
      action: 'corrected',
      corrects: 4,
      changes: { effectiveOn: { from: '2010-10-01', to: '2010-10-05' } },
    }),
    recorded({ seq: 8, action: 'retracted', retracts: 6 }),
  ]);

  it("is each party's latest standing position, its day as corrected", () => {
    const stances = (day?: string) =>
      [...positionsOn(history, day)].map(([party, event]) => [party, event.stance, event.effectiveOn]);
    expect(stances()).toEqual([['nato', 'supports', '2010-11-20']]);
    expect(stances('2010-10-04')).toEqual([]);
    expect(stances('2010-10-05')).toEqual([['nato', 'undecided', '2010-10-05']]);
  });

  it("keys each party's positions as a kind of their own", () => {
    expect(standing(history).map((event) => event.kind)).toEqual([
      'state',
      'state',
      'state',
      'position:nato',
      'position:nato',
    ]);
  });
});

describe('standingBetween', () => {
  it('pairs each standing event of the window with the one of its kind it took over from', () => {
    const history = amendHistory([
      ...SUMMIT,
      recorded({ seq: 4, action: 'positioned', party: 'nato', stance: 'undecided', effectiveOn: '2010-10-05' }),
      recorded({ seq: 5, action: 'positioned', party: 'nato', stance: 'supports', effectiveOn: '2010-11-20' }),
      recorded({ seq: 6, action: 'retracted', retracts: 3 }),
    ]);
    expect(
      standingBetween(history, '2010-10-01', '2010-12-31').map(({ event, previous }) => [event.seq, previous?.seq]),
    ).toEqual([
      [2, 1],
      [4, undefined],
      [5, 4],
    ]);
  });
});
