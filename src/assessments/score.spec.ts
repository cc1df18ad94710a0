import { isScore, parseScoreCell, readScore, scoreText, storedScore } from './score.js';

describe('scores', () => {
  it('reads a matrix cell: the four scores, +1 for 1, empty for nothing, anything else refused', () => {
    expect(['1', '+1', ' 0 ', '-1', 'n/a', '', '  '].map(parseScoreCell)).toEqual([
      1,
      1,
      0,
      -1,
      'n/a',
      undefined,
      undefined,
    ]);
    expect(['2', '-0', '+0', 'N/A', 'na', '1.0', 'yes', '--1'].map(parseScoreCell)).toEqual(Array(8).fill(null));
  });

  it('stores each score as text and reads it back; writes +1 with its sign', () => {
    for (const score of [1, 0, -1, 'n/a'] as const) {
      expect(readScore(storedScore(score))).toBe(score);
    }
    expect(readScore(null)).toBeNull();
    expect(readScore('2')).toBeNull();
    expect([1, 0, -1, 'n/a'].map((score) => scoreText(score as 1))).toEqual(['+1', '0', '-1', 'n/a']);
    expect([1, 0, -1, 'n/a', '1', 2, null].map(isScore)).toEqual([true, true, true, true, false, false, false]);
  });
});
