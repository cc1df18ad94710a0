import { STANCES } from '../../parties/stance.js';
import type { PositionsReport } from '../positions-report.view.js';
import { DataTable } from './data-table.js';
import { ReportPage, renderReport } from './report-page.js';
import { positionsTitle } from './report-titles.js';
import { scopeNotes } from './scope-notes.js';
import { StanceName } from './stance-style.js';
import { StateName } from './state-name.js';

// The matrix: one row per item naming its slug, one column per party; every stance in words.
export function positionsHtml(report: PositionsReport): string {
  return renderReport(<PositionsReportPage report={report} />);
}

type PositionsRow = PositionsReport['items'][number];

function PositionsReportPage({ report }: { readonly report: PositionsReport }) {
  return (
    <ReportPage
      title={positionsTitle(report)}
      notes={[...scopeNotes(report), ...(report.divergent ? ['Only the items where parties pull apart.'] : [])]}
    >
      <section>
        <h2>Stances</h2>
        <ul class="legend">
          {STANCES.map((stance) => (
            <li>
              <StanceName stance={stance} />
            </li>
          ))}
          <li>
            <span class="stance">— No position</span>
          </li>
        </ul>
      </section>
      <section>
        <h2>Positions by item ({report.items.length})</h2>
        {report.items.length === 0 ? (
          <p class="empty">No item matches.</p>
        ) : (
          <DataTable
            label="Positions by item"
            rows={report.items}
            columns={[
              { header: 'Item', cell: (item) => item.slug },
              { header: 'Title', cell: (item) => item.title },
              { header: 'State', cell: (item) => <StateName state={item.state} /> },
              ...report.parties.map((party) => ({
                header: party,
                kind: 'nowrap' as const,
                cell: (item: PositionsRow) => {
                  const cell = item.positions[party];
                  return cell ? (
                    <>
                      <StanceName stance={cell.stance} />
                      <br />
                      <span class="small">since {cell.since}</span>
                    </>
                  ) : (
                    <span class="small">— No position</span>
                  );
                },
              })),
            ]}
          />
        )}
      </section>
    </ReportPage>
  );
}
