import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import type { FormError } from '../form-values.js';
import { ErrorSummary } from './forms/error-summary.js';
import { SelectField } from './forms/select-field.js';
import { TextField } from './forms/text-field.js';
import { Layout } from './layout.js';
import type { ShownReport } from './reports/shown-report.js';
import { ShownReportView } from './reports/shown-report-view.js';

// The reports controller takes the report's type from the page.
export type { ShownReport } from './reports/shown-report.js';

export type ReportKind = 'status' | 'changes' | 'positions' | 'revisions';

export interface ReportForm {
  readonly report: ReportKind;
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  readonly knownAt?: string;
  readonly category?: string;
  readonly proposedBy?: string;
  // The positions report: 'true' keeps only the items where parties pull apart.
  readonly divergent?: string;
  // The revisions report compares what was known at two instants.
  readonly revisedFrom?: string;
  readonly revisedTo?: string;
}

const DOWNLOADS: ReadonlyArray<readonly [string, string]> = [
  ['csv', 'CSV'],
  ['md', 'Markdown'],
  ['html', 'HTML'],
  ['json', 'JSON'],
];

export const REPORT_KINDS: ReadonlyArray<readonly [ReportKind, string]> = [
  ['status', 'Status as of a day'],
  ['changes', 'Changes between two days'],
  ['positions', "Parties' positions as of a day"],
  ['revisions', "Revisions of a day's status between two instants"],
];

function kindLabel(kind: ReportKind): string {
  return REPORT_KINDS.find(([value]) => value === kind)?.[1] ?? kind;
}

type ReportField = Exclude<keyof ReportForm, 'report' | 'divergent'>;

// Each field once, in people's words; instants are typed as the console shows them.
const FIELDS: Readonly<Record<ReportField, readonly [string, 'date' | 'text', string?]>> = {
  asOf: ['As of', 'date'],
  from: ['From', 'date'],
  to: ['To', 'date'],
  knownAt: ['Known at', 'text', 'As the history stood then, e.g. 2010-11-21 09:30 (UTC); empty: now.'],
  revisedFrom: ['Known first at', 'text', 'The earlier instant, e.g. 2010-11-20 18:00 (UTC).'],
  revisedTo: ['Known last at', 'text', 'The later instant (UTC); empty: now.'],
  category: ['Category', 'text'],
  proposedBy: ['Proposed by', 'text'],
};

export const REPORT_FIELD_NAMES = Object.keys(FIELDS) as ReportField[];

// One page per kind, with only the fields that kind takes.
export const KIND_FIELDS: Readonly<Record<ReportKind, readonly ReportField[]>> = {
  status: ['asOf', 'knownAt', 'category', 'proposedBy'],
  changes: ['from', 'to', 'knownAt', 'category', 'proposedBy'],
  positions: ['asOf', 'knownAt', 'category', 'proposedBy'],
  revisions: ['asOf', 'revisedFrom', 'revisedTo'],
};

const DIVERGENT_CHOICES: ReadonlyArray<readonly [string, string]> = [
  ['false', 'Every item'],
  ['true', 'Only where parties pull apart'],
];

export function ReportsPage({
  session,
  form,
  shown,
  error,
  page = 1,
}: {
  readonly session: ConsoleSession;
  readonly form: ReportForm;
  readonly shown?: ShownReport;
  // Which page of rows the report's tables show, from 1.
  readonly page?: number;
  // A refused report: the form keeps what was typed.
  readonly error?: FormError;
}) {
  const query = new URLSearchParams(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
  return (
    <Layout title="Reports" session={session} section="reports">
      <nav class="tabs" aria-label="Report kinds">
        <ul>
          {REPORT_KINDS.map(([kind, label]) => (
            <li key={kind}>
              <a href={`/reports?report=${kind}`} aria-current={kind === form.report ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/reports" class="filters" aria-label={kindLabel(form.report)}>
        {error && <ErrorSummary title={error.title} messages={error.messages} fields={error.fields} />}
        <input type="hidden" name="report" value={form.report} />
        {KIND_FIELDS[form.report].map((name) => {
          const [label, type, hint] = FIELDS[name];
          return (
            <TextField
              key={name}
              id={`report-${name}`}
              name={name}
              label={label}
              type={type}
              value={form[name]}
              hint={hint}
            />
          );
        })}
        {form.report === 'positions' && (
          <SelectField
            id="report-divergent"
            name="divergent"
            label="Items"
            options={DIVERGENT_CHOICES}
            selected={form.divergent}
          />
        )}
        <div class="actions">
          <button type="submit">Show report</button>
        </div>
      </form>
      {shown && (
        <>
          <p class="no-print">
            Download:{' '}
            {DOWNLOADS.map(([format, label], index) => (
              <span key={format}>
                {index > 0 && ' · '}
                <a href={`/reports/download?${query.toString()}&format=${format}`} download>
                  {label}
                </a>
              </span>
            ))}
          </p>
          <ShownReportView
            shown={shown}
            paging={{ page, link: (to) => `/reports?${query.toString()}&page=${String(to)}` }}
          />
          {'head' in shown.report && (
            <p class="meta">
              Built from the history up to head{' '}
              <code class="hash">{`${shown.report.head.hash}:${shown.report.head.events}`}</code>
              {shown.report.knownAt && `, as known at ${shown.report.knownAt}`}.
            </p>
          )}
        </>
      )}
    </Layout>
  );
}
