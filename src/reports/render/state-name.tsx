import type { WorkflowState } from '../../workflow/workflow.definition.js';
import { stateColour, stateLabel } from './state-style.js';

// A state's label with its chart colour.
export function StateName({ state }: { readonly state: WorkflowState }) {
  return (
    <span class="state">
      <span class="swatch" style={`background: ${stateColour(state)}`} />
      {stateLabel(state)}
    </span>
  );
}
