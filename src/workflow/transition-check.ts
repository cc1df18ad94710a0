import type { WorkflowState } from './workflow.definition.js';
import { allowedTransitions, checkTransition } from './workflow.machine.js';

export interface ItemPosition {
  readonly state: WorkflowState;
  readonly stateSince: string;
}

export interface TransitionRequest {
  readonly to: WorkflowState;
  readonly reason?: string | null;
  readonly effectiveOn: string;
}

export type TransitionProblem =
  | {
      readonly kind: 'not_allowed';
      readonly message: string;
      readonly allowedTransitions: { to: WorkflowState; requiresReason: boolean }[];
    }
  | { readonly kind: 'reason_required'; readonly message: string }
  | { readonly kind: 'effective_date_before_state_since'; readonly message: string };

// A reason made only of white space is no reason. The one place reasons are normalised: the item
// API, outcome batches and the seed all go through the transition preparer, which calls this.
export function normaliseReason(reason: string | null | undefined): string | null {
  return reason?.trim() ? reason : null;
}

// Everything that decides whether one item may move: the workflow, the reason rule, and the rule
// that an item's timeline only moves forward. Pure, so a batch can check every item before writing.
export function checkItemTransition(item: ItemPosition, request: TransitionRequest): TransitionProblem | undefined {
  const check = checkTransition(item.state, request.to, request.reason);
  if (!check.ok && check.problem === 'not_allowed') {
    return {
      kind: 'not_allowed',
      message: `An item in state ${item.state} cannot move to ${request.to}.`,
      allowedTransitions: allowedTransitions(item.state).map(({ to, requiresReason }) => ({ to, requiresReason })),
    };
  }
  if (!check.ok) {
    return { kind: 'reason_required', message: `Moving from ${item.state} to ${request.to} needs a reason.` };
  }
  if (request.effectiveOn < item.stateSince) {
    return {
      kind: 'effective_date_before_state_since',
      message: `The effective date ${request.effectiveOn} is earlier than the item's last change on ${item.stateSince}.`,
    };
  }
  return undefined;
}
