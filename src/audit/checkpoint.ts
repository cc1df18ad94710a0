import type { HistoryHead } from '../history/history.repository.js';

// A head published outside the database: the hash of the newest event and how many events there were.
export interface Checkpoint {
  readonly hash: string;
  readonly events: number;
}

const ONE_CHECKPOINT = '[0-9a-f]{64}:[1-9][0-9]{0,14}';

// One checkpoint `<hash>:<count>`, or several separated by commas.
export const CHECKPOINTS_PATTERN = new RegExp(`^${ONE_CHECKPOINT}(,${ONE_CHECKPOINT})*$`);

// Input already checked against CHECKPOINTS_PATTERN; oldest first, the order the audit meets them.
export function parseCheckpoints(text: string): Checkpoint[] {
  return text
    .split(',')
    .map((part) => {
      const [hash, events] = part.split(':');
      return { hash, events: Number(events) };
    })
    .sort((a, b) => a.events - b.events);
}

export function formatCheckpoint(head: HistoryHead | Checkpoint): string {
  return `${head.hash}:${head.events}`;
}
