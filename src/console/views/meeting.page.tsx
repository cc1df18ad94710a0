import type { MeetingPageData } from '../console-views.service.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { EMPTY_ROWS } from '../outcome-rows.js';
import { ErrorSummary } from './forms/error-summary.js';
import { PostForm } from './forms/post-form.js';
import { isAdmin } from './is-admin.js';
import { Layout } from './layout.js';
import { ChangesTable } from './parts/changes-table.js';
import type { OutcomesStep } from './meeting/outcomes-step.js';
import { counted } from './parts/counted.js';
import { RowFields } from './meeting/row-fields.js';
import { PositionsPreview } from './meeting/positions-preview.js';
import { Preview } from './meeting/outcomes-preview.js';
import { Applied } from './meeting/applied.js';
import { DryRunButton } from './forms/dry-run-button.js';

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
            <DryRunButton previewShown={step?.kind === 'preview'} />
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
