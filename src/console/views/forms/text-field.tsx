import { Field, INPUT_TYPES, type FieldProps } from './field.js';

export function TextField({
  id,
  name,
  label,
  value,
  type = 'text',
  required,
  hint,
  autocomplete,
  maxLength,
  list,
}: FieldProps) {
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        {...(type === 'text' && list ? { list } : {})}
        id={id}
        name={name}
        {...INPUT_TYPES[type]}
        value={value ?? ''}
        required={required}
        autocomplete={autocomplete}
        maxLength={maxLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
    </Field>
  );
}
