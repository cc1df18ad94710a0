import type { WorkflowState } from '../workflow/workflow.definition.js';
import { emptyStateCounts } from '../workflow/workflow.machine.js';
import type { StateCounts } from './status-report.view.js';

export function countByState(items: ReadonlyArray<{ readonly state: WorkflowState }>): StateCounts {
  const counts = emptyStateCounts();
  for (const item of items) {
    counts[item.state] += 1;
  }
  return counts;
}
