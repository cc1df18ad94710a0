import { DataTable } from '../../../reports/render/data-table.js';
import { ItemLink } from '../parts/item-link.js';
import { StateBadge } from '../parts/state-badge.js';
import { StateChange } from '../parts/state-change.js';
import type { PreviewRow } from './outcomes-step.js';

export function Preview({ rows }: { readonly rows: readonly PreviewRow[] }) {
  return (
    <DataTable
      label="Preview"
      caption="Preview: what would change"
      rows={rows}
      rowClass={(row) => (row.failure ? 'failed' : undefined)}
      columns={[
        { header: 'Item', cell: ({ outcome }) => <ItemLink slug={outcome.item} /> },
        {
          header: 'From → to',
          cell: ({ outcome, fromState }) =>
            fromState ? <StateChange from={fromState} to={outcome.to} /> : <StateBadge state={outcome.to} />,
        },
        { header: 'Reason', cell: ({ outcome }) => outcome.reason ?? '' },
        {
          header: 'Check',
          cell: ({ failure }) => (failure ? <span class="failure">{failure.message}</span> : 'OK'),
        },
      ]}
    />
  );
}
