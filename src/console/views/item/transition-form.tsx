import { stateLabel } from '../../../reports/render/state-style.js';
import { FormSection } from '../forms/form-section.js';
import { SelectField } from '../forms/select-field.js';
import { TextArea } from '../forms/text-area.js';
import { DatedFields } from './dated-fields.js';
import type { ItemFormProps } from './item-forms.js';

export function TransitionForm({ session, data, state }: ItemFormProps<'transition'>) {
  const { item } = data;
  const typed = state?.values ?? {};
  if (item.allowedTransitions.length === 0) {
    return null;
  }
  return (
    <FormSection
      id="move"
      heading="Move this item"
      error={state?.error}
      session={session}
      action={`/items/${encodeURIComponent(item.slug)}/transition`}
      actions={<button type="submit">Record transition</button>}
    >
      <input type="hidden" name="version" value={String(item.version)} />
      <SelectField
        id="move-to"
        name="to"
        label="New state"
        required
        options={item.allowedTransitions.map(({ to, requiresReason }) => [
          to,
          `${stateLabel(to)}${requiresReason ? ' (needs a reason)' : ''}`,
        ])}
        selected={typed.to}
      />
      <TextArea id="move-reason" name="reason" label="Reason" value={typed.reason} maxLength={2000} />
      <DatedFields
        id="move"
        labels={['Effective on', 'Meeting', 'Source']}
        hint="The day it took effect; left empty, the meeting's day, or else today."
        typed={typed}
        data={data}
      />
    </FormSection>
  );
}
