import { DomainError } from '../common/domain-error.js';
import type { TransitionProblem } from '../workflow/transition-check.js';

export function transitionProblemError(problem: TransitionProblem): DomainError {
  switch (problem.kind) {
    case 'not_allowed':
      return new DomainError('transition_not_allowed', problem.message, {
        allowedTransitions: problem.allowedTransitions,
      });
    case 'reason_required':
      return DomainError.validation([{ field: 'reason', message: problem.message }], problem.message);
    case 'effective_date_before_state_since':
      return new DomainError('effective_date_before_state_since', problem.message);
  }
}
