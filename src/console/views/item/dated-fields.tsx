import type { ItemPageData } from '../../console-views.service.js';
import type { FormValues } from '../../form-values.js';
import { SelectField } from '../forms/select-field.js';
import { TextField } from '../forms/text-field.js';
import { meetingOptions } from './meeting-options.js';

// The day, the meeting and the source a dated record carries, labelled for its form: each control
// of the page keeps a name of its own.
export function DatedFields({
  id,
  labels: [effectiveOn, meeting, source],
  hint,
  typed,
  data,
}: {
  readonly id: string;
  readonly labels: readonly [string, string, string];
  readonly hint: string;
  readonly typed: FormValues;
  readonly data: ItemPageData;
}) {
  return (
    <>
      <TextField
        id={`${id}-effective-on`}
        name="effectiveOn"
        label={effectiveOn}
        type="date"
        value={typed.effectiveOn}
        hint={hint}
      />
      <SelectField
        id={`${id}-meeting`}
        name="meeting"
        label={meeting}
        placeholder="No meeting"
        options={meetingOptions(data)}
        selected={typed.meeting}
      />
      <TextField id={`${id}-source`} name="source" label={source} value={typed.source} maxLength={500} />
    </>
  );
}
