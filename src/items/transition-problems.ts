import { DomainError, type BatchFailure, type BatchFailureCode, type FieldError } from '../common/domain-error.js';
import { problemKind } from '../common/problem-details.js';
import type { PositionEntryProblem, PositionFailure } from '../positions/position-check.js';
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

// One position refused: the problem as the item API and the seed answer it.
export function positionProblemError({ entry, problem }: PositionFailure): DomainError {
  switch (problem.kind) {
    case 'item_not_found':
      return new DomainError('item_not_found', problem.message, { item: entry.item });
    case 'party_not_found':
      return new DomainError('party_not_found', problem.message, { party: entry.party });
    case 'duplicate_position':
      return DomainError.validation([{ field: 'party', message: problem.message }], problem.message);
    case 'before_proposed':
      return new DomainError('position_out_of_order', problem.message, {
        party: entry.party,
        proposedOn: problem.proposedOn,
      });
    case 'before_previous_position':
      return new DomainError('position_out_of_order', problem.message, {
        party: entry.party,
        previousPositionOn: problem.previousPositionOn,
      });
  }
}

// A refused batch is one problem answer listing every failing entry, outcomes then positions (a
// position's failure names its party). It is a 400 with the usual field errors when the request
// alone is at fault (duplicates, missing reasons), otherwise a 409.
export function batchRefused(
  failures: readonly EntryFailure[],
  outcomes: number,
  positionFailures: readonly PositionFailure[] = [],
  positions = 0,
): DomainError {
  const views = [...failures.map(presentFailure), ...positionFailures.map(presentPositionFailure)];
  const entries = positions > 0 ? `${outcomes + positions} outcomes and positions` : `${outcomes} outcomes`;
  const detail = `${views.length} of ${entries} cannot be applied, so nothing was written; see failures.`;
  const fieldErrors = [...failures.map(fieldError), ...positionFailures.map(positionFieldError)];
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

function positionFailureCode(kind: PositionEntryProblem['kind']): BatchFailureCode {
  switch (kind) {
    case 'item_not_found':
    case 'party_not_found':
    case 'duplicate_position':
      return kind;
    case 'before_proposed':
    case 'before_previous_position':
      return 'position_out_of_order';
  }
}

function presentPositionFailure({ index, entry, problem }: PositionFailure): BatchFailure {
  const code = positionFailureCode(problem.kind);
  const failure = { index, item: entry.item, party: entry.party, code, status: problemKind(code).status };
  return problem.kind === 'duplicate_position'
    ? { ...failure, message: problem.message, firstIndex: problem.firstIndex }
    : { ...failure, message: problem.message };
}

function positionFieldError({ index, problem }: PositionFailure): FieldError | undefined {
  return problem.kind === 'duplicate_position'
    ? { field: `positions.${index}.party`, message: problem.message }
    : undefined;
}
