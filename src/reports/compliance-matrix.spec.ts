import type { Score } from '../assessments/score.js';
import { compareCompliance, complianceMatrix, type ComplianceRow } from './compliance-matrix.js';
import type { ComplianceReport } from './compliance-report.view.js';

function row(slug: string, cells: Record<string, Score>): ComplianceRow {
  return {
    slug,
    title: slug,
    cells: new Map(Object.entries(cells).map(([party, score]) => [party, { score, since: '2011-06-30' }])),
  };
}

function report(rows: ComplianceRow[], parties?: string[]): ComplianceReport {
  return {
    asOf: '2011-06-30',
    knownAt: null,
    category: null,
    proposedBy: null,
    head: { hash: '0'.repeat(64), events: 0 },
    ...complianceMatrix(rows, parties),
  };
}

describe('the compliance matrix', () => {
  it('leaves n/a and empty cells out of every average, by row, by column and overall', () => {
    const matrix = complianceMatrix([row('b-item', { x: 1, y: 'n/a' }), row('a-item', { x: -1, y: 0, z: 1 })]);
    expect(matrix.parties).toEqual(['x', 'y', 'z']);
    expect(matrix.items.map((item) => [item.slug, item.average, item.percent, item.scored])).toEqual([
      ['a-item', 0, 50, 3],
      ['b-item', 1, 100, 1],
    ]);
    expect(matrix.items[1].scores.z).toBeNull();
    expect(matrix.members).toEqual([
      { party: 'x', average: 0, percent: 50, scored: 2 },
      { party: 'y', average: 0, percent: 50, scored: 1 },
      { party: 'z', average: 1, percent: 100, scored: 1 },
    ]);
    // 1 over 4 numeric cells: +0.25, 62.5% -> 63.
    expect(matrix.overall).toEqual({ average: 0.25, percent: 63, scored: 4 });
  });

  it('keeps the chosen columns in their order, and lists only the rows with a score in them', () => {
    const matrix = complianceMatrix([row('one', { x: 1 }), row('two', { y: 0 })], ['y']);
    expect(matrix.parties).toEqual(['y']);
    expect(matrix.items.map((item) => item.slug)).toEqual(['two']);
    expect(matrix.members).toEqual([{ party: 'y', average: 0, percent: 50, scored: 1 }]);
  });

  it('names exactly the cells that moved since an edition, with each figure beside the edition', () => {
    const before = report([row('one', { x: 0, y: 1 }), row('two', { x: -1 })]);
    const now = report([row('one', { x: 1, y: 1 }), row('three', { x: 'n/a' })]);
    const compared = compareCompliance(now, before, 'interim');
    expect(compared.compareTo).toBe('interim');
    expect(compared.changes).toEqual([
      { item: 'one', party: 'x', from: 0, to: 1 },
      { item: 'three', party: 'x', from: null, to: 'n/a' },
      { item: 'two', party: 'x', from: -1, to: null },
    ]);
    expect(compared.items[0].previous).toEqual({ average: 0.5, percent: 75 });
    expect(compared.items[1].previous).toEqual({ average: null, percent: null });
    expect(compared.overall.previous).toEqual({ average: 0, percent: 50 });
  });
});
