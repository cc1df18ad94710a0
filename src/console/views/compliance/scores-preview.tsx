import type { Score } from '../../../assessments/score.js';
import type { AssessmentResultView } from '../../../compliance/assessments.view.js';
import { scoreCell } from '../../../reports/render/compliance-cells.js';
import { DataTable } from '../../../reports/render/data-table.js';
import type { PartyNames } from '../../../reports/render/party-names.js';
import { ItemLink } from '../parts/item-link.js';
import { counted } from '../parts/counted.js';

// Every cell that would change, and how many keep their score.
export function Preview({
  results,
  names,
}: {
  readonly results: readonly AssessmentResultView[];
  readonly names: PartyNames;
}) {
  const changing = results.filter((result) => result.from !== result.to);
  return (
    <>
      <DataTable
        label="Preview"
        caption="Preview: every cell that would change"
        rows={changing}
        columns={[
          { header: 'Item', cell: (result) => <ItemLink slug={result.item} /> },
          { header: 'Party', cell: (result) => names(result.party) },
          { header: 'From → to', cell: (result) => `${shown(result.from)} → ${shown(result.to)}` },
        ]}
      />
      {changing.length < results.length && (
        <p>
          {counted(results.length - changing.length, 'more cell')} keep their score (recorded again for this period).
        </p>
      )}
    </>
  );
}

function shown(score: Score | null): string {
  return scoreCell(score) || 'none';
}
