import type { VNode } from 'preact';
import { WORKFLOW_STATES, type WorkflowState } from '../../workflow/workflow.definition.js';
import { precompiled } from './precompiled.js';
import { stateLabel } from './state-style.js';

// A state's label with its chart colour (the swatch's class, STATE_SWATCH_CSS). Built once per state and called, not mounted as a
// component: a report names a state on every row.
const STATE_NAMES = Object.fromEntries(
  WORKFLOW_STATES.map((state) => [
    state,
    precompiled(
      <span class="state">
        <span class={`swatch ${state}`} />
        {stateLabel(state)}
      </span>,
    ),
  ]),
) as Readonly<Record<WorkflowState, VNode>>;

export function stateName(state: WorkflowState): VNode {
  return STATE_NAMES[state];
}
