import type { OutcomeDto } from '../../outcomes/dto/outcome.dto.js';
import type { PositionOutcomeDto } from '../../outcomes/dto/position-outcome.dto.js';
import type { BatchFailure } from '../../common/domain-error.js';
import type { OutcomesResultView } from '../../outcomes/outcomes.view.js';
import type { WorkflowState } from '../../workflow/workflow.definition.js';
import type { MeetingPageData } from '../console-views.service.js';
import type { FormError } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { STANCES } from '../../parties/stance.js';
import { stateLabel } from '../../reports/render/state-style.js';
import { WORKFLOW_STATES } from '../../workflow/workflow.definition.js';
import { EMPTY_ROWS, rowFieldName, type EditorRows } from '../outcome-rows.js';
import { DataTable } from '../../reports/render/data-table.js';
import { ErrorSummary } from './forms/error-summary.js';
import { PostForm } from './forms/post-form.js';
import { SelectField } from './forms/select-field.js';
import { TextField } from './forms/text-field.js';
import { isAdmin } from './is-admin.js';
import { Layout } from './layout.js';
import { ChangesTable, Instant, ItemLink, StateBadge, StateChange } from './parts.js';

export interface PreviewRow {
  readonly outcome: OutcomeDto;
  // The item's state now, when it exists.
  readonly fromState: WorkflowState | null;
  readonly failure?: BatchFailure;
}

// The editor's state after a post: rows being edited, a preview to confirm, the outcomes applied,
// or a refusal (every failing row named).
export type OutcomesStep =
  | { readonly kind: 'editing'; readonly rows: EditorRows }
  | {
      readonly kind: 'preview';
      readonly rows: EditorRows;
      readonly preview: readonly PreviewRow[];
      readonly positions: readonly PositionOutcomeDto[];
      readonly idempotencyKey: string;
    }
  | {
      readonly kind: 'refused';
      readonly rows: EditorRows;
      readonly preview: readonly PreviewRow[];
      // By row ("outcome-2"): what is wrong with it.
      readonly problems: ReadonlyMap<string, readonly string[]>;
      readonly error: FormError;
    }
  | { readonly kind: 'invalid'; readonly rows: EditorRows; readonly error: FormError }
  | { readonly kind: 'applied'; readonly result: OutcomesResultView };

export function MeetingPage({
  session,
  data,
  step,
}: {
  readonly session: ConsoleSession;
  readonly data: MeetingPageData;
  readonly step?: OutcomesStep;
}) {
  const { meeting } = data;
  const action = `/meetings/${encodeURIComponent(meeting.slug)}/outcomes`;
  const rows = step && step.kind !== 'applied' ? step.rows : EMPTY_ROWS;
  const problems = step?.kind === 'refused' ? step.problems : new Map<string, readonly string[]>();
  return (
    <Layout title={meeting.name} session={session} section="meetings">
      <dl class="fields">
        <dt>Slug</dt>
        <dd>{meeting.slug}</dd>
        <dt>Location</dt>
        <dd>{meeting.location}</dd>
        <dt>Held on</dt>
        <dd>{meeting.heldOn}</dd>
      </dl>
      {step?.kind === 'applied' && <Applied result={step.result} meeting={meeting.name} />}
      {isAdmin(session) && (
        <section aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading">Record outcomes</h2>
          <p>
            One row per outcome (an item’s new state) and per position (a party’s stance on an item), or a JSON or CSV
            file that fills the rows (<a href={`${action}/template.csv`}>download a CSV template</a>).{' '}
            <strong>Dry run</strong> checks every row and writes nothing; then <strong>Apply</strong> records them all,
            or none, effective on {meeting.heldOn}.
          </p>
          {(step?.kind === 'invalid' || step?.kind === 'refused') && (
            <ErrorSummary title={step.error.title} messages={step.error.messages} fields={step.error.fields} />
          )}
          {(step?.kind === 'preview' || step?.kind === 'refused') && <Preview rows={step.preview} />}
          {step?.kind === 'preview' && step.positions.length > 0 && (
            <PositionsPreview positions={step.positions} parties={data.parties} />
          )}
          {step?.kind === 'preview' && (
            <PostForm session={session} action={action} class="stack">
              <input type="hidden" name="outcomes" value={JSON.stringify(step.preview.map(({ outcome }) => outcome))} />
              <input type="hidden" name="positions" value={JSON.stringify(step.positions)} />
              {/* One key per preview: a second submit (a double click, a reload) gets the first answer back. */}
              <input type="hidden" name="idempotencyKey" value={step.idempotencyKey} />
              <RowFields rows={step.rows} hidden />
              <div class="actions">
                <button type="submit" name="action" value="apply">
                  Apply
                </button>
                <span>
                  {counted(step.preview.length, 'outcome')} and {counted(step.positions.length, 'position')}, effective{' '}
                  {meeting.heldOn}
                </span>
              </div>
            </PostForm>
          )}
          <PostForm session={session} action={action} enctype="multipart/form-data" class="stack">
            <RowFields rows={rows} data={data} problems={problems} />
            <div class="actions">
              <button type="submit" name="action" value="add-outcome" class="secondary">
                Add outcome
              </button>
              <button type="submit" name="action" value="add-position" class="secondary">
                Add position
              </button>
            </div>
            <div class="field">
              <label for="outcomes-file">Outcomes file</label>
              <p class="hint" id="outcomes-file-hint">
                Optional: a JSON or CSV file (the command line’s format) replaces the rows above.
              </p>
              <input
                id="outcomes-file"
                name="outcomesFile"
                type="file"
                accept=".json,.csv,application/json,text/csv"
                aria-describedby="outcomes-file-hint"
              />
            </div>
            <div class="actions">
              <button
                type="submit"
                name="action"
                value="dry-run"
                class={step?.kind === 'preview' ? 'secondary' : undefined}
              >
                Dry run
              </button>
            </div>
          </PostForm>
        </section>
      )}
      <section aria-labelledby="decided-heading">
        <h2 id="decided-heading">What it decided</h2>
        {data.decisions.length === 0 ? (
          <p>Nothing recorded for this meeting yet.</p>
        ) : (
          <ChangesTable events={data.decisions} label="Changes recorded for this meeting" />
        )}
      </section>
    </Layout>
  );
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const STATE_CHOICES: ReadonlyArray<readonly [string, string]> = WORKFLOW_STATES.map((state) => [
  state,
  stateLabel(state),
]);
const STANCE_CHOICES: ReadonlyArray<readonly [string, string]> = STANCES.map((stance) => [stance, stance]);

// The editor's rows: a fieldset per outcome and per position, numbered from 1. Hidden, they carry
// the rows along with Apply, so that a refusal after it shows them again.
function RowFields({
  rows,
  data,
  problems = new Map(),
  hidden = false,
}: {
  readonly rows: EditorRows;
  readonly data?: MeetingPageData;
  readonly problems?: ReadonlyMap<string, readonly string[]>;
  readonly hidden?: boolean;
}) {
  if (hidden || !data) {
    return (
      <>
        {(['outcome', 'position'] as const).flatMap((kind) =>
          (kind === 'outcome' ? rows.outcomes : rows.positions).flatMap((row, index) =>
            Object.entries(row).map(([field, value]) => {
              const name = rowFieldName(kind, index + 1, field);
              return <input key={name} type="hidden" name={name} value={value} />;
            }),
          ),
        )}
      </>
    );
  }
  const itemList = 'editor-items';
  return (
    <>
      <datalist id={itemList}>
        {data.items.map((item) => (
          <option key={item.slug} value={item.slug}>
            {item.title}
          </option>
        ))}
      </datalist>
      {rows.outcomes.map((row, index) => {
        const id = (field: string) => rowFieldName('outcome', index + 1, field);
        return (
          <fieldset key={`o${index}`} class="row">
            <legend>Outcome {index + 1}</legend>
            <RowProblems messages={problems.get(`outcome-${index + 1}`)} />
            <ItemField id={id('item')} value={row.item} list={itemList} />
            <SelectField
              id={id('to')}
              name={id('to')}
              label="New state"
              placeholder="Choose a state"
              options={STATE_CHOICES}
              selected={row.to}
            />
            <TextField id={id('reason')} name={id('reason')} label="Reason" value={row.reason} maxLength={2000} />
            <TextField id={id('source')} name={id('source')} label="Source" value={row.source} maxLength={500} />
            <RemoveButton kind="outcome" number={index + 1} />
          </fieldset>
        );
      })}
      {rows.positions.map((row, index) => {
        const id = (field: string) => rowFieldName('position', index + 1, field);
        return (
          <fieldset key={`p${index}`} class="row">
            <legend>Position {index + 1}</legend>
            <RowProblems messages={problems.get(`position-${index + 1}`)} />
            <ItemField id={id('item')} value={row.item} list={itemList} />
            <SelectField
              id={id('party')}
              name={id('party')}
              label="Party"
              placeholder="Choose a party"
              options={data.parties.map((party) => [party.slug, party.name])}
              selected={row.party}
            />
            <SelectField
              id={id('stance')}
              name={id('stance')}
              label="Stance"
              placeholder="Choose a stance"
              options={STANCE_CHOICES}
              selected={row.stance}
            />
            <TextField
              id={id('statement')}
              name={id('statement')}
              label="Statement"
              value={row.statement}
              maxLength={2000}
            />
            <TextField id={id('source')} name={id('source')} label="Source" value={row.source} maxLength={500} />
            <RemoveButton kind="position" number={index + 1} />
          </fieldset>
        );
      })}
    </>
  );
}

// An item, typed or picked from the list by its title (the list's values are slugs).
function ItemField({ id, value, list }: { readonly id: string; readonly value: string; readonly list: string }) {
  return (
    <div class="field">
      <label for={id}>Item</label>
      <input id={id} name={id} type="text" value={value} list={list} maxLength={200} autocomplete="off" />
    </div>
  );
}

function RowProblems({ messages }: { readonly messages?: readonly string[] }) {
  return messages ? (
    <ul class="failure">
      {messages.map((message, index) => (
        <li key={index}>{message}</li>
      ))}
    </ul>
  ) : null;
}

function RemoveButton({ kind, number }: { readonly kind: 'outcome' | 'position'; readonly number: number }) {
  const label = `${kind === 'outcome' ? 'Outcome' : 'Position'} ${number}`;
  return (
    <button
      type="submit"
      name="action"
      value={`remove-${kind}-${number}`}
      class="secondary"
      aria-label={`Remove ${label}`}
    >
      Remove
    </button>
  );
}

// The parties' positions the file records with the outcomes, applied in the same step.
function PositionsPreview({
  positions,
  parties,
}: {
  readonly positions: readonly PositionOutcomeDto[];
  readonly parties: MeetingPageData['parties'];
}) {
  const name = (slug: string) => parties.find((party) => party.slug === slug)?.name ?? slug;
  return (
    <DataTable
      label="Positions"
      caption="Positions recorded with the outcomes"
      rows={positions}
      rowKey={(_, index) => index}
      columns={[
        { header: 'Item', cell: (position) => <ItemLink slug={position.item} /> },
        { header: 'Party', cell: (position) => name(position.party) },
        { header: 'Stance', cell: (position) => position.stance },
        { header: 'Statement', cell: (position) => position.statement ?? '' },
      ]}
    />
  );
}

function Preview({ rows }: { readonly rows: readonly PreviewRow[] }) {
  return (
    <DataTable
      label="Preview"
      caption="Preview: what would change"
      rows={rows}
      rowKey={(_, index) => index}
      rowClass={(row) => (row.failure ? 'failed' : undefined)}
      columns={[
        { header: 'Item', cell: ({ outcome }) => <ItemLink slug={outcome.item} /> },
        {
          header: 'From → to',
          cell: ({ outcome, fromState }) =>
            fromState ? <StateChange from={fromState} to={outcome.to} /> : <StateBadge state={outcome.to} />,
        },
        { header: 'Reason', cell: ({ outcome }) => outcome.reason ?? '' },
        {
          header: 'Check',
          cell: ({ failure }) => (failure ? <span class="failure">{failure.message}</span> : 'OK'),
        },
      ]}
    />
  );
}

// A batch is named by its meeting and the time it was recorded; its id stays for reference.
function Applied({ result, meeting }: { readonly result: OutcomesResultView; readonly meeting: string }) {
  const positions = result.positions?.length ?? 0;
  return (
    <div class="notice" role="status">
      <h2>Outcomes applied</h2>
      <p>
        {counted(result.outcomes.length, 'outcome')} and {counted(positions, 'position')} recorded, effective{' '}
        {result.effectiveOn}, as one batch: {meeting}, <Instant iso={new Date().toISOString()} />
        (reference <code>{result.batch}</code>).
      </p>
    </div>
  );
}
