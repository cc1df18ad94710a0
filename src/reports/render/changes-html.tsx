import { dayBefore } from '../../common/calendar-date.js';
import type { ChangesReport } from '../changes-report.view.js';
import { CountsBarChart } from './bar-chart.js';
import { CountsTable } from './counts-table.js';
import { DataTable, noted } from './data-table.js';
import type { PartyNames } from './party-names.js';
import { ReportPage, renderReport } from './report-page.js';
import { changesTitle, changesWindow } from './report-titles.js';
import { scopeNotes } from './scope-notes.js';
import { stanceName } from './stance-style.js';
import { stateName } from './state-name.js';
import { CountsTimelineChart } from './timeline-chart.js';

export function changesHtml(report: ChangesReport, names: PartyNames): string {
  return renderReport(<ChangesReportPage report={report} names={names} />);
}

function ChangesReportPage({ report, names }: { readonly report: ChangesReport; readonly names: PartyNames }) {
  const window = changesWindow(report);
  const series = [
    { label: `Before (${dayBefore(report.from)})`, counts: report.countsBefore },
    { label: `After (${report.to})`, counts: report.countsAfter },
  ];
  return (
    <ReportPage title={changesTitle(report)} notes={scopeNotes(report)}>
      <section>
        <h2>Items per state, before and after</h2>
        <CountsBarChart series={series} title={`Items per state before and after the changes ${window}`} />
        <CountsTable series={series} />
      </section>
      <section>
        <h2>Items per state over time</h2>
        <CountsTimelineChart
          window={{ from: report.from, to: report.to, countsBefore: report.countsBefore, points: report.timeline }}
          title={`Items per state over time, ${window}`}
        />
      </section>
      <section>
        <h2>Transitions ({report.transitions.length})</h2>
        {report.transitions.length === 0 ? (
          <p class="empty">No item changed state in this window.</p>
        ) : (
          <DataTable
            label="Transitions"
            rows={report.transitions}
            columns={[
              { header: 'Effective', kind: 'nowrap', cell: (change) => change.effectiveOn },
              { header: 'Item', cell: (change) => change.item },
              { header: 'Title', cell: (change) => change.title },
              {
                header: 'Change',
                cell: (change) => [stateName(change.fromState), ' → ', stateName(change.toState)],
              },
              { header: 'Reason', kind: 'text', cell: (change) => change.reason },
              { header: 'Meeting', cell: (change) => change.meeting },
              { header: 'Source', kind: 'text', cell: (change) => change.source },
              { header: 'Recorded', cell: (change) => noted(change.actor, change.recordedAt) },
            ]}
          />
        )}
      </section>
      <section>
        <h2>Positions taken ({report.positions.length})</h2>
        {report.positions.length === 0 ? (
          <p class="empty">No party took a position in this window.</p>
        ) : (
          <DataTable
            label="Positions taken"
            rows={report.positions}
            columns={[
              { header: 'Effective', kind: 'nowrap', cell: (position) => position.effectiveOn },
              { header: 'Item', cell: (position) => position.item },
              { header: 'Party', cell: (position) => names(position.party) },
              {
                header: 'Change',
                cell: (position) => [
                  position.fromStance === null ? 'No position' : stanceName(position.fromStance),
                  ' → ',
                  stanceName(position.toStance),
                ],
              },
              { header: 'Statement', kind: 'text', cell: (position) => position.statement },
              { header: 'Meeting', cell: (position) => position.meeting },
              { header: 'Source', kind: 'text', cell: (position) => position.source },
              { header: 'Recorded', cell: (position) => noted(position.actor, position.recordedAt) },
            ]}
          />
        )}
      </section>
    </ReportPage>
  );
}
