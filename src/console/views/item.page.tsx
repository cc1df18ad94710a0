import type { HistoryEventView } from '../../history/history-event.view.js';
import type { ItemView } from '../../items/item.view.js';
import { STANCES } from '../../parties/stance.js';
import { stateLabel } from '../../reports/render/state-style.js';
import type { ItemPageData } from '../console-views.service.js';
import type { FormError, FormValues } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { ErrorSummary, FormSection, isAdmin, Layout, PartySelect, SelectField, TextArea, TextField } from './layout.js';
import { StateBadge } from './parts.js';
import { Timeline, type PartyNames } from './timeline.js';
import { AssessmentForm } from './assessment-form.js';

// What was typed into a form, and why it was refused.
interface RefusedForm {
  readonly values: FormValues;
  readonly error: FormError;
}

export interface ItemForms {
  readonly transition?: RefusedForm;
  readonly position?: RefusedForm;
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
  const partyName = partyNamer(data);
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
                  {partyName(position.party)}: {position.stance} since {position.since}
                  {position.statement ? ` (${position.statement})` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <Timeline
          events={data.history}
          partyName={partyName}
          actions={
            isAdmin(session)
              ? (event) => isAmendable(event) && <EventActions slug={item.slug} event={event} />
              : undefined
          }
        />
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
      {isAdmin(session) && <TransitionForm session={session} data={data} state={forms.transition} />}
      {isAdmin(session) && <PositionForm session={session} data={data} state={forms.position} />}
      {isAdmin(session) && <AssessmentForm session={session} data={data} state={forms.assessment} />}
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

export function meetingOptions(data: Pick<ItemPageData, 'meetings'>): Array<readonly [string, string]> {
  return data.meetings.map((meeting) => [meeting.slug, `${meeting.name}, ${meeting.location}, ${meeting.heldOn}`]);
}

// A party's name from the page's list of parties.
export function partyNamer(data: Pick<ItemPageData, 'parties'>): PartyNames {
  const names = new Map(data.parties.map((party) => [party.slug, party.name]));
  return (slug) => names.get(slug) ?? slug;
}

// The transitions, positions and assessments still standing can be corrected or retracted, each on a
// page of its own.
export function isAmendable(event: HistoryEventView): boolean {
  return (
    (event.action === 'transitioned' || event.action === 'positioned' || event.action === 'assessed') &&
    event.retractedBy === undefined
  );
}

function EventActions({ slug, event }: { readonly slug: string; readonly event: HistoryEventView }) {
  const base = `/items/${encodeURIComponent(slug)}/events/${event.seq}`;
  return (
    <p class="event-actions">
      <a href={`${base}/correct`}>Correct event {event.seq}</a>
      <a class="danger-link" href={`${base}/retract`}>
        Retract event {event.seq}
      </a>
    </p>
  );
}

function EditForm({ session, data, state }: ItemFormProps<'edit'>) {
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
                <Timeline events={state.meanwhile} partyName={partyNamer(data)} />
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
