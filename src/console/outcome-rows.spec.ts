import { changedRows, closestName, EMPTY_ROWS, readRows, rowsFromFile } from './outcome-rows.js';

describe('the outcome editor rows', () => {
  it('reads numbered rows in order, closing gaps, and ignores other fields', () => {
    const rows = readRows({
      'outcome-3-item': 'b',
      'outcome-1-item': 'a',
      'outcome-1-to': 'agreed',
      'position-2-party': 'russia',
      _csrf: 'x',
    });
    expect(rows.outcomes).toEqual([
      { item: 'a', to: 'agreed', reason: '', source: '' },
      { item: 'b', to: '', reason: '', source: '' },
    ]);
    expect(rows.positions).toEqual([{ item: '', party: 'russia', stance: '', statement: '', source: '' }]);
  });

  it('adds an empty row of either kind and removes a numbered one', () => {
    const added = changedRows(EMPTY_ROWS, 'add-outcome');
    expect(added?.outcomes).toHaveLength(2);
    expect(changedRows(EMPTY_ROWS, 'add-position')?.positions).toHaveLength(2);
    expect(changedRows(EMPTY_ROWS, 'remove-position-1')?.positions).toHaveLength(0);
    expect(changedRows(EMPTY_ROWS, 'dry-run')).toBeUndefined();
  });

  it("turns a file's entries into rows of text", () => {
    expect(
      rowsFromFile({ outcomes: [{ item: 'a', to: 'agreed', expectedVersion: 3 }, 'odd'], positions: undefined }),
    ).toEqual({
      outcomes: [
        { item: 'a', to: 'agreed', reason: '', source: '' },
        { item: '', to: '', reason: '', source: '' },
      ],
      positions: [],
    });
  });

  it('suggests the closest name for a slip, and nothing for a stranger', () => {
    const slugs = ['missile-defense-cooperation', 'cfe-treaty-update', 'joint-threat-review'];
    expect(closestName('missile-defence-cooperation', slugs)).toBe('missile-defense-cooperation');
    expect(closestName('CFE-treaty-updat', slugs)).toBe('cfe-treaty-update');
    expect(closestName('something-else-entirely', slugs)).toBeUndefined();
  });
});
