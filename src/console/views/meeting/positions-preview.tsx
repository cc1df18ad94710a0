import type { PositionOutcomeDto } from '../../../outcomes/dto/position-outcome.dto.js';
import type { MeetingPageData } from '../../console-views.service.js';
import { DataTable } from '../../../reports/render/data-table.js';
import { partyNames } from '../../../reports/render/party-names.js';
import { stanceLabel } from '../../../reports/render/stance-style.js';
import { ItemLink } from '../parts/item-link.js';

// The parties' positions the file records with the outcomes, applied in the same step.
export function PositionsPreview({
  positions,
  parties,
}: {
  readonly positions: readonly PositionOutcomeDto[];
  readonly parties: MeetingPageData['parties'];
}) {
  const name = partyNames(parties);
  return (
    <DataTable
      label="Positions"
      caption="Positions recorded with the outcomes"
      rows={positions}
      columns={[
        { header: 'Item', cell: (position) => <ItemLink slug={position.item} /> },
        { header: 'Party', cell: (position) => name(position.party) },
        { header: 'Stance', cell: (position) => stanceLabel(position.stance) },
        { header: 'Statement', cell: (position) => position.statement ?? '' },
      ]}
    />
  );
}
