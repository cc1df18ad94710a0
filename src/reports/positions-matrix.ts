import type { PositionAsOf } from '../positions/positions.repository.js';
import type { ItemState } from './scoped-history.js';
import type { PositionsItemView } from './positions-report.view.js';

// One row per item, one cell per party: its position on the item, or null when it had none.
export function positionsMatrix(
  items: readonly { itemId: string; state: ItemState }[],
  parties: readonly { id: string; slug: string }[],
  positions: ReadonlyMap<string, ReadonlyMap<string, PositionAsOf>>,
): PositionsItemView[] {
  return items.map(({ itemId, state }) => {
    const ofItem = positions.get(itemId);
    return {
      slug: state.slug,
      title: state.title,
      state: state.state,
      positions: Object.fromEntries(
        parties.map((party) => {
          const position = ofItem?.get(party.id);
          return [party.slug, position ? { stance: position.stance, since: position.since } : null];
        }),
      ),
    };
  });
}
