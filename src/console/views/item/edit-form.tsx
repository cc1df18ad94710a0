import { ErrorSummary } from '../forms/error-summary.js';
import { FormSection } from '../forms/form-section.js';
import { TextArea } from '../forms/text-area.js';
import { TextField } from '../forms/text-field.js';
import { Timeline } from '../timeline.js';
import { EDITABLE_FIELDS, editableValues } from './editable-fields.js';
import type { ItemFormProps } from './item-forms.js';
import { partyNames } from '../../../reports/render/party-names.js';

export function EditForm({ session, data, state }: ItemFormProps<'edit'>) {
  const { item } = data;
  const typed = state?.values ?? editableValues(item);
  return (
    <FormSection
      id="edit"
      heading="Edit the description"
      collapsible={{ open: state !== undefined }}
      intro={
        state && (
          <div>
            <ErrorSummary title={state.error.title} messages={state.error.messages} />
            {state.meanwhile.length > 0 && (
              <>
                <h3>Changed meanwhile</h3>
                <Timeline events={state.meanwhile} partyName={partyNames(data.parties)} />
              </>
            )}
          </div>
        )
      }
      session={session}
      action={`/items/${encodeURIComponent(item.slug)}/edit`}
      actions={<button type="submit">Save changes</button>}
    >
      <input type="hidden" name="version" value={'version' in typed ? typed.version : String(item.version)} />
      {EDITABLE_FIELDS.map(([name, label]) =>
        name === 'summary' ? (
          <TextArea key={name} id={`edit-${name}`} name={name} label={label} value={typed[name]} required />
        ) : (
          <TextField
            key={name}
            id={`edit-${name}`}
            name={name}
            label={label}
            type={name === 'sourceUrl' ? 'url' : 'text'}
            value={typed[name]}
            required={name !== 'sourceUrl'}
          />
        ),
      )}
    </FormSection>
  );
}
