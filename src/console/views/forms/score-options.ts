// The four scores as a drop-down offers them (an assessment's, and a correction's of one).
export const SCORE_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ['1', '+1 full compliance'],
  ['0', '0 partial compliance'],
  ['-1', '-1 no compliance, or action against it'],
  ['n/a', 'n/a not applicable'],
];
