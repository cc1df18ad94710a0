import type { PositionsReport } from '../../../reports/positions-report.view.js';
import { DataTable } from '../../../reports/render/data-table.js';
import type { PartyNames } from '../../../reports/render/party-names.js';
import { stanceLabel } from '../../../reports/render/stance-style.js';
import { ItemLink } from '../parts/item-link.js';
import { StateBadge } from '../parts/state-badge.js';
import { type Paging, paged } from './paging.js';
import { RowsPager } from './rows-pager.js';

// Items × parties (by name): each cell names the stance in words, and the day it was taken.
export function PositionsView({
  report,
  names,
  paging,
}: {
  readonly report: PositionsReport;
  readonly names: PartyNames;
  readonly paging: Paging;
}) {
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
            header: names(party),
            cell: (item: PositionsReport['items'][number]) => {
              const position = item.positions[party];
              return position ? `${stanceLabel(position.stance)} since ${position.since}` : '—';
            },
          })),
        ]}
      />
      <RowsPager count={report.items.length} paging={paging} />
    </section>
  );
}
