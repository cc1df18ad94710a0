import { WORKFLOW, type WorkflowState } from '../../workflow/workflow.definition.js';

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

export function stateLabel(state: WorkflowState): string {
  return WORKFLOW[state].label;
}
