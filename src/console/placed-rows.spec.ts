import { placed } from './reports-pages.controller.js';

describe('placed', () => {
  it('puts a page of rows where they stand in a table of the whole length', () => {
    const table = placed(['c', 'd'], 2, 5);
    expect(table).toHaveLength(5);
    expect(table.slice(2, 4)).toEqual(['c', 'd']);
    expect(2 in table && 3 in table).toBe(true);
    expect(0 in table || 4 in table).toBe(false);
  });

  it('holds no rows for a page past the end', () => {
    expect(placed([], 300, 120).slice(300, 400)).toEqual([]);
  });
});
