import { assessmentKey, checkAssessmentBatch } from './assessment-check.js';

const item = { id: 'i1', slug: 'joint-threat-review', proposedOn: '2010-09-22' };
const party = { id: 'p1', slug: 'russia' };
const context = {
  items: new Map([
    ['i1', item],
    ['joint-threat-review', item],
  ]),
  parties: new Map([['russia', party]]),
  standing: new Map([[assessmentKey('i1', 'russia'), { score: 1 as const, effectiveOn: '2011-06-30' }]]),
};

describe('checkAssessmentBatch', () => {
  it("checks each cell: known item and party, once per batch, not before the proposal or the party's standing score", () => {
    const { checked, failures } = checkAssessmentBatch(
      [
        { item: 'joint-threat-review', party: 'russia', score: 0 },
        { item: 'i1', party: 'russia', score: 1 },
        { item: 'nothing', party: 'russia', score: 1 },
        { item: 'i1', party: 'nobody', score: 1 },
      ],
      context,
      '2011-12-31',
    );
    expect(checked).toEqual([
      expect.objectContaining({ item, party, previous: { score: 1, effectiveOn: '2011-06-30' } }),
    ]);
    expect(failures.map(({ index, problem }) => [index, problem.kind])).toEqual([
      [1, 'duplicate_assessment'],
      [2, 'item_not_found'],
      [3, 'party_not_found'],
    ]);
  });

  it('refuses a day before the standing assessment, or before the item was proposed; the same day is in order', () => {
    const on = (day: string) =>
      checkAssessmentBatch([{ item: 'i1', party: 'russia', score: 0 }], context, day).failures.map(
        (failure) => failure.problem.kind,
      );
    expect(on('2011-06-29')).toEqual(['before_previous_assessment']);
    expect(on('2011-06-30')).toEqual([]);
    expect(
      checkAssessmentBatch(
        [{ item: 'i1', party: 'russia', score: 0 }],
        { ...context, standing: new Map() },
        '2010-09-21',
      ).failures[0]?.problem.kind,
    ).toBe('before_proposed');
  });
});
