import { SelectField } from './select-field.js';

// A party chosen by name from the list of parties, sent by slug.
export function PartySelect({
  id,
  parties,
  selected,
}: {
  readonly id: string;
  readonly parties: readonly { readonly slug: string; readonly name: string }[];
  readonly selected?: string;
}) {
  return (
    <SelectField
      id={id}
      name="party"
      label="Party"
      placeholder="Choose a party"
      required
      options={parties.map((party) => [party.slug, party.name])}
      selected={selected}
    />
  );
}
