import type { ComplianceReport } from '../../reports/compliance-report.view.js';
import type { EditionView } from '../../reports/edition.view.js';
import type { PartyView } from '../../parties/party.view.js';
import { partyNames } from '../../reports/render/party-names.js';
import { PartiesField } from './forms/parties-field.js';
import type { FormError, FormValues } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { ErrorSummary } from './forms/error-summary.js';
import { SelectField } from './forms/select-field.js';
import { TextField } from './forms/text-field.js';
import { isAdmin } from './is-admin.js';
import { Layout } from './layout.js';
import { counted } from './parts/counted.js';
import { Instant } from './parts/instant.js';
import type { ScoresStep } from './compliance/scores-step.js';
import { Matrix } from './compliance/matrix.js';
import { ScoresForm } from './compliance/scores-form.js';

// The matrix's filters, as the query string carries them.
export const COMPLIANCE_FILTERS = ['asOf', 'category', 'proposedBy', 'parties', 'compareTo'] as const;

export function CompliancePage({
  session,
  filters,
  report,
  editions,
  step,
  filterError,
  parties,
}: {
  readonly session: ConsoleSession;
  readonly filters: FormValues;
  // Why the filters were refused (the matrix is then today's, of every item).
  readonly filterError?: FormError;
  readonly report: ComplianceReport;
  readonly editions: readonly EditionView[];
  readonly parties: readonly PartyView[];
  readonly step?: ScoresStep;
}) {
  const names = partyNames(parties);
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== '')).toString();
  return (
    <Layout title="Compliance" session={session} section="compliance">
      {step?.kind === 'applied' && (
        <div class="notice" role="status">
          <h2>Scores recorded</h2>
          <p>
            {counted(step.result.results.length, 'score')} recorded, effective {step.result.effectiveOn}, as one batch:{' '}
            <Instant iso={new Date().toISOString()} /> (reference <code>{step.result.batch}</code>).
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
          <PartiesField
            id="compliance-parties"
            value={filters.parties}
            parties={parties}
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
      <Matrix report={report} names={names} />
      <p>
        Download:{' '}
        {(['json', 'csv', 'md', 'html'] as const).map((format, index) => (
          <span key={format}>
            {index > 0 && ' · '}
            <a href={`/compliance/download?${query ? `${query}&` : ''}format=${format}`}>{format.toUpperCase()}</a>
          </span>
        ))}
      </p>
      {isAdmin(session) && <ScoresForm session={session} step={step} names={names} />}
    </Layout>
  );
}
