import type { OutcomeDto } from '../../../outcomes/dto/outcome.dto.js';
import type { PositionOutcomeDto } from '../../../outcomes/dto/position-outcome.dto.js';
import type { BatchFailure } from '../../../common/domain-error.js';
import type { OutcomesResultView } from '../../../outcomes/outcomes.view.js';
import type { WorkflowState } from '../../../workflow/workflow.definition.js';
import type { FormError } from '../../form-values.js';
import type { EditorRows } from '../../outcome-rows.js';

export interface PreviewRow {
  readonly outcome: OutcomeDto;
  // The item's state now, when it exists.
  readonly fromState: WorkflowState | null;
  readonly failure?: BatchFailure;
}

// The editor's state after a post: rows being edited, a preview to confirm, the outcomes applied,
// or a refusal (every failing row named).
export type OutcomesStep =
  | { readonly kind: 'editing'; readonly rows: EditorRows }
  | {
      readonly kind: 'preview';
      readonly rows: EditorRows;
      readonly preview: readonly PreviewRow[];
      readonly positions: readonly PositionOutcomeDto[];
      readonly idempotencyKey: string;
    }
  | {
      readonly kind: 'refused';
      readonly rows: EditorRows;
      readonly preview: readonly PreviewRow[];
      // By row ("outcome-2"): what is wrong with it.
      readonly problems: ReadonlyMap<string, readonly string[]>;
      readonly error: FormError;
    }
  | { readonly kind: 'invalid'; readonly rows: EditorRows; readonly error: FormError }
  | { readonly kind: 'applied'; readonly result: OutcomesResultView };
