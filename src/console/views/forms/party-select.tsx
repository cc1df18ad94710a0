import { SelectField } from './select-field.js';

// A party chosen by name from the list of parties, sent by slug (as `party`, or as a row of the
// outcome editor names it; a row may be left empty).
export function PartySelect({
  id,
  name = 'party',
  parties,
  selected,
  required = true,
}: {
  readonly id: string;
  readonly name?: string;
  readonly parties: readonly { readonly slug: string; readonly name: string }[];
  readonly selected?: string;
  readonly required?: boolean;
}) {
  return (
    <SelectField
      id={id}
      name={name}
      label="Party"
      placeholder="Choose a party"
      required={required}
      options={parties.map((party) => [party.slug, party.name])}
      selected={selected}
    />
  );
}
