import { applyChanges } from './item-description.js';

describe('applyChanges', () => {
  it('starts from a created event and applies later field diffs, ignoring other fields', () => {
    const created = applyChanges(undefined, {
      slug: { from: null, to: 'radar' },
      title: { from: null, to: 'Link radars' },
      category: { from: null, to: 'missile-defense' },
      proposedBy: { from: null, to: 'United States' },
      state: { from: null, to: 'proposed' },
    });
    expect(created).toEqual({
      slug: 'radar',
      title: 'Link radars',
      category: 'missile-defense',
      proposedBy: 'United States',
    });
    const updated = applyChanges(created, {
      title: { from: 'Link radars', to: 'Link early-warning radars' },
      summary: { from: 'a', to: 'b' },
    });
    expect(updated).toEqual({
      slug: 'radar',
      title: 'Link early-warning radars',
      category: 'missile-defense',
      proposedBy: 'United States',
    });
    expect(created.title).toBe('Link radars');
  });
});
