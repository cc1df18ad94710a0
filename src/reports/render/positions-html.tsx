import { STANCES } from '../../parties/stance.js';
import type { PositionsReport } from '../positions-report.view.js';
import { DataTable, noted } from './data-table.js';
import type { PartyNames } from './party-names.js';
import { ReportPage, renderReport } from './report-page.js';
import { positionsTitle } from './report-titles.js';
import { scopeNotes } from './scope-notes.js';
import { stanceName } from './stance-style.js';
import { stateName } from './state-name.js';

// The matrix: one row per item naming its slug, one column per party by name; every stance in words.
export function positionsHtml(report: PositionsReport, names: PartyNames): string {
  return renderReport(<PositionsReportPage report={report} names={names} />);
}

type PositionsRow = PositionsReport['items'][number];

const NO_POSITION = <small>— No position</small>;

function PositionsReportPage({ report, names }: { readonly report: PositionsReport; readonly names: PartyNames }) {
  return (
    <ReportPage
      title={positionsTitle(report)}
      notes={[...scopeNotes(report), ...(report.divergent ? ['Only the items where parties pull apart.'] : [])]}
    >
      <section>
        <h2>Stances</h2>
        <ul class="legend">
          {STANCES.map((stance) => (
            <li>{stanceName(stance)}</li>
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
              { header: 'State', cell: (item) => stateName(item.state) },
              ...report.parties.map((party) => ({
                header: names(party),
                kind: 'nowrap' as const,
                cell: (item: PositionsRow) => {
                  const cell = item.positions[party];
                  return cell ? noted(stanceName(cell.stance), `since ${cell.since}`) : NO_POSITION;
                },
              })),
            ]}
          />
        )}
      </section>
    </ReportPage>
  );
}
