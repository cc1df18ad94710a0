import type { WorkflowState } from '../workflow/workflow.definition.js';
import type { StateCounts } from './status-report.view.js';

export interface StateChange {
  // Null when the item comes into being (its created event).
  readonly fromState: WorkflowState | null;
  readonly toState: WorkflowState;
  readonly effectiveOn: string;
}

export interface TimelinePoint {
  readonly day: string;
  readonly counts: StateCounts;
}

export interface CountsTimeline {
  readonly points: TimelinePoint[];
  readonly countsAfter: StateCounts;
}

// Replays the changes of a window, in effect order, on the counts of the day before it: one point
// at the end of each day that had a change, and the counts at the end of the window.
export function countsTimeline(countsBefore: StateCounts, changes: readonly StateChange[]): CountsTimeline {
  const counts = { ...countsBefore };
  const points: TimelinePoint[] = [];
  changes.forEach((change, index) => {
    if (change.fromState) {
      counts[change.fromState] -= 1;
    }
    counts[change.toState] += 1;
    if (changes[index + 1]?.effectiveOn !== change.effectiveOn) {
      points.push({ day: change.effectiveOn, counts: { ...counts } });
    }
  });
  return { points, countsAfter: counts };
}
