import {
  INITIAL_STATE,
  WORKFLOW,
  WORKFLOW_STATES,
  type TransitionRule,
  type WorkflowState,
} from './workflow.definition.js';

export type TransitionCheck =
  | { readonly ok: true; readonly rule: TransitionRule }
  | { readonly ok: false; readonly problem: 'not_allowed' | 'reason_required' };

export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value);
}

export function allowedTransitions(from: WorkflowState): readonly TransitionRule[] {
  return WORKFLOW[from].to;
}

export function isTerminal(state: WorkflowState): boolean {
  return WORKFLOW[state].to.length === 0;
}

// A reason made only of white space is no reason.
export function checkTransition(from: WorkflowState, to: WorkflowState, reason?: string | null): TransitionCheck {
  const rule = WORKFLOW[from].to.find((candidate) => candidate.to === to);
  if (!rule) {
    return { ok: false, problem: 'not_allowed' };
  }
  if (rule.requiresReason && !reason?.trim()) {
    return { ok: false, problem: 'reason_required' };
  }
  return { ok: true, rule };
}

export function emptyStateCounts(): Record<WorkflowState, number> {
  return Object.fromEntries(WORKFLOW_STATES.map((state) => [state, 0])) as Record<WorkflowState, number>;
}

export function describeWorkflow() {
  return {
    initial: INITIAL_STATE,
    states: WORKFLOW_STATES.map((name) => ({ name, label: WORKFLOW[name].label, terminal: isTerminal(name) })),
    transitions: WORKFLOW_STATES.flatMap((from) =>
      WORKFLOW[from].to.map((rule) => ({ from, to: rule.to, requiresReason: rule.requiresReason })),
    ),
  };
}
