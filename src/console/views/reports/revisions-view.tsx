import { DataTable } from '../../../reports/render/data-table.js';
import type { RevisionsReport } from '../../../reports/revisions-report.view.js';
import { ItemLink } from '../parts/item-link.js';
import { type Paging, paged } from './paging.js';
import { RowsPager } from './rows-pager.js';
import { Standing } from './standing.js';
import { counted } from '../parts/counted.js';

// A correction notice: how the status for a day changed between what was known at two instants.
export function RevisionsView({ report, paging }: { readonly report: RevisionsReport; readonly paging: Paging }) {
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">Revisions of the status as of {report.asOf}</h2>
      <p>
        Between what was known at {report.from} and at {report.to}: {counted(report.differences.length, 'item')}{' '}
        changed.
      </p>
      <DataTable
        label="Differences"
        rows={paged(report.differences, paging)}
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
      <RowsPager count={report.differences.length} paging={paging} />
    </section>
  );
}
