import { WORKFLOW_STATES } from '../../workflow/workflow.definition.js';
import type { StatusReport } from '../status-report.view.js';
import { CountsBarChart } from './bar-chart.js';
import { CountsTable } from './counts-table.js';
import { DataTable } from './data-table.js';
import { ReportPage, renderReport } from './report-page.js';
import { statusTitle } from './report-titles.js';
import { scopeNotes } from './scope-notes.js';
import { stateName } from './state-name.js';
import { stateLabel } from './state-style.js';

export function statusHtml(report: StatusReport): string {
  return renderReport(<StatusReportPage report={report} />);
}

function StatusReportPage({ report }: { readonly report: StatusReport }) {
  const series = [{ label: `As of ${report.asOf}`, counts: report.counts }];
  const groups = WORKFLOW_STATES.map((state) => ({
    state,
    items: report.items.filter((item) => item.state === state),
  })).filter((group) => group.items.length > 0);
  return (
    <ReportPage title={statusTitle(report)} notes={scopeNotes(report)}>
      <section>
        <h2>Items per state</h2>
        <CountsBarChart series={series} title={`Items per state as of ${report.asOf}`} />
        <CountsTable series={series} />
      </section>
      <section>
        <h2>Items by state</h2>
        {groups.length === 0 && <p class="empty">No items had been proposed by this day.</p>}
        {groups.map((group) => (
          <>
            <h3>
              {stateName(group.state)} ({group.items.length})
            </h3>
            <DataTable
              label={`Items ${stateLabel(group.state).toLowerCase()}`}
              rows={group.items}
              columns={[
                { header: 'Item', cell: (item) => item.slug },
                { header: 'Title', cell: (item) => item.title },
                { header: 'Category', cell: (item) => item.category },
                { header: 'Proposed by', cell: (item) => item.proposedBy },
                { header: 'Since', kind: 'nowrap', cell: (item) => item.since },
                { header: 'Last reason', kind: 'text', cell: (item) => item.lastReason },
              ]}
            />
          </>
        ))}
      </section>
    </ReportPage>
  );
}
