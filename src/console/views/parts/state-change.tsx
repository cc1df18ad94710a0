import type { WorkflowState } from '../../../workflow/workflow.definition.js';
import { StateBadge } from './state-badge.js';

export function StateChange({ from, to }: { readonly from: WorkflowState | null; readonly to: WorkflowState | null }) {
  if (!from) {
    return <StateBadge state={to} />;
  }
  return (
    <span>
      <StateBadge state={from} /> → <StateBadge state={to} />
    </span>
  );
}
