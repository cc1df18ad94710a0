import type { EventPageData } from '../console-views.service.js';
import type { FormError, FormValues } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { ConfirmPage } from './confirm.page.js';
import { SCORE_OPTIONS } from './item/assessment-form.js';
import { ErrorSummary } from './forms/error-summary.js';
import { FormSection } from './forms/form-section.js';
import { SelectField } from './forms/select-field.js';
import { TextArea } from './forms/text-area.js';
import { TextField } from './forms/text-field.js';
import { Layout } from './layout.js';
import { meetingOptions } from './item/meeting-options.js';
import { partyNamer } from './item/party-namer.js';
import { Timeline } from './timeline.js';

// The meeting a corrected event is moved to when the person clears it: not a slug, so never a meeting's.
export const NO_MEETING = '(none)';

interface AmendPageProps {
  readonly session: ConsoleSession;
  readonly data: EventPageData;
  readonly values?: FormValues;
  readonly error?: FormError;
}

function eventPath({ item, event }: EventPageData, step: 'correct' | 'retract'): string {
  return `/items/${encodeURIComponent(item.slug)}/events/${event.seq}/${step}`;
}

function itemPath({ item, event }: EventPageData): string {
  return `/items/${encodeURIComponent(item.slug)}#event-${event.seq}`;
}

// The event as the timeline shows it, above the form that amends it.
function TheEvent({ data }: { readonly data: EventPageData }) {
  return (
    <section aria-labelledby="event-heading">
      <h2 id="event-heading">The event</h2>
      <Timeline events={[data.event]} partyName={partyNamer(data)} />
    </section>
  );
}

// Why the record is amended: kept with the amendment, on both pages.
function WhyField({ step, values }: { readonly step: 'correct' | 'retract'; readonly values: FormValues }) {
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

// A retraction asks first: the reason is typed here, and nothing changes until it is confirmed.
export function RetractEventPage({ session, data, values = {}, error }: AmendPageProps) {
  return (
    <ConfirmPage
      session={session}
      section="items"
      title={`Retract event ${data.event.seq} of “${data.item.title}”?`}
      action={eventPath(data, 'retract')}
      button="Confirm retraction"
      back={itemPath(data)}
      before={
        <>
          {error && <ErrorSummary title={error.title} messages={error.messages} />}
          <WhyField step="retract" values={values} />
        </>
      }
    >
      <TheEvent data={data} />
      <p>
        The event stays in the history, marked as retracted, and stops counting in the item’s state, positions and
        reports. Published reports can still be reproduced.
      </p>
    </ConfirmPage>
  );
}
