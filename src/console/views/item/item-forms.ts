import type { HistoryEventView } from '../../../history/history-event.view.js';
import type { ItemPageData } from '../../console-views.service.js';
import type { FormError, FormValues } from '../../form-values.js';
import type { ConsoleSession } from '../../sessions/console-sessions.service.js';

// What was typed into a form, and why it was refused.
export interface RefusedForm {
  readonly values: FormValues;
  readonly error: FormError;
}

export interface ItemForms {
  readonly transition?: RefusedForm;
  readonly position?: RefusedForm;
  readonly assessment?: RefusedForm;
  readonly edit?: {
    readonly values: FormValues;
    readonly error: FormError;
    // The events recorded after the version the form was read at.
    readonly meanwhile: readonly HistoryEventView[];
  };
}

// An admin's form on the item page, and what was typed into it before a refusal.
export interface ItemFormProps<Form extends keyof ItemForms> {
  readonly session: ConsoleSession;
  readonly data: ItemPageData;
  readonly state?: ItemForms[Form];
}
