import { STANCE_OPTIONS } from '../forms/stance-options.js';
import { FormSection } from '../forms/form-section.js';
import { PartySelect } from '../forms/party-select.js';
import { SelectField } from '../forms/select-field.js';
import { TextArea } from '../forms/text-area.js';
import { DatedFields } from './dated-fields.js';
import type { ItemFormProps } from './item-forms.js';

export function PositionForm({ session, data, state }: ItemFormProps<'position'>) {
  const { item } = data;
  const typed = state?.values ?? {};
  return (
    <FormSection
      id="position"
      heading="Record a party's position"
      collapsible={{ open: state !== undefined }}
      error={state?.error}
      session={session}
      action={`/items/${encodeURIComponent(item.slug)}/position`}
      actions={<button type="submit">Record position</button>}
    >
      <input type="hidden" name="version" value={String(item.version)} />
      <PartySelect id="position-party" parties={data.parties} selected={typed.party} />
      <SelectField
        id="position-stance"
        name="stance"
        label="Stance"
        placeholder="Choose a stance"
        required
        options={STANCE_OPTIONS}
        selected={typed.stance}
      />
      <TextArea id="position-statement" name="statement" label="Statement" value={typed.statement} maxLength={2000} />
      <DatedFields
        id="position"
        labels={['Stated on', 'Stated at meeting', 'Statement source']}
        hint="The day the party took this position; left empty, the meeting's day, or else today."
        typed={typed}
        data={data}
      />
    </FormSection>
  );
}
