import type { ConsoleSession } from '../../sessions/console-sessions.service.js';
import { ErrorSummary } from '../forms/error-summary.js';
import { PostForm } from '../forms/post-form.js';
import { TextField } from '../forms/text-field.js';
import type { PartyNames } from '../../../reports/render/party-names.js';
import type { ScoresStep } from './scores-step.js';
import { Preview } from './scores-preview.js';
import { DryRunButton } from '../forms/dry-run-button.js';
import { counted } from '../parts/counted.js';

export function ScoresForm({
  session,
  step,
  names,
}: {
  readonly session: ConsoleSession;
  readonly step?: ScoresStep;
  readonly names: PartyNames;
}) {
  return (
    <section aria-labelledby="scores-heading">
      <h2 id="scores-heading">Record scores</h2>
      <p>
        Upload the score matrix as CSV (a header item,&lt;party slug&gt;,…, then one row per item slug; cells 1, +1, 0,
        -1, n/a or empty) or the JSON of the API. <strong>Dry run</strong> checks every cell and writes nothing; then{' '}
        <strong>Apply</strong> records them all, or none.
      </p>
      {step?.kind === 'refused' && <ErrorSummary title={step.error.title} messages={step.error.messages} />}
      {step?.kind === 'preview' && (
        <>
          <Preview results={step.result.results} names={names} />
          <PostForm session={session} action="/compliance/assessments" class="stack">
            <input type="hidden" name="assessments" value={JSON.stringify(step.assessments)} />
            <input type="hidden" name="effectiveOn" value={step.result.effectiveOn} />
            {/* One key per preview: a second submit (a double click, a reload) gets the first answer back. */}
            <input type="hidden" name="idempotencyKey" value={step.idempotencyKey} />
            <div class="actions">
              <button type="submit" name="action" value="apply">
                Apply
              </button>
              <span>
                {counted(step.result.results.length, 'score')}, effective {step.result.effectiveOn}
              </span>
            </div>
          </PostForm>
        </>
      )}
      <PostForm session={session} action="/compliance/assessments" enctype="multipart/form-data" class="stack">
        <div class="field">
          <label for="scores-file">Scores file</label>
          <input id="scores-file" name="scoresFile" type="file" accept=".csv,.json,text/csv,application/json" />
        </div>
        <TextField
          id="scores-assessed-on"
          name="effectiveOn"
          label="Assessed on"
          type="date"
          hint="The day the monitoring period ends: the date of every score."
        />
        <DryRunButton previewShown={step?.kind === 'preview'} />
      </PostForm>
    </section>
  );
}
