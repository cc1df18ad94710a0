import type { ComponentChildren } from 'preact';

// preact types each input type's attributes apart: one literal object per type keeps them apart.
export const INPUT_TYPES = {
  text: { type: 'text' },
  search: { type: 'search' },
  date: { type: 'date' },
  url: { type: 'url' },
  password: { type: 'password' },
} as const;

export interface FieldProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value?: string | null;
  readonly type?: keyof typeof INPUT_TYPES;
  readonly required?: boolean;
  readonly hint?: string;
  readonly autocomplete?: string;
  readonly maxLength?: number;
  // A <datalist> of suggestions; any other value may still be typed.
  readonly list?: string;
}

// A label, an optional hint the control is described by, and the control itself.
export function Field({
  id,
  label,
  hint,
  children,
}: Pick<FieldProps, 'id' | 'label' | 'hint'> & { readonly children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
    </div>
  );
}
