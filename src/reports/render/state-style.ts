import { WORKFLOW, WORKFLOW_STATES, type WorkflowState } from '../../workflow/workflow.definition.js';

// One colour per state, the same in every chart and legend; dark enough to print in grey.
const STATE_COLOURS: Readonly<Record<WorkflowState, string>> = {
  proposed: '#64748b',
  under_discussion: '#2563eb',
  agreed: '#16a34a',
  rejected: '#dc2626',
  deferred: '#d97706',
  implemented: '#7c3aed',
  withdrawn: '#78350f',
};

export function stateColour(state: WorkflowState): string {
  return STATE_COLOURS[state];
}

// Each state's swatch colour, for the report page's stylesheet: a class per row instead of a style
// attribute.
export const STATE_SWATCH_CSS = WORKFLOW_STATES.map(
  (state) => `.swatch.${state} { background: ${STATE_COLOURS[state]}; }`,
).join(' ');

export function stateLabel(state: WorkflowState): string {
  return WORKFLOW[state].label;
}
