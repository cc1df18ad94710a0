import { FormSection } from '../forms/form-section.js';
import { PartySelect } from '../forms/party-select.js';
import { SelectField } from '../forms/select-field.js';
import { TextArea } from '../forms/text-area.js';
import { TextField } from '../forms/text-field.js';
import { SCORE_OPTIONS } from '../forms/score-options.js';
import type { ItemFormProps } from './item-forms.js';

// A form's score: the numbers as numbers, n/a as it is, anything else as typed (and refused).
export function formScore(text: string): unknown {
  return /^-?[01]$/.test(text) ? Number(text) : text === '' ? undefined : text;
}

export const ASSESSMENT_FIELDS = ['party', 'score', 'evidence', 'effectiveOn', 'source'] as const;

// Labels as the page names the fields, for the refusals.
export const ASSESSMENT_LABELS: Readonly<Record<string, string>> = {
  party: 'Party',
  score: 'Score',
  evidence: 'Evidence',
  effectiveOn: 'Assessed on',
  source: 'Assessment source',
  'assessments.0.score': 'Score',
  'assessments.0.evidence': 'Evidence',
  'assessments.0.source': 'Assessment source',
};

// An admin's form on the item page: one party's compliance score, as one entry of POST /api/assessments.
export function AssessmentForm({ session, data, state }: ItemFormProps<'assessment'>) {
  const typed = state?.values ?? {};
  return (
    <FormSection
      id="assessment"
      heading="Record an assessment"
      collapsible={{ open: state !== undefined }}
      intro={
        <p>
          A party’s compliance with this item at the end of a monitoring period. To correct one, correct its event in
          the history above.
        </p>
      }
      error={state?.error}
      session={session}
      action={`/items/${encodeURIComponent(data.item.slug)}/assessment`}
      actions={<button type="submit">Record assessment</button>}
    >
      <PartySelect id="assessment-party" parties={data.parties} selected={typed.party} />
      <SelectField
        id="assessment-score"
        name="score"
        label="Score"
        placeholder="Choose a score"
        required
        options={SCORE_OPTIONS}
        selected={typed.score}
      />
      <TextArea id="assessment-evidence" name="evidence" label="Evidence" value={typed.evidence} maxLength={4000} />
      <TextField
        id="assessment-assessed-on"
        name="effectiveOn"
        label="Assessed on"
        type="date"
        required
        value={typed.effectiveOn}
        hint="The day the monitoring period ends."
      />
      <TextField id="assessment-source" name="source" label="Assessment source" value={typed.source} maxLength={500} />
    </FormSection>
  );
}
