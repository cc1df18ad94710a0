import { DomainError, type FieldError } from '../common/domain-error.js';
import { problemKind } from '../common/problem-details.js';
import type { FormBody } from './form-body.js';

// What a person typed into a form, kept as typed so a refused form can be shown again.
export type FormValues = Readonly<Record<string, string>>;

export function textFields(form: FormBody, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((name) => [name, typeof form[name] === 'string' ? form[name] : '']));
}

// An empty field is a value left out, as an absent JSON member would be.
export function present(values: Readonly<Partial<Record<string, string>>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '',
    ),
  );
}

export interface FormError {
  readonly status: number;
  readonly title: string;
  readonly messages: readonly string[];
  // The id of the control each message is about, when known: the summary links to it.
  readonly fields?: readonly (string | undefined)[];
}

// A refusal from a service, said in words next to the form; anything else is not the form's fault.
// `ids` names each field's control, so that the summary links every message to its field.
export function formError(
  error: unknown,
  labels: Readonly<Record<string, string>> = {},
  ids: Readonly<Record<string, string>> = {},
): FormError {
  if (!(error instanceof DomainError) || problemKind(error.code).status >= 500) {
    throw error;
  }
  const { status, title } = problemKind(error.code);
  const fieldErrors: readonly FieldError[] = ('errors' in error.extensions && error.extensions.errors) || [];
  const messages =
    fieldErrors.length > 0
      ? fieldErrors.map(({ field, message }) => `${labels[field] ?? field}: ${message}`)
      : [error.message];
  return {
    status,
    title: `${title}: nothing was changed`,
    messages,
    fields: fieldErrors.map(({ field }) => ids[field]),
  };
}
