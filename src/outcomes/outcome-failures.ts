import { DomainError, type FieldError } from '../common/domain-error.js';
import type { BatchEntry, EntryFailure, EntryProblem } from '../workflow/batch-check.js';
import type { OutcomeFailureView } from './outcomes.view.js';

interface FailureKind {
  readonly code: string;
  readonly status: number;
  // Set when the failure is a pure input problem: the request's own field is wrong.
  readonly field?: keyof BatchEntry;
}

const FAILURE_KINDS: Record<EntryProblem['kind'], FailureKind> = {
  item_not_found: { code: 'item_not_found', status: 404 },
  duplicate_item: { code: 'duplicate_item', status: 400, field: 'item' },
  version_mismatch: { code: 'version_mismatch', status: 412 },
  not_allowed: { code: 'transition_not_allowed', status: 409 },
  reason_required: { code: 'reason_required', status: 400, field: 'reason' },
  effective_date_before_state_since: { code: 'effective_date_before_state_since', status: 409 },
};

// A refused batch is one problem answer listing every failing outcome. It is a 400 with the usual
// field errors when the request alone is at fault (duplicates, missing reasons), otherwise a 409.
export function outcomesRefused(failures: readonly EntryFailure[], total: number): DomainError {
  const views = failures.map(presentFailure);
  const detail = `${failures.length} of ${total} outcomes cannot be applied, so nothing was written; see failures.`;
  const fieldErrors = failures.map(fieldError);
  if (fieldErrors.every((error) => error !== undefined)) {
    return new DomainError('validation_failed', detail, { errors: fieldErrors, failures: views });
  }
  return new DomainError('outcomes_rejected', detail, { failures: views });
}

function presentFailure({ index, entry, problem }: EntryFailure): OutcomeFailureView {
  const { kind, message, ...details } = problem;
  const { code, status } = FAILURE_KINDS[kind];
  return { index, item: entry.item, code, status, message, ...details };
}

function fieldError({ index, problem }: EntryFailure): FieldError | undefined {
  const { field } = FAILURE_KINDS[problem.kind];
  return field && { field: `outcomes.${index}.${field}`, message: problem.message };
}
