// Services speak in domain error codes; only the problem mapper knows about HTTP.
export type DomainErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'too_many_attempts'
  | 'item_not_found'
  | 'meeting_not_found'
  | 'party_not_found'
  | 'token_not_found'
  | 'route_not_found'
  | 'slug_taken'
  | 'token_name_taken'
  | 'transition_not_allowed'
  | 'effective_date_before_state_since'
  | 'position_out_of_order'
  | 'outcomes_rejected'
  | 'meeting_not_held_yet'
  | 'version_mismatch'
  | 'precondition_required'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'not_acceptable'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_use'
  | 'database_busy'
  | 'target_not_empty';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    // Extra members of the problem answer, such as `errors` or `allowedTransitions`.
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(errors: readonly FieldError[], message = 'The request is not valid.'): DomainError {
    return new DomainError('validation_failed', message, { errors });
  }
}
