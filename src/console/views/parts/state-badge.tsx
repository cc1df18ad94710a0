import { stateLabel } from '../../../reports/render/state-style.js';
import type { WorkflowState } from '../../../workflow/workflow.definition.js';

export function StateBadge({ state }: { readonly state: WorkflowState | null }) {
  if (!state) {
    return <span>—</span>;
  }
  return <span class={`state state-${state}`}>{stateLabel(state)}</span>;
}
