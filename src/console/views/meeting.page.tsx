import type { OutcomeDto } from '../../outcomes/dto/outcome.dto.js';
import type { PositionOutcomeDto } from '../../outcomes/dto/position-outcome.dto.js';
import type { BatchFailure } from '../../common/domain-error.js';
import type { OutcomesResultView } from '../../outcomes/outcomes.view.js';
import type { WorkflowState } from '../../workflow/workflow.definition.js';
import type { MeetingPageData } from '../console-views.service.js';
import type { FormError } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { DataTable, ErrorSummary, isAdmin, Layout, PostForm } from './layout.js';
import { ChangesTable, ItemLink, StateBadge, StateChange } from './parts.js';

export interface PreviewRow {
  readonly outcome: OutcomeDto;
  // The item's state now, when it exists.
  readonly fromState: WorkflowState | null;
  readonly failure?: BatchFailure;
}

// The editor's state after a post: a preview to confirm, the outcomes applied, or a refusal.
export type OutcomesStep =
  | {
      readonly kind: 'preview';
      readonly rows: readonly PreviewRow[];
      readonly positions: readonly PositionOutcomeDto[];
      readonly idempotencyKey: string;
    }
  | {
      readonly kind: 'refused';
      readonly rows: readonly PreviewRow[];
      readonly positions: readonly PositionOutcomeDto[];
      readonly error: FormError;
    }
  | { readonly kind: 'invalid'; readonly error: FormError }
  | { readonly kind: 'applied'; readonly result: OutcomesResultView };

export function MeetingPage({
  session,
  data,
  step,
  typedRows,
}: {
  readonly session: ConsoleSession;
  readonly data: MeetingPageData;
  readonly step?: OutcomesStep;
  // Rows typed before a dry run, shown again until they are applied.
  readonly typedRows?: string;
}) {
  const { meeting } = data;
  const action = `/meetings/${encodeURIComponent(meeting.slug)}/outcomes`;
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
      {step?.kind === 'applied' && <Applied result={step.result} />}
      {isAdmin(session) && (
        <section aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading">Record outcomes</h2>
          <p>
            Upload the meeting’s outcomes as a JSON or CSV file (the command line’s format: JSON{' '}
            <code>{'{ "meeting", "outcomes": [{ "item", "to", "reason", "source" }] }'}</code>, or CSV with the columns
            item, to, reason, source). <strong>Dry run</strong> checks every outcome and writes nothing; then{' '}
            <strong>Apply</strong> records them all, or none, effective on {meeting.heldOn}.
          </p>
          {(step?.kind === 'invalid' || step?.kind === 'refused') && (
            <ErrorSummary title={step.error.title} messages={step.error.messages} />
          )}
          {(step?.kind === 'preview' || step?.kind === 'refused') && (
            <>
              <Preview rows={step.rows} />
              {step.positions.length > 0 && <PositionsPreview positions={step.positions} />}
            </>
          )}
          {step?.kind === 'preview' && (
            <PostForm session={session} action={action} class="stack">
              <input type="hidden" name="outcomes" value={JSON.stringify(step.rows.map(({ outcome }) => outcome))} />
              <input type="hidden" name="positions" value={JSON.stringify(step.positions)} />
              {/* One key per preview: a second submit (a double click, a reload) gets the first answer back. */}
              <input type="hidden" name="idempotencyKey" value={step.idempotencyKey} />
              <div class="actions">
                <button type="submit" name="action" value="apply">
                  Apply
                </button>
                <span>
                  {step.rows.length} outcome{step.rows.length === 1 ? '' : 's'}, effective {meeting.heldOn}
                </span>
              </div>
            </PostForm>
          )}
          <PostForm session={session} action={action} enctype="multipart/form-data" class="stack">
            <div class="field">
              <label for="outcomes-file">Outcomes file</label>
              <input id="outcomes-file" name="outcomesFile" type="file" accept=".json,.csv,application/json,text/csv" />
            </div>
            <div class="field">
              <label for="outcomes-text">Or type the outcomes</label>
              <p class="hint" id="outcomes-text-hint">
                CSV: first the header line item,to,reason,source, then one line per outcome (reason and source may be
                left empty).
              </p>
              <textarea id="outcomes-text" name="outcomesText" rows={4} aria-describedby="outcomes-text-hint">
                {step?.kind === 'applied' ? '' : (typedRows ?? '')}
              </textarea>
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

// The parties' positions the file records with the outcomes, applied in the same step.
function PositionsPreview({ positions }: { readonly positions: readonly PositionOutcomeDto[] }) {
  return (
    <DataTable
      label="Positions"
      caption="Positions recorded with the outcomes"
      rows={positions}
      rowKey={(_, index) => index}
      columns={[
        { header: 'Item', cell: (position) => <ItemLink slug={position.item} /> },
        { header: 'Party', cell: (position) => position.party },
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
          cell: ({ failure }) =>
            failure ? <span class="failure">{`${failure.code}: ${failure.message}`}</span> : 'OK',
        },
      ]}
    />
  );
}

function Applied({ result }: { readonly result: OutcomesResultView }) {
  return (
    <div class="notice" role="status">
      <h2>Outcomes applied</h2>
      <p>
        {result.outcomes.length} outcome{result.outcomes.length === 1 ? '' : 's'} recorded, effective{' '}
        {result.effectiveOn}, as batch <code>{result.batch}</code>.
      </p>
    </div>
  );
}
