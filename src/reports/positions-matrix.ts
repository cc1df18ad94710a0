import type { PositionAsOf } from '../history/position.repository.js';
import type { ItemInState } from './scoped-history.js';
import type { PositionCellView, PositionsItemView } from './positions-report.view.js';

// One row per item, one cell per party: its position on the item, or null when it had none. Plain
// loops: at 10,000 items and a few parties this runs on every first build of the report.
export function positionsMatrix(
  items: readonly ItemInState[],
  parties: readonly { id: string; slug: string }[],
  positions: ReadonlyMap<string, ReadonlyMap<string, PositionAsOf>>,
): PositionsItemView[] {
  const rows: PositionsItemView[] = [];
  for (const { itemId, slug, title, state } of items) {
    const ofItem = positions.get(itemId);
    const cells: Record<string, PositionCellView | null> = {};
    for (const party of parties) {
      const position = ofItem?.get(party.id);
      cells[party.slug] = position ? { stance: position.stance, since: position.since } : null;
    }
    rows.push({ slug, title, state, positions: cells });
  }
  return rows;
}
