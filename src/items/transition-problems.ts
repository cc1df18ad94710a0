import { DomainError, type BatchFailure, type BatchFailureCode, type FieldError } from '../common/domain-error.js';
import { problemKind } from '../common/problem-details.js';
import type { BatchEntry, EntryFailure, EntryProblem } from '../workflow/batch-check.js';

// One transition refused: the problem as the item API and the seed answer it.
export function entryProblemError({ entry, problem }: EntryFailure): DomainError {
  switch (problem.kind) {
    case 'item_not_found':
      return new DomainError('item_not_found', problem.message, { item: entry.item });
    case 'duplicate_item':
      return DomainError.validation([{ field: 'item', message: problem.message }], problem.message);
    case 'version_mismatch':
      return new DomainError('version_mismatch', problem.message, { currentVersion: problem.currentVersion });
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

// A refused batch is one problem answer listing every failing entry. It is a 400 with the usual
// field errors when the request alone is at fault (duplicates, missing reasons), otherwise a 409.
export function batchRefused(failures: readonly EntryFailure[], total: number): DomainError {
  const views = failures.map(presentFailure);
  const detail = `${failures.length} of ${total} outcomes cannot be applied, so nothing was written; see failures.`;
  const fieldErrors = failures.map(fieldError);
  if (fieldErrors.every((error) => error !== undefined)) {
    return new DomainError('validation_failed', detail, { errors: fieldErrors, failures: views });
  }
  return new DomainError('outcomes_rejected', detail, { failures: views });
}

// Each entry's code; its status comes from the one problem table (problem-details.ts).
function failureCode(kind: EntryProblem['kind']): BatchFailureCode {
  switch (kind) {
    case 'item_not_found':
    case 'duplicate_item':
    case 'version_mismatch':
    case 'reason_required':
    case 'effective_date_before_state_since':
      return kind;
    case 'not_allowed':
      return 'transition_not_allowed';
  }
}

// Set when the failure is a pure input problem: the request's own field is wrong.
function inputField(kind: EntryProblem['kind']): keyof BatchEntry | undefined {
  switch (kind) {
    case 'duplicate_item':
      return 'item';
    case 'reason_required':
      return 'reason';
    case 'item_not_found':
    case 'version_mismatch':
    case 'not_allowed':
    case 'effective_date_before_state_since':
      return undefined;
  }
}

function presentFailure({ index, entry, problem }: EntryFailure): BatchFailure {
  const { kind, message, ...details } = problem;
  const code = failureCode(kind);
  return { index, item: entry.item, code, status: problemKind(code).status, message, ...details };
}

function fieldError({ index, problem }: EntryFailure): FieldError | undefined {
  const field = inputField(problem.kind);
  return field && { field: `outcomes.${index}.${field}`, message: problem.message };
}
