import { Field, type FieldProps } from './field.js';

// A drop-down of [value, label] choices; a placeholder is a first, empty choice that means none.
export function SelectField({
  id,
  name,
  label,
  options,
  selected,
  placeholder,
  required,
}: Pick<FieldProps, 'id' | 'name' | 'label' | 'required'> & {
  readonly options: ReadonlyArray<readonly [string, string]>;
  readonly selected?: string;
  readonly placeholder?: string;
}) {
  return (
    <Field id={id} label={label}>
      <select id={id} name={name} required={required}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value} selected={selected === value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}
