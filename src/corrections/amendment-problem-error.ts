import { DomainError, type DomainErrorCode } from '../common/domain-error.js';
import type { AmendmentProblem } from './amendment-rules.js';

// Each refusal of the rules is a domain error code; its status comes from the one problem table.
export function amendmentErrorCode(problem: AmendmentProblem): DomainErrorCode {
  switch (problem.kind) {
    case 'event_not_found':
      return 'event_not_found';
    case 'event_not_amendable':
      return 'event_not_amendable';
    case 'nothing_to_correct':
      return 'validation_failed';
    case 'correction_out_of_order':
      return 'correction_out_of_order';
    case 'retraction_not_latest':
      return 'retraction_not_latest';
  }
}

export function amendmentError(problem: AmendmentProblem): DomainError {
  const { kind, message, ...extensions } = problem;
  if (kind === 'nothing_to_correct') {
    return DomainError.validation([{ field: 'body', message }], message);
  }
  return new DomainError(amendmentErrorCode(problem), message, extensions);
}
