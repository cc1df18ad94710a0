import type { ItemDetailView } from '../../../items/item.view.js';
import { stateLabel } from '../../../reports/render/state-style.js';
import { StateBadge } from '../parts/state-badge.js';
import type { PartyNames } from '../../../reports/render/party-names.js';

// What the item is now: its fields, its state, where it may move, and the parties' positions.
export function ItemFacts({ item, partyName }: { readonly item: ItemDetailView; readonly partyName: PartyNames }) {
  return (
    <dl class="fields">
      <dt>Slug</dt>
      <dd>{item.slug}</dd>
      <dt>State</dt>
      <dd>
        <StateBadge state={item.state} /> since {item.stateSince}
      </dd>
      <dt>Category</dt>
      <dd>{item.category}</dd>
      <dt>Proposed by</dt>
      <dd>
        {item.proposedBy}, {item.proposedOn}
      </dd>
      <dt>Summary</dt>
      <dd>{item.summary}</dd>
      <dt>Source</dt>
      <dd>{item.sourceUrl ? <a href={item.sourceUrl}>{item.sourceUrl}</a> : '—'}</dd>
      <dt>Version</dt>
      <dd>{item.version}</dd>
      <dt>Allowed moves</dt>
      <dd>
        {item.allowedTransitions.length === 0
          ? 'None: this state is final.'
          : item.allowedTransitions
              .map(({ to, requiresReason }) => `${stateLabel(to)}${requiresReason ? ' (with a reason)' : ''}`)
              .join(', ')}
      </dd>
      <dt>Positions</dt>
      <dd>
        {item.positions.length === 0 ? (
          'None recorded.'
        ) : (
          <ul class="positions">
            {item.positions.map((position) => (
              <li key={position.party}>
                {partyName(position.party)}: {position.stance} since {position.since}
                {position.statement ? ` (${position.statement})` : ''}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
