import type { ChangesReport } from '../../../reports/changes-report.view.js';
import { CountsBarChart } from '../../../reports/render/bar-chart.js';
import { DataTable } from '../../../reports/render/data-table.js';
import type { PartyNames } from '../../../reports/render/party-names.js';
import { stanceLabel } from '../../../reports/render/stance-style.js';
import { ItemLink } from '../parts/item-link.js';
import { MeetingLink } from '../parts/meeting-link.js';
import { StateChange } from '../parts/state-change.js';
import { type Paging, paged } from './paging.js';
import { RowsPager } from './rows-pager.js';

export function ChangesView({
  report,
  names,
  paging,
}: {
  readonly report: ChangesReport;
  readonly names: PartyNames;
  readonly paging: Paging;
}) {
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
        columns={[
          { header: 'Effective', cell: (change) => change.effectiveOn },
          { header: 'Item', cell: (change) => <ItemLink slug={change.item} title={change.title} /> },
          { header: 'Party', cell: (change) => names(change.party) },
          {
            header: 'Stance',
            cell: (change) =>
              `${change.fromStance ? stanceLabel(change.fromStance) : 'No position'} → ${stanceLabel(change.toStance)}`,
          },
          { header: 'Statement', cell: (change) => change.statement ?? '' },
          { header: 'Meeting', cell: (change) => <MeetingLink slug={change.meeting} /> },
          { header: 'By', cell: (change) => change.actor },
        ]}
      />
      <RowsPager count={report.positions.length} paging={paging} />
    </section>
  );
}
