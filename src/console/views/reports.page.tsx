import type { ChangesReport } from '../../reports/changes-report.view.js';
import type { PositionsReport } from '../../reports/positions-report.view.js';
import { CountsBarChart } from '../../reports/render/bar-chart.js';
import { DataTable } from '../../reports/render/data-table.js';
import type { RevisionsReport, StandingView } from '../../reports/revisions-report.view.js';
import type { StatusReport } from '../../reports/status-report.view.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import type { FormError } from '../form-values.js';
import { ErrorSummary } from './forms/error-summary.js';
import { SelectField } from './forms/select-field.js';
import { TextField } from './forms/text-field.js';
import { Layout } from './layout.js';
import { ItemLink, MeetingLink, StateBadge, StateChange } from './parts.js';

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

export type ShownReport =
  | { readonly kind: 'status'; readonly report: StatusReport }
  | { readonly kind: 'changes'; readonly report: ChangesReport }
  | { readonly kind: 'positions'; readonly report: PositionsReport }
  | { readonly kind: 'revisions'; readonly report: RevisionsReport };

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

function ShownReportView({ shown, paging }: { readonly shown: ShownReport; readonly paging: Paging }) {
  switch (shown.kind) {
    case 'status':
      return <StatusView report={shown.report} paging={paging} />;
    case 'changes':
      return <ChangesView report={shown.report} paging={paging} />;
    case 'positions':
      return <PositionsView report={shown.report} paging={paging} />;
    case 'revisions':
      return <RevisionsView report={shown.report} paging={paging} />;
  }
}

// A report's tables are shown a page of rows at a time (downloads hold every row): one page number
// for the page's tables, in its address, so it works without scripts and can be bookmarked.
export const REPORT_PAGE_ROWS = 100;

interface Paging {
  readonly page: number;
  readonly link: (page: number) => string;
}

function paged<T>(rows: readonly T[], { page }: Paging): readonly T[] {
  return rows.slice((page - 1) * REPORT_PAGE_ROWS, page * REPORT_PAGE_ROWS);
}

function RowsPager({ count, paging }: { readonly count: number; readonly paging: Paging }) {
  const { page, link } = paging;
  if (count <= REPORT_PAGE_ROWS) {
    return null;
  }
  const first = (page - 1) * REPORT_PAGE_ROWS + 1;
  const last = Math.min(count, page * REPORT_PAGE_ROWS);
  return (
    <p class="pager">
      {first <= count ? `Rows ${first} to ${last} of ${count}.` : `No rows on page ${page} (${count} in all).`}{' '}
      {page > 1 && <a href={link(page - 1)}>Previous rows</a>} {last < count && <a href={link(page + 1)}>Next rows</a>}
    </p>
  );
}

function StatusView({ report, paging }: { readonly report: StatusReport; readonly paging: Paging }) {
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">Status as of {report.asOf}</h2>
      <CountsBarChart
        series={[{ label: `As of ${report.asOf}`, counts: report.counts }]}
        title={`Items per state as of ${report.asOf}`}
      />
      <DataTable
        label="Items and their states"
        rows={paged(report.items, paging)}
        rowKey={(item) => item.slug}
        columns={[
          { header: 'Item', cell: (item) => <ItemLink slug={item.slug} title={item.title} /> },
          { header: 'State', cell: (item) => <StateBadge state={item.state} /> },
          { header: 'Since', cell: (item) => item.since },
          { header: 'Reason', cell: (item) => item.lastReason ?? '' },
        ]}
      />
      <RowsPager count={report.items.length} paging={paging} />
    </section>
  );
}

function ChangesView({ report, paging }: { readonly report: ChangesReport; readonly paging: Paging }) {
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">
        Changes from {report.from} to {report.to}
      </h2>
      <CountsBarChart
        series={[
          { label: `Before ${report.from}`, counts: report.countsBefore },
          { label: `On ${report.to}`, counts: report.countsAfter },
        ]}
        title={`Items per state before ${report.from} and on ${report.to}`}
      />
      <h3>Transitions ({report.transitions.length})</h3>
      <DataTable
        label="Transitions"
        rows={paged(report.transitions, paging)}
        rowKey={(_, index) => index}
        columns={[
          { header: 'Effective', cell: (change) => change.effectiveOn },
          { header: 'Item', cell: (change) => <ItemLink slug={change.item} title={change.title} /> },
          { header: 'Change', cell: (change) => <StateChange from={change.fromState} to={change.toState} /> },
          { header: 'Reason', cell: (change) => change.reason ?? '' },
          { header: 'Meeting', cell: (change) => <MeetingLink slug={change.meeting} /> },
          { header: 'By', cell: (change) => change.actor },
        ]}
      />
      <RowsPager count={report.transitions.length} paging={paging} />
      <h3>Positions taken ({report.positions.length})</h3>
      <DataTable
        label="Positions taken"
        rows={paged(report.positions, paging)}
        rowKey={(_, index) => index}
        columns={[
          { header: 'Effective', cell: (change) => change.effectiveOn },
          { header: 'Item', cell: (change) => <ItemLink slug={change.item} title={change.title} /> },
          { header: 'Party', cell: (change) => change.party },
          { header: 'Stance', cell: (change) => `${change.fromStance ?? 'none'} → ${change.toStance}` },
          { header: 'Statement', cell: (change) => change.statement ?? '' },
          { header: 'Meeting', cell: (change) => <MeetingLink slug={change.meeting} /> },
          { header: 'By', cell: (change) => change.actor },
        ]}
      />
      <RowsPager count={report.positions.length} paging={paging} />
    </section>
  );
}

// Items × parties: each cell names the stance in words, and the day it was taken.
function PositionsView({ report, paging }: { readonly report: PositionsReport; readonly paging: Paging }) {
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">
        Positions as of {report.asOf}
        {report.divergent && ', where parties pull apart'}
      </h2>
      <DataTable
        label="Items and each party's position"
        rows={paged(report.items, paging)}
        rowKey={(item) => item.slug}
        columns={[
          { header: 'Item', cell: (item) => <ItemLink slug={item.slug} title={item.title} /> },
          { header: 'State', cell: (item) => <StateBadge state={item.state} /> },
          ...report.parties.map((party) => ({
            header: party,
            cell: (item: PositionsReport['items'][number]) => {
              const position = item.positions[party];
              return position ? `${position.stance} since ${position.since}` : '—';
            },
          })),
        ]}
      />
      <RowsPager count={report.items.length} paging={paging} />
    </section>
  );
}

// A correction notice: how the status for a day changed between what was known at two instants.
function RevisionsView({ report, paging }: { readonly report: RevisionsReport; readonly paging: Paging }) {
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">Revisions of the status as of {report.asOf}</h2>
      <p>
        Between what was known at {report.from} and at {report.to}: {report.differences.length} item
        {report.differences.length === 1 ? '' : 's'} changed.
      </p>
      <DataTable
        label="Differences"
        rows={paged(report.differences, paging)}
        rowKey={(difference) => difference.item}
        columns={[
          { header: 'Item', cell: (difference) => <ItemLink slug={difference.item} /> },
          { header: 'Before', cell: (difference) => <Standing standing={difference.before} /> },
          { header: 'After', cell: (difference) => <Standing standing={difference.after} /> },
          { header: 'Kind', cell: (difference) => difference.kind },
          {
            header: 'Events',
            cell: (difference) => (
              <ul>
                {difference.events.map((event) => (
                  <li key={event.seq}>
                    Version {event.seq}, {event.action}
                    {event.reason ? `: ${event.reason}` : ''}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <RowsPager count={report.differences.length} paging={paging} />
    </section>
  );
}

function Standing({ standing }: { readonly standing: StandingView | null }) {
  return standing ? (
    <>
      <StateBadge state={standing.state} /> since {standing.since}
    </>
  ) : (
    <span>—</span>
  );
}
