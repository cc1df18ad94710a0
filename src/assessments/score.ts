// A compliance score as the G7/G20 Research Groups give it: full (1), partial (0), none or action
// against the commitment (-1), or not applicable (the party is not bound by it).
export const SCORES = [1, 0, -1, 'n/a'] as const;
export type Score = (typeof SCORES)[number];

export function isScore(value: unknown): value is Score {
  return (SCORES as readonly unknown[]).includes(value);
}

// As stored in history_events.score (text, so that `n/a` fits beside the numbers).
export function storedScore(score: Score): string {
  return String(score);
}

export function readScore(stored: string | null | undefined): Score | null {
  if (stored === null || stored === undefined) {
    return null;
  }
  const score = stored === 'n/a' ? stored : Number(stored);
  return isScore(score) ? score : null;
}

// A cell of the published score matrix: `1`, `+1`, `0`, `-1`, `n/a`, or empty (undefined: nothing
// recorded). Anything else is null: not a score.
export function parseScoreCell(cell: string): Score | null | undefined {
  const text = cell.trim();
  if (text === '') {
    return undefined;
  }
  const score = text === 'n/a' ? text : text === '+1' ? 1 : /^(?:-1|0|1)$/.test(text) ? Number(text) : null;
  return isScore(score) ? score : null;
}

// A score written as the matrix writes it: `+1`, `0`, `-1`, `n/a`.
export function scoreText(score: Score): string {
  return score === 1 ? '+1' : String(score);
}
