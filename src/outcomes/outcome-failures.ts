import { DomainError, type FieldError } from '../common/domain-error.js';
import type { PositionEntryProblem, PositionFailure } from '../positions/position-check.js';
import type { EntryFailure, EntryProblem } from '../workflow/batch-check.js';
import type { OutcomeFailureView } from './outcomes.view.js';

interface FailureKind {
  readonly code: string;
  readonly status: number;
  // Set when the failure is a pure input problem: the request's own field is wrong.
  readonly field?: string;
}

const FAILURE_KINDS: Record<EntryProblem['kind'], FailureKind> = {
  item_not_found: { code: 'item_not_found', status: 404 },
  duplicate_item: { code: 'duplicate_item', status: 400, field: 'item' },
  version_mismatch: { code: 'version_mismatch', status: 412 },
  not_allowed: { code: 'transition_not_allowed', status: 409 },
  reason_required: { code: 'reason_required', status: 400, field: 'reason' },
  effective_date_before_state_since: { code: 'effective_date_before_state_since', status: 409 },
};

const POSITION_FAILURE_KINDS: Record<PositionEntryProblem['kind'], FailureKind> = {
  item_not_found: { code: 'item_not_found', status: 404 },
  party_not_found: { code: 'party_not_found', status: 404 },
  duplicate_position: { code: 'duplicate_position', status: 400, field: 'party' },
  before_proposed: { code: 'position_out_of_order', status: 409 },
  before_previous_position: { code: 'position_out_of_order', status: 409 },
};

// A refused batch is one problem answer listing every failing outcome and position (a position's
// failure names its party). It is a 400 with the usual field errors when the request alone is at
// fault (duplicates, missing reasons), otherwise a 409.
export function outcomesRefused(
  failures: readonly EntryFailure[],
  positionFailures: readonly PositionFailure[],
  total: number,
): DomainError {
  const views = [...failures.map(presentFailure), ...positionFailures.map(presentPositionFailure)];
  const detail = `${views.length} of ${total} outcomes and positions cannot be applied, so nothing was written; see failures.`;
  const fieldErrors = [
    ...failures.map(({ index, problem }) =>
      fieldError('outcomes', index, FAILURE_KINDS[problem.kind], problem.message),
    ),
    ...positionFailures.map(({ index, problem }) =>
      fieldError('positions', index, POSITION_FAILURE_KINDS[problem.kind], problem.message),
    ),
  ];
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

function presentPositionFailure({ index, entry, problem }: PositionFailure): OutcomeFailureView {
  const { kind, message, ...details } = problem;
  const { code, status } = POSITION_FAILURE_KINDS[kind];
  return { index, item: entry.item, party: entry.party, code, status, message, ...details };
}

function fieldError(list: string, index: number, kind: FailureKind, message: string): FieldError | undefined {
  return kind.field === undefined ? undefined : { field: `${list}.${index}.${kind.field}`, message };
}
