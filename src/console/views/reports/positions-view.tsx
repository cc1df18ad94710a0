import type { PositionsReport } from '../../../reports/positions-report.view.js';
import { DataTable } from '../../../reports/render/data-table.js';
import { ItemLink } from '../parts/item-link.js';
import { StateBadge } from '../parts/state-badge.js';
import { type Paging, paged } from './paging.js';
import { RowsPager } from './rows-pager.js';

// Items × parties: each cell names the stance in words, and the day it was taken.
export function PositionsView({ report, paging }: { readonly report: PositionsReport; readonly paging: Paging }) {
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">
        Positions as of {report.asOf}
        {report.divergent && ', where parties pull apart'}
      </h2>
      <DataTable
        label="Items and each party's position"
        rows={paged(report.items, paging)}
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
