// Services speak in domain error codes; only the problem mapper knows about HTTP.

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

// One failing entry of a batch (a meeting's outcomes), as listed in the refusal.
export interface BatchFailure {
  // Position of the entry in the request, from 0.
  readonly index: number;
  // The item as the request named it.
  readonly item: string;
  // On a position's failure: the party as the request named it (its index is then in positions).
  readonly party?: string;
  readonly code: BatchFailureCode;
  // The status this entry alone would have had.
  readonly status: number;
  readonly message: string;
  readonly allowedTransitions?: readonly { readonly to: string; readonly requiresReason: boolean }[];
  readonly currentVersion?: number;
  readonly firstIndex?: number;
}

// One failing entry of an assessments batch: the cell (item and party as the request named them)
// and, for the score-matrix CSV, its line.
export interface AssessmentBatchFailure {
  readonly index: number;
  readonly item: string;
  readonly party: string;
  readonly line?: number;
  readonly code: Extract<
    DomainErrorCode,
    'item_not_found' | 'party_not_found' | 'duplicate_assessment' | 'assessment_out_of_order' | 'invalid_score'
  >;
  readonly status: number;
  readonly detail: string;
}

// One event of a batch that cannot be retracted, as listed in the refusal.
export interface RetractionFailure {
  // The item's slug.
  readonly item: string;
  // The batch event's seq in its item history.
  readonly seq: number;
  readonly code: Extract<DomainErrorCode, 'event_not_amendable' | 'retraction_not_latest'>;
  readonly status: number;
  readonly message: string;
  readonly laterEvents?: readonly number[];
}

interface RetryLater {
  // Sent as the Retry-After header, not in the body.
  readonly retryAfterSeconds: number;
}

type NoExtensions = Record<never, never>;

interface Challenge {
  // Sent as the WWW-Authenticate header, not in the body.
  readonly wwwAuthenticate: string;
}

// The extra members of each code's problem answer. Adding a code means saying what it carries
// here and its status in problem-details.ts; neither compiles without the other.
export interface ProblemExtensions {
  validation_failed: { readonly errors?: readonly FieldError[]; readonly failures?: readonly BatchFailure[] };
  unauthenticated: Challenge;
  forbidden: NoExtensions;
  too_many_attempts: RetryLater;
  item_not_found: { readonly item: string };
  meeting_not_found: { readonly meeting: string };
  party_not_found: { readonly party: string };
  token_not_found: { readonly name: string };
  account_not_found: { readonly username: string };
  route_not_found: NoExtensions;
  slug_taken: { readonly slug: string };
  token_name_taken: { readonly name: string };
  account_name_taken: { readonly username: string };
  last_admin_token: { readonly name: string };
  transition_not_allowed: { readonly allowedTransitions: BatchFailure['allowedTransitions'] };
  effective_date_before_state_since: NoExtensions;
  // A party's position dated before the item was proposed, or before its previous one on the item.
  position_out_of_order: {
    readonly party?: string;
    readonly proposedOn?: string;
    readonly previousPositionOn?: string;
  };
  outcomes_rejected: { readonly failures: readonly BatchFailure[]; readonly errors?: readonly FieldError[] };
  meeting_not_held_yet: { readonly meeting: string; readonly heldOn: string };
  version_mismatch: { readonly currentVersion?: number; readonly item?: string };
  precondition_required: NoExtensions;
  payload_too_large: NoExtensions;
  unsupported_media_type: NoExtensions;
  not_acceptable: { readonly available: readonly string[] };
  idempotency_key_reused: NoExtensions;
  idempotency_key_in_use: RetryLater;
  idempotent_answer_too_large: { readonly limit: number };
  database_busy: RetryLater;
  report_queue_full: RetryLater;
  // One client's builds at its limit while others may still get theirs.
  too_many_reports: RetryLater;
  // One client's expensive reads (large history pages, lists filtered by position) at their limit.
  too_many_reads: RetryLater;
  // A report too large to answer in one piece: the message says how to narrow the question.
  report_too_large: NoExtensions;
  insufficient_storage: RetryLater;
  storage_unavailable: RetryLater;
  target_not_empty: NoExtensions;
  // Corrections and retractions.
  event_not_found: NoExtensions;
  batch_not_found: { readonly batch: string };
  event_not_amendable: NoExtensions;
  correction_out_of_order: { readonly earliest: string; readonly latest: string | null };
  retraction_not_latest: { readonly laterEvents: readonly number[] };
  batch_retraction_rejected: { readonly failures: readonly RetractionFailure[] };
  batch_already_retracted: { readonly batch: string };
  // Batch failure codes: an entry of a meeting's outcomes that cannot be applied.
  duplicate_item: NoExtensions;
  reason_required: NoExtensions;
  duplicate_position: NoExtensions;
  // Assessments and editions.
  assessments_rejected: { readonly failures: readonly AssessmentBatchFailure[] };
  // Every failing cell is a mistake in the request itself (a score that is none of the four, a cell
  // named twice, a malformed matrix).
  assessments_invalid: { readonly failures: readonly AssessmentBatchFailure[] };
  assessment_out_of_order: NoExtensions;
  duplicate_assessment: NoExtensions;
  invalid_score: NoExtensions;
  edition_not_found: { readonly edition: string };
}

export type DomainErrorCode = keyof ProblemExtensions;

// The codes a batch lists per failing entry (see BatchFailure).
export type BatchFailureCode = Extract<
  DomainErrorCode,
  | 'item_not_found'
  | 'duplicate_item'
  | 'version_mismatch'
  | 'transition_not_allowed'
  | 'reason_required'
  | 'effective_date_before_state_since'
  | 'party_not_found'
  | 'duplicate_position'
  | 'position_out_of_order'
>;

// Codes whose problem has no required member may be thrown without extensions.
type ExtensionsArgument<C extends DomainErrorCode> = NoExtensions extends ProblemExtensions[C]
  ? [extensions?: ProblemExtensions[C]]
  : [extensions: ProblemExtensions[C]];

export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  // Extra members of the problem answer, such as `errors` or `allowedTransitions`.
  readonly extensions: ProblemExtensions[C];

  constructor(
    readonly code: C,
    message: string,
    ...[extensions]: ExtensionsArgument<C>
  ) {
    super(message);
    this.name = 'DomainError';
    this.extensions = extensions ?? ({} as ProblemExtensions[C]);
  }

  // `error instanceof DomainError` narrows to DomainError of any code (not DomainError<any>), so
  // that its extensions stay typed until the code is narrowed with is().
  static override [Symbol.hasInstance](value: unknown): value is DomainError {
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }

  // Narrows the code, and with it the type of the extensions.
  is<K extends DomainErrorCode>(code: K): this is DomainError<K> {
    const own: DomainErrorCode = this.code;
    return own === code;
  }

  static validation(
    errors: readonly FieldError[],
    message = 'The request is not valid.',
  ): DomainError<'validation_failed'> {
    return new DomainError('validation_failed', message, { errors });
  }
}
