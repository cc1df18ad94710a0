import { checkPosition, checkPositionBatch, positionKey, type StandingPosition } from './position-check.js';

const item = { id: 'i1', slug: 'radar-linking', proposedOn: '2010-09-22' };
const other = { id: 'i2', slug: 'cfe-update', proposedOn: '2010-09-22' };
const russia = { id: 'p1', slug: 'russia' };
const nato = { id: 'p2', slug: 'nato' };

describe('checkPosition', () => {
  it('accepts a first position from the day the item was proposed', () => {
    expect(checkPosition(item, russia, undefined, '2010-09-22')).toBeUndefined();
  });

  it('refuses a day before the item was proposed', () => {
    expect(checkPosition(item, russia, undefined, '2010-09-21')).toMatchObject({ kind: 'before_proposed' });
  });

  it("refuses a day before the party's previous position, and accepts the same day or later", () => {
    const previous: StandingPosition = { stance: 'supports', effectiveOn: '2010-10-10' };
    expect(checkPosition(item, russia, previous, '2010-10-09')).toMatchObject({
      kind: 'before_previous_position',
      message: expect.stringContaining('2010-10-10'),
    });
    expect(checkPosition(item, russia, previous, '2010-10-10')).toBeUndefined();
    expect(checkPosition(item, russia, previous, '2010-11-20')).toBeUndefined();
  });
});

describe('checkPositionBatch', () => {
  const context = {
    items: new Map([
      [item.id, item],
      [item.slug, item],
      [other.slug, other],
    ]),
    parties: new Map([
      [russia.slug, russia],
      [nato.id, nato],
    ]),
    standing: new Map([
      [positionKey(other.id, russia.slug), { stance: 'opposes' as const, effectiveOn: '2010-12-01' }],
    ]),
  };

  it('passes every valid position with its standing one', () => {
    const result = checkPositionBatch(
      [
        { item: item.slug, party: 'russia', stance: 'supports' as const },
        { item: item.id, party: nato.id, stance: 'opposes' as const },
      ],
      context,
      '2010-11-20',
    );
    expect(result.failures).toEqual([]);
    expect(result.checked.map(({ item: one, party, previous }) => [one.slug, party.slug, previous])).toEqual([
      ['radar-linking', 'russia', undefined],
      ['radar-linking', 'nato', undefined],
    ]);
  });

  it('lists every failure: unknown item or party, a party named twice for an item (by slug or id), out of order', () => {
    const result = checkPositionBatch(
      [
        { item: 'nothing', party: 'russia', stance: 'supports' as const },
        { item: item.slug, party: 'atlantis', stance: 'supports' as const },
        { item: item.slug, party: 'russia', stance: 'supports' as const },
        { item: item.id, party: 'russia', stance: 'opposes' as const },
        { item: other.slug, party: 'russia', stance: 'supports' as const },
      ],
      context,
      '2010-11-20',
    );
    expect(result.failures.map(({ index, problem }) => [index, problem.kind])).toEqual([
      [0, 'item_not_found'],
      [1, 'party_not_found'],
      [3, 'duplicate_position'],
      [4, 'before_previous_position'],
    ]);
    expect(result.failures[2]?.problem).toMatchObject({ firstIndex: 2 });
    expect(result.checked).toHaveLength(1);
  });
});
