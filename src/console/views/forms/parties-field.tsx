import type { PartyView } from '../../../parties/party.view.js';
import { TextField } from './text-field.js';

// The compliance matrix's columns: party slugs typed in the order wanted (a published table has its
// own order, which a list of checkboxes could not keep), each known party named beside its slug.
export function PartiesField({
  id,
  value,
  parties,
  hint,
}: {
  readonly id: string;
  readonly value?: string;
  readonly parties: readonly PartyView[];
  // What the field is for, before the known parties.
  readonly hint: string;
}) {
  const known = parties.map((party) => `${party.slug} (${party.name})`).join(', ');
  return (
    <TextField
      id={id}
      name="parties"
      label="Parties"
      value={value}
      hint={parties.length === 0 ? hint : `${hint} Known: ${known}.`}
    />
  );
}
