import type { RevisionsReport, StandingView } from '../revisions-report.view.js';
import { DataTable } from './data-table.js';
import { ReportPage, renderReport } from './report-page.js';
import { revisionCells, revisionsNotes, revisionsTitle } from './report-titles.js';
import { stateName } from './state-name.js';

// The correction notice an analyst attaches to a revised report: what changed for the day, why,
// and who recorded it when.
export function revisionsHtml(report: RevisionsReport): string {
  return renderReport(<RevisionsReportPage report={report} />);
}

function RevisionsReportPage({ report }: { readonly report: RevisionsReport }) {
  const rows = report.differences.map((difference) => revisionCells(difference, standing));
  return (
    <ReportPage title={revisionsTitle(report)} notes={revisionsNotes(report)}>
      <section>
        <h2>Differences ({report.differences.length})</h2>
        {rows.length === 0 ? (
          <p class="empty">The status for {report.asOf} did not change between the two instants.</p>
        ) : (
          <DataTable
            label="Differences"
            rows={rows}
            columns={[
              { header: 'Item', cell: (row) => row[0] },
              { header: 'Kind', cell: (row) => row[1] },
              { header: 'Before', kind: 'nowrap', cell: (row) => row[2] },
              { header: 'After', kind: 'nowrap', cell: (row) => row[3] },
              { header: 'Events', kind: 'text', cell: (row) => row[4] },
            ]}
          />
        )}
      </section>
    </ReportPage>
  );
}

function standing(view: StandingView | null) {
  return view ? (
    <>
      {stateName(view.state)} since {view.since}
    </>
  ) : (
    <span class="empty">not listed</span>
  );
}
