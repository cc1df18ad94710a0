import { WORKFLOW_STATES, type WorkflowState } from '../../workflow/workflow.definition.js';
import type { CountsSeries } from './bar-chart.js';
import { DataTable } from './data-table.js';
import { stateName } from './state-name.js';

// One row per workflow state, one column per series, and the totals.
export function CountsTable({ series }: { readonly series: readonly CountsSeries[] }) {
  const total = (one: CountsSeries) => WORKFLOW_STATES.reduce((sum, state) => sum + one.counts[state], 0);
  return (
    <DataTable<WorkflowState | 'total'>
      label="Items per state"
      rows={[...WORKFLOW_STATES, 'total']}
      columns={[
        { header: 'State', cell: (row) => (row === 'total' ? <strong>Total</strong> : stateName(row)) },
        ...series.map((one) => ({
          header: one.label,
          kind: 'number' as const,
          cell: (row: WorkflowState | 'total') => (row === 'total' ? <strong>{total(one)}</strong> : one.counts[row]),
        })),
      ]}
    />
  );
}
