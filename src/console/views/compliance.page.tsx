import type { ComponentChild } from 'preact';
import type { Score } from '../../assessments/score.js';
import type { AssessmentResultView, AssessmentsResultView } from '../../compliance/assessments.view.js';
import type { ComplianceReport } from '../../reports/compliance-report.view.js';
import type { EditionView } from '../../reports/edition.view.js';
import { averageCell, figure, percentCell, scoreCell } from '../../reports/render/compliance-cells.js';
import type { FormError, FormValues } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { DataTable } from '../../reports/render/data-table.js';
import { ErrorSummary } from './forms/error-summary.js';
import { PostForm } from './forms/post-form.js';
import { SelectField } from './forms/select-field.js';
import { TextField } from './forms/text-field.js';
import { isAdmin } from './is-admin.js';
import { Layout } from './layout.js';
import { ItemLink } from './parts.js';

// The matrix's filters, as the query string carries them.
export const COMPLIANCE_FILTERS = ['asOf', 'category', 'proposedBy', 'parties', 'compareTo'] as const;

// The scores upload after a post: a preview to confirm, the scores applied, or a refusal.
export type ScoresStep =
  | {
      readonly kind: 'preview';
      readonly result: AssessmentsResultView;
      readonly assessments: readonly unknown[];
      readonly idempotencyKey: string;
    }
  | { readonly kind: 'refused'; readonly error: FormError }
  | { readonly kind: 'applied'; readonly result: AssessmentsResultView };

export function CompliancePage({
  session,
  filters,
  report,
  editions,
  step,
  filterError,
}: {
  readonly session: ConsoleSession;
  readonly filters: FormValues;
  // Why the filters were refused (the matrix is then today's, of every item).
  readonly filterError?: FormError;
  readonly report: ComplianceReport;
  readonly editions: readonly EditionView[];
  readonly step?: ScoresStep;
}) {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== '')).toString();
  return (
    <Layout title="Compliance" session={session} section="compliance">
      {step?.kind === 'applied' && (
        <div class="notice" role="status">
          <h2>Scores recorded</h2>
          <p>
            {step.result.results.length} score{step.result.results.length === 1 ? '' : 's'} recorded, effective{' '}
            {step.result.effectiveOn}, as batch <code>{step.result.batch}</code>.
          </p>
        </div>
      )}
      <section aria-labelledby="matrix-filters-heading">
        <h2 id="matrix-filters-heading">Which items, which day</h2>
        {filterError && <ErrorSummary title={filterError.title} messages={filterError.messages} />}
        <form method="get" action="/compliance" class="stack">
          <TextField id="compliance-as-of" name="asOf" label="As of" type="date" value={filters.asOf} />
          <TextField id="compliance-category" name="category" label="Category" value={filters.category} />
          <TextField id="compliance-proposed-by" name="proposedBy" label="Proposed by" value={filters.proposedBy} />
          <TextField
            id="compliance-parties"
            name="parties"
            label="Parties"
            value={filters.parties}
            hint="Party slugs separated by commas, in the order of the columns; empty: every party with a score."
          />
          <SelectField
            id="compliance-compare-to"
            name="compareTo"
            label="Compare with"
            placeholder="No edition"
            options={editions
              .filter((edition) => edition.report === 'compliance')
              .map((edition) => [edition.slug, `${edition.title} (${edition.slug})`])}
            selected={filters.compareTo}
          />
          <div class="actions">
            <button type="submit">Show</button>
          </div>
        </form>
      </section>
      <Matrix report={report} />
      <p>
        Download:{' '}
        {(['json', 'csv', 'md', 'html'] as const).map((format, index) => (
          <span key={format}>
            {index > 0 && ' · '}
            <a href={`/compliance/download?${query ? `${query}&` : ''}format=${format}`}>{format.toUpperCase()}</a>
          </span>
        ))}
      </p>
      {isAdmin(session) && <ScoresForm session={session} step={step} />}
    </Layout>
  );
}

function Matrix({ report }: { readonly report: ComplianceReport }) {
  type Row = { key: string; label: ComponentChild; cells: string[]; average: string; percent: string };
  const rows: Row[] = [
    ...report.items.map((item) => ({
      key: item.slug,
      label: <ItemLink slug={item.slug} title={item.slug} />,
      cells: report.parties.map((party) => scoreCell(item.scores[party]?.score) || '—'),
      average: averageCell(item.average),
      percent: percentCell(item.percent),
    })),
    {
      key: ' average',
      label: 'Average',
      cells: report.members.map((member) => averageCell(member.average)),
      average: averageCell(report.overall.average),
      percent: '',
    },
    {
      key: ' percent',
      label: 'Percent',
      cells: report.members.map((member) => percentCell(member.percent)),
      average: '',
      percent: percentCell(report.overall.percent),
    },
  ];
  return (
    <section aria-labelledby="matrix-heading">
      <h2 id="matrix-heading">Scores as of {report.asOf}</h2>
      <p>
        Overall: {figure(report.overall)}. Scores: +1 full compliance, 0 partial, -1 none, n/a not applicable, — none
        recorded; averages leave out n/a and empty cells.
      </p>
      {report.items.length === 0 ? (
        <p>No item in scope has a score on this day.</p>
      ) : (
        <DataTable
          label="Compliance matrix"
          caption={`Compliance as of ${report.asOf}`}
          rows={rows}
          rowKey={(row) => row.key}
          columns={[
            { header: 'Item', cell: (row) => row.label },
            ...report.parties.map((party, index) => ({ header: party, cell: (row: Row) => row.cells[index] ?? '' })),
            { header: 'Average', cell: (row) => row.average },
            { header: 'Percent', cell: (row) => row.percent },
          ]}
        />
      )}
      {report.changes && (
        <>
          <h3>Moved since {report.compareTo}</h3>
          {report.changes.length === 0 ? (
            <p>No cell moved.</p>
          ) : (
            <DataTable
              label="Cells that moved"
              caption={`Cells that moved since ${report.compareTo ?? ''}`}
              rows={report.changes}
              rowKey={(change) => `${change.item} ${change.party}`}
              columns={[
                { header: 'Item', cell: (change) => <ItemLink slug={change.item} /> },
                { header: 'Party', cell: (change) => change.party },
                { header: 'Was', cell: (change) => scoreCell(change.from) || '—' },
                { header: 'Now', cell: (change) => scoreCell(change.to) || '—' },
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}

function ScoresForm({ session, step }: { readonly session: ConsoleSession; readonly step?: ScoresStep }) {
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
          <Preview results={step.result.results} />
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
                {step.result.results.length} score{step.result.results.length === 1 ? '' : 's'}, effective{' '}
                {step.result.effectiveOn}
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
  );
}

// Every cell that would change, and how many keep their score.
function Preview({ results }: { readonly results: readonly AssessmentResultView[] }) {
  const changing = results.filter((result) => result.from !== result.to);
  return (
    <>
      <DataTable
        label="Preview"
        caption="Preview: every cell that would change"
        rows={changing}
        rowKey={(result) => `${result.item} ${result.party}`}
        columns={[
          { header: 'Item', cell: (result) => <ItemLink slug={result.item} /> },
          { header: 'Party', cell: (result) => result.party },
          { header: 'From → to', cell: (result) => `${shown(result.from)} → ${shown(result.to)}` },
        ]}
      />
      {changing.length < results.length && (
        <p>
          {results.length - changing.length} more cell{results.length - changing.length === 1 ? '' : 's'} keep their
          score (recorded again for this period).
        </p>
      )}
    </>
  );
}

function shown(score: Score | null): string {
  return scoreCell(score) || 'none';
}
