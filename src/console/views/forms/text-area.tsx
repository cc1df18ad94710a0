import { Field, type FieldProps } from './field.js';

export function TextArea({ id, name, label, value, required, hint, maxLength }: FieldProps) {
  return (
    <Field id={id} label={label} hint={hint}>
      <textarea
        id={id}
        name={name}
        rows={3}
        required={required}
        maxLength={maxLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        {value ?? ''}
      </textarea>
    </Field>
  );
}
