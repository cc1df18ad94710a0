import { CountsBarChart } from '../../../reports/render/bar-chart.js';
import { DataTable } from '../../../reports/render/data-table.js';
import type { StatusReport } from '../../../reports/status-report.view.js';
import { ItemLink } from '../parts/item-link.js';
import { StateBadge } from '../parts/state-badge.js';
import { type Paging, paged } from './paging.js';
import { RowsPager } from './rows-pager.js';

export function StatusView({ report, paging }: { readonly report: StatusReport; readonly paging: Paging }) {
  return (
    <section aria-labelledby="report-heading">
      <h2 id="report-heading">Status as of {report.asOf}</h2>
      <CountsBarChart
        series={[{ label: `As of ${report.asOf}`, counts: report.counts }]}
        title={`Items per state as of ${report.asOf}`}
      />
      <DataTable
        label="Items and their states"
        rows={paged(report.items, paging)}
        columns={[
          { header: 'Item', cell: (item) => <ItemLink slug={item.slug} title={item.title} /> },
          { header: 'State', cell: (item) => <StateBadge state={item.state} /> },
          { header: 'Since', cell: (item) => item.since },
          { header: 'Reason', cell: (item) => item.lastReason ?? '' },
        ]}
      />
      <RowsPager count={report.items.length} paging={paging} />
    </section>
  );
}
