import type { DomainErrorCode } from './domain-error.js';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

interface ProblemKind {
  readonly status: number;
  readonly title: string;
}

// The one problem table: every code, batch failure codes included, has its status here. An
// exhaustive switch: adding a code without a status does not compile.
export function problemKind(code: DomainErrorCode): ProblemKind {
  switch (code) {
    case 'validation_failed':
      return { status: 400, title: 'Invalid request' };
    case 'unauthenticated':
      return { status: 401, title: 'Authentication required' };
    case 'forbidden':
      return { status: 403, title: 'Not allowed for this token' };
    case 'item_not_found':
      return { status: 404, title: 'Item not found' };
    case 'meeting_not_found':
      return { status: 404, title: 'Meeting not found' };
    case 'party_not_found':
      return { status: 404, title: 'Party not found' };
    case 'token_not_found':
      return { status: 404, title: 'Token not found' };
    case 'account_not_found':
      return { status: 404, title: 'Account not found' };
    case 'event_not_found':
      return { status: 404, title: 'History event not found' };
    case 'batch_not_found':
      return { status: 404, title: 'Batch not found' };
    case 'route_not_found':
      return { status: 404, title: 'No such route' };
    case 'not_acceptable':
      return { status: 406, title: 'Not acceptable' };
    case 'slug_taken':
      return { status: 409, title: 'Slug already taken' };
    case 'token_name_taken':
      return { status: 409, title: 'Token name already taken' };
    case 'account_name_taken':
      return { status: 409, title: 'Username already taken' };
    case 'last_admin_token':
      return { status: 409, title: 'Last admin token' };
    case 'transition_not_allowed':
      return { status: 409, title: 'Transition not allowed' };
    case 'effective_date_before_state_since':
      return { status: 409, title: 'Effective date earlier than the last change' };
    case 'position_out_of_order':
      return { status: 409, title: 'Position out of date order' };
    case 'outcomes_rejected':
      return { status: 409, title: 'Outcomes rejected' };
    case 'assessments_rejected':
      return { status: 409, title: 'Assessments rejected' };
    case 'assessments_invalid':
      return { status: 400, title: 'Invalid assessments' };
    case 'invalid_score':
      return { status: 400, title: 'Not a compliance score' };
    case 'assessment_out_of_order':
      return { status: 409, title: 'Assessment out of date order' };
    case 'duplicate_assessment':
      return { status: 400, title: 'Cell scored twice in one batch' };
    case 'edition_not_found':
      return { status: 404, title: 'Edition not found' };
    case 'event_not_amendable':
      return { status: 409, title: 'Event cannot be corrected or retracted' };
    case 'correction_out_of_order':
      return { status: 409, title: 'Corrected date out of order' };
    case 'retraction_not_latest':
      return { status: 409, title: 'Not the latest standing event' };
    case 'batch_retraction_rejected':
      return { status: 409, title: 'Batch retraction rejected' };
    case 'batch_already_retracted':
      return { status: 409, title: 'Batch already retracted' };
    case 'target_not_empty':
      return { status: 409, title: 'Target database not empty' };
    case 'meeting_not_held_yet':
      return { status: 409, title: 'Meeting not held yet' };
    case 'idempotency_key_in_use':
      return { status: 409, title: 'Idempotency key in use' };
    case 'version_mismatch':
      return { status: 412, title: 'Version mismatch' };
    case 'payload_too_large':
      return { status: 413, title: 'Payload too large' };
    case 'idempotent_answer_too_large':
      return { status: 413, title: 'Answer too large to keep for an Idempotency-Key' };
    case 'unsupported_media_type':
      return { status: 415, title: 'Unsupported media type' };
    case 'idempotency_key_reused':
      return { status: 422, title: 'Idempotency key reused with a different request' };
    case 'precondition_required':
      return { status: 428, title: 'Precondition required' };
    case 'too_many_attempts':
      return { status: 429, title: 'Too many attempts' };
    case 'database_busy':
      return { status: 503, title: 'Database busy' };
    case 'insufficient_storage':
      return { status: 507, title: 'Insufficient storage' };
    case 'storage_unavailable':
      return { status: 503, title: 'Storage unavailable' };
    case 'report_queue_full':
      return { status: 503, title: 'Too many reports being built' };
    case 'too_many_reports':
      return { status: 429, title: 'Too many reports asked for at once' };
    case 'too_many_reads':
      return { status: 429, title: 'Too many expensive reads at once' };
    case 'report_too_large':
      return { status: 422, title: 'Report too large' };
    case 'duplicate_item':
      return { status: 400, title: 'Item named twice in one batch' };
    case 'reason_required':
      return { status: 400, title: 'Reason required' };
    case 'duplicate_position':
      return { status: 400, title: 'Party named twice for one item in one batch' };
  }
}

export function problemTypeUri(code: string): string {
  return `https://policy-tracker.dev/problems/${code.replace(/_/g, '-')}`;
}
