import type { FormValues } from '../../form-values.js';
import { TextArea } from '../forms/text-area.js';

// Why the record is amended: kept with the amendment, on both pages.
export function WhyField({ step, values }: { readonly step: 'correct' | 'retract'; readonly values: FormValues }) {
  return (
    <TextArea
      id={`${step}-note`}
      name="note"
      label="Why"
      value={values.note}
      required
      maxLength={2000}
      hint="Kept with the record: why it is corrected or withdrawn."
    />
  );
}
