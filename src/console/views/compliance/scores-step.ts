import type { AssessmentsResultView } from '../../../compliance/assessments.view.js';
import type { FormError } from '../../form-values.js';

// The scores upload after a post: a preview to confirm, the scores applied, or a refusal.
export type ScoresStep =
  | {
      readonly kind: 'preview';
      readonly result: AssessmentsResultView;
      readonly assessments: readonly unknown[];
      readonly idempotencyKey: string;
    }
  | { readonly kind: 'refused'; readonly error: FormError }
  | { readonly kind: 'applied'; readonly result: AssessmentsResultView };
