// The compliance report's numbers, in exact rational arithmetic: every average is a sum of integer
// scores over a count, so it is rounded from that fraction with integers alone, never from a float
// (a float mean of 1/8 or 13/40 can land a hair below the .5 and round the wrong way).

// A mean rounded to hundredths, as an integer number of hundredths (-100 to 100), half away from
// zero: 1/8 is 13 (+0.13), -1/8 is -13, 13/40 is 33, 1/200 is 1.
export function averageHundredths(sum: number, count: number): number {
  const magnitude = Math.floor((2 * 100 * Math.abs(sum) + count) / (2 * count));
  return sum < 0 ? -magnitude : magnitude;
}

// (mean + 1) / 2 × 100 = 50 (sum + count) / count, rounded half up to a whole number from the
// exact mean: 1/8 is 56 (56.25), 1/21 is 52 (52.38), -1/8 is 44 (43.75), 1/100 is 51 (50.5).
export function percentOf(sum: number, count: number): number {
  return Math.floor((100 * (sum + count) + count) / (2 * count));
}

export interface Tally {
  readonly average: number | null;
  readonly percent: number | null;
  readonly scored: number;
}

// The numeric scores of a row, a column or the whole matrix: `n/a` and empty cells are left out
// before this. Nothing scored: both null.
export function tally(scores: readonly number[]): Tally {
  const scored = scores.length;
  if (scored === 0) {
    return { average: null, percent: null, scored };
  }
  const sum = scores.reduce((total, score) => total + score, 0);
  // Hundredths over 100: the nearest double to a two-decimal number prints as that number.
  return { average: averageHundredths(sum, scored) / 100, percent: percentOf(sum, scored), scored };
}

// An average as the Research Groups write it: a sign, two decimals (+0.40, -0.13, 0.00).
export function signedAverage(average: number): string {
  const hundredths = Math.round(average * 100);
  const text = (Math.abs(hundredths) / 100).toFixed(2);
  return hundredths > 0 ? `+${text}` : hundredths < 0 ? `-${text}` : text;
}
