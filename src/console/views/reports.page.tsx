import type { ChangesReport } from '../../reports/changes-report.view.js';
import type { PositionsReport } from '../../reports/positions-report.view.js';
import { countsBarChart } from '../../reports/render/bar-chart.js';
import type { RevisionsReport, StandingView } from '../../reports/revisions-report.view.js';
import type { StatusReport } from '../../reports/status-report.view.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { DataTable, Layout, SelectField, TextField } from './layout.js';
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

// The rows of the report's tables a page shows, and each table's length by name.
export interface ShownRows {
  readonly offset: number;
  readonly limit: number;
  readonly tables: Readonly<Partial<Record<string, number>>>;
}

export type ShownReport = (
  | { readonly kind: 'status'; readonly report: StatusReport }
  | { readonly kind: 'changes'; readonly report: ChangesReport }
  | { readonly kind: 'positions'; readonly report: PositionsReport }
  | { readonly kind: 'revisions'; readonly report: RevisionsReport }
) & { readonly rows: ShownRows };

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

// The filters after the report's kind: which days, which knowledge, which items.
export const REPORT_FIELDS: ReadonlyArray<
  readonly [string, Exclude<keyof ReportForm, 'report' | 'divergent'>, string, 'date' | 'text']
> = [
  ['report-as-of', 'asOf', 'As of (status, positions, revisions)', 'date'],
  ['report-from', 'from', 'From (changes)', 'date'],
  ['report-to', 'to', 'To (changes)', 'date'],
  ['report-known-at', 'knownAt', 'Known at (instant, UTC)', 'text'],
  ['report-revised-from', 'revisedFrom', 'Revisions: known at first (instant, UTC)', 'text'],
  ['report-revised-to', 'revisedTo', 'Revisions: known at last (instant, UTC; empty: now)', 'text'],
  ['report-category', 'category', 'Category', 'text'],
  ['report-proposed-by', 'proposedBy', 'Proposed by', 'text'],
];

const DIVERGENT_CHOICES: ReadonlyArray<readonly [string, string]> = [
  ['false', 'Every item'],
  ['true', 'Only where parties pull apart'],
];

export function ReportsPage({
  session,
  form,
  shown,
}: {
  readonly session: ConsoleSession;
  readonly form: ReportForm;
  readonly shown?: ShownReport;
}) {
  const query = new URLSearchParams(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  );
  return (
    <Layout title="Reports" session={session} section="reports">
      <form method="get" action="/reports" class="filters" aria-label="Choose a report">
        <SelectField id="report-kind" name="report" label="Report" options={REPORT_KINDS} selected={form.report} />
        {REPORT_FIELDS.map(([id, name, label, type]) => (
          <TextField key={name} id={id} name={name} label={label} type={type} value={form[name]} />
        ))}
        <SelectField
          id="report-divergent"
          name="divergent"
          label="Items (positions)"
          options={DIVERGENT_CHOICES}
          selected={form.divergent}
        />
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
          <ShownReportView shown={shown} />
          <RowsPager rows={shown.rows} query={query} />
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

// Which rows the tables show, and links to the rows before and after.
function RowsPager({ rows, query }: { readonly rows: ShownRows; readonly query: URLSearchParams }) {
  const total = Math.max(0, ...Object.values(rows.tables).map((length) => length ?? 0));
  const last = Math.min(rows.offset + rows.limit, total);
  const link = (offset: number) => `/reports?${query.toString()}&offset=${offset}`;
  return (
    <nav class="pager" aria-label="Report rows">
      {total > 0 && <span>{`Rows ${rows.offset + 1}–${last} of ${total}`}</span>}
      {rows.offset > 0 && <a href={link(Math.max(0, rows.offset - rows.limit))}>Previous rows</a>}
      {last < total && <a href={link(rows.offset + rows.limit)}>Next rows</a>}
    </nav>
  );
}

function ShownReportView({ shown }: { readonly shown: ShownReport }) {
  switch (shown.kind) {
    case 'status':
      return <StatusView report={shown.report} />;
    case 'changes':
      return <ChangesView report={shown.report} tables={shown.rows.tables} />;
    case 'positions':
      return <PositionsView report={shown.report} />;
    case 'revisions':
      return <RevisionsView report={shown.report} tables={shown.rows.tables} />;
  }
}

function StatusView({ report }: { readonly report: StatusReport }) {
  const chart = countsBarChart(
    [{ label: `As of ${report.asOf}`, counts: report.counts }],
    `Items per state as of ${report.asOf}`,
  );
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">Status as of {report.asOf}</h2>
      <div dangerouslySetInnerHTML={{ __html: chart.markup }} />
      <DataTable
        label="Items and their states"
        rows={report.items}
        rowKey={(item) => item.slug}
        columns={[
          { header: 'Item', cell: (item) => <ItemLink slug={item.slug} title={item.title} /> },
          { header: 'State', cell: (item) => <StateBadge state={item.state} /> },
          { header: 'Since', cell: (item) => item.since },
          { header: 'Reason', cell: (item) => item.lastReason ?? '' },
        ]}
      />
    </section>
  );
}

// `tables`: the length of each whole table, of which the report holds a page.
function ChangesView({ report, tables }: { readonly report: ChangesReport; readonly tables: ShownRows['tables'] }) {
  const chart = countsBarChart(
    [
      { label: `Before ${report.from}`, counts: report.countsBefore },
      { label: `On ${report.to}`, counts: report.countsAfter },
    ],
    `Items per state before ${report.from} and on ${report.to}`,
  );
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">
        Changes from {report.from} to {report.to}
      </h2>
      <div dangerouslySetInnerHTML={{ __html: chart.markup }} />
      <h3>Transitions ({tables.transitions ?? report.transitions.length})</h3>
      <DataTable
        label="Transitions"
        rows={report.transitions}
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
      <h3>Positions taken ({tables.positions ?? report.positions.length})</h3>
      <DataTable
        label="Positions taken"
        rows={report.positions}
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
    </section>
  );
}

// Items × parties: each cell names the stance in words, and the day it was taken.
function PositionsView({ report }: { readonly report: PositionsReport }) {
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">
        Positions as of {report.asOf}
        {report.divergent && ', where parties pull apart'}
      </h2>
      <DataTable
        label="Items and each party's position"
        rows={report.items}
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
    </section>
  );
}

// A correction notice: how the status for a day changed between what was known at two instants.
function RevisionsView({ report, tables }: { readonly report: RevisionsReport; readonly tables: ShownRows['tables'] }) {
  const changed = tables.differences ?? report.differences.length;
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">Revisions of the status as of {report.asOf}</h2>
      <p>
        Between what was known at {report.from} and at {report.to}: {changed} item
        {changed === 1 ? '' : 's'} changed.
      </p>
      <DataTable
        label="Differences"
        rows={report.differences}
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
