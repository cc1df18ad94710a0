import type { StandingView } from '../../../reports/revisions-report.view.js';
import { StateBadge } from '../parts/state-badge.js';

export function Standing({ standing }: { readonly standing: StandingView | null }) {
  return standing ? (
    <>
      <StateBadge state={standing.state} /> since {standing.since}
    </>
  ) : (
    <span>—</span>
  );
}
