import { averageHundredths, percentOf, signedAverage, tally } from './compliance-arithmetic.js';

describe('compliance arithmetic', () => {
  // Hand-worked: mean, its average rounded half away from zero, and (mean + 1) / 2 × 100 half up.
  it.each([
    // 1/8 = 0.125: average +0.13 (half away), percent 56.25 -> 56
    [[1, 0, 0, 0, 0, 0, 0, 0], 0.13, 56],
    // -1/8 = -0.125: average -0.13 (half away from zero, not towards it), percent 43.75 -> 44
    [[-1, 0, 0, 0, 0, 0, 0, 0], -0.13, 44],
    // 1/21 = 0.0476…: +0.05, percent 52.38 -> 52 (from the exact mean, not from 0.05 -> 52.5 -> 53)
    [[1, ...Array<number>(20).fill(0)], 0.05, 52],
    // 13/40 = 0.325: +0.33, percent 66.25 -> 66
    [[...Array<number>(13).fill(1), ...Array<number>(27).fill(0)], 0.33, 66],
    // 1/200 = 0.005: +0.01 (a tie at the second decimal), percent 50.25 -> 50
    [[1, ...Array<number>(199).fill(0)], 0.01, 50],
    // -1/200 = -0.005: -0.01, percent 49.75 -> 50
    [[-1, ...Array<number>(199).fill(0)], -0.01, 50],
    // 1/100 = 0.01: percent 50.5, a tie, half up -> 51
    [[1, ...Array<number>(99).fill(0)], 0.01, 51],
    // -1/100: percent 49.5 -> 50 (half up, towards +infinity)
    [[-1, ...Array<number>(99).fill(0)], -0.01, 50],
    // 0.4 = 2/5: +0.40, 70%
    [[1, 1, 0, 0, 0], 0.4, 70],
    [[1, 1, 1], 1, 100],
    [[-1, -1], -1, 0],
    [[1, -1], 0, 50],
  ])('%j averages %d, %d%%', (scores, average, percent) => {
    expect(tally(scores)).toEqual({ average, percent, scored: scores.length });
  });

  it('leaves both null when nothing is scored', () => {
    expect(tally([])).toEqual({ average: null, percent: null, scored: 0 });
  });

  it('rounds in integers from the exact fraction', () => {
    expect(averageHundredths(1, 8)).toBe(13);
    expect(averageHundredths(-1, 8)).toBe(-13);
    expect(averageHundredths(0, 3)).toBe(0);
    expect(averageHundredths(2, 3)).toBe(67);
    expect(averageHundredths(-2, 3)).toBe(-67);
    expect(percentOf(1, 21)).toBe(52);
    expect(percentOf(7, 20)).toBe(68); // 0.35 -> 67.5 -> 68
    expect(percentOf(-7, 20)).toBe(33); // -0.35 -> 32.5 -> 33
  });

  it('writes an average with its sign and two decimals', () => {
    expect(signedAverage(0.4)).toBe('+0.40');
    expect(signedAverage(-0.13)).toBe('-0.13');
    expect(signedAverage(0)).toBe('0.00');
    expect(signedAverage(1)).toBe('+1.00');
    expect(signedAverage(0.05)).toBe('+0.05');
  });
});
