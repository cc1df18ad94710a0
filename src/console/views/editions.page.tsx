import { EDITION_REPORTS } from '../../reports/dto/edition-query.js';
import type { EditionView } from '../../reports/edition.view.js';
import type { FormError, FormValues } from '../form-values.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { DataTable } from '../../reports/render/data-table.js';
import { FormSection } from './forms/form-section.js';
import { SelectField } from './forms/select-field.js';
import { TextField } from './forms/text-field.js';
import { isAdmin } from './is-admin.js';
import { Layout } from './layout.js';
import type { PartyView } from '../../parties/party.view.js';
import { PartiesField } from './forms/parties-field.js';

// The publish form's fields: the edition's own, then its report's.
export const EDITION_FIELDS = ['slug', 'title', 'report'] as const;
export const EDITION_QUERY_FIELDS = ['asOf', 'from', 'to', 'category', 'proposedBy', 'parties'] as const;

export interface EditionsPageProps {
  readonly session: ConsoleSession;
  readonly editions: readonly EditionView[];
  // Named in the publish form's Parties hint.
  readonly parties: readonly PartyView[];
  readonly values?: FormValues;
  readonly error?: FormError;
  // The slug of the edition just published.
  readonly published?: string;
}

export function EditionsPage({ session, editions, parties, values = {}, error, published }: EditionsPageProps) {
  return (
    <Layout title="Editions" session={session} section="compliance">
      {published && (
        <div class="notice" role="status">
          <p>
            The edition <code>{published}</code> was published.
          </p>
        </div>
      )}
      <p>An edition is a report as it was published: the same bytes at every reading, whatever is recorded later.</p>
      {editions.length === 0 ? (
        <p>No edition yet.</p>
      ) : (
        <DataTable
          label="Editions"
          caption="Editions, newest first"
          rows={editions}
          columns={[
            { header: 'Edition', cell: (edition) => `${edition.title} (${edition.slug})` },
            { header: 'Report', cell: (edition) => edition.report },
            {
              header: 'Query',
              cell: (edition) =>
                Object.entries(edition.query)
                  .map(([key, value]) => `${key}=${value}`)
                  .join(', '),
            },
            { header: 'History head', cell: (edition) => `${edition.head.events} events` },
            { header: 'Published', cell: (edition) => `${edition.publishedAt} by ${edition.publishedBy}` },
            {
              header: 'Report as published',
              cell: (edition) => (
                <span>
                  {(['json', 'csv', 'md', 'html'] as const).map((format, index) => (
                    <span key={format}>
                      {index > 0 && ' · '}
                      <a href={`/editions/${encodeURIComponent(edition.slug)}/report?format=${format}`}>
                        {`${format.toUpperCase()}`}
                        <span class="visually-hidden">{` of ${edition.slug}`}</span>
                      </a>
                    </span>
                  ))}
                </span>
              ),
            },
          ]}
        />
      )}
      {isAdmin(session) && (
        <FormSection
          id="publish"
          heading="Publish an edition"
          intro={<p>The report is built from the history as it stands now and kept as it is.</p>}
          error={error}
          session={session}
          action="/editions"
          actions={<button type="submit">Publish edition</button>}
        >
          <TextField id="edition-slug" name="slug" label="Edition slug" value={values.slug} required maxLength={64} />
          <TextField id="edition-title" name="title" label="Title" value={values.title} required maxLength={200} />
          <SelectField
            id="edition-report"
            name="report"
            label="Report"
            required
            options={EDITION_REPORTS.map((report) => [report, report])}
            selected={values.report}
          />
          <TextField
            id="edition-as-of"
            name="asOf"
            label="As of"
            type="date"
            value={values.asOf}
            hint="Status, positions and compliance: the day shown (today when empty)."
          />
          <TextField
            id="edition-from"
            name="from"
            label="From"
            type="date"
            value={values.from}
            hint="Changes: the first day."
          />
          <TextField
            id="edition-to"
            name="to"
            label="To"
            type="date"
            value={values.to}
            hint="Changes: the last day (today when empty)."
          />
          <TextField id="edition-category" name="category" label="Category" value={values.category} />
          <TextField id="edition-proposed-by" name="proposedBy" label="Proposed by" value={values.proposedBy} />
          <PartiesField
            id="edition-parties"
            value={values.parties}
            parties={parties}
            hint="Compliance: party slugs separated by commas, in column order."
          />
        </FormSection>
      )}
    </Layout>
  );
}
