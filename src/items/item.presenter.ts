import type { AssessmentView } from '../history/assessment.repository.js';
import { consensus } from '../positions/consensus.js';
import type { PositionView } from '../positions/position.view.js';
import { allowedTransitions } from '../workflow/workflow.machine.js';
import type { ItemEntity } from './item.entity.js';
import type { ItemDetailView, ItemView } from './item.view.js';

export function presentItem(item: ItemEntity): ItemView {
  return {
    id: item.id,
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    category: item.category,
    proposedBy: item.proposedBy,
    proposedOn: item.proposedOn,
    sourceUrl: item.sourceUrl,
    state: item.state,
    stateSince: item.stateSince,
    version: Number(item.version),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

// `positions`: each party's current position on the item.
// `assessments`: each party's standing compliance score.
export function presentItemDetail(
  item: ItemEntity,
  positions: readonly PositionView[],
  assessments: readonly AssessmentView[] = [],
): ItemDetailView {
  return {
    ...presentItem(item),
    allowedTransitions: allowedTransitions(item.state).map(({ to, requiresReason }) => ({ to, requiresReason })),
    positions: [...positions],
    consensus: consensus(positions),
    assessments: [...assessments],
  };
}
