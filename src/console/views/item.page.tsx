import type { HistoryEventView } from '../../history/history-event.view.js';
import type { ItemView } from '../../items/item.view.js';
import { STANCES } from '../../parties/stance.js';
import { stateLabel } from '../../reports/render/state-style.js';
import type { ItemPageData } from '../console-views.service.js';
import type { FormError, FormValues } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { ErrorSummary, FormSection, isAdmin, Layout, SelectField, TextArea, TextField } from './layout.js';
import { scoreText } from '../../assessments/score.js';
import { AssessmentForm, SCORE_OPTIONS } from './assessment-form.js';
import { actionLabel, MeetingLink, StateBadge, StateChange } from './parts.js';

// What was typed into a form, and why it was refused.
interface RefusedForm {
  readonly values: FormValues;
  readonly error: FormError;
}

export interface ItemForms {
  readonly transition?: RefusedForm;
  readonly position?: RefusedForm;
  readonly amend?: RefusedForm;
  readonly assessment?: RefusedForm;
  readonly edit?: {
    readonly values: FormValues;
    readonly error: FormError;
    // The events recorded after the version the form was read at.
    readonly meanwhile: readonly HistoryEventView[];
  };
}

export const EDITABLE_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['title', 'Title'],
  ['summary', 'Summary'],
  ['category', 'Category'],
  ['proposedBy', 'Proposed by'],
  ['sourceUrl', 'Source URL'],
];

// The edit form's fields as the item has them now; no source URL is an empty field.
export function editableValues(item: ItemView): FormValues {
  return {
    title: item.title,
    summary: item.summary,
    category: item.category,
    proposedBy: item.proposedBy,
    sourceUrl: item.sourceUrl ?? '',
  };
}

export function ItemPage({
  session,
  data,
  forms = {},
}: {
  readonly session: ConsoleSession;
  readonly data: ItemPageData;
  readonly forms?: ItemForms;
}) {
  const { item } = data;
  return (
    <Layout title={item.title} session={session} section="items">
      <dl class="fields">
        <dt>Slug</dt>
        <dd>{item.slug}</dd>
        <dt>State</dt>
        <dd>
          <StateBadge state={item.state} /> since {item.stateSince}
        </dd>
        <dt>Category</dt>
        <dd>{item.category}</dd>
        <dt>Proposed by</dt>
        <dd>
          {item.proposedBy}, {item.proposedOn}
        </dd>
        <dt>Summary</dt>
        <dd>{item.summary}</dd>
        <dt>Source</dt>
        <dd>{item.sourceUrl ? <a href={item.sourceUrl}>{item.sourceUrl}</a> : '—'}</dd>
        <dt>Version</dt>
        <dd>{item.version}</dd>
        <dt>Allowed moves</dt>
        <dd>
          {item.allowedTransitions.length === 0
            ? 'None: this state is final.'
            : item.allowedTransitions
                .map(({ to, requiresReason }) => `${stateLabel(to)}${requiresReason ? ' (with a reason)' : ''}`)
                .join(', ')}
        </dd>
        <dt>Positions</dt>
        <dd>
          {item.positions.length === 0 ? (
            'None recorded.'
          ) : (
            <ul class="positions">
              {item.positions.map((position) => (
                <li key={position.party}>
                  {position.party}: {position.stance} since {position.since}
                  {position.statement ? ` (${position.statement})` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {isAdmin(session) && <TransitionForm session={session} data={data} state={forms.transition} />}
      {isAdmin(session) && <PositionForm session={session} data={data} state={forms.position} />}
      {isAdmin(session) && <AssessmentForm session={session} data={data} state={forms.assessment} />}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <Timeline events={data.history} />
        {(data.earlierAfter !== null || data.laterAfter !== null) && (
          <nav class="pager" aria-label="History pages">
            {data.laterAfter !== null && (
              <a href={`/items/${encodeURIComponent(item.slug)}?after=${data.laterAfter}#history-heading`}>
                Later events
              </a>
            )}
            {data.earlierAfter !== null && (
              <a href={`/items/${encodeURIComponent(item.slug)}?after=${data.earlierAfter}#history-heading`}>
                Earlier events
              </a>
            )}
          </nav>
        )}
      </section>
      {isAdmin(session) && <AmendForm session={session} data={data} state={forms.amend} />}
      {isAdmin(session) && <EditForm session={session} data={data} state={forms.edit} />}
    </Layout>
  );
}

// An admin's form on the item page, and what was typed into it before a refusal.
interface ItemFormProps<Form extends keyof ItemForms> {
  readonly session: ConsoleSession;
  readonly data: ItemPageData;
  readonly state?: ItemForms[Form];
}

function TransitionForm({ session, data, state }: ItemFormProps<'transition'>) {
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

// The day, the meeting and the source a dated record carries, labelled for its form: each control
// of the page keeps a name of its own.
function DatedFields({
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

function PositionForm({ session, data, state }: ItemFormProps<'position'>) {
  const { item } = data;
  const typed = state?.values ?? {};
  return (
    <FormSection
      id="position"
      heading="Record a party's position"
      error={state?.error}
      session={session}
      action={`/items/${encodeURIComponent(item.slug)}/position`}
      actions={<button type="submit">Record position</button>}
    >
      <input type="hidden" name="version" value={String(item.version)} />
      <SelectField
        id="position-party"
        name="party"
        label="Party"
        placeholder="Choose a party"
        required
        options={data.parties.map((party) => [party.slug, party.name])}
        selected={typed.party}
      />
      <SelectField
        id="position-stance"
        name="stance"
        label="Stance"
        placeholder="Choose a stance"
        required
        options={STANCES.map((stance) => [stance, stance])}
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

// The meeting a corrected event is moved to when the person clears it: not a slug, so never a meeting's.
export const NO_MEETING = '(none)';

// A correction or a retraction of one standing transition or position shown in the timeline. A field
// left empty keeps what was recorded.
function AmendForm({ session, data, state }: ItemFormProps<'amend'>) {
  const { item } = data;
  const typed = state?.values ?? {};
  const amendable = data.history.filter(
    (event) =>
      (event.action === 'transitioned' || event.action === 'positioned' || event.action === 'assessed') &&
      event.retractedBy === undefined,
  );
  if (amendable.length === 0) {
    return null;
  }
  return (
    <FormSection
      id="amend"
      heading="Correct or retract an event"
      intro={
        <>
          <p>
            Nothing recorded is changed: a correction or a retraction is a new event that says what was wrong, and
            reports published before it can still be reproduced.
          </p>
        </>
      }
      error={state?.error}
      session={session}
      action={`/items/${encodeURIComponent(item.slug)}/amend`}
      actions={
        <>
          <button type="submit" name="intent" value="correct">
            Correct event
          </button>
          <button type="submit" name="intent" value="retract">
            Retract event
          </button>
        </>
      }
    >
      <SelectField
        id="amend-event"
        name="seq"
        label="Event"
        placeholder="Choose an event"
        required
        options={[...amendable].reverse().map((event) => [String(event.seq), eventSummary(event)])}
        selected={typed.seq}
      />
      <TextArea
        id="amend-note"
        name="note"
        label="Why"
        value={typed.note}
        required
        maxLength={2000}
        hint="Kept with the record: why it is corrected or withdrawn."
      />
      <TextField
        id="amend-effective-on"
        name="effectiveOn"
        label="Corrected effective date"
        type="date"
        value={typed.effectiveOn}
        hint="Only to correct; left empty, the date stays as recorded."
      />
      <SelectField
        id="amend-meeting"
        name="meeting"
        label="Corrected meeting"
        placeholder="Keep as recorded"
        options={[[NO_MEETING, 'No meeting'], ...meetingOptions(data)]}
        selected={typed.meeting}
      />
      <TextField
        id="amend-source"
        name="source"
        label="Corrected source"
        value={typed.source}
        maxLength={500}
        hint="Only to correct; left empty, the source stays as recorded."
      />
      <TextArea
        id="amend-reason"
        name="reason"
        label="Corrected wording"
        value={typed.reason}
        maxLength={2000}
        hint="The reason of a transition, the statement of a position or the evidence of an assessment; left empty, it stays as recorded."
      />
      <SelectField
        id="amend-score"
        name="score"
        label="Corrected score"
        placeholder="Keep as recorded"
        options={SCORE_OPTIONS}
        selected={typed.score}
      />
    </FormSection>
  );
}

function meetingOptions(data: ItemPageData): Array<readonly [string, string]> {
  return data.meetings.map((meeting) => [meeting.slug, `${meeting.name}, ${meeting.location}, ${meeting.heldOn}`]);
}

// One line per event in a drop-down: its version, what it did, and when.
function eventSummary(event: HistoryEventView): string {
  const what =
    event.action === 'transitioned' && event.fromState && event.toState
      ? `${stateLabel(event.fromState)} → ${stateLabel(event.toState)}`
      : `${event.party ?? ''} ${event.stance ?? (event.score === undefined ? '' : scoreText(event.score))}`;
  return `Version ${event.seq}: ${actionLabel(event)}, ${what}, effective ${event.effectiveOn}`;
}

function EditForm({ session, data, state }: ItemFormProps<'edit'>) {
  const { item } = data;
  const typed = state?.values ?? editableValues(item);
  return (
    <FormSection
      id="edit"
      heading="Edit the description"
      intro={
        state && (
          <div>
            <ErrorSummary title={state.error.title} messages={state.error.messages} />
            {state.meanwhile.length > 0 && (
              <>
                <h3>Changed meanwhile</h3>
                <Timeline events={state.meanwhile} />
              </>
            )}
          </div>
        )
      }
      session={session}
      action={`/items/${encodeURIComponent(item.slug)}/edit`}
      actions={<button type="submit">Save changes</button>}
    >
      <input type="hidden" name="version" value={typed.version ?? String(item.version)} />
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

// Newest first: each event's action, the move, what changed, why, and where it sits in the chain.
export function Timeline({ events }: { readonly events: readonly HistoryEventView[] }) {
  return (
    <ol class="timeline" reversed>
      {[...events].reverse().map((event) => (
        <li key={event.id}>
          <h3>
            {actionLabel(event)}
            {event.action === 'transitioned' && (
              <>
                {': '}
                <StateChange from={event.fromState} to={event.toState} />
              </>
            )}
            {event.party && event.stance && `: ${event.party} ${event.stance}`}
          </h3>
          <p class="meta">
            Effective {event.effectiveOn} · recorded{' '}
            <time dateTime={event.recordedAt}>{event.recordedAt.replace('T', ' ').slice(0, 19)} UTC</time> · by{' '}
            {event.actor}
            {event.meeting && (
              <>
                {' · meeting '}
                <MeetingLink slug={event.meeting} />
              </>
            )}
            {event.batch && ` · batch ${event.batch.slice(0, 8)}`} · version {event.seq} · hash{' '}
            <code>{event.hash.slice(0, 12)}</code>
          </p>
          {event.corrects !== undefined && <p>Corrects version {event.corrects}.</p>}
          {event.retracts !== undefined && <p>Retracts version {event.retracts}.</p>}
          {event.correctedBy !== undefined && event.correctedBy.length > 0 && (
            <p class="failure">Corrected later, by version {event.correctedBy.join(', ')}.</p>
          )}
          {event.retractedBy !== undefined && <p class="failure">Retracted later, by version {event.retractedBy}.</p>}
          {event.reason && (
            <p>
              {event.action === 'positioned' ? 'Statement' : 'Reason'}: {event.reason}
            </p>
          )}
          {event.source && <p>Source: {event.source}</p>}
          {/* What an edit, a correction or a retraction changed, field by field. */}
          {(event.action === 'updated' || event.action === 'corrected' || event.action === 'retracted') && (
            <ul>
              {Object.entries(event.changes).map(([field, change]) => (
                <li key={field}>
                  {field}: {shown(change.from)} → {shown(change.to)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

function shown(value: unknown): string {
  return value === null || value === undefined
    ? '(none)'
    : typeof value === 'string'
      ? `“${value}”`
      : JSON.stringify(value);
}
