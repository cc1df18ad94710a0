// The default workflow of ../shared/API.md as plain data: states, then the moves out of each.
export const WORKFLOW_STATES = [
  'proposed',
  'under_discussion',
  'agreed',
  'rejected',
  'deferred',
  'implemented',
  'withdrawn',
] as const;

export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export interface TransitionRule {
  readonly to: WorkflowState;
  readonly requiresReason: boolean;
}

export interface StateDefinition {
  readonly label: string;
  readonly to: readonly TransitionRule[];
}

export const INITIAL_STATE: WorkflowState = 'proposed';

export const WORKFLOW: Readonly<Record<WorkflowState, StateDefinition>> = {
  proposed: {
    label: 'Proposed',
    to: [
      { to: 'under_discussion', requiresReason: false },
      { to: 'agreed', requiresReason: false },
      { to: 'rejected', requiresReason: true },
      { to: 'deferred', requiresReason: true },
      { to: 'withdrawn', requiresReason: true },
    ],
  },
  under_discussion: {
    label: 'Under discussion',
    to: [
      { to: 'agreed', requiresReason: false },
      { to: 'rejected', requiresReason: true },
      { to: 'deferred', requiresReason: true },
      { to: 'withdrawn', requiresReason: true },
    ],
  },
  deferred: {
    label: 'Deferred',
    to: [
      { to: 'under_discussion', requiresReason: false },
      { to: 'rejected', requiresReason: true },
      { to: 'withdrawn', requiresReason: true },
    ],
  },
  agreed: {
    label: 'Agreed',
    to: [
      { to: 'implemented', requiresReason: false },
      // Renegotiation: going back needs an explanation.
      { to: 'under_discussion', requiresReason: true },
    ],
  },
  rejected: {
    label: 'Rejected',
    // Reopened.
    to: [{ to: 'proposed', requiresReason: true }],
  },
  implemented: { label: 'Implemented', to: [] },
  withdrawn: { label: 'Withdrawn', to: [] },
};
