import { checkBatch, type BatchItem } from './batch-check.js';

describe('checkBatch', () => {
  const radar: BatchItem = { id: 'id-radar', slug: 'radar', state: 'proposed', stateSince: '2010-09-22', version: 1 };
  const cfe: BatchItem = { id: 'id-cfe', slug: 'cfe', state: 'deferred', stateSince: '2010-11-21', version: 4 };
  const items = new Map<string, BatchItem>([
    [radar.id, radar],
    [radar.slug, radar],
    [cfe.id, cfe],
    [cfe.slug, cfe],
  ]);

  it('accepts a batch whose every entry is allowed and returns the moves in order', () => {
    const check = checkBatch(
      [
        { item: 'radar', to: 'agreed', reason: null },
        { item: 'id-cfe', to: 'under_discussion', reason: null, expectedVersion: 4 },
      ],
      items,
      '2010-11-21',
    );
    expect(check.ok && check.moves.map((move) => move.item.slug)).toEqual(['radar', 'cfe']);
  });

  it('names every failing entry with its own problem', () => {
    const check = checkBatch(
      [
        { item: 'radar', to: 'agreed', reason: null },
        { item: 'nothing', to: 'agreed', reason: null },
        { item: 'id-radar', to: 'agreed', reason: null },
        { item: 'cfe', to: 'implemented', reason: null },
      ],
      new Map([...items, ['cfe', { ...cfe, stateSince: '2010-01-01' }]]),
      '2010-11-20',
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && check.failures.map((failure) => [failure.index, failure.problem.kind])).toEqual([
      [1, 'item_not_found'],
      [2, 'duplicate_item'],
      [3, 'not_allowed'],
    ]);
  });

  it('refuses a missing reason, a stale version and a date before the last change', () => {
    const check = checkBatch(
      [
        { item: 'radar', to: 'rejected', reason: null },
        { item: 'cfe', to: 'under_discussion', reason: null, expectedVersion: 3 },
      ],
      items,
      '2010-11-20',
    );
    expect(!check.ok && check.failures.map((failure) => failure.problem.kind)).toEqual([
      'reason_required',
      'version_mismatch',
    ]);
    const early = checkBatch([{ item: 'cfe', to: 'under_discussion', reason: null }], items, '2010-11-20');
    expect(!early.ok && early.failures[0].problem.kind).toBe('effective_date_before_state_since');
  });
});
