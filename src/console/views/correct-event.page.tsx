import { FormSection } from './forms/form-section.js';
import { SCORE_OPTIONS } from './forms/score-options.js';
import { SelectField } from './forms/select-field.js';
import { TextArea } from './forms/text-area.js';
import { TextField } from './forms/text-field.js';
import { Layout } from './layout.js';
import { meetingOptions } from './item/meeting-options.js';
import { NO_MEETING } from './amend-event/no-meeting.js';
import type { AmendPageProps } from './amend-event/amend-page-props.js';
import { eventPath, itemPath } from './amend-event/paths.js';
import { TheEvent } from './amend-event/the-event.js';
import { WhyField } from './amend-event/why-field.js';

// A correction: a field left empty keeps what was recorded. Nothing recorded is changed; the
// correction is a new event that says what was wrong.
export function CorrectEventPage({ session, data, values = {}, error }: AmendPageProps) {
  return (
    <Layout title={`Correct event ${data.event.seq} of “${data.item.title}”`} session={session} section="items">
      <TheEvent data={data} />
      <FormSection
        id="correct"
        heading="What was wrong"
        intro={<p>Reports published before the correction can still be reproduced.</p>}
        error={error}
        session={session}
        action={eventPath(data, 'correct')}
        actions={
          <>
            <button type="submit">Correct event</button>
            <a href={itemPath(data)}>Cancel</a>
          </>
        }
      >
        <WhyField step="correct" values={values} />
        <TextField
          id="correct-effective-on"
          name="effectiveOn"
          label="Corrected effective date"
          type="date"
          value={values.effectiveOn}
          hint={`Left empty, it stays ${data.event.effectiveOn}.`}
        />
        <SelectField
          id="correct-meeting"
          name="meeting"
          label="Corrected meeting"
          placeholder="Keep as recorded"
          options={[[NO_MEETING, 'No meeting'], ...meetingOptions(data)]}
          selected={values.meeting}
        />
        <TextField
          id="correct-source"
          name="source"
          label="Corrected source"
          value={values.source}
          maxLength={500}
          hint="Left empty, the source stays as recorded."
        />
        <TextArea
          id="correct-reason"
          name="reason"
          label="Corrected wording"
          value={values.reason}
          maxLength={2000}
          hint="The reason of a transition, the statement of a position or the evidence of an assessment; left empty, it stays as recorded."
        />
        {data.event.action === 'assessed' && (
          <SelectField
            id="correct-score"
            name="score"
            label="Corrected score"
            placeholder="Keep as recorded"
            options={SCORE_OPTIONS}
            selected={values.score}
          />
        )}
      </FormSection>
    </Layout>
  );
}
