import type { ChangesReport } from '../../reports/changes-report.view.js';
import { countsBarChart } from '../../reports/render/bar-chart.js';
import type { StatusReport } from '../../reports/status-report.view.js';
import type { ConsoleSession } from '../sessions/console-sessions.service.js';
import { DataTable, Layout, SelectField, TextField } from './layout.js';
import { ItemLink, MeetingLink, StateBadge, StateChange } from './parts.js';

export type ReportKind = 'status' | 'changes';

export interface ReportForm {
  readonly report: ReportKind;
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  readonly knownAt?: string;
  readonly category?: string;
  readonly proposedBy?: string;
}

export type ShownReport =
  | { readonly kind: 'status'; readonly report: StatusReport }
  | { readonly kind: 'changes'; readonly report: ChangesReport };

const DOWNLOADS: ReadonlyArray<readonly [string, string]> = [
  ['csv', 'CSV'],
  ['md', 'Markdown'],
  ['html', 'HTML'],
  ['json', 'JSON'],
];

const REPORT_KINDS: ReadonlyArray<readonly [ReportKind, string]> = [
  ['status', 'Status as of a day'],
  ['changes', 'Changes between two days'],
];

// The filters after the report's kind: which days, which knowledge, which items.
const REPORT_FIELDS: ReadonlyArray<readonly [string, Exclude<keyof ReportForm, 'report'>, string, 'date' | 'text']> = [
  ['report-as-of', 'asOf', 'As of (status)', 'date'],
  ['report-from', 'from', 'From (changes)', 'date'],
  ['report-to', 'to', 'To (changes)', 'date'],
  ['report-known-at', 'knownAt', 'Known at (instant, UTC)', 'text'],
  ['report-category', 'category', 'Category', 'text'],
  ['report-proposed-by', 'proposedBy', 'Proposed by', 'text'],
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
          {shown.kind === 'status' ? <StatusView report={shown.report} /> : <ChangesView report={shown.report} />}
          <p class="meta">
            Built from the history up to head{' '}
            <code class="hash">{`${shown.report.head.hash}:${shown.report.head.events}`}</code>
            {shown.report.knownAt && `, as known at ${shown.report.knownAt}`}.
          </p>
        </>
      )}
    </Layout>
  );
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

function ChangesView({ report }: { readonly report: ChangesReport }) {
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
      <h3>Transitions ({report.transitions.length})</h3>
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
    </section>
  );
}
